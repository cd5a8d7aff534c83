/**
 * Containment under hostile agent names: whatever the name (`../../x`, `/etc/passwd`, `con`,
 * control characters, 300 characters, nothing but dots), every target writes only safe, portable
 * paths inside the output folder, never needs the core's safety net (AGC307) and never crashes
 * (AGC901), and reports AGC207 exactly when the agent's identity in the target (the file it is
 * written to, or the name the tool reads back from the file) is not its name.
 */
import {
  type AgentDocument,
  type Diagnostic,
  emitDocument,
  IR_VERSION,
  isSafeRelativePath,
  type OutputFile,
  parseFile,
  resolveOutputs,
  type Target,
} from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configureProperties } from './arbitraries'
import { mainFile } from './helpers'

configureProperties()

/** The names of issue #4, and a few more of the same kinds. */
const HOSTILE_NAMES = [
  '../../x',
  '/etc/passwd',
  'C:\\x',
  '\\\\server\\share',
  'con',
  'CON',
  'nul.txt',
  'com1',
  'COM¹',
  'lpt9.md',
  'conin$',
  'a/con/b',
  'aux/x',
  'a:b',
  'x\u0001y',
  'tab\tname',
  'line\nbreak',
  'cr\rname',
  'del\u007fname',
  'bidi\u202ename',
  '.',
  '..',
  '...',
  'a/../../b',
  'ｃｏｎ',
  'name.',
  'name ',
  ' ',
  '-x',
  '_x',
  '.hidden',
  'a'.repeat(300),
  'ü'.repeat(300),
  '日本語',
  '日'.repeat(120),
  'Code Reviewer',
  'a//b',
  'a/./b',
  'a/',
  'what?*<>|"',
  'code-reviewer',
  'team/audit',
]

const BODY = 'Review the change and report every problem you find.\n'

function agent(name: string): AgentDocument {
  return { irVersion: IR_VERSION, name, description: 'Reviews code.', body: { text: BODY }, extensions: {} }
}

/** The UTF-8 length of a string. */
const bytes = (text: string) => new TextEncoder().encode(text).length

/**
 * Where a target puts an agent's name in its file path: the text before and after the name in
 * the path of an agent called `zzprobe`, or undefined when the path does not depend on the name
 * (AGENTS.md sections, Roo modes).
 */
function layoutOf(target: Target): { prefix: string; suffix: string } | undefined {
  const emitted = emitDocument(target, agent('zzprobe'))
  const path = mainFile(emitted.value ?? []).path
  const at = path.indexOf('zzprobe')
  if (at === -1) return undefined
  return { prefix: path.slice(0, at), suffix: path.slice(at + 'zzprobe'.length) }
}

const LAYOUTS = new Map<string, ReturnType<typeof layoutOf>>(builtinTargets.map((t) => [t.id, layoutOf(t)]))

interface Outcome {
  readonly files: readonly OutputFile[]
  readonly diagnostics: readonly Diagnostic[]
  /** The name part of the agent file's path (undefined when the path does not depend on it). */
  readonly stem: string | undefined
  /** The name the target reads back from the file it wrote. */
  readonly readBack: string | undefined
}

function emitName(target: Target, name: string): Outcome {
  const emitted = emitDocument(target, agent(name))
  const files = emitted.value ?? []
  if (files.length === 0)
    return { files, diagnostics: emitted.diagnostics, stem: undefined, readBack: undefined }
  const main = mainFile(files)
  const layout = LAYOUTS.get(target.id)
  let stem: string | undefined
  if (layout) {
    expect(main.path.startsWith(layout.prefix) && main.path.endsWith(layout.suffix), main.path).toBe(true)
    stem = main.path.slice(layout.prefix.length, main.path.length - layout.suffix.length)
  }
  // The layout tells the CLI where an agent goes: the same path the emitter writes.
  expect(target.layout.pathFor(agent(name))).toBe(main.path)
  const parsed = parseFile(target, { path: main.path, text: main.contents })
  return { files, diagnostics: emitted.diagnostics, stem, readBack: parsed.value?.[0]?.name }
}

/** Checks one name with one target. */
function checkName(target: Target, name: string): void {
  const outcome = emitName(target, name)
  const codes = outcome.diagnostics.map((d) => d.code)
  const context = `${target.id} ${JSON.stringify(name)}\n${outcome.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')}`
  expect(codes, context).not.toContain('AGC307')
  expect(codes, context).not.toContain('AGC901')
  expect(outcome.files.length, context).toBeGreaterThan(0)
  for (const file of outcome.files)
    expect(isSafeRelativePath(file.path), `${file.path}\n${context}`).toBe(true)
  if (outcome.stem !== undefined) {
    for (const segment of outcome.stem.split('/')) expect(bytes(segment), context).toBeLessThanOrEqual(100)
  }
  expect(outcome.readBack, `the file does not read back\n${context}`).toBeDefined()
  // The identity the tool sees is the name read back (from the name key, or from the path when the
  // format has no name key): a file named differently while the name inside it is kept is no loss.
  const changed = outcome.readBack !== name
  expect(codes.includes('AGC207'), `AGC207 ${changed ? 'missing' : 'unfounded'}\n${context}`).toBe(changed)
}

