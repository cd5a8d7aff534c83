import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseCursor } from './parse'

function parse(text: string, path = '.cursor/rules/r.mdc') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseCursor({ path, text }, ctx)
  return { doc, reports }
}

describe('parseCursor reads the header as Cursor does (key: raw value)', () => {
  it('accepts unquoted globs that strict YAML rejects, and brace globs', () => {
    const { doc } = parse('---\ndescription:\nglobs: *.ts,src/**/*.{ts,tsx}\nalwaysApply: false\n---\nx\n')
    expect(doc?.activation).toEqual({ kind: 'globs', globs: ['*.ts', 'src/**/*.{ts,tsx}'] })
    expect(doc?.description).toBeUndefined()
  })

  it('accepts flow lists, quoted values and YAML lists', () => {
    expect(parse('---\nglobs: ["a/**", "b/*.md"]\n---\n').doc?.activation).toEqual({
      kind: 'globs',
      globs: ['a/**', 'b/*.md'],
    })
    expect(parse('---\nglobs:\n  - a/**\n  - b\n---\n').doc?.activation).toEqual({
      kind: 'globs',
      globs: ['a/**', 'b'],
    })
    expect(parse('---\ndescription: "Use: always"\n---\n').doc?.description).toBe('Use: always')
  })

  it('derives the four activation types', () => {
    expect(parse('---\nalwaysApply: true\nglobs: *.ts\n---\n').doc?.activation).toEqual({ kind: 'always' })
    expect(parse('---\ndescription: When writing SQL\n---\n').doc?.activation).toEqual({
      kind: 'model-decision',
    })
    expect(parse('---\ndescription:\nglobs:\nalwaysApply: false\n---\n').doc?.activation).toEqual({
      kind: 'manual',
    })
    expect(parse('no frontmatter\n').doc?.activation).toEqual({ kind: 'manual' })
  })

  it('takes the name from the file (and from the folder of RULE.md)', () => {
    expect(parse('x', '.cursor/rules/sql-style.mdc').doc?.name).toBe('sql-style')
    expect(parse('x', '.cursor/rules/sql-style/RULE.md').doc?.name).toBe('sql-style')
  })

  it('warns that a quoted "true" does not make a rule always-applied', () => {
    const { doc, reports } = parse('---\nalwaysApply: "true"\n---\n')
    expect(doc?.activation).toEqual({ kind: 'manual' })
    expect(reports).toEqual([expect.stringMatching(/^AGC104 /)])
  })

  it('keeps unknown keys for Cursor and points out the `glob` typo', () => {
    const { doc, reports } = parse('---\nglob: *.ts\n---\n')
    expect(doc?.extensions).toEqual({ cursor: { glob: '*.ts' } })
    expect(reports[0]).toContain('Cursor reads `globs`, not `glob`')
  })
})
