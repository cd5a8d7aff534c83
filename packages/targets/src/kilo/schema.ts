import { z } from 'zod'

const action = z.enum(['allow', 'ask', 'deny'], { error: '`allow`, `ask` or `deny`' })
const positiveInt = z
  .number({ error: 'a whole number of at least 1' })
  .int({ error: 'a whole number of at least 1' })
  .min(1, { error: 'a whole number of at least 1' })

/**
 * The frontmatter of a Kilo agent file, as Kilo's agent schema reads it
 * (`packages/opencode/src/config/agent.ts`). `null` is Kilo's delete sentinel on the keys that
 * accept it; the others reject it. Unknown keys are allowed (collected into `options`).
 * `permission` is checked by the parser, which knows which keys take no pattern map.
 */
export const kiloFrontmatter = z.looseObject({
  name: z.string({ error: 'text' }).optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  mode: z.enum(['primary', 'subagent', 'all'], { error: '`primary`, `subagent` or `all`' }).optional(),
  model: z.string({ error: 'text of the form `provider/model-id`' }).nullable().optional(),
  variant: z.string({ error: 'text' }).nullable().optional(),
  temperature: z.number({ error: 'a number' }).nullable().optional(),
  top_p: z.number({ error: 'a number' }).nullable().optional(),
  prompt: z.string({ error: 'text' }).nullable().optional(),
  steps: positiveInt.nullable().optional(),
  maxSteps: positiveInt.optional(),
  color: z
    .string({ error: '`#RRGGBB` or a theme colour' })
    .regex(/^(#[0-9a-fA-F]{6}|primary|secondary|accent|success|warning|error|info)$/, {
      error: '`#RRGGBB` or one of primary, secondary, accent, success, warning, error, info',
    })
    .optional(),
  hidden: z.boolean({ error: '`true` or `false`' }).optional(),
  disable: z.boolean({ error: '`true` or `false`' }).optional(),
  displayName: z.string({ error: 'text' }).optional(),
  source: z.string({ error: 'text' }).optional(),
  options: z.record(z.string(), z.unknown(), { error: 'a map of provider options' }).optional(),
  tools: z
    .record(z.string(), z.boolean({ error: '`true` or `false`' }), {
      error: 'a map of tool names to `true` or `false`',
    })
    .optional(),
  permission: z
    .union([
      action,
      z.record(
        z.string(),
        z.union([
          action.nullable(),
          z.record(z.string(), action.nullable(), { error: 'a map of patterns' }),
          z.array(z.string()),
        ]),
        { error: 'a map of tools' },
      ),
    ])
    .nullable()
    .optional(),
})

/** The frontmatter type of a Kilo agent. */
export type KiloFrontmatter = z.infer<typeof kiloFrontmatter>
