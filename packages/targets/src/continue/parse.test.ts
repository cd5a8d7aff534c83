import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseContinue } from './parse'

function parse(text: string, path = '.continue/rules/r.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseContinue({ path, text }, ctx)
  return { doc, reports }
}

describe('parseContinue reads rules as Continue does', () => {
  it('derives the rule type from alwaysApply, globs and description', () => {
    expect(parse('---\nname: a\nalwaysApply: true\nglobs: ["x"]\n---\n').doc?.activation).toEqual({
      kind: 'always',
    })
    expect(parse('---\nname: a\nglobs: ["src/**"]\n---\n').doc?.activation).toEqual({
      kind: 'globs',
      globs: ['src/**'],
    })
    expect(parse('---\nname: a\nalwaysApply: false\ndescription: d\n---\n').doc?.activation).toEqual({
      kind: 'model-decision',
    })
    expect(parse('---\nname: a\nalwaysApply: false\n---\n').doc?.activation).toEqual({ kind: 'manual' })
    expect(parse('---\nname: a\ndescription: d\n---\n').doc?.activation).toEqual({ kind: 'always' })
    expect(parse('No header\n').doc?.activation).toEqual({ kind: 'always' })
  })

  it('reads a globs string as one pattern and warns when it holds commas', () => {
    const { doc, reports } = parse('---\nname: a\nglobs: "src/**,lib/**"\n---\n')
    expect(doc?.activation).toEqual({ kind: 'globs', globs: ['src/**,lib/**'] })
    expect(reports).toEqual([
      expect.stringMatching(/^AGC104 Continue matches a `globs` string as one pattern/),
    ])
    expect(parse('---\nname: a\nglobs: "**/*.{ts,tsx}"\n---\n').reports).toEqual([])
  })

  it('uses the whole file as an always-applied rule when the header is not YAML', () => {
    const text = '---\nname: Go\nglobs: **/*.go\n---\nBody\n'
    const { doc, reports } = parse(text)
    expect(doc?.activation).toEqual({ kind: 'always' })
    expect(doc?.body.text).toBe(text)
    expect(doc?.name).toBe('r')
    expect(reports).toEqual([expect.stringMatching(/^AGC104 The header is not valid YAML/)])
  })

  it('takes the header from the first two `---` lines wherever they are, and warns', () => {
    const { doc, reports } = parse('Intro\n---\nname: late\n---\nBody\n')
    expect(doc?.name).toBe('late')
    expect(doc?.body.text).toBe('Body\n')
    expect(reports).toEqual([expect.stringMatching(/^AGC104 Continue reads the lines between the first two/)])
  })

  it('keeps regex and invokable without a report, other keys with one; takes `name` as the name', () => {
    const { doc, reports } = parse('---\nname: Hooks\nregex: "use\\\\w+"\ninvokable: true\nowner: x\n---\n')
    expect(doc?.name).toBe('Hooks')
    expect(doc?.extensions).toEqual({ continue: { regex: 'use\\w+', invokable: true, owner: 'x' } })
    expect(reports).toEqual([expect.stringMatching(/^AGC102 `owner`/)])
  })

  it('rejects an alwaysApply that is not a boolean', () => {
    const { doc, reports } = parse('---\nname: a\nalwaysApply: "yes"\n---\n')
    expect(doc).toBeUndefined()
    expect(reports).toEqual([expect.stringMatching(/^AGC101 `alwaysApply` must be `true` or `false`/)])
  })
})
