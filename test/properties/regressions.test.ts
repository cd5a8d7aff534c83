/**
 * Shrunk counterexamples of the property tests that revealed bugs, kept as plain examples.
 */
import {
  type AgentDocument,
  emitDocument,
  normalize,
  type PermissionRule,
  parseFile,
  type Target,
} from '@agentc/core'
import { claude, cursor, opencode } from '@agentc/targets'
import { describe, expect, it } from 'vitest'
import { roundTrip, withoutSource } from './helpers'

const doc = (fields: Partial<AgentDocument> = {}): AgentDocument => ({
  irVersion: 1,
  name: 'a',
  extensions: {},
  body: { text: '' },
  ...fields,
})

const rules = (...list: PermissionRule[]) => ({ permissions: list })
const codes = (target: Target, d: AgentDocument) =>
  emitDocument(target, d).diagnostics.map((x) => `${x.code} ${x.field}`)

describe('OpenCode', () => {
  it('writes the effort under a free spelling when an option keeps `reasoningEffort`', () => {
    const { file, parsed } = roundTrip(
      opencode,
      doc({ effort: 'minimal', extensions: { opencode: { reasoningEffort: 'turbo' } } }),
    )
    expect(file.contents).toBe('---\nreasoning_effort: minimal\nreasoningEffort: turbo\n---\n')
    expect(parsed.effort).toBe('minimal')
    expect(parsed.extensions).toEqual({ opencode: { reasoningEffort: 'turbo' } })
  })

  it('keeps options in file order, so that re-emitting gives the same bytes', () => {
    const d = doc({ extensions: { opencode: { reasoning_effort: 'turbo', reasoningEffort: 'turbo' } } })
    const { file, parsed } = roundTrip(opencode, d)
    expect(emitDocument(opencode, withoutSource(parsed)).value?.[0]?.contents).toBe(file.contents)
  })

  it('keeps a tool rule after a rule for every tool in its place', () => {
    const d = doc(
      rules(
        { tool: 'read', decision: 'allow' },
        { tool: '*', decision: 'allow' },
        { tool: 'read', decision: 'deny' },
      ),
    )
    const { file, parsed } = roundTrip(opencode, d)
    expect(file.contents).toBe('---\npermission:\n  "*": allow\n  read: deny\n---\n')
    expect(normalize(parsed).tools).toEqual({ deny: ['read'] })
  })

  it('drops the rules a later rule for every tool overrides', () => {
    const d = doc(
      rules(
        { tool: 'edit', decision: 'allow' },
        { tool: '*', decision: 'ask' },
        { tool: 'edit', pattern: 'src/**', decision: 'allow' },
      ),
    )
    const { file, emitDiagnostics } = roundTrip(opencode, d)
    expect(file.contents).toBe('---\npermission:\n  "*": ask\n  edit:\n    src/**: allow\n---\n')
    expect(emitDiagnostics).toEqual([])
    expect(
      codes(opencode, doc(rules({ tool: 'notebook', decision: 'allow' }, { tool: '*', decision: 'allow' }))),
    ).toEqual([])
  })

  it('reports a rule that can no longer follow a rule of an overlapping tool', () => {
    const d = doc(
      rules(
        { tool: 'edit', decision: 'allow' },
        { tool: 'write', decision: 'deny' },
        { tool: 'edit', pattern: 'src/**', decision: 'allow' },
      ),
    )
    expect(codes(opencode, d)).toEqual(['AGC202 permissions'])
  })

  it('writes a tool-wide rule (or a `*` pattern) as a plain decision', () => {
    const a = roundTrip(
      opencode,
      doc(rules({ tool: 'read', pattern: '.env', decision: 'allow' }, { tool: 'read', decision: 'allow' })),
    )
    expect(a.file.contents).toBe('---\npermission:\n  read: allow\n---\n')
    const b = roundTrip(
      opencode,
      doc(rules({ tool: 'bash', pattern: '*', decision: 'allow' }, { tool: 'task', decision: 'allow' })),
    )
    expect(b.file.contents).toBe('---\npermission:\n  bash: allow\n  task: allow\n---\n')
    const c = roundTrip(
      opencode,
      doc(rules({ tool: '*', decision: 'allow' }, { tool: 'notebook', decision: 'allow' })),
    )
    expect(c.file.contents).toBe('---\npermission: allow\n---\n')
  })

  it('writes write where edit sorts, and nothing for empty maps', () => {
    expect(roundTrip(opencode, doc({ tools: { allow: ['read', 'write'] } })).file.contents).toBe(
      '---\ntools:\n  "*": false\n  edit: true\n  read: true\n---\n',
    )
    expect(roundTrip(opencode, doc({ tools: { deny: ['notebook'] } })).file.contents).toBe('---\n---\n')
    expect(roundTrip(opencode, doc(rules({ tool: 'notebook', decision: 'allow' }))).file.contents).toBe(
      '---\n---\n',
    )
  })

  it('reads back a name below an `agent` folder', () => {
    const { file, parsed, emitDiagnostics } = roundTrip(opencode, doc({ name: 'agent/0' }))
    expect(file.path).toBe('.opencode/agents/agent/0.md')
    expect(parsed.name).toBe('agent/0')
    expect(emitDiagnostics).toEqual([])
  })
})

