import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseCopilotInstructions } from './parse'

function parse(text: string, path = '.github/instructions/r.instructions.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseCopilotInstructions({ path, text }, ctx)
  return { doc, reports }
}

describe('parseCopilotInstructions', () => {
  it('reads `applyTo` as comma-separated globs, keeping brace globs whole; `**` alone is always', () => {
    expect(parse("---\napplyTo: '**/*.ts, **/*.{js,jsx}'\n---\n").doc?.activation).toEqual({
      kind: 'globs',
      globs: ['**/*.ts', '**/*.{js,jsx}'],
    })
    expect(parse("---\napplyTo: '**'\n---\n").doc?.activation).toEqual({ kind: 'always' })
  })

  it('reads a description alone as agent-decided, nothing as manual (also without a header)', () => {
    expect(parse('---\ndescription: When editing SQL\n---\n').doc?.activation).toEqual({
      kind: 'model-decision',
    })
    expect(parse('Plain instructions\n').doc?.activation).toEqual({ kind: 'manual' })
  })

  it('accepts unquoted globs (AGC004) and a list (warning: VS Code ignores it)', () => {
    const unquoted = parse('---\napplyTo: **/*.py\n---\n')
    expect(unquoted.doc?.activation).toEqual({ kind: 'globs', globs: ['**/*.py'] })
    expect(unquoted.reports).toEqual([expect.stringMatching(/^AGC004 /)])
    const list = parse('---\napplyTo: ["*.yml", "*.yaml"]\n---\n')
    expect(list.doc?.activation).toEqual({ kind: 'globs', globs: ['*.yml', '*.yaml'] })
    expect(list.reports).toEqual([expect.stringMatching(/^AGC104 VS Code reads `applyTo` only as a string/)])
  })

  it('takes the name from `name`, else from the file name', () => {
    expect(parse('---\nname: C# style\n---\n').doc?.name).toBe('C# style')
    expect(parse('x', '.github/instructions/lang/go.instructions.md').doc?.name).toBe('lang/go')
    expect(parse('x', 'instructions/go.instructions.md').doc?.name).toBe('go')
  })

  it('keeps excludeAgent without a report and other keys with one', () => {
    const { doc, reports } = parse('---\nexcludeAgent: code-review\ntools: [codebase]\n---\n')
    expect(doc?.extensions).toEqual({
      'copilot-instructions': { excludeAgent: 'code-review', tools: ['codebase'] },
    })
    expect(reports).toEqual([
      expect.stringMatching(/^AGC102 `tools` belongs to Copilot prompt and agent files/),
    ])
  })

  it('rejects an applyTo of the wrong type', () => {
    const { doc, reports } = parse('---\napplyTo: 3\n---\n')
    expect(doc).toBeUndefined()
    expect(reports).toEqual([expect.stringMatching(/^AGC101 `applyTo` must be a glob string/)])
  })
})
