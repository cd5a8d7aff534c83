import type { Activation } from '@agentc/core'

/**
 * The header keys agentc models: `paths` (Cline's only conditional) and `description`, which
 * Cline ignores but agentc writes and reads as the rule's description (as rulesync does), so that
 * it is not lost.
 */
export const CLINE_KEYS = ['paths', 'description'] as const

/**
 * How Cline reads a `paths` value (its `rule-conditionals.ts`): a list of non-empty strings
 * scopes the rule to those globs (trimmed); a list whose globs are all blank, or an empty list,
 * matches nothing; anything else is ignored (the rule is always on).
 */
export function activationFromPaths(value: unknown): { activation: Activation; ignored: boolean } {
  if (value === undefined || value === null) return { activation: { kind: 'always' }, ignored: false }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.length > 0)) {
    return { activation: { kind: 'always' }, ignored: true }
  }
  const globs = (value as string[]).map((g) => g.trim()).filter((g) => g !== '')
  if (globs.length === 0) return { activation: { kind: 'manual' }, ignored: false }
  return { activation: { kind: 'globs', globs }, ignored: false }
}

/** A note for header keys other tools use for what Cline calls `paths`. */
export function keyHint(key: string): string | undefined {
  if (key === 'globs' || key === 'glob' || key === 'applyTo')
    return `Cline scopes rules with \`paths\` (a list of globs), not \`${key}\`; this key has no effect in Cline and was kept as written.`
  if (key === 'alwaysApply' || key === 'trigger')
    return `Cline evaluates only \`paths\`; \`${key}\` has no effect there and was kept as written.`
  return undefined
}
