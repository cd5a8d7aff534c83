import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseWindsurf } from './parse'

function parse(text: string, path = '.windsurf/rules/r.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseWindsurf({ path, text }, ctx)
  return { doc, reports }
}

describe('parseWindsurf', () => {
  it('reads the four triggers', () => {
    expect(parse('---\ntrigger: always_on\n---\nx\n').doc?.activation).toEqual({ kind: 'always' })
    expect(parse('---\ntrigger: manual\n---\nx\n').doc?.activation).toEqual({ kind: 'manual' })
    expect(parse('---\ntrigger: model_decision\ndescription: d\n---\n').doc?.activation).toEqual({
      kind: 'model-decision',
    })
    expect(parse('---\ntrigger: glob\nglobs: "*.ts,src/**/*.{ts,tsx}"\n---\n').doc?.activation).toEqual({
      kind: 'globs',
      globs: ['*.ts', 'src/**/*.{ts,tsx}'],
    })
  })

  it('accepts unquoted globs (AGC004) and glob lists', () => {
    const { doc, reports } = parse('---\ntrigger: glob\nglobs: *.ts,*tsx\n---\n')
    expect(doc?.activation).toEqual({ kind: 'globs', globs: ['*.ts', '*tsx'] })
    expect(reports).toEqual([expect.stringMatching(/^AGC004 /)])
    expect(parse('---\ntrigger: glob\nglobs: ["a/**", "b/**"]\n---\n').doc?.activation).toEqual({
      kind: 'globs',
      globs: ['a/**', 'b/**'],
    })
  })

  it('reads `always` and Devin’s `agent` as their documented triggers (AGC103)', () => {
    const always = parse('---\ntrigger: always\n---\n')
    expect(always.doc?.activation).toEqual({ kind: 'always' })
    expect(always.reports).toEqual([expect.stringMatching(/^AGC103 `trigger: always`/)])
    expect(parse('---\ntrigger: agent\ndescription: d\n---\n').doc?.activation).toEqual({
      kind: 'model-decision',
    })
  })

  it('infers the activation of a rule without a trigger, as Devin does', () => {
    expect(parse('---\nglobs: a/**\n---\n').doc?.activation).toEqual({ kind: 'globs', globs: ['a/**'] })
    expect(parse('---\ndescription: When writing SQL\n---\n').doc?.activation).toEqual({
      kind: 'model-decision',
    })
    expect(parse('no header\n').doc?.activation).toEqual({ kind: 'manual' })
  })

  it('warns about triggers that never apply by themselves and reads them as manual', () => {
    const unknown = parse('---\ntrigger: sometimes\n---\n')
    expect(unknown.doc?.activation).toEqual({ kind: 'manual' })
    expect(unknown.reports).toEqual([expect.stringMatching(/^AGC104 Windsurf has no trigger `sometimes`/)])
    const empty = parse('---\ntrigger: glob\n---\n')
    expect(empty.doc?.activation).toEqual({ kind: 'manual' })
    expect(empty.reports).toEqual([expect.stringMatching(/^AGC104 `trigger: glob` without `globs`/)])
  })

  it('rejects values of the wrong type', () => {
    const { doc, reports } = parse('---\ndescription: [a, b]\n---\n')
    expect(doc).toBeUndefined()
    expect(reports).toEqual([expect.stringMatching(/^AGC101 `description` must be text in Windsurf/)])
  })

  it('keeps unknown keys, reads an empty description as none, and names the rule by its file', () => {
    const { doc, reports } = parse(
      '---\ntrigger: manual\ndescription:\narea: docs\n---\n',
      '.devin/rules/x/y.md',
    )
    expect(doc?.description).toBeUndefined()
    expect(doc?.extensions).toEqual({ windsurf: { area: 'docs' } })
    expect(doc?.name).toBe('x/y')
    expect(reports).toEqual([expect.stringMatching(/^AGC102 `area`/)])
  })

  it('records the position of the activation', () => {
    const { doc } = parse('---\ndescription: d\ntrigger: model_decision\n---\n')
    expect(doc?.source?.fields['activation.model-decision']).toEqual({ line: 3, column: 1 })
    expect(doc?.source?.fields.description).toEqual({ line: 2, column: 1 })
  })
})
