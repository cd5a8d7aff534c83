import { z } from 'zod'

/**
 * The header of a Continue rule (`.continue/rules/*.md`). Unknown keys are allowed (Continue
 * ignores them).
 */
export const continueFrontmatter = z.looseObject({
  name: z.string({ error: 'text' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  globs: z
    .union(
      [
        z.string({ error: 'a glob or a list of globs' }),
        z.array(z.string(), { error: 'a glob or a list of globs' }),
      ],
      { error: 'a glob or a list of globs' },
    )
    .nullable()
    .optional(),
  regex: z
    .union(
      [
        z.string({ error: 'a regular expression or a list of them' }),
        z.array(z.string(), { error: 'a regular expression or a list of them' }),
      ],
      { error: 'a regular expression or a list of them' },
    )
    .nullable()
    .optional(),
  alwaysApply: z.boolean({ error: '`true` or `false`' }).nullable().optional(),
})

/** The header type of a Continue rule. */
export type ContinueFrontmatter = z.infer<typeof continueFrontmatter>
