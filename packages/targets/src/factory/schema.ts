import { z } from 'zod'
import { FACTORY_EFFORTS } from './mappings'

/**
 * The frontmatter of a Factory droid. Unknown keys are allowed here and reported by the parser;
 * a key of the wrong type is a validation error in Factory too.
 */
export const factoryFrontmatter = z.looseObject({
  name: z.string({ error: 'lowercase letters, digits, `-` and `_`' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  model: z.string({ error: '`inherit`, a Factory model id or `custom:<model>`' }).nullable().optional(),
  reasoningEffort: z
    .enum(FACTORY_EFFORTS, { error: `one of ${FACTORY_EFFORTS.map((e) => `\`${e}\``).join(', ')}` })
    .nullable()
    .optional(),
  tools: z
    .union([z.string(), z.array(z.string())], {
      error: 'a category (`read-only`, `edit`, `execute`, `web`, `mcp`) or a list of tool ids',
    })
    .nullable()
    .optional(),
  mcpServers: z.array(z.string(), { error: 'a list of MCP server names' }).nullable().optional(),
})

/** The frontmatter type of a Factory droid. */
export type FactoryFrontmatter = z.infer<typeof factoryFrontmatter>
