import { z } from 'zod'

const decision = z.enum(['allow', 'ask', 'deny'], { error: '`allow`, `ask` or `deny`' })

/** The frontmatter of an OpenCode V1 agent file. Unknown keys are allowed (provider options). */
export const openCodeFrontmatter = z.looseObject({
  name: z.string({ error: 'text' }).optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  mode: z
    .enum(['primary', 'subagent', 'all'], { error: '`primary`, `subagent` or `all`' })
    .nullable()
    .optional(),
  model: z
    .union([
      z.string({ error: 'text of the form `provider/model-id`' }),
      z.record(z.string().regex(/^(env|file):/), z.null(), { error: 'text of the form `provider/model-id`' }),
    ])
    .nullable()
    .optional(),
  temperature: z.number({ error: 'a number' }).nullable().optional(),
  top_p: z
    .number({ error: 'a number from 0 to 1' })
    .min(0, { error: 'a number from 0 to 1' })
    .max(1, { error: 'a number from 0 to 1' })
    .nullable()
    .optional(),
  steps: z
    .number({ error: 'a whole number of at least 1' })
    .int({ error: 'a whole number of at least 1' })
    .min(1, { error: 'a whole number of at least 1' })
    .nullable()
    .optional(),
  maxSteps: z
    .number({ error: 'a whole number of at least 1' })
    .int({ error: 'a whole number of at least 1' })
    .min(1, { error: 'a whole number of at least 1' })
    .nullable()
    .optional(),
  color: z
    .string({ error: '`#RRGGBB` or a theme colour' })
    .regex(/^(#[0-9a-fA-F]{6}|primary|secondary|accent|success|warning|error|info)$/, {
      error: '`#RRGGBB` or one of primary, secondary, accent, success, warning, error, info',
    })
    .nullable()
    .optional(),
  hidden: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
  disable: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
  tools: z
    .record(z.string(), z.boolean({ error: '`true` or `false`' }), {
      error: 'a map of tool names to `true` or `false`',
    })
    .nullable()
    .optional(),
  permission: z
    .union([
      decision,
      z.record(
        z.string(),
        z.union([decision, z.record(z.string(), decision, { error: 'a map of patterns' })]),
        {
          error: 'a map of tools',
        },
      ),
    ])
    .nullable()
    .optional(),
})

/** The frontmatter type of an OpenCode agent. */
export type OpenCodeFrontmatter = z.infer<typeof openCodeFrontmatter>
