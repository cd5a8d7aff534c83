import { z } from 'zod'

/** The header of an Augment rule (`.augment/rules/*.md`). Unknown keys are allowed (Augment ignores them). */
export const augmentFrontmatter = z.looseObject({
  type: z.string({ error: '`always_apply`, `agent_requested` or `manual`' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
})

/** The header type of an Augment rule. */
export type AugmentFrontmatter = z.infer<typeof augmentFrontmatter>
