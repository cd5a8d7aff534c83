import { z } from 'zod'

/**
 * The header of a Copilot path-specific instructions file (`*.instructions.md`). Unknown keys
 * are allowed (Copilot ignores them).
 */
export const copilotInstructionsFrontmatter = z.looseObject({
  applyTo: z
    .union(
      [
        z.string({ error: 'a glob string (several globs comma-separated)' }),
        z.array(z.string(), { error: 'a glob string (several globs comma-separated)' }),
      ],
      { error: 'a glob string (several globs comma-separated)' },
    )
    .nullable()
    .optional(),
  description: z.string({ error: 'text' }).nullable().optional(),
  name: z.string({ error: 'text' }).nullable().optional(),
  excludeAgent: z
    .union(
      [
        z.string({ error: '`code-review`, `coding-agent` or a list of them' }),
        z.array(z.string(), { error: '`code-review`, `coding-agent` or a list of them' }),
      ],
      { error: '`code-review`, `coding-agent` or a list of them' },
    )
    .nullable()
    .optional(),
})

/** The header type of a Copilot instructions file. */
export type CopilotInstructionsFrontmatter = z.infer<typeof copilotInstructionsFrontmatter>
