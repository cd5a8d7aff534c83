import { z } from 'zod'

const toolList = z.union([z.string(), z.array(z.string())], {
  error: 'a comma-separated list or a YAML list of tool names',
})

/** The frontmatter of a Claude Code subagent file. Unknown keys are allowed (Claude Code ignores them). */
export const claudeFrontmatter = z.looseObject({
  name: z.string({ error: 'text' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  tools: toolList.nullable().optional(),
  disallowedTools: toolList.nullable().optional(),
  model: z.string({ error: 'a model alias or id' }).nullable().optional(),
  effort: z
    .enum(['low', 'medium', 'high', 'xhigh', 'max'], { error: '`low`, `medium`, `high`, `xhigh` or `max`' })
    .nullable()
    .optional(),
  maxTurns: z
    .number({ error: 'a whole number of at least 1' })
    .int({ error: 'a whole number of at least 1' })
    .min(1, { error: 'a whole number of at least 1' })
    .nullable()
    .optional(),
  color: z.string({ error: 'a colour name' }).nullable().optional(),
})

/** The frontmatter type of a Claude Code agent. */
export type ClaudeFrontmatter = z.infer<typeof claudeFrontmatter>
