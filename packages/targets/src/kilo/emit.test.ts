import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { kilo } from './index'

const base: AgentDocument = {
  irVersion: IR_VERSION,
  name: 'a',
  description: 'd',
  body: { text: 'b\n' },
  extensions: {},
}

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(kilo, { ...base, ...doc })
  return {
    path: result.value?.[0]?.path,
    text: result.value?.[0]?.contents ?? '',
    codes: result.diagnostics.map((d) => `${d.code} ${d.message}`),
  }
}

describe('emitKilo', () => {
  it('writes permission rules in order, one key per tool, denied tools last', () => {
    const { text, codes } = emit({
      tools: { deny: ['webfetch'] },
      permissions: [
        { tool: 'bash', decision: 'ask' },
        { tool: 'bash', pattern: 'git *', decision: 'allow' },
      ],
    })
    expect(text).toContain('permission:\n  bash:\n    "*": ask\n    git *: allow\n  webfetch: deny\n')
    expect(codes).toEqual([])
  })

  it('writes an allow-list as "*": deny and a rule per tool, and says what changes', () => {
    const { text, codes } = emit({ tools: { allow: ['read', 'bash'] } })
    expect(text).toContain('permission:\n  "*": deny\n  bash: ask\n  read: allow\n')
    expect(codes).toEqual([expect.stringMatching(/^AGC202 Kilo has no tool allow-list/)])
  })

  it('collapses patterns of keys that take one action to the strictest action', () => {
    const { text, codes } = emit({
      permissions: [
        { tool: 'webfetch', decision: 'allow' },
        { tool: 'webfetch', pattern: 'https://*.internal/*', decision: 'deny' },
      ],
    })
    expect(text).toContain('permission:\n  webfetch: deny\n')
    expect(codes).toEqual([expect.stringMatching(/^AGC202 Kilo's `webfetch` permission takes one action/)])
  })

  it('applies write denials to edit (Kilo decides writes with edit), and says so', () => {
    const { text, codes } = emit({ tools: { deny: ['write'] } })
    expect(text).toContain('permission:\n  edit: deny\n')
    expect(codes).toEqual([expect.stringMatching(/^AGC202 Kilo decides `write` with the `edit` permission/)])
  })

  it('gives a model without a provider the provider of its vendor, and pins Claude aliases', () => {
    expect(emit({ model: { written: 'gpt-5', id: 'gpt-5' } })).toMatchObject({
      text: expect.stringContaining('\nmodel: openai/gpt-5\n'),
      codes: [expect.stringMatching(/^AGC202 /)],
    })
    expect(emit({ model: { written: 'opus', id: 'opus' } }).text).toContain(
      '\nmodel: anthropic/claude-opus-5\n',
    )
    expect(emit({ model: { written: 'mystery-1', id: 'mystery-1' } })).toMatchObject({
      codes: [expect.stringMatching(/^AGC204 /)],
    })
    expect(emit({ model: { written: 'inherit', id: 'inherit' } }).codes).toEqual([])
  })

  it('keeps a name that is not a safe file name in a `name` key (Kilo reads it)', () => {
    const { path, text, codes } = emit({ name: 'Code Review' })
    expect(path).toBe('.kilo/agents/Code-Review.md')
    expect(text).toContain('---\nname: Code Review\n')
    expect(codes).toEqual([])
    expect(parseFile(kilo, { path: path!, text }).value?.[0]?.name).toBe('Code Review')
  })

  it('writes kept Kilo keys back, permission.disabled inside permission', () => {
    const { text } = emit({
      extensions: { kilo: { variant: 'high', 'permission.disabled': ['git push*'] } },
      permissions: [{ tool: 'bash', decision: 'ask' }],
    })
    expect(text).toContain('permission:\n  disabled:\n    - git push*\n  bash: ask\nvariant: high\n')
  })
})