describe.each(builtinTargets.map((t) => [t.id, t] as const))('hostile agent names with %s', (_id, target) => {
  it.each(HOSTILE_NAMES.map((name) => [JSON.stringify(name).slice(0, 40), name]))(
    'writes %s inside the output folder, portably, reporting a changed name',
    (_label, name) => {
      checkName(target, name)
    },
  )

  it('refuses an empty name before the target sees it (AGC101, nothing written)', () => {
    const emitted = emitDocument(target, agent(''))
    expect(emitted.value).toBeUndefined()
    expect(emitted.diagnostics.map((d) => d.code)).toEqual(['AGC101'])
  })

  it('sanitises the same name the same way every time', () => {
    for (const name of HOSTILE_NAMES) {
      const paths = () => emitDocument(target, agent(name)).value?.map((f) => f.path)
      expect(paths()).toEqual(paths())
    }
  })

  it('catches two names that end up in the same place as a collision (AGC302)', () => {
    // Group the names by where they land: the path, and for a shared file the key inside it.
    const groups = new Map<string, string[]>()
    const outputs = new Map<string, readonly OutputFile[]>()
    for (const name of HOSTILE_NAMES) {
      const files = emitDocument(target, agent(name)).value ?? []
      outputs.set(name, files)
      const main = mainFile(files)
      const place = main.merge ? `${main.path}#${main.key}` : main.path
      groups.set(place, [...(groups.get(place) ?? []), name])
    }
    const resolve = (names: readonly string[]) =>
      resolveOutputs(
        names.flatMap((name) => outputs.get(name)!.map((f) => ({ ...f, origin: name }))),
        () => undefined,
      ).diagnostics.map((d) => d.code)
    const shared = [...groups.values()].filter((names) => names.length > 1)
    // Some of these names collapse together (`.` and `..`) wherever a name is changed, so the
    // check cannot pass vacuously; AGENTS.md keeps every name as it is, one section each.
    expect(shared.length > 0).toBe(target.id !== 'agents-md')
    for (const names of shared) expect(resolve(names.slice(0, 2)), names.join(' | ')).toContain('AGC302')
    expect(resolve([...groups.values()].map((names) => names[0]!))).not.toContain('AGC302')
  })
})

/**
 * Names of every kind: any unicode, control characters, path-like fragments, device names. Not
 * NUL: no name read from a file holds one (a file with NUL is refused as binary, AGC005).
 */
const arbHostileName: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '/',
            '\\',
            '.',
            '..',
            ' ',
            '\t',
            '\n',
            '\r',
            '\u0001',
            '\u007f',
            '\u0085',
            '\u200b',
            '\u2028',
            ':',
            '*',
            '?',
            '"',
            '<',
            '>',
            '|',
            '-',
            '_',
            'C:',
            'con',
            'NUL',
            'com1',
            'Lpt9',
            'aux',
            'prn',
            'conout$',
            'ｃｏｎ',
            '²',
            '.md',
            '.txt',
            'agent',
            'Code',
            '日本',
            'ü',
            '🙂',
          ),
          fc.stringMatching(/^[a-zA-Z0-9]{1,6}$/),
        ),
        { minLength: 1, maxLength: 8 },
      )
      .map((parts) => parts.join('')),
    fc
      .tuple(
        fc.constantFrom('', 'a/', '../', '/', 'x:'),
        fc.constantFrom(
          'con',
          'CON',
          'Nul',
          'aux',
          'prn',
          'com1',
          'COM9',
          'lpt1',
          'LPT¹',
          'conin$',
          'ｃｏｎ',
        ),
        fc.constantFrom('', '.md', '.txt', '.', ' ', '.tar.gz', '/b', ' .x'),
      )
      .map((parts) => parts.join('')),
    fc.integer({ min: 90, max: 400 }).map((n) => 'x'.repeat(n)),
  )
  .filter((name) => name !== '' && !name.includes('\u0000'))

describe('hostile agent names of any kind', () => {
  it('every target writes safe, portable paths and reports AGC207 iff the name changed', () => {
    fc.assert(
      fc.property(arbHostileName, (name) => {
        for (const target of builtinTargets) checkName(target, name)
      }),
    )
  })
})
