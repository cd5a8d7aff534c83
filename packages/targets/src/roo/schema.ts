import { z } from 'zod'

/**
 * One custom mode as Roo Code's `modeConfigSchema` (`packages/types/src/mode.ts`) checks it, plus
 * Zoo Code's `allowedMcpServers`. Optional keys reject `null` there too (`whenToUse:` with no
 * value makes Roo drop the whole file). `groups` is checked by the parser, which strips the
 * deprecated `browser` group first as Roo does. Unknown keys are allowed (Roo ignores them).
 */
export const rooMode = z.looseObject({
  slug: z.string({ error: 'text' }).regex(/^[a-zA-Z0-9-]+$/, { error: 'letters, digits and dashes only' }),
  name: z.string({ error: 'text' }).min(1, { error: 'non-empty text' }),
  roleDefinition: z.string({ error: 'text' }).min(1, { error: 'non-empty text' }),
  whenToUse: z.string({ error: 'text' }).optional(),
  description: z.string({ error: 'text' }).optional(),
  customInstructions: z.string({ error: 'text' }).optional(),
  groups: z.unknown(),
  source: z.enum(['global', 'project'], { error: '`global` or `project`' }).optional(),
  allowedMcpServers: z.array(z.string({ error: 'text' }), { error: 'a list of MCP server names' }).optional(),
})

/** The type of a mode. */
export type RooMode = z.infer<typeof rooMode>
