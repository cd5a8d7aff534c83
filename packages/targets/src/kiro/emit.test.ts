import { type AgentDocument, emitDocument, IR_VERSION } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { kiro } from './index'

const base: AgentDocument = { irVersion: IR_VERSION, name: 'a', body: { text: 'b\n' }, extensions: {} }

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(kiro, { ...base, ...doc })
  return {
    path: result.value?.[0]?.path,
    text: result.value?.[0]?.contents ?? '',
    codes: result.diagnostics.map((d) => d.code),
  }
}

describe('emitKiro', () => {
  it('writes every tool explicitly when there is no allow-list', () => {
    expect(emit({}).text).toBe('---\ntools: ["*"]\n---\nb\n')
  })

  it('collapses tools into tags and reports a tag that must widen', () => {
    expect(emit({ tools: { allow: ['read', 'list', 'glob', 'grep', 'bash'] } })).toMatchObject({
      text: expect.stringContaining('tools: [read, shell]\n'),
      codes: [],
    })
    expect(emit({ tools: { allow: ['read'] } })).toMatchObject({
      text: expect.stringContaining('tools: [read]\n'),
      codes: ['AGC202'],
    })
    expect(emit({ tools: { allow: ['question'] } }).codes).toEqual(['AGC208'])
  })

  it('writes denials as excludedTools', () => {
    expect(emit({ tools: { deny: ['bash', 'edit', 'write'] } }).text).toContain(
      'tools: ["*"]\nexcludedTools: [write, shell]\n',
    )
  })

  it('maps models: Claude ids to Kiro ids, aliases pinned, other vendors left out', () => {
    expect(
      emit({ model: { written: 'anthropic/claude-opus-4-5', provider: 'anthropic', id: 'claude-opus-4-5' } }),
    ).toMatchObject({ text: expect.stringContaining('model: claude-opus-4.5\n'), codes: [] })
    expect(emit({ model: { written: 'sonnet', id: 'sonnet' } })).toMatchObject({
      text: expect.stringContaining('model: claude-sonnet-5\n'),
      codes: ['AGC202'],
    })
    expect(emit({ model: { written: 'openai/gpt-5', provider: 'openai', id: 'gpt-5' } }).codes).toEqual([
      'AGC204',
    ])
    expect(emit({ model: { written: 'inherit', id: 'inherit' } }).codes).toEqual(['AGC204'])
  })

  it('keeps the name in `name` when the file name cannot hold it', () => {
    expect(emit({ name: 'Code Review' })).toMatchObject({
      path: '.kiro/agents/Code-Review.md',
      text: expect.stringContaining('name: Code Review\n'),
      codes: [],
    })
    expect(emit({ name: 'team/planner' })).toMatchObject({ path: '.kiro/agents/team/planner.md', codes: [] })
  })

  it('leaves out rules of tools the agent does not have', () => {
    const { text, codes } = emit({
      tools: { allow: ['read', 'list', 'glob', 'grep'] },
      permissions: [{ tool: 'bash', decision: 'allow' }],
    })
    expect(text).not.toContain('permissions')
    expect(codes).toEqual([])
  })
})
