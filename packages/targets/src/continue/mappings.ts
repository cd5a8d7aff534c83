import type { Activation } from '@agentc/core'

/** The header keys agentc models. */
export const CONTINUE_KEYS = ['name', 'description', 'globs', 'alwaysApply'] as const

/**
 * Header keys Continue knows that the IR does not model (kept without a report): `regex`
 * (matched against file contents) and `invokable` (the rule is also a slash command).
 */
export const CONTINUE_KNOWN_KEYS = ['regex', 'invokable'] as const

/**
 * The activation Continue gives a rule (its `getRuleType`): `alwaysApply: true` = always; globs =
 * when a matching file is in context; `alwaysApply: false` = the agent fetches it by its
 * description, or only by hand without one; no `alwaysApply` and no globs = always. A `regex`
 * condition has no IR form: it is kept for Continue and the rule is read by its other keys.
 */
export function activationFromContinue(
  alwaysApply: boolean | undefined,
  globs: readonly string[],
  description: string | undefined,
): Activation {
  if (alwaysApply === true) return { kind: 'always' }
  if (globs.length > 0) return { kind: 'globs', globs }
  if (alwaysApply === false)
    return description !== undefined && description.trim() !== ''
      ? { kind: 'model-decision' }
      : { kind: 'manual' }
  return { kind: 'always' }
}

/** A note for header keys other tools use. */
export function keyHint(key: string): string | undefined {
  if (key === 'glob' || key === 'paths' || key === 'applyTo')
    return `Continue reads \`globs\`, not \`${key}\`; this key has no effect and was kept as written.`
  return undefined
}
