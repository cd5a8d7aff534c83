import { z } from 'zod'
import { CODEX_EFFORTS, SANDBOX_MODES, WEB_SEARCH_MODES } from './mappings'

const text = z.string({ error: 'text' })
const effort = z.enum(CODEX_EFFORTS, { error: `one of ${CODEX_EFFORTS.map((e) => `\`${e}\``).join(', ')}` })
const NICKNAME = 'a name of ASCII letters, digits, spaces, hyphens and underscores'

/**
 * Codex's nickname rules (codex-rs `normalize_agent_role_nickname_candidates`): at least one
 * name; each, trimmed, non-blank, of ASCII letters, digits, spaces, `-` and `_`; no repeats.
 */
const nicknames = z
  .array(
    z
      .string({ error: NICKNAME })
      .refine((s) => s.trim() !== '' && /^[A-Za-z0-9 _-]+$/.test(s.trim()), { error: NICKNAME }),
    { error: 'a list of nicknames' },
  )
  .min(1, { error: 'a list of at least one nickname' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((name, i) => {
      const key = name.trim()
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'a nickname not already listed' })
      seen.add(key)
    })
  })

/** An MCP server table: the keys agentc reads; the rest (command, url, env, …) are kept as written. */
const mcpServer = z.looseObject(
  {
    enabled: z.boolean({ error: '`true` or `false`' }).optional(),
    enabled_tools: z.array(text, { error: 'a list of tool names' }).optional(),
    disabled_tools: z.array(text, { error: 'a list of tool names' }).optional(),
  },
  { error: 'a table' },
)

/**
 * A Codex custom agent file (`.codex/agents/<name>.toml`): the agent's own keys and the session
 * config keys it sets. Values of the keys agentc reads or that Codex validates strictly are
 * checked; other keys are allowed (they are kept as written).
 */
export const codexAgentSchema = z.looseObject({
  name: text.optional(),
  description: text.optional(),
  developer_instructions: text.optional(),
  nickname_candidates: nicknames.optional(),
  model: text.optional(),
  model_provider: text.optional(),
  model_reasoning_effort: effort.optional(),
  plan_mode_reasoning_effort: effort.optional(),
  model_reasoning_summary: z
    .enum(['auto', 'concise', 'detailed', 'none'], { error: '`auto`, `concise`, `detailed` or `none`' })
    .optional(),
  model_verbosity: z.enum(['low', 'medium', 'high'], { error: '`low`, `medium` or `high`' }).optional(),
  approval_policy: z
    .union([
      z.enum(['untrusted', 'on-failure', 'on-request', 'never'], {
        error: '`untrusted`, `on-failure`, `on-request` or `never`',
      }),
      z.looseObject({ granular: z.looseObject({}) }, { error: 'a `granular` table' }),
    ])
    .optional(),
  sandbox_mode: z
    .enum(SANDBOX_MODES, { error: '`read-only`, `workspace-write` or `danger-full-access`' })
    .optional(),
  default_permissions: text.optional(),
  web_search: z.enum(WEB_SEARCH_MODES, { error: '`disabled`, `cached` or `live`' }).optional(),
  features: z
    .looseObject({ shell_tool: z.boolean({ error: '`true` or `false`' }).optional() }, { error: 'a table' })
    .optional(),
  tools: z.looseObject({}, { error: 'a table (`[tools]`; Codex has no tool list)' }).optional(),
  mcp_servers: z.record(z.string(), mcpServer, { error: 'a table of MCP servers' }).optional(),
})

/** The data type of a Codex agent file. */
export type CodexAgentFile = z.infer<typeof codexAgentSchema>
