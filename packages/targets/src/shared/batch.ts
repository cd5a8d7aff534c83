import type { MergeResult, OutputFile } from '@agentc/core'

type Merge = (existing: string) => MergeResult

/**
 * One target's batched merges (`OutputFile.mergeAll`): each output's `merge` is recorded with
 * the part it writes, and `mergeAll` writes every recorded part of a path in one pass
 * (`mergeMany`), falling back to folding the `merge`s one by one when an output is not one of
 * this target's. The part is keyed by the `merge` function, which survives any copy of the
 * output.
 * @param mergeMany Writes many parts into a file's text at once; must equal the fold.
 */
export function batchedMerges<P>(mergeMany: (existing: string, parts: P[]) => MergeResult): {
  /** Records what a merge writes; returns the merge. */
  readonly record: (merge: Merge, part: P) => Merge
  /** The part an output writes, if it is one of this target's. */
  readonly partOf: (output: OutputFile) => P | undefined
  readonly mergeAll: (existing: string, outputs: readonly OutputFile[]) => MergeResult
} {
  const parts = new WeakMap<Merge, P>()
  const partOf = (output: OutputFile) => (output.merge ? parts.get(output.merge) : undefined)
  return {
    record(merge, part) {
      parts.set(merge, part)
      return merge
    },
    partOf,
    mergeAll(existing, outputs) {
      const found = outputs.map(partOf)
      if (found.every((p) => p !== undefined)) return mergeMany(existing, found as P[])
      let text = existing
      for (const output of outputs) {
        const merged = output.merge ? output.merge(text) : { ok: true as const, contents: output.contents }
        if (!merged.ok) return merged
        text = merged.contents
      }
      return { ok: true, contents: text }
    },
  }
}
