import { z } from 'zod'

/** The attributes of an agentc section marker: `<!-- agentc:agent name="x" activation="globs" globs="a,b" -->`. */
export const sectionMarker = z.object({
  name: z.string({ error: 'text' }).min(1, { error: 'a non-empty name' }),
  activation: z
    .enum(['always', 'globs', 'model-decision', 'manual'], { error: 'an activation kind' })
    .optional(),
  globs: z.string({ error: 'comma-separated globs' }).optional(),
  described: z.literal('true', { error: '`true`' }).optional(),
})

/** A section marker's attributes. */
export type SectionMarker = z.infer<typeof sectionMarker>
