import { describe, expect, it } from 'vitest'
import { removeMode, upsertMode } from './merge'
import type { ModeEntries } from './render'

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
