import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseCline } from './parse'

function parse(text: string, path = '.clinerules/r.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseCline({ path, text }, ctx)
  return { doc, reports }
}

describe('parseCline reads rules as Cline does', () => {
  it('no header = always on; `paths` = globs; `paths: []` = never by itself (manual)', () => {
    expect(parse('# Rules\n').doc?.activation).toEqual({ kind: 'always' })
    expect(parse('---\npaths:\n  - " src/** "\n  - "*.md"\n---\nx\n').doc?.activation).toEqual({
      kind: 'globs',
      globs: ['src/**', '*.md'],
    })
    expect(parse('---\npaths: []\n---\nx\n').doc?.activation).toEqual({ kind: 'manual' })
  })

  it('ignores a `paths` that is not a list of non-empty strings (always on, AGC104) and keeps it', () => {
    for (const value of ['"src/**"', '[src/**, ""]', '[1, 2]', '{a: 1}']) {
      const { doc, reports } = parse(`---\npaths: ${value}\n---\nx\n`)
      expect(doc?.activation).toEqual({ kind: 'always' })
      expect(doc?.extensions.cline).toHaveProperty('paths')
      expect(reports).toEqual([expect.stringMatching(/^AGC104 Cline reads `paths` only as a list/)])
    }
  })

  it('uses the whole file as an always-on rule when the header is not YAML (fail-open)', () => {
    const text = '---\npaths: [a\n---\nBody\n'
    const { doc, reports } = parse(text)
    expect(doc?.activation).toEqual({ kind: 'always' })
    expect(doc?.body.text).toBe(text)
    expect(reports).toEqual([expect.stringMatching(/^AGC104 The header is not valid YAML/)])
  })

  it('finds the header after leading blank lines and a byte-order mark, as Cline trims the file', () => {
    const { doc } = parse('\ufeff\n\n---\npaths:\n  - a/**\n---\nBody\n')
    expect(doc?.activation).toEqual({ kind: 'globs', globs: ['a/**'] })
    expect(doc?.body.text).toBe('Body\n')
    expect(doc?.source?.fields['activation.globs']).toEqual({ line: 4, column: 1 })
  })

  it('keeps other keys (a hint for other tools’ glob keys) and reads `description`', () => {
    const { doc, reports } = parse('---\ndescription: API rules\nglobs: src/**\n---\nx\n')
    expect(doc?.description).toBe('API rules')
    expect(doc?.extensions).toEqual({ cline: { globs: 'src/**' } })
    expect(reports).toEqual([expect.stringMatching(/^AGC102 Cline scopes rules with `paths`/)])
  })

  it('names the rule by its path below .clinerules or .cline/rules', () => {
    expect(parse('x', '.clinerules/team/01-api.md').doc?.name).toBe('team/01-api')
    expect(parse('x', '.cline/rules/notes.txt').doc?.name).toBe('notes')
  })
})
