import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { globsForFormat, parseHeaderYaml, ruleFile, ruleNameFromPath, splitGlobString } from './rule-file'

function collect() {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  return { ctx, reports }
}

describe('rule-file helpers', () => {
  it('names a rule by its path below the rules folder, without the extension', () => {
    const roots = [['.windsurf', 'rules']] as const
    expect(ruleNameFromPath('.windsurf/rules/a.md', roots, /\.md$/)).toBe('a')
    expect(ruleNameFromPath('pkg/.windsurf/rules/team/b.md', roots, /\.md$/)).toBe('team/b')
    expect(ruleNameFromPath('elsewhere/c.md', roots, /\.md$/)).toBe('c')
    expect(
      ruleNameFromPath(
        '.github/instructions/x.instructions.md',
        [['.github', 'instructions']],
        /\.instructions\.md$/,
      ),
    ).toBe('x')
  })

  it('splits comma-separated globs outside braces', () => {
    expect(splitGlobString('*.ts, src/**/*.{ts,tsx} ,,')).toEqual(['*.ts', 'src/**/*.{ts,tsx}'])
  })

  it('reports globs a format cannot hold as written, and drops blank ones', () => {
    const { ctx, reports } = collect()
    const shape = { commaJoined: true, trims: true, tool: 'X' }
    expect(globsForFormat(['a', ' b', '', 'c,d'], shape, ctx, {})).toEqual(['a', 'b', 'c,d'])
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatch(/^AGC202 X cannot hold the globs " b", "", "c,d"/)
    const quiet = collect()
    expect(globsForFormat(['src/*.{a,b}'], shape, quiet.ctx, {})).toEqual(['src/*.{a,b}'])
    expect(quiet.reports).toEqual([])
  })

  it('writes a header only when there is one, or when the body would read as one', () => {
    expect(ruleFile('', 'Body')).toBe('Body\n')
    expect(ruleFile('a: 1\n', 'Body\n\n')).toBe('---\na: 1\n---\nBody\n')
    expect(ruleFile('', '---\nx: 1\n---\n')).toBe('---\n---\n---\nx: 1\n---\n')
    expect(ruleFile('', '---\n', '---\n\n---\n')).toBe('---\n\n---\n---\n')
  })

  it('tells a broken header from one that is not a map', () => {
    expect(parseHeaderYaml('a: [1', 2)).toMatchObject({ kind: 'invalid', line: 2 })
    expect(parseHeaderYaml('- a', 2)).toMatchObject({ kind: 'not-a-map' })
    expect(parseHeaderYaml('a: 1', 2)).toMatchObject({ kind: 'map' })
  })
})
