import { InternalError } from '../errors'
import { matchGlob } from '../glob'
import type { Target } from './target'

/** A frozen list of targets with look-ups. */
export interface Registry {
  /** The targets, in registration order. */
  readonly targets: readonly Target[]
  /** The target with this id. */
  get(id: string): Target | undefined
  /** The first target whose layout includes this project-relative path. */
  detect(path: string): Target | undefined
  /** The known id closest to `id` (for "did you mean"), if any is close. */
  suggest(id: string): string | undefined
}

/**
 * Creates a registry from an explicit list of targets.
 * @param targets The targets; ids must be unique.
 * @returns A frozen registry.
 */
export function createRegistry(targets: readonly Target[]): Registry {
  const byId = new Map<string, Target>()
  for (const target of targets) {
    if (byId.has(target.id)) throw new InternalError(`duplicate target id "${target.id}"`)
    byId.set(target.id, target)
  }
  return Object.freeze({
    targets: Object.freeze([...targets]),
    get: (id: string) => byId.get(id),
    detect(path: string) {
      const normalized = path.replace(/\\/g, '/')
      return targets.find((target) =>
        target.layout.include.some(
          (glob) => matchGlob(glob, normalized) || matchGlob(`**/${glob}`, normalized),
        ),
      )
    },
    suggest(id: string) {
      let best: string | undefined
      let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1
      for (const known of byId.keys()) {
        const d = levenshtein(id.toLowerCase(), known)
        if (d < bestDistance || (known.startsWith(id.toLowerCase()) && id.length >= 3)) {
          best = known
          bestDistance = Math.min(d, bestDistance)
        }
      }
      return best
    },
  })
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return row[b.length]!
}
