import { describe, expect, it } from 'vitest'
import { resolveOutputs } from './pipeline'
import type { MergeResult, OutputFile } from './target/target'

/** Outputs that append `key;` to a shared file, one merge at a time or all at once. */
function parts(keys: readonly string[], calls: string[][], mergeAll?: OutputFile['mergeAll']): OutputFile[] {
  return keys.map((key) => ({
    path: 'shared.txt',
    contents: `${key};`,
    key,
    merge: (existing: string): MergeResult => {
      calls.push(['merge', key])
      return { ok: true, contents: `${existing}${key};` }
    },
    ...(mergeAll ? { mergeAll } : {}),
  }))
}

function appendAll(calls: string[][]): NonNullable<OutputFile['mergeAll']> {
  return (existing, list) => {
    calls.push(['mergeAll', existing, ...list.map((o) => o.key ?? '?')])
    return { ok: true, contents: existing + list.map((o) => `${o.key};`).join('') }
  }
}

describe('resolveOutputs with mergeAll', () => {
  it('merges every part of a path in one call, in build order, into the existing file', () => {
    const calls: string[][] = []
    const result = resolveOutputs(parts(['a', 'b', 'c'], calls, appendAll(calls)), () => 'old;')
    expect(result.value).toEqual([{ path: 'shared.txt', contents: 'old;a;b;c;' }])
    expect(calls).toEqual([['mergeAll', 'old;', 'a', 'b', 'c']])
  })

  it('starts from the first part when the file does not exist yet', () => {
    const calls: string[][] = []
    const result = resolveOutputs(parts(['a', 'b', 'c'], calls, appendAll(calls)), () => undefined)
    expect(result.value).toEqual([{ path: 'shared.txt', contents: 'a;b;c;' }])
    expect(calls).toEqual([['mergeAll', 'a;', 'b', 'c']])
  })

  it('uses merge for a single part, and folds parts that do not share one mergeAll', () => {
    const calls: string[][] = []
    expect(resolveOutputs(parts(['a'], calls, appendAll(calls)), () => 'old;').value).toEqual([
      { path: 'shared.txt', contents: 'old;a;' },
    ])
    const mixed = [...parts(['a', 'b'], calls, appendAll(calls)), ...parts(['c'], calls, appendAll(calls))]
    expect(resolveOutputs(mixed, () => 'x;').value).toEqual([{ path: 'shared.txt', contents: 'x;a;b;c;' }])
    expect(calls).toEqual([
      ['merge', 'a'],
      ['merge', 'a'],
      ['merge', 'b'],
      ['merge', 'c'],
    ])
  })

  it("reports mergeAll's failure at its position, and a throw as AGC901", () => {
    const failing: OutputFile['mergeAll'] = () => ({ ok: false, message: 'it is broken', line: 3, column: 7 })
    const failed = resolveOutputs(parts(['a', 'b'], [], failing), () => 'old')
    expect(failed.value).toBeUndefined()
    expect(failed.diagnostics).toMatchObject([
      {
        code: 'AGC305',
        file: 'shared.txt',
        line: 3,
        column: 7,
        message: 'shared.txt cannot be updated: it is broken.',
      },
    ])
    const throwing: OutputFile['mergeAll'] = () => {
      throw new Error('boom')
    }
    const thrown = resolveOutputs(parts(['a', 'b'], [], throwing), () => 'old')
    expect(thrown.diagnostics).toMatchObject([
      { code: 'AGC901', file: 'shared.txt', message: 'agentc failed while merging into shared.txt: boom.' },
    ])
  })

  it('reports two parts with one key before merging anything', () => {
    const calls: string[][] = []
    const result = resolveOutputs(parts(['a', 'a'], calls, appendAll(calls)), () => 'old;')
    expect(result.diagnostics).toMatchObject([{ code: 'AGC302' }])
    expect(calls).toEqual([])
  })
})
