import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseAugment } from './parse'

function parse(text: string, path = '.augment/rules/r.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseAugment({ path, text }, ctx)
  return { doc, reports }
}

describe('parseAugment', () => {
  it('reads the three types; no type is always_apply (Augment’s documented default)', () => {
    expect(parse('---\ntype: always_apply\n---\n').doc?.activation).toEqual({ kind: 'always' })
    expect(parse('---\ntype: agent_requested\ndescription: d\n---\n').doc?.activation).toEqual({
      kind: 'model-decision',
    })
    expect(parse('---\ntype: manual\n---\n').doc?.activation).toEqual({ kind: 'manual' })
    expect(parse('Plain\n').doc?.activation).toEqual({ kind: 'always' })
  })

  it('warns about an unknown type and reads the default', () => {
    const { doc, reports } = parse('---\ntype: auto\n---\n')
    expect(doc?.activation).toEqual({ kind: 'always' })
    expect(reports).toEqual([expect.stringMatching(/^AGC104 Augment has no rule type `auto`/)])
  })

  it('keeps other keys with a hint for glob keys, and names the rule by its path (.md or .mdx)', () => {
    const { doc, reports } = parse('---\ntype: manual\nglobs: src/**\n---\n', '.augment/rules/team/x.mdx')
    expect(doc?.name).toBe('team/x')
    expect(doc?.extensions).toEqual({ augment: { globs: 'src/**' } })
    expect(reports).toEqual([expect.stringMatching(/^AGC102 Augment rules have no file globs/)])
  })
})
