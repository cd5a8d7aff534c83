import { z } from 'zod'

/**
 * The header of a Windsurf (Devin Desktop) workspace rule. Unknown keys are allowed (Windsurf
 * ignores them); the values are checked for their type only, the trigger's vocabulary is
 * checked by the parser.
 */
export const windsurfFrontmatter = z.looseObject({
  trigger: z.string({ error: '`always_on`, `glob`, `model_decision` or `manual`' }).nullable().optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  globs: z
    .union(
      [
        z.string({ error: 'comma-separated globs or a list of globs' }),
        z.array(z.string(), { error: 'comma-separated globs or a list of globs' }),
      ],
      { error: 'comma-separated globs or a list of globs' },
    )
    .nullable()
    .optional(),
})

/** The header type of a Windsurf rule. */
export type WindsurfFrontmatter = z.infer<typeof windsurfFrontmatter>
