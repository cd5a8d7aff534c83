import { z } from 'zod'

const positiveInt = z
  .number({ error: 'a whole number of at least 1' })
  .int({ error: 'a whole number of at least 1' })
  .min(1, { error: 'a whole number of at least 1' })

const strings = z.array(z.string({ error: 'text' }), { error: 'a list of text' })
const stringMap = z.record(z.string(), z.string({ error: 'text' }), { error: 'a map of text values' })

/** One agent-private MCP server (`mcp_servers.<name>`), as the Gemini CLI loader checks it. */
const mcpServer = z.looseObject(
  {
    command: z.string({ error: 'text' }).optional(),
    args: strings.optional(),
    env: stringMap.optional(),
    cwd: z.string({ error: 'text' }).optional(),
    url: z.string({ error: 'text' }).optional(),
    http_url: z.string({ error: 'text' }).optional(),
    headers: stringMap.optional(),
    tcp: z.string({ error: 'text' }).optional(),
    type: z.enum(['sse', 'http'], { error: '`sse` or `http`' }).optional(),
    timeout: z.number({ error: 'a number' }).optional(),
    trust: z.boolean({ error: '`true` or `false`' }).optional(),
    description: z.string({ error: 'text' }).optional(),
    include_tools: strings.optional(),
    exclude_tools: strings.optional(),
    auth: z
      .looseObject(
        { type: z.enum(['google-credentials', 'oauth'], { error: '`google-credentials` or `oauth`' }) },
        { error: 'a map with `type: google-credentials` or `type: oauth`' },
      )
      .optional(),
  },
  { error: 'a map of MCP server settings' },
)

/**
 * The frontmatter of a Gemini CLI agent file (`.gemini/agents/<name>.md`). Gemini CLI's own
 * schema is strict (an unknown key makes the file fail to load); this schema is loose so that
 * the parser can report each unknown key by name and position.
 */
export const geminiFrontmatter = z.looseObject({
  name: z
    .string({ error: 'text of lowercase letters, digits, `-` and `_`' })
    .regex(/^[a-z0-9-_]+$/, { error: 'text of lowercase letters, digits, `-` and `_`' })
    .nullable()
    .optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  kind: z.enum(['local', 'remote'], { error: '`local` or `remote`' }).optional(),
  display_name: z.string({ error: 'text' }).optional(),
  tools: strings.optional(),
  mcp_servers: z.record(z.string(), mcpServer, { error: 'a map of MCP servers' }).optional(),
  model: z.string({ error: 'a model id or `inherit`' }).optional(),
  temperature: z.number({ error: 'a number' }).optional(),
  max_turns: positiveInt.optional(),
  timeout_mins: positiveInt.optional(),
  agent_card_url: z.url({ error: 'a URL' }).optional(),
  agent_card_json: z
    .string({ error: 'a JSON string' })
    .refine(
      (text) => {
        try {
          JSON.parse(text)
          return true
        } catch {
          return false
        }
      },
      { error: 'valid JSON text' },
    )
    .optional(),
  auth: z
    .looseObject(
      {
        type: z.enum(['apiKey', 'http', 'google-credentials', 'oauth'], {
          error: '`apiKey`, `http`, `google-credentials` or `oauth`',
        }),
      },
      { error: 'a map with a `type`' },
    )
    .optional(),
})

/** The frontmatter type of a Gemini CLI agent. */
export type GeminiFrontmatter = z.infer<typeof geminiFrontmatter>
