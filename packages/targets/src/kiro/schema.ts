import { z } from 'zod'

const selectors = z.union([z.string(), z.array(z.string())], {
  error: 'a list of tool names or tags',
})

const globs = z.union([z.string(), z.array(z.string())], { error: 'a glob or a list of globs' })

/** One permission rule of a Kiro agent. */
export const kiroPermissionRule = z.looseObject(
  {
    capability: z.string({ error: 'a capability such as `shell`, `fs_read` or `fs_write`' }),
    effect: z.enum(['allow', 'ask', 'deny'], { error: '`allow`, `ask` or `deny`' }),
    match: globs.nullable().optional(),
    exclude: globs.nullable().optional(),
  },
  { error: 'a rule with `capability` and `effect`' },
)

/**
 * A Kiro custom agent: the frontmatter of `.kiro/agents/<name>.md` (Kiro IDE 1.x, CLI v3) or the
 * object of `.kiro/agents/<name>.json` (the same keys with `prompt`; the CLI 1.x/2.x keys
 * `allowedTools`, `toolsSettings`, `useLegacyMcpJson` too). Unknown keys are allowed.
 */
export const kiroAgentSchema = z.looseObject({
  name: z.string({ error: 'text' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  prompt: z.string({ error: 'text or a `file://` URI' }).nullable().optional(),
  model: z.string({ error: 'a model id such as `claude-sonnet-4.5`' }).nullable().optional(),
  tools: selectors.nullable().optional(),
  allowedTools: selectors.nullable().optional(),
  excludedTools: selectors.nullable().optional(),
  toolAliases: z
    .record(z.string(), z.string(), { error: 'a map of tool names to aliases' })
    .nullable()
    .optional(),
  toolsSettings: z
    .record(z.string(), z.record(z.string(), z.unknown()), { error: 'a map of tool names to settings' })
    .nullable()
    .optional(),
  permissions: z
    .union([z.array(kiroPermissionRule), z.looseObject({ rules: z.array(kiroPermissionRule) })], {
      error: 'a list of rules (`capability`, `effect`, `match`, `exclude`)',
    })
    .nullable()
    .optional(),
  mcpServers: z.record(z.string(), z.unknown(), { error: 'a map of server names' }).nullable().optional(),
  includeMcpJson: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
  includePowers: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
  useLegacyMcpJson: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
  welcomeMessage: z.string({ error: 'text' }).nullable().optional(),
  keyboardShortcut: z.string({ error: 'text' }).nullable().optional(),
})

/** The shape of a Kiro agent's keys. */
export type KiroAgent = z.infer<typeof kiroAgentSchema>

/** One Kiro permission rule as read. */
export type KiroPermissionRule = z.infer<typeof kiroPermissionRule>
