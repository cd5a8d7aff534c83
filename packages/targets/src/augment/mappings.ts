import type { Activation } from '@agentc/core'

/** Augment's rule `type` for each activation kind it has. */
export const TYPE_OF: Readonly<Record<Exclude<Activation['kind'], 'globs'>, string>> = {
  always: 'always_apply',
  'model-decision': 'agent_requested',
  manual: 'manual',
}

/** The activation kind of each rule `type` Augment documents. */
export const KIND_OF_TYPE: Readonly<Record<string, Exclude<Activation['kind'], 'globs'>>> = {
  always_apply: 'always',
  agent_requested: 'model-decision',
  manual: 'manual',
}

/** The type of a rule without `type` (Augment's documented default). */
export const DEFAULT_TYPE = 'always_apply'

/** The header keys agentc models. */
export const AUGMENT_KEYS = ['type', 'description'] as const

/**
 * The description of an agent-requested rule standing in for a glob rule: the agent reads it to
 * decide, so it names the globs.
 */
export function describeGlobs(description: string | undefined, globs: readonly string[]): string {
  const list = globs.map((g) => `\`${g}\``).join(', ')
  const base = description?.trim()
  return base ? `${base} (applies to files matching ${list})` : `Applies to files matching ${list}.`
}

/** A note for header keys other tools use. */
export function keyHint(key: string): string | undefined {
  if (key === 'globs' || key === 'glob' || key === 'paths' || key === 'applyTo')
    return `Augment rules have no file globs; \`${key}\` has no effect and was kept as written.`
  if (key === 'alwaysApply' || key === 'trigger')
    return `Augment reads \`type\` (always_apply, agent_requested, manual), not \`${key}\`; kept as written, without effect.`
  return undefined
}
