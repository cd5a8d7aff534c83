import { describe, expect, it } from 'vitest'
import type { AgentDocument } from './ir/document'
import { FEATURES } from './ir/features'
import { emitDocument, parseFile, resolveOutputs } from './pipeline'
import { defineTarget } from './target/define-target'
import type { Target } from './target/target'

/** A target that reads any text as one agent and writes `<name>.txt`. */
const plain: Target = defineTarget({
  id: 'plain',
  displayName: 'Plain',
  kind: 'agent',
  layout: { include: ['**/*.txt'], pathFor: (doc) => `${doc.name}.txt` },
  capabilities: Object.fromEntries(FEATURES.map((f) => [f, 'full'])) as Target['capabilities'],
  parse: (file) => [{ irVersion: 1, name: 'x', extensions: {}, body: { text: file.text } }],
  emit: (doc) => [{ path: `${doc.name}.txt`, contents: doc.body.text }],
})

describe('parseFile refuses what no target should see', () => {
  it('positions a NUL byte', () => {
    const result = parseFile(plain, { path: 'a.txt', text: 'ab\ncd\u0000' })
    expect(result.value).toBeUndefined()
    expect(result.diagnostics).toMatchObject([{ code: 'AGC005', file: 'a.txt', line: 2, column: 3 }])
  })
  it('refuses a file over the size limit, which the caller may raise', () => {
    const text = 'x'.repeat(2000)
    expect(
      parseFile(plain, { path: 'a.txt', text }, { limits: { maxFileBytes: 1000 } }).diagnostics,
    ).toMatchObject([
      { code: 'AGC007', line: 1, column: 1, message: expect.stringContaining('--max-file-size') },
    ])
    expect(parseFile(plain, { path: 'a.txt', text }, { limits: { maxFileBytes: 4000 } }).value).toHaveLength(
      1,
    )
  })
  it('refuses an over-long line at its position', () => {
    const text = `ok\n${'y'.repeat(50)}\n`
    expect(
      parseFile(plain, { path: 'a.txt', text }, { limits: { maxLineLength: 40 } }).diagnostics,
    ).toMatchObject([{ code: 'AGC007', line: 2, column: 1 }])
  })
})

describe('emitDocument checks documents it did not parse', () => {
  const good: AgentDocument = { irVersion: 1, name: 'x', extensions: {}, body: { text: 'hi\n' } }
  it('emits a valid document built by hand', () => {
    expect(emitDocument(plain, good).value).toEqual([{ path: 'x.txt', contents: 'hi\n' }])
  })
  it('rejects a malformed one with AGC101 naming the field, without calling the target', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not a valid agentc IR/],
      [42, /not a valid agentc IR/],
      [{ ...good, name: 7 }, /`name`/],
      [{ ...good, sampling: { temperature: Number.NaN } }, /`sampling.temperature`/],
      [{ ...good, permissions: [{ tool: 'bash', decision: 'maybe' }] }, /`permissions.0.decision`/],
      [{ ...good, body: undefined }, /`body`/],
      [{ ...good, name: 'a\u0000b' }, /`name` contains a NUL character/],
      [{ ...good, body: { text: '\u0000' } }, /`body.text` contains a NUL character/],
    ]
    for (const [doc, message] of cases) {
      const result = emitDocument(plain, doc as AgentDocument)
      expect(result.value).toBeUndefined()
      expect(result.diagnostics).toMatchObject([
        { code: 'AGC101', target: 'plain', message: expect.stringMatching(message) },
      ])
    }
  })
  it('refuses an output path outside the output folder (AGC307)', () => {
    const result = emitDocument(plain, { ...good, name: '../x' })
    expect(result.value).toBeUndefined()
    expect(result.diagnostics).toMatchObject([
      { code: 'AGC307', message: expect.stringContaining('climbs out') },
    ])
  })
})

describe('resolveOutputs', () => {
  it('turns a merge that throws into AGC901, not a crash', () => {
    const result = resolveOutputs(
      [
        {
          path: 's.json',
          contents: '{}',
          merge: () => {
            throw new Error('boom')
          },
        },
      ],
      () => '{}',
    )
    expect(result.value).toBeUndefined()
    expect(result.diagnostics).toMatchObject([{ code: 'AGC901', file: 's.json' }])
  })
})
