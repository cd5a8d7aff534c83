import type { MergeResult } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { type ModeUpsert, mergeRun, removeMode, upsertMode, upsertModes } from './merge'
import type { ModeEntries } from './render'

/** How many parts (from the first) one pass merges: 0 when it does not apply. */
function oneRun(...args: Parameters<typeof mergeRun>): number {
  const run = mergeRun(...args)
  return typeof run === 'object' ? run.next : 0
}

const mode = (slug: string): ModeEntries => [
  ['slug', slug],
  ['name', `Mode ${slug}`],
  ['roleDefinition', `You are ${slug}.`],
  ['groups', ['read']],
]

const YAML =
  '# My modes\ncustomModes:\n  - slug: mine\n    name: Mine # hand-written\n    roleDefinition: Mine.\n    groups: [read]\n'
const JSON_FILE =
  '{\n  // comments survive\n  "customModes": [\n    { "slug": "mine", "name": "Mine", "roleDefinition": "Mine.", "groups": ["read"] }\n  ]\n}\n'

function add(text: string, ...slugs: string[]): string {
  for (const slug of slugs) {
    const result = upsertMode(text, '.roomodes', slug, mode(slug), undefined)
    if (!result.ok) throw new Error(result.message)
    text = result.contents
  }
  return text
}

describe('removeMode', () => {
  for (const [format, base] of [
    ['YAML', YAML],
    ['YAML with CRLF', YAML.replace(/\n/g, '\r\n')],
    ['JSON with comments', JSON_FILE],
  ] as const) {
    it(`${format}: removing what was merged gives back the file byte for byte`, () => {
      expect(removeMode(add(base, 'a'), 'a')).toEqual({ ok: true, contents: base })
      expect(removeMode(add(base, 'a', 'b'), 'a')).toEqual({ ok: true, contents: add(base, 'b') })
      expect(removeMode(add(base, 'a', 'b'), 'b')).toEqual({ ok: true, contents: add(base, 'a') })
    })
    it(`${format}: a missing mode leaves the file as it is`, () => {
      expect(removeMode(base, 'zz')).toEqual({ ok: true, contents: base })
    })
  }

  it('a YAML list left without modes becomes []', () => {
    expect(removeMode('customModes:\n  - slug: a\n    name: A\nother: 1\n', 'a')).toEqual({
      ok: true,
      contents: 'customModes: []\nother: 1\n',
    })
  })

  it('refuses a malformed file with its position', () => {
    expect(removeMode('{ "customModes": [ }\n', 'a')).toMatchObject({ ok: false, line: 1 })
    expect(removeMode('customModes:\n  - slug: [a\n', 'a')).toMatchObject({ ok: false })
  })
})

describe('upsertModes', () => {
  const part = (slug: string, role = `You are ${slug}.`): ModeUpsert => ({
    path: '.roomodes',
    slug,
    entries: [
      ['slug', slug],
      ['name', `Mode ${slug}`],
      ['roleDefinition', role],
      ['groups', ['read']],
    ],
    wanted: () => undefined,
  })
  const fold = (text: string, parts: readonly ModeUpsert[]) => {
    for (const p of parts) {
      const result = upsertMode(text, p.path, p.slug, p.entries, p.wanted())
      if (!result.ok) return result
      text = result.contents
    }
    return { ok: true, contents: text }
  }
  const parts = [part('b'), part('mine', 'Rewritten.'), part('a'), part('c', 'Say "hi.\n[[[ [')]

  for (const [what, text] of [
    ['YAML with comments', `${YAML}other: 1\n`],
    ['YAML with CRLF', YAML.replace(/\n/g, '\r\n')],
    ['YAML with a BOM', `\ufeff${YAML}`],
    [
      'a mode whose text leaves a quote open',
      YAML.replace('roleDefinition: Mine.', 'roleDefinition: Say "yes.'),
    ],
  ] as const) {
    it(`${what}: one pass, the same bytes as one mode after the other`, () => {
      expect(oneRun(text, parts, 0)).toBe(parts.length)
      expect(upsertModes(text, parts)).toEqual(fold(text, parts))
    })
  }

  const PLAIN_JSON = JSON_FILE.replace('  // comments survive\n', '')
  for (const [what, text] of [
    ['JSON', PLAIN_JSON],
    ['JSON with CRLF', PLAIN_JSON.replace(/\n/g, '\r\n')],
    ['JSON indented with tabs, a trailing comma', PLAIN_JSON.replace(/ {2}/g, '\t').replace('] }', '] },')],
  ] as const) {
    it(`${what}: one pass, the same bytes as one mode after the other`, () => {
      expect(oneRun(text, parts, 0)).toBe(parts.length)
      expect(upsertModes(text, parts)).toEqual(fold(text, parts))
    })
  }

  it('a new file, comments only, JSON: the same as one mode after the other', () => {
    for (const text of ['', '# modes\n', JSON_FILE, 'customModes: []\n']) {
      expect(upsertModes(text, parts)).toEqual(fold(text, parts))
    }
  })

  it('a malformed file: the failure of the first mode, at the same place', () => {
    for (const text of [
      'customModes:\n  - slug: [a\n',
      '{ "customModes": [ }\n',
      `customModes: ${'['.repeat(70)}`,
    ]) {
      const result = upsertModes(text, parts)
      expect(result.ok).toBe(false)
      expect(result).toEqual(fold(text, parts))
    }
  })

  it('a mode that would change how Roo reads the file: the same refusal', () => {
    const curly = YAML.replace('Mine.', '\u201cMine\u201d')
    expect(upsertModes(curly, parts)).toEqual(fold(curly, parts))
  })
})

