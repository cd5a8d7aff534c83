import { z } from 'zod'

/**
 * The header of a Cline rule. Cline evaluates only `paths` and ignores every other key; it
 * never refuses a rule for its header (a `paths` of the wrong shape is ignored, a header that is
 * not YAML makes the whole file the rule). So the schema accepts anything: it documents `paths`.
 */
export const clineFrontmatter = z.looseObject({
  /** Globs; the rule applies when a file in context matches one. `[]` = never applies by itself. */
  paths: z.unknown().optional(),
})

/** The header type of a Cline rule. */
export type ClineFrontmatter = z.infer<typeof clineFrontmatter>
