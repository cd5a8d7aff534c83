import { z } from 'zod'

/**
 * The header of a Cursor rule, after Cursor's own line-by-line reading (`key: raw value`; it is
 * not strict YAML). Unknown keys are allowed (Cursor ignores them).
 */
export const cursorFrontmatter = z.looseObject({
  description: z.string({ error: 'text' }).nullable().optional(),
  globs: z
    .union([z.string(), z.array(z.string())], { error: 'comma-separated globs or a list of globs' })
    .nullable()
    .optional(),
  alwaysApply: z.union([z.boolean(), z.string()], { error: '`true` or `false`' }).nullable().optional(),
})

/** The header type of a Cursor rule. */
export type CursorFrontmatter = z.infer<typeof cursorFrontmatter>
