import type { PermissionRule } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { fromKiroPermissions, type KiroRule, toKiroPermissions } from './permissions'

function emit(rules: PermissionRule[]) {
  const reports: string[] = []
  const kiro = toKiroPermissions(rules, (message, _tool, code = 'AGC202') =>
    reports.push(`${code} ${message}`),
  )
  return { kiro, reports }
}

const bash = (pattern: string | undefined, decision: PermissionRule['decision']): PermissionRule =>
  pattern === undefined ? { tool: 'bash', decision } : { tool: 'bash', pattern, decision }

describe('toKiroPermissions (last match wins → strictest wins, with exclude)', () => {
  it('renders a catch-all with exceptions exactly, through exclude', () => {
    const { kiro, reports } = emit([
      bash(undefined, 'ask'),
      bash('git *', 'allow'),
      bash('git push*', 'deny'),
    ])
    expect(kiro).toEqual([
      { capability: 'shell', effect: 'ask', exclude: ['git *', 'git push*'] },
      { capability: 'shell', effect: 'allow', match: ['git *'], exclude: ['git push*'] },
      { capability: 'shell', effect: 'deny', match: ['git push*'] },
    ])
    expect(reports).toEqual([])
  })

  it('keeps a later, more permissive exception that Claude-style precedence would lose', () => {
    const { kiro } = emit([bash('git push*', 'deny'), bash('git push --dry-run*', 'allow')])
    expect(kiro).toEqual([
      { capability: 'shell', effect: 'deny', match: ['git push*'], exclude: ['git push --dry-run*'] },
      { capability: 'shell', effect: 'allow', match: ['git push --dry-run*'] },
    ])
  })

  it('drops rules a later catch-all or an identical pattern overrides, and merges neighbours', () => {
    expect(emit([bash('git *', 'allow'), bash(undefined, 'deny')]).kiro).toEqual([
      { capability: 'shell', effect: 'deny' },
    ])
    expect(emit([bash('ls*', 'allow'), bash('npm test', 'allow'), bash('ls*', 'ask')]).kiro).toEqual([
      { capability: 'shell', effect: 'allow', match: ['npm test'] },
      { capability: 'shell', effect: 'ask', match: ['ls*'] },
    ])
  })

  it('writes path patterns as globs and reports the ones whose meaning changes', () => {
    const { kiro, reports } = emit([
      { tool: 'edit', pattern: 'src/*', decision: 'allow' },
      { tool: 'edit', pattern: '*.lock', decision: 'deny' },
      { tool: 'edit', pattern: 'docs/*.md', decision: 'ask' },
    ])
    expect(kiro.map((r) => r.match)).toEqual([['src/**'], ['**/*.lock'], ['docs/*.md']])
    expect(reports).toEqual([expect.stringContaining('"docs/*.md" may not match the same paths')])
  })

  it('reports capabilities that govern several IR tools alike', () => {
    const { kiro, reports } = emit([{ tool: 'read', pattern: '.env', decision: 'deny' }])
    expect(kiro).toEqual([{ capability: 'fs_read', effect: 'deny', match: ['.env'] }])
    expect(reports).toEqual([expect.stringContaining('now decide list, glob, grep calls as well')])
    const write = emit([
      { tool: 'edit', decision: 'ask' },
      { tool: 'write', pattern: 'tmp/*', decision: 'allow' },
    ])
    expect(write.reports).toEqual([expect.stringContaining('now decide edit calls as well')])
  })

  it('reports a rule for every tool that Kiro cannot let later rules override', () => {
    const { kiro, reports } = emit([{ tool: '*', decision: 'ask' }, bash('git *', 'allow')])
    expect(kiro).toEqual([{ capability: 'all', effect: 'ask' }])
    expect(reports).toEqual([expect.stringContaining("Kiro's `all` rule beats")])
    expect(emit([{ tool: '*', decision: 'ask' }, bash('rm *', 'deny')]).kiro).toEqual([
      { capability: 'all', effect: 'ask' },
      { capability: 'shell', effect: 'deny', match: ['rm *'] },
    ])
    expect(emit([{ tool: '*', decision: 'allow' }, bash('rm *', 'deny')]).reports).toEqual([])
  })

  it('leaves out tools without a capability (AGC208) and writes MCP rules by server/tool', () => {
    const { kiro, reports } = emit([
      { tool: 'todowrite', decision: 'deny' },
      { tool: 'mcp:github/*', decision: 'ask' },
      { tool: 'mcp:github/get_issue', decision: 'allow' },
    ])
    expect(kiro).toEqual([
      { capability: 'mcp', effect: 'ask', match: ['github/*'], exclude: ['github/get_issue'] },
      { capability: 'mcp', effect: 'allow', match: ['github/get_issue'] },
    ])
    expect(reports).toEqual([expect.stringMatching(/^AGC208 .*todowrite/)])
  })
})

describe('fromKiroPermissions (strictest wins → last match wins)', () => {
  const read = (rules: KiroRule[]) => fromKiroPermissions(rules)

  it('puts stricter overlapping rules later', () => {
    expect(
      read([
        { capability: 'shell', effect: 'deny', match: ['rm *'] },
        { capability: 'shell', effect: 'allow' },
      ]).rules,
    ).toEqual([bash(undefined, 'allow'), bash('rm *', 'deny')])
  })

  it('puts a rule before the rules whose patterns it excludes', () => {
    expect(
      read([
        { capability: 'shell', effect: 'ask', match: ['*'], exclude: ['git *'] },
        { capability: 'shell', effect: 'allow', match: ['git *'] },
      ]).rules,
    ).toEqual([bash(undefined, 'ask'), bash('git *', 'allow')])
  })

  it("gives excluded calls no other rule covers Kiro's default (ask)", () => {
    expect(read([{ capability: 'shell', effect: 'allow', exclude: ['rm *'] }]).rules).toEqual([
      bash(undefined, 'allow'),
      bash('rm *', 'ask'),
    ])
  })

  it('reads fs_read for every reading tool, fs_write as edit, globs as wildcards, all as *', () => {
    expect(
      read([
        { capability: 'fs_read', effect: 'deny', match: ['**/*.pem'] },
        { capability: 'fs_write', effect: 'allow', match: ['src/**'] },
        { capability: 'all', effect: 'allow' },
      ]).rules,
    ).toEqual([
      { tool: 'edit', pattern: 'src/*', decision: 'allow' },
      { tool: '*', decision: 'allow' },
      { tool: 'read', pattern: '*.pem', decision: 'deny' },
      { tool: 'list', pattern: '*.pem', decision: 'deny' },
      { tool: 'glob', pattern: '*.pem', decision: 'deny' },
      { tool: 'grep', pattern: '*.pem', decision: 'deny' },
    ])
  })

  it('reads back what toKiroPermissions wrote, in the same order', () => {
    const rules: PermissionRule[] = [
      bash(undefined, 'ask'),
      bash('git *', 'allow'),
      bash('git push*', 'deny'),
      bash('git push --dry-run*', 'allow'),
      { tool: 'webfetch', pattern: 'https://docs.example.com/*', decision: 'allow' },
    ]
    const { kiro } = emit(rules)
    expect(read(kiro).rules).toEqual(rules)
  })
})
