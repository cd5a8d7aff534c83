import { z } from 'zod'

/** The frontmatter of a Kiro steering file. Unknown keys are allowed (Kiro ignores them). */
export const kiroSteeringFrontmatter = z.looseObject({
  inclusion: z
    .enum(['always', 'fileMatch', 'manual', 'auto'], {
      error: '`always`, `fileMatch`, `manual` or `auto`',
    })
    .nullable()
    .optional(),
  fileMatchPattern: z
    .union([z.string(), z.array(z.string())], { error: 'a glob or a list of globs' })
    .nullable()
    .optional(),
  name: z.string({ error: 'text' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
})

/** The frontmatter type of a Kiro steering file. */
export type KiroSteeringFrontmatter = z.infer<typeof kiroSteeringFrontmatter>
