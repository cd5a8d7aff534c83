import type { PermissionRule } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { translatePermissions } from './permissions'

function translate(rules: PermissionRule[]) {
  const reports: string[] = []
  const result = translatePermissions(rules, (message) => reports.push(message))
  return { ...result, reports }
}

const bash = (pattern: string | undefined, decision: PermissionRule['decision']): PermissionRule =>
  pattern === undefined ? { tool: 'bash', decision } : { tool: 'bash', pattern, decision }

describe('translatePermissions (last match wins → deny > ask > allow)', () => {
  it('relies on Claude asking by default instead of emitting ask: Bash, which would beat every allow', () => {
    const r = translate([bash(undefined, 'ask'), bash('git *', 'allow')])
    expect(r.settings).toEqual({ allow: ['Bash(git *)'], ask: [], deny: [] })
    expect(r.disallowed).toEqual([])
    expect(r.reports).toEqual([])
  })

  it('renders an allow-all with exceptions faithfully', () => {
    const r = translate([bash(undefined, 'allow'), bash('rm *', 'deny'), bash('git push*', 'ask')])
    expect(r.settings).toEqual({ allow: ['Bash'], ask: ['Bash(git push*)'], deny: ['Bash(rm *)'] })
    expect(r.reports).toEqual([])
  })

  it('turns a plain deny into disallowedTools, in the agent file', () => {
    expect(translate([bash(undefined, 'deny')]).disallowed).toEqual(['Bash'])
    expect(translate([{ tool: 'edit', decision: 'deny' }]).disallowed).toEqual(['Edit', 'Write'])
    expect(translate([bash(undefined, 'deny'), bash('rm *', 'deny')]).disallowed).toEqual(['Bash'])
  })

  it('reports a catch-all deny with exceptions, which Claude cannot express', () => {
    const r = translate([bash(undefined, 'deny'), bash('git log*', 'allow')])
    expect(r.settings.allow).toEqual(['Bash(git log*)'])
    expect(r.disallowed).toEqual([])
    expect(r.reports).toEqual([expect.stringContaining('cannot deny a tool with exceptions')])
  })

  it('reports an earlier, stronger rule that Claude would let win over a later one', () => {
    const r = translate([bash('git push*', 'deny'), bash('git *', 'allow')])
    expect(r.reports).toEqual([expect.stringContaining('"git *": allow comes after "git push*": deny')])
    expect(translate([bash('git *', 'allow'), bash('git push*', 'deny')]).reports).toEqual([])
    expect(translate([bash('ls *', 'deny'), bash('git *', 'allow')]).reports).toEqual([])
  })

  it('ignores rules shadowed by a later catch-all', () => {
    const r = translate([bash('git *', 'allow'), bash(undefined, 'deny')])
    expect(r.disallowed).toEqual(['Bash'])
    expect(r.settings).toEqual({ allow: [], ask: [], deny: [] })
  })

  it('says what it cannot carry: rules for every tool, URL patterns', () => {
    expect(translate([{ tool: '*', decision: 'ask' }]).reports).toEqual([
      expect.stringContaining('every tool'),
    ])
    const web = translate([{ tool: 'webfetch', pattern: 'https://x.dev/*', decision: 'allow' }])
    expect(web.reports).toEqual([expect.stringContaining('cannot restrict `webfetch` by pattern')])
  })
})
