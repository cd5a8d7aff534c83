import type { Activation } from '@agentc/core'
import { splitTopLevelCommas } from '../shared/values'

/** The activation Cursor gives a rule with these header values (its four rule types). */
export function activationFromCursor(
  alwaysApply: boolean,
  globs: readonly string[],
  description: string | undefined,
): Activation {
  if (alwaysApply) return { kind: 'always' }
  if (globs.length > 0) return { kind: 'globs', globs }
  if (description !== undefined && description.trim() !== '') return { kind: 'model-decision' }
  return { kind: 'manual' }
}

/** Splits Cursor's comma-separated globs, keeping commas inside `{a,b}` braces. */
export function splitGlobs(text: string): string[] {
  return splitTopLevelCommas(text, '{', '}')
    .map((g) => g.trim())
    .filter((g) => g !== '')
}

/** Cursor's header keys. */
export const CURSOR_KEYS = ['description', 'globs', 'alwaysApply'] as const
