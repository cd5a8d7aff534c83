import type { Activation } from '@agentc/core'

/** The `applyTo` value that applies instructions to every request. */
export const APPLY_TO_ALL = '**'

/** The header keys agentc models. */
export const COPILOT_KEYS = ['applyTo', 'description', 'name'] as const

/** Header keys Copilot knows that the IR does not model (kept without a report). */
export const COPILOT_KNOWN_KEYS = ['excludeAgent'] as const

/**
 * The activation of an instructions file: `applyTo: "**"` = always; other `applyTo` globs =
 * when a matching file is in context; a `description` alone = the agent decides (VS Code); neither
 * = attached by hand.
 */
export function activationFromCopilot(globs: readonly string[], description: string | undefined): Activation {
  if (globs.length === 1 && globs[0] === APPLY_TO_ALL) return { kind: 'always' }
  if (globs.length > 0) return { kind: 'globs', globs }
  if (description !== undefined && description.trim() !== '') return { kind: 'model-decision' }
  return { kind: 'manual' }
}

/** A note for header keys other tools use for what Copilot calls `applyTo`. */
export function keyHint(key: string): string | undefined {
  if (key === 'applyto' || key === 'apply_to' || key === 'globs' || key === 'paths')
    return `Copilot reads \`applyTo\`, not \`${key}\`; this key has no effect and was kept as written.`
  if (key === 'tools' || key === 'mode' || key === 'agent' || key === 'model')
    return `\`${key}\` belongs to Copilot prompt and agent files; instructions files ignore it. Kept as written.`
  return undefined
}