describe('Claude Code', () => {
  it('reports a pattern rule no Claude form can hold, even without settings', () => {
    const d = doc(rules({ tool: 'webfetch', pattern: 'https://example.com/*', decision: 'allow' }))
    expect(codes(claude, { ...d, description: 'x' })).toEqual(['AGC202 permissions'])
  })

  it('does not disallow Write when a later edit rule allows writes', () => {
    const later = roundTrip(
      claude,
      doc({
        description: 'x',
        ...rules(
          { tool: 'write', decision: 'allow' },
          { tool: '*', decision: 'deny' },
          { tool: 'edit', decision: 'allow' },
        ),
      }),
    )
    expect(later.parsed.tools?.deny ?? []).not.toContain('write')
    const patterned = roundTrip(
      claude,
      doc({
        description: 'x',
        ...rules({ tool: 'write', decision: 'deny' }, { tool: 'edit', pattern: 'src/**', decision: 'allow' }),
      }),
    )
    expect(patterned.parsed.tools?.deny ?? []).not.toContain('write')
  })
})

describe('Cursor', () => {
  it('writes boolean and empty options so that they read back as they were', () => {
    const { file, parsed } = roundTrip(cursor, doc({ extensions: { cursor: { glob: false, x_note: '' } } }))
    expect(file.contents).toContain('glob: false\nx_note: ""\n')
    expect(parsed.extensions).toEqual({ cursor: { glob: false, x_note: '' } })
  })

  it('reads a header value containing U+2028', () => {
    const { parsed } = roundTrip(cursor, doc({ description: '\u2028!' }))
    expect(parsed.description).toBe('\u2028!')
    expect(parsed.activation).toEqual({ kind: 'model-decision' })
  })

  it('names a nested rule by its path below .cursor/rules', () => {
    const { file, parsed } = roundTrip(cursor, doc({ name: 'a/A' }))
    expect(file.path).toBe('.cursor/rules/a/A.mdc')
    expect(parsed.name).toBe('a/A')
    const rule = parseFile(cursor, { path: '.cursor/rules/team/sql/RULE.md', text: 'x\n' })
    expect(rule.value?.[0]?.name).toBe('team/sql')
  })
})

describe('normalize', () => {
  it('folds a final denial only when no later edit rule decides write calls', () => {
    expect(
      normalize(doc(rules({ tool: 'write', decision: 'deny' }, { tool: 'edit', decision: 'allow' }))),
    ).toMatchObject({
      permissions: [
        { tool: 'write', decision: 'deny' },
        { tool: 'edit', decision: 'allow' },
      ],
    })
    const editThenWrite = normalize(
      doc(rules({ tool: 'edit', decision: 'deny' }, { tool: 'write', decision: 'allow' })),
    )
    expect(editThenWrite.tools?.deny ?? []).not.toContain('write')
    expect(normalize(doc(rules({ tool: 'edit', decision: 'deny' }))).tools).toEqual({
      deny: ['edit', 'write'],
    })
  })
})
