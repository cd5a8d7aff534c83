import { z } from 'zod'
import { APPROVAL_MODES } from './mappings'

const MODES = APPROVAL_MODES.map((m) => `\`${m}\``).join(', ')
const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'text' })

/**
 * The frontmatter of a Qwen Code subagent file (`.qwen/agents/<name>.md`). Qwen Code is lenient:
 * an optional value of the wrong shape is dropped with a debug warning, so only the values that
 * make it refuse the file are checked here (`approvalMode`, `runConfig`, `executor`, the shape of
 * `name` and `description`); the parser reports the dropped values itself. Unknown keys are
 * allowed (Qwen Code ignores them).
 */
export const qwenFrontmatter = z.looseObject({
  name: scalar.nullable().optional(),
  description: scalar.nullable().optional(),
  approvalMode: z
    .string({ error: MODES })
    .refine((mode) => mode === '' || (APPROVAL_MODES as readonly string[]).includes(mode), { error: MODES })
    .nullable()
    .optional(),
  runConfig: z
    .looseObject(
      {
        max_turns: z
          .number({ error: 'a whole number of at least 1' })
          .int({ error: 'a whole number of at least 1' })
          .positive({ error: 'a whole number of at least 1' })
          .optional(),
        max_time_minutes: z
          .number({ error: 'a number of minutes above 0' })
          .positive({ error: 'a number of minutes above 0' })
          .optional(),
      },
      { error: 'a map of `max_turns` and `max_time_minutes`' },
    )
    .nullable()
    .optional(),
  executor: z
    .object(
      {
        kind: z.literal('acp', { error: '`acp`' }),
        command: z
          .string({ error: 'a command name' })
          .refine((c) => c.trim() !== '', { error: 'a command name' }),
        args: z.array(z.string({ error: 'text' }), { error: 'a list of text' }).optional(),
      },
      { error: 'a map `{kind: acp, command, args}`' },
    )
    .loose()
    .optional(),
})

/** The frontmatter type of a Qwen Code agent. */
export type QwenFrontmatter = z.infer<typeof qwenFrontmatter>
