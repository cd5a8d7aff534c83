import {
  emitDocument,
  IR_VERSION,
  isReservedFileName,
  isSafeRelativePath,
  parseFile,
  type TargetContext,
} from '@agentc/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { copilot } from '../copilot/index'
import { kiro } from '../kiro/index'
import { windsurf } from '../windsurf/index'
import { MAX_NAME_BYTES, portableSegment, safeFileName } from './names'

fc.configureGlobal({
  seed: Number(process.env.FC_SEED ?? 0x5eed_a9c),
  numRuns: Number(process.env.FC_NUM_RUNS ?? 200),
})

function collect() {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  return { ctx, reports }
}

const bytes = (text: string) => new TextEncoder().encode(text).length

const arbName = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(
      fc.constantFrom(
        'con',
        'NUL',
        'com1',
        'lpt²',
        'aux',
        '.',
        '..',
        '/',
        '\\',
        ':',
        ' ',
        '\t',
        '-',
        'a',
        '日本',
        '.md',
      ),
      {
        maxLength: 6,
      },
    )
    .map((parts) => parts.join('')),
  fc.integer({ min: 95, max: 300 }).map((n) => 'é'.repeat(n)),
)

describe('portableSegment', () => {
  it('gives a Windows device name `-agent` after its device part', () => {
    expect(portableSegment('con')).toBe('con-agent')
    expect(portableSegment('CON')).toBe('CON-agent')
    expect(portableSegment('nul.txt')).toBe('nul-agent.txt')
    expect(portableSegment('com1')).toBe('com1-agent')
    expect(portableSegment('lpt9.md')).toBe('lpt9-agent.md')
    expect(portableSegment('console')).toBe('console')
  })

  it('leaves a portable name as it is, whatever its script', () => {
    for (const name of ['code-reviewer', 'Code_Reviewer', '日本語', 'ｃｏｎ', '-x', 'v1.2']) {
      expect(portableSegment(name)).toBe(name)
    }
  })

  it('shortens a long name to the limit, keeping long names that share their start apart', () => {
    const a = portableSegment(`${'a'.repeat(200)}1`)
    const b = portableSegment(`${'a'.repeat(200)}2`)
    expect(bytes(a)).toBe(MAX_NAME_BYTES)
    expect(a).not.toBe(b)
    expect(bytes(portableSegment('日'.repeat(60)))).toBeLessThanOrEqual(MAX_NAME_BYTES)
  })

  it('is portable, bounded and stable for any segment', () => {
    fc.assert(
      fc.property(
        arbName.map((s) => s.replaceAll('/', '')),
        (segment) => {
          const out = portableSegment(segment)
          expect(isSafeRelativePath(`.agents/${out}.md`)).toBe(true)
          expect(isSafeRelativePath(`.agents/${out}/x.md`)).toBe(true)
          expect(bytes(out)).toBeLessThanOrEqual(MAX_NAME_BYTES)
          expect(portableSegment(out)).toBe(out)
        },
      ),
    )
  })
})

describe('safeFileName', () => {
  it('reports a changed name and not an unchanged one', () => {
    const { ctx, reports } = collect()
    expect(safeFileName('code-reviewer', ctx, 'T')).toBe('code-reviewer')
    expect(reports).toEqual([])
    expect(safeFileName('con', ctx, 'T')).toBe('con-agent')
    expect(reports).toEqual([
      'AGC207 The name "con" is not a safe file name for T; it was written as "con-agent".',
    ])
  })

  it('never climbs out of the folder, with or without folders in the name', () => {
    const { ctx } = collect()
    expect(safeFileName('a/../../b', ctx, 'T')).toBe('a-b')
    expect(safeFileName('a/../../b', ctx, 'T', { allowSlash: true })).toBe('a/b')
    expect(safeFileName('../..', ctx, 'T', { allowSlash: true })).toBe('agent')
    expect(safeFileName('aux/x', ctx, 'T', { allowSlash: true })).toBe('aux-agent/x')
  })

  it('is a safe path, bounded per segment, stable and unchanged when given back, for any name', () => {
    fc.assert(
      fc.property(arbName, fc.boolean(), fc.boolean(), (name, allowSlash, allowUpper) => {
        const { ctx, reports } = collect()
        const options = { allowSlash, allowUpper }
        const safe = safeFileName(name, ctx, 'T', options)
        expect(isSafeRelativePath(`.agents/${safe}.md`)).toBe(true)
        for (const segment of safe.split('/')) {
          expect(bytes(segment)).toBeLessThanOrEqual(MAX_NAME_BYTES)
          expect(isReservedFileName(segment)).toBe(false)
        }
        expect(reports.length).toBe(safe === name ? 0 : 1)
        expect(safeFileName(name, collect().ctx, 'T', options)).toBe(safe)
        const again = collect()
        expect(safeFileName(safe, again.ctx, 'T', options)).toBe(safe)
        expect(again.reports).toEqual([])
      }),
    )
  })
})

describe('a file read from an unportable path', () => {
  it('is written to a portable one; the rename is reported where the file name is the name', () => {
    // Windsurf knows a rule by its file name; Kiro and Copilot keep `con` in a `name` key.
    const cases = [
      [kiro, '.kiro/agents/con.md', '---\ndescription: d\n---\nBody\n', []],
      [windsurf, '.windsurf/rules/con.md', '---\ntrigger: always_on\n---\nBody\n', ['AGC207']],
      [copilot, '.github/agents/con.agent.md', '---\nname: con\ndescription: d\n---\nBody\n', []],
    ] as const
    for (const [target, path, text, expected] of cases) {
      const [doc] = parseFile(target, { path, text }).value!
      expect(doc!.name).toBe('con')
      const emitted = emitDocument(target, doc!)
      expect(emitted.value?.map((f) => f.path).every(isSafeRelativePath), target.id).toBe(true)
      expect(
        emitted.diagnostics.map((d) => d.code),
        target.id,
      ).toEqual(expected)
    }
  })

  it('from a portable path is written back in place, with nothing to report', () => {
    const text = '---\nname: Code Reviewer\ndescription: d\n---\nBody\n'
    const [doc] = parseFile(copilot, { path: '.github/agents/reviewer.agent.md', text }).value!
    const emitted = emitDocument(copilot, { ...doc!, description: 'changed' })
    expect(emitted.value?.[0]?.path).toBe('.github/agents/reviewer.agent.md')
    expect(emitted.diagnostics).toEqual([])
    expect(
      emitDocument(copilot, {
        irVersion: IR_VERSION,
        name: 'Code Reviewer',
        description: 'd',
        body: { text: 'B\n' },
        extensions: {},
      }).diagnostics.map((d) => d.code),
    ).toEqual([])
  })
})
