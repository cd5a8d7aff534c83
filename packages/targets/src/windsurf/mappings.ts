import type { Activation } from '@agentc/core'

/** Windsurf's `trigger` value for each activation kind (what agentc writes). */
export const TRIGGER_OF: Readonly<Record<Activation['kind'], string>> = {
  always: 'always_on',
  globs: 'glob',
  'model-decision': 'model_decision',
  manual: 'manual',
}

/** The activation kind of each `trigger` value Windsurf documents. */
export const KIND_OF_TRIGGER: Readonly<Record<string, Activation['kind']>> = {
  always_on: 'always',
  glob: 'globs',
  model_decision: 'model-decision',
  manual: 'manual',
}

/**
 * Spellings seen in real files that are not Windsurf's documented values, with the documented
 * value they mean: `always` (hand-written rules), `agent` (Devin's newer name for
 * `model_decision`).
 */
export const TRIGGER_ALIASES: Readonly<Record<string, string>> = {
  always: 'always_on',
  agent: 'model_decision',
}

/** The header keys agentc models. */
export const WINDSURF_KEYS = ['trigger', 'description', 'globs'] as const

/** The characters Windsurf reads of one workspace rule file; the rest is cut off. */
export const WINDSURF_RULE_LIMIT = 12_000

/** A note for header keys that are common mistakes. */
export function keyHint(key: string): string | undefined {
  if (key === 'glob')
    return 'Windsurf reads `globs`, not `glob`; this key has no effect and was kept as written.'
  if (key === 'alwaysApply')
    return '`alwaysApply` is a Cursor key; Windsurf uses `trigger: always_on`. Kept as written, without effect.'
  return undefined
}
