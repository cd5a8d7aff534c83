import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseKilo } from './parse'

function parse(text: string, path = '.kilo/agents/a.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseKilo({ path, text }, ctx)
  return { doc, reports }
}

describe('parseKilo', () => {
  it('reads permission maps in order, last match wins', () => {
    const { doc } = parse('---\npermission:\n  edit: deny\n  bash:\n    "*": ask\n    "git *": allow\n---\n')
    expect(doc?.permissions).toEqual([
      { tool: 'edit', decision: 'deny' },
      { tool: 'bash', decision: 'ask' },
      { tool: 'bash', pattern: 'git *', decision: 'allow' },
    ])
    expect(parse('---\npermission: ask\n---\n').doc?.permissions).toEqual([{ tool: '*', decision: 'ask' }])
  })

  it('folds the deprecated tools map into permission rules the way Kilo does', () => {
    const { doc, reports } = parse('---\ntools:\n  "*": false\n  read: true\n  patch: false\n---\n')
    expect(doc?.permissions).toEqual([
      { tool: '*', decision: 'deny' },
      { tool: 'read', decision: 'allow' },
      { tool: 'edit', decision: 'deny' },
    ])
    expect(reports).toEqual([expect.stringMatching(/^AGC103 `tools` is deprecated/)])
  })

  it('lets a permission key take the place of the same tools key (Object.assign)', () => {
    const { doc } = parse(
      '---\ntools:\n  read: false\n  bash: true\npermission:\n  "*": ask\n  read: allow\n---\n',
    )
    expect(doc?.permissions).toEqual([
      { tool: 'read', decision: 'allow' },
      { tool: 'bash', decision: 'allow' },
      { tool: '*', decision: 'ask' },
    ])
  })

  it('rejects patterns for keys that take one action, and non-null-able nulls', () => {
    const one = parse('---\npermission:\n  webfetch:\n    "https://*": allow\n---\n')
    expect(one.doc).toBeUndefined()
    expect(one.reports[0]).toMatch(
      /^AGC101 `permission.webfetch` must be `allow`, `ask` or `deny` \(it takes no patterns\)/,
    )
    const mode = parse('---\nmode:\n---\n')
    expect(mode.doc).toBeUndefined()
    expect(mode.reports[0]).toMatch(/^AGC101 `mode` must be/)
  })

  it('treats null as the delete sentinel where Kilo allows it', () => {
    const { doc, reports } = parse(
      '---\nmodel: null\nsteps: null\nmaxSteps: 5\npermission:\n  bash: null\n---\n',
    )
    expect(doc?.model).toBeUndefined()
    expect(doc?.maxSteps).toBeUndefined()
    expect(doc?.permissions).toBeUndefined()
    expect(reports).toEqual([expect.stringMatching(/^AGC103 `maxSteps` is deprecated/)])
  })

  it('flags permission keys no Kilo tool checks (writes are decided by edit)', () => {
    const { doc, reports } = parse('---\npermission:\n  write: deny\n---\n')
    expect(doc?.permissions).toEqual([{ tool: 'kilo:write', decision: 'deny' }])
    expect(reports).toEqual([expect.stringMatching(/^AGC104 Kilo decides every file change with the `edit`/)])
  })

  it('names the agent after its path below .kilo/agents, unless a name key says otherwise', () => {
    expect(parse('x', '.kilo/agents/backend/sql.md').doc?.name).toBe('backend/sql')
    expect(parse('x', '.kilo/agents/agents/x.md').doc?.name).toBe('agents/x')
    expect(parse('---\nname: Custom\n---\n', '.kilo/agent/x.md').doc?.name).toBe('Custom')
  })

  it('keeps Kilo keys the IR does not model, and flags the ones Kilo ignores', () => {
    const { doc, reports } = parse(
      '---\nvariant: high\noptions:\n  store: false\nprompt: x\ncategory: ops\n---\n',
    )
    expect(doc?.extensions).toEqual({
      kilo: { variant: 'high', options: { store: false }, prompt: 'x', category: 'ops' },
    })
    expect(reports).toEqual([
      expect.stringMatching(/^AGC104 In a markdown agent/),
      expect.stringMatching(/^AGC102 `category`/),
    ])
  })
})