describe('upsertModes on files that tie modes together', () => {
  const part = (slug: string): ModeUpsert => ({
    path: '.roomodes',
    slug,
    entries: [
      ['slug', slug],
      ['name', `Mode ${slug}`],
      ['roleDefinition', `You are ${slug}.`],
      ['groups', ['read']],
    ],
    wanted: () => undefined,
  })
  const fold = (text: string, parts: readonly ModeUpsert[]) => {
    for (const p of parts) {
      const result = upsertMode(text, p.path, p.slug, p.entries, p.wanted())
      if (!result.ok) return result
      text = result.contents
    }
    return { ok: true, contents: text }
  }

  it('an alias to an anchor in a mode replaced first: the same failure on the way', () => {
    const anchored =
      'customModes:\n  - slug: mine\n    name: Mine\n    roleDefinition: &r Mine.\n    groups: []\n  - slug: yours\n    name: Yours\n    roleDefinition: *r\n    groups: []\n'
    const parts = [part('mine'), part('yours')]
    const expected = fold(anchored, parts)
    expect(expected.ok).toBe(false)
    expect(upsertModes(anchored, parts)).toEqual(expected)
  })

  it('comments and blank lines after the list: the same bytes', () => {
    const trailing = `${YAML}\n# the end\n`
    const parts = [part('b'), part('a'), part('mine')]
    expect(upsertModes(trailing, parts)).toEqual(fold(trailing, parts))
  })
})

describe('upsertModes with a blank line after the list', () => {
  // A kept key whose text ends with blank lines is written as a `|+` block, which takes in the
  // blank lines after it while the mode is the last one: Roo reads it differently then.
  const part = (slug: string, note?: string): ModeUpsert => ({
    path: '.roomodes',
    slug,
    entries: [
      ['slug', slug],
      ['name', `Mode ${slug}`],
      ['roleDefinition', `You are ${slug}.`],
      ['groups', ['read']],
      ['note', note],
    ],
    wanted: () => undefined,
  })
  it('gives what one mode after the other gives', () => {
    const text = `${YAML}\n\nother: 1\n`
    const parts = [part('a', 'kept\n\n'), part('b'), part('c')]
    let expected: MergeResult = { ok: true, contents: text }
    for (const p of parts) {
      if (!expected.ok) break
      expected = upsertMode(expected.contents, p.path, p.slug, p.entries, undefined)
    }
    expect(expected.ok).toBe(false)
    expect(upsertModes(text, parts)).toEqual(expected)
  })

  it('an indented comment after the list (it belongs to the last mode): the same bytes', () => {
    const text = `${YAML}      # indented comment\nother: 1\n`
    const parts = [part('a', 'line 1\nline 2'), part('b', 'line 1\nline 2'), part('c')]
    let expected: MergeResult = { ok: true, contents: text }
    for (const p of parts) {
      if (!expected.ok) break
      expected = upsertMode(expected.contents, p.path, p.slug, p.entries, undefined)
    }
    expect(upsertModes(text, parts)).toEqual(expected)
  })
})

describe('upsertModes with a mode Roo cannot read', () => {
  const part = (slug: string, groups: unknown = ['read']): ModeUpsert => ({
    path: '.roomodes',
    slug,
    entries: [
      ['slug', slug],
      ['name', `Mode ${slug}`],
      ['roleDefinition', `You are ${slug}.`],
      ['groups', groups],
    ],
    wanted: () => undefined,
  })
  it('fails where one mode after the other fails, wherever that mode is', () => {
    for (const at of [0, 1, 5, 11]) {
      const parts = Array.from({ length: 12 }, (_, i) => part(`m${i}`, i === at ? 'nonsense' : ['read']))
      let expected: MergeResult = { ok: true, contents: YAML }
      for (const p of parts) {
        if (!expected.ok) break
        expected = upsertMode(expected.contents, p.path, p.slug, p.entries, undefined)
      }
      expect(expected.ok).toBe(false)
      expect(upsertModes(YAML, parts)).toEqual(expected)
    }
  })
})
