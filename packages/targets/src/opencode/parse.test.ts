import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseOpenCode } from './parse'

function parse(text: string, path = '.opencode/agents/a.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseOpenCode({ path, text }, ctx)
  return { doc, reports }
}

describe('parseOpenCode', () => {
  it('reads the tools enable-map: false removes a tool, unlisted tools stay', () => {
    expect(parse('---\ntools:\n  bash: true\n  webfetch: false\n---\n').doc?.tools).toEqual({
      deny: ['webfetch'],
    })
  })

  it('reads "*": false as an allow-list; the last matching key wins', () => {
    const { doc } = parse('---\ntools:\n  bash: true\n  "*": false\n  read: true\n  grep: true\n---\n')
    expect(doc?.tools).toEqual({ allow: ['grep', 'read'] })
  })

  it('switches write and edit together, as OpenCode does (both map to its edit permission)', () => {
    expect(parse('---\ntools:\n  write: false\n---\n').doc?.tools).toEqual({ deny: ['edit', 'write'] })
  })

  it('keeps permission rules in order, tool-level rules without a pattern', () => {
    const { doc } = parse('---\npermission:\n  edit: deny\n  bash:\n    "*": ask\n    "git *": allow\n---\n')
    expect(doc?.permissions).toEqual([
      { tool: 'edit', decision: 'deny' },
      { tool: 'bash', decision: 'ask' },
      { tool: 'bash', pattern: 'git *', decision: 'allow' },
    ])
    expect(parse('---\npermission: ask\n---\n').doc?.permissions).toEqual([{ tool: '*', decision: 'ask' }])
  })

  it('derives the name from the path below agent(s)/, and lets a `name` key win', () => {
    expect(parse('x', '.opencode/agents/team/audit.md').doc?.name).toBe('team/audit')
    expect(parse('x', 'somewhere/review.md').doc?.name).toBe('review')
    expect(parse('---\nname: custom\n---\n', '.opencode/agent/x.md').doc?.name).toBe('custom')
  })

  it('recognises the common effort spellings and splits provider/model', () => {
    for (const key of ['reasoningEffort', 'reasoning_effort', 'effort']) {
      expect(parse(`---\n${key}: high\n---\n`).doc?.effort).toBe('high')
    }
    expect(parse('---\nmodel: openai/gpt-5.2-codex\n---\n').doc?.model).toEqual({
      written: 'openai/gpt-5.2-codex',
      provider: 'openai',
      id: 'gpt-5.2-codex',
    })
    expect(parse('---\nmodel: {env:OPENCODE_MODEL}\n---\n').doc?.model).toEqual({
      written: '{env:OPENCODE_MODEL}',
      id: '{env:OPENCODE_MODEL}',
    })
  })

  it('accepts a file without frontmatter, as OpenCode does', () => {
    const { doc, reports } = parse('Just a prompt.\n')
    expect(doc?.body.text).toBe('Just a prompt.\n')
    expect(reports).toEqual([])
  })

  it('keeps unknown keys for OpenCode and flags `permissions` (plural), which OpenCode ignores', () => {
    const { doc, reports } = parse('---\ncategory: ops\npermissions:\n  bash: deny\n---\n')
    expect(doc?.extensions).toEqual({ opencode: { category: 'ops', permissions: { bash: 'deny' } } })
    expect(reports).toEqual([
      expect.stringMatching(/^AGC102 /),
      expect.stringMatching(/^AGC104 OpenCode does not read `permissions`/),
    ])
  })

  it('rejects values OpenCode rejects, at the value', () => {
    const { doc, reports } = parse('---\ncolor: cyan\nsteps: 0\n---\n')
    expect(doc).toBeUndefined()
    expect(reports).toHaveLength(2)
    expect(reports.some((r) => r.includes('`color` must be `#RRGGBB` or one of'))).toBe(true)
  })
})
