import { readFileSync } from 'node:fs'
import {
  type AgentDocument,
  convertFile,
  type Diagnostic,
  emitDocument,
  FEATURES,
  parseFile,
} from '@agentc/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configureProperties } from '../../../test/properties/arbitraries'
import { convert, emit, formatDiagnostics, parse, targets } from './api'
import { builtinTargets, claude, opencode } from './index'

configureProperties()

const REVIEWER = readFileSync(new URL('../../../examples/agents/code-reviewer.md', import.meta.url), 'utf8')
const PATH = 'agents/code-reviewer.md'

const codesOf = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code)
const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error')

describe('convert', () => {
  it('converts text between target ids, reporting each loss at its line in the text', () => {
    const { files, diagnostics } = convert(REVIEWER, { from: 'opencode', to: 'claude', path: PATH })
    expect(files.map((f) => f.path)).toEqual(['.claude/agents/code-reviewer.md'])
    expect(Object.keys(files[0]!).sort()).toEqual(['contents', 'path'])
    expect(files[0]!.contents).toContain('You review one change at a time')
    const temperature = diagnostics.find((d) => d.code === 'AGC201' && d.field === 'sampling.temperature')
    const line = REVIEWER.split('\n').findIndex((l) => l.startsWith('temperature:')) + 1
    expect(temperature).toMatchObject({ file: PATH, line, column: 1, target: 'claude', severity: 'warning' })
    expect(errorsOf(diagnostics)).toEqual([])
  })

  it('gives what the core pipeline gives, for every target', () => {
    for (const target of builtinTargets) {
      const ours = convert(REVIEWER, { to: target.id, path: PATH })
      const core = convertFile(opencode, target, { path: PATH, text: REVIEWER })
      expect(ours.diagnostics).toEqual(core.diagnostics)
      expect(ours.files).toEqual((core.value ?? []).map((f) => ({ path: f.path, contents: f.contents })))
      expect(ours.files.length).toBeGreaterThan(0)
    }
  })

  it('guesses `from` from the path, else reads the source format', () => {
    const claudeText = convert(REVIEWER, { to: 'claude', path: PATH }).files[0]!.contents
    const fromPath = convert(claudeText, { to: 'opencode', path: '.claude/agents/code-reviewer.md' })
    const explicit = convert(claudeText, { from: 'claude', to: 'opencode', path: 'x/code-reviewer.md' })
    expect(fromPath.diagnostics.every((d) => d.target === 'claude' || d.target === 'opencode')).toBe(true)
    expect(fromPath.files[0]!.contents).toBe(explicit.files[0]!.contents)
    // Without a path the file is `agent.md` in the source format; the name comes from the text.
    const bare = parse(REVIEWER)
    expect(bare.documents[0]!.name).toBe('agent')
    expect(bare.documents[0]!.source?.target).toBe('opencode')
  })

  it('reports an unknown or missing target id as AGC301 instead of throwing', () => {
    const unknown = convert(REVIEWER, { from: 'opencode', to: 'claud' })
    expect(unknown.files).toEqual([])
    expect(codesOf(unknown.diagnostics)).toEqual(['AGC301'])
    expect(unknown.diagnostics[0]!.message).toContain('did you mean "claude"?')
    const badFrom = convert(REVIEWER, { from: 'nope', to: 'claude' })
    expect(codesOf(badFrom.diagnostics)).toEqual(['AGC301'])
    for (const options of [undefined, null, {}, { to: 42 }, 'claude']) {
      const result = convert(REVIEWER, options as never)
      expect(result.files).toEqual([])
      expect(codesOf(result.diagnostics)).toEqual(['AGC301'])
    }
  })

  it('reports text that is not a string (AGC005) and a bad path (AGC304)', () => {
    for (const text of [undefined, null, 42, { text: 'x' }, new Uint8Array([45, 45, 45])]) {
      const result = convert(text as never, { to: 'claude' })
      expect(result.files).toEqual([])
      expect(codesOf(result.diagnostics)).toEqual(['AGC005'])
    }
    expect(codesOf(convert(REVIEWER, { to: 'claude', path: 7 as never }).diagnostics)).toEqual(['AGC304'])
    expect(codesOf(convert(REVIEWER, { to: 'claude', path: '' }).diagnostics)).toEqual(['AGC304'])
  })

  it('returns no files when the text has an error, and the error has a position', () => {
    const result = convert('---\nname: [x\n---\nbody\n', { from: 'opencode', to: 'cursor', path: 'a.md' })
    expect(result.files).toEqual([])
    expect(errorsOf(result.diagnostics)[0]).toMatchObject({ code: 'AGC002', file: 'a.md', line: 2 })
  })

  it('merges into the existing text of shared files, given as a record or a function', () => {
    const roomodes =
      'customModes:\n  - slug: other\n    name: Other\n    roleDefinition: Keeps to itself.\n    groups: []\n'
    const fresh = convert(REVIEWER, { to: 'roo', path: PATH })
    expect(fresh.files[0]!.contents).not.toContain('slug: other')
    const asRecord = convert(REVIEWER, { to: 'roo', path: PATH, existing: { '.roomodes': roomodes } })
    const asFunction = convert(REVIEWER, {
      to: 'roo',
      path: PATH,
      existing: (p) => (p === '.roomodes' ? roomodes : undefined),
    })
    expect(asRecord.files[0]!.contents).toContain('slug: other')
    expect(asRecord.files[0]!.contents).toContain('slug: code-reviewer')
    expect(asFunction).toEqual(asRecord)
    // Keys of Object.prototype are not files.
    expect(convert(REVIEWER, { to: 'roo', path: PATH, existing: {} }).files).toEqual(fresh.files)
  })

  it('reports an existing file it cannot read or merge into, and writes nothing', () => {
    const thrown = convert(REVIEWER, {
      to: 'roo',
      existing: () => {
        throw new Error('disk on fire')
      },
    })
    expect(thrown.files).toEqual([])
    expect(thrown.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'AGC304',
        file: '.roomodes',
        message: expect.stringContaining('disk on fire'),
      }),
    )
    const malformed = convert(REVIEWER, { to: 'roo', existing: { '.roomodes': 'customModes: [\n' } })
    expect(malformed.files).toEqual([])
    expect(codesOf(errorsOf(malformed.diagnostics))).toEqual(['AGC305'])
  })

  it('passes target options and the reference setting through', () => {
    const withSettings = convert(REVIEWER, {
      to: 'claude',
      path: PATH,
      targetOptions: { claude: { settings: true } },
    })
    expect(withSettings.files.map((f) => f.path)).toEqual([
      '.claude/agents/code-reviewer.md',
      '.claude/settings.json',
    ])
    const text = '---\ndescription: d\n---\nUse the Read tool on .claude/agents/ files.\n'
    const reported = convert(text, { from: 'claude', to: 'opencode', path: '.claude/agents/a.md' })
    const rewritten = convert(text, {
      from: 'claude',
      to: 'opencode',
      path: '.claude/agents/a.md',
      references: 'rewrite',
    })
    expect(codesOf(reported.diagnostics)).toContain('AGC209')
    expect(codesOf(rewritten.diagnostics)).toContain('AGC210')
    expect(rewritten.files[0]!.contents).not.toBe(reported.files[0]!.contents)
  })

  it('applies the input limits it is given', () => {
    const result = convert(REVIEWER, { to: 'claude', limits: { maxFileBytes: 100 } })
    expect(result.files).toEqual([])
    expect(codesOf(result.diagnostics)).toEqual(['AGC007'])
  })

  it('never throws, and returns files exactly when there is no error', () => {
    const ids = [...builtinTargets.map((t) => t.id), 'unknown', '']
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constant(REVIEWER), fc.anything()),
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        (text, from, to) => {
          const result = convert(text as string, { from, to, path: 'agents/x.md' })
          expect(result.files.length === 0 || errorsOf(result.diagnostics).length === 0).toBe(true)
          expect(codesOf(result.diagnostics)).not.toContain('AGC901')
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('parse and emit', () => {
  it('parse then emit is convert', () => {
    const parsed = parse(REVIEWER, { from: 'opencode', path: PATH })
    expect(parsed.documents.map((d) => d.name)).toEqual(['code-reviewer'])
    const emitted = emit(parsed.documents[0]!, { to: 'cursor' })
    const converted = convert(REVIEWER, { from: 'opencode', to: 'cursor', path: PATH })
    expect(emitted.files).toEqual(converted.files)
    expect([...parsed.diagnostics, ...emitted.diagnostics]).toEqual(converted.diagnostics)
  })

  it('parse agrees with the core parseFile and reports errors with positions', () => {
    const text = '---\ndescription: d\ntools: {read: [true\n---\n'
    const core = parseFile(opencode, { path: 'c.md', text })
    const ours = parse(text, { from: 'opencode', path: 'c.md' })
    expect(ours.diagnostics).toEqual(core.diagnostics)
    expect(ours.documents).toEqual([])
    expect(errorsOf(ours.diagnostics)[0]?.line).toBe(3)
    expect(codesOf(parse(5 as never).diagnostics)).toEqual(['AGC005'])
    expect(codesOf(parse(REVIEWER, { from: 'x' }).diagnostics)).toEqual(['AGC301'])
  })

  it('emit refuses what is not a document (AGC101) and unknown targets (AGC301)', () => {
    for (const bad of [null, 3, 'doc', {}, { name: 'x' }]) {
      const result = emit(bad as unknown as AgentDocument, { to: 'claude' })
      expect(result.files).toEqual([])
      expect(codesOf(result.diagnostics)).toEqual(['AGC101'])
    }
    const doc = parse(REVIEWER, { path: PATH }).documents[0]!
    expect(codesOf(emit(doc, { to: 'nope' }).diagnostics)).toEqual(['AGC301'])
    expect(codesOf(emit(doc, undefined as never).diagnostics)).toEqual(['AGC301'])
  })

  it('emit of a hand-built document matches emitDocument', () => {
    const doc = parse(REVIEWER, { path: PATH }).documents[0]!
    const plain = JSON.parse(JSON.stringify({ ...doc, source: undefined })) as AgentDocument
    const core = emitDocument(claude, plain)
    const ours = emit(plain, { to: 'claude' })
    expect(ours.files).toEqual((core.value ?? []).map((f) => ({ path: f.path, contents: f.contents })))
    expect(ours.diagnostics).toEqual(core.diagnostics)
    expect(ours.diagnostics.every((d) => d.file === undefined)).toBe(true)
  })
})

describe('targets', () => {
  it('lists every built-in target with its capabilities, as plain copies', () => {
    const list = targets()
    expect(list.map((t) => t.id)).toEqual(builtinTargets.map((t) => t.id))
    for (const [i, info] of list.entries()) {
      const target = builtinTargets[i]!
      expect(info).toEqual({
        id: target.id,
        displayName: target.displayName,
        kind: target.kind,
        paths: [...target.layout.include],
        capabilities: { ...target.capabilities },
      })
      expect(Object.keys(info.capabilities).sort()).toEqual([...FEATURES].sort())
      expect(JSON.parse(JSON.stringify(info))).toEqual(info)
    }
    ;(list[0]!.capabilities as Record<string, string>).name = 'none'
    ;(list[0]!.paths as string[]).push('x')
    expect(targets()[0]!.capabilities.name).toBe('full')
    expect(targets()[0]!.paths).not.toContain('x')
  })
})

describe('formatDiagnostics', () => {
  it('formats the diagnostics of a conversion with a code frame from the text', () => {
    const { diagnostics } = convert(REVIEWER, { to: 'claude', path: PATH })
    const text = formatDiagnostics(diagnostics, { sources: new Map([[PATH, REVIEWER]]) })
    expect(text).toContain(`${PATH}:5:1  warning  The temperature (0.1)`)
    expect(text).toContain('  5 | temperature: 0.1\n')
  })
})
