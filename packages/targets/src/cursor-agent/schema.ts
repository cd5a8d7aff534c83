import { z } from 'zod'

/** The frontmatter of a Cursor subagent. Unknown keys are allowed (Cursor ignores them). */
export const cursorAgentFrontmatter = z.looseObject({
  name: z.string({ error: 'text (lowercase letters, digits and hyphens)' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  model: z.string({ error: '`inherit`, `fast` or a model id' }).nullable().optional(),
  readonly: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
  is_background: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
})

/** The frontmatter type of a Cursor subagent. */
export type CursorAgentFrontmatter = z.infer<typeof cursorAgentFrontmatter>
