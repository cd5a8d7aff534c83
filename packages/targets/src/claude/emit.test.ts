import { type AgentDocument, emitDocument, IR_VERSION } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { claude } from './index'

const base: AgentDocument = {
  irVersion: IR_VERSION,
  name: 'a',
  description: 'd',
  body: { text: 'b\n' },
  extensions: {},
}

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(claude, { ...base, ...doc })
  return { text: result.value?.[0]?.contents ?? '', codes: result.diagnostics.map((d) => d.code) }
}

describe('emitClaude', () => {
  it('maps models: Anthropic families to aliases, others left out with a warning', () => {
    expect(
      emit({
        model: { written: 'anthropic/claude-sonnet-4-5', provider: 'anthropic', id: 'claude-sonnet-4-5' },
      }),
    ).toMatchObject({
      text: expect.stringContaining('\nmodel: sonnet\n'),
      codes: ['AGC205'],
    })
    const other = emit({ model: { written: 'openai/gpt-5', provider: 'openai', id: 'gpt-5' } })
    expect(other.text).not.toContain('model:')
    expect(other.codes).toEqual(['AGC204'])
    expect(emit({ model: { written: 'inherit', id: 'inherit' } }).text).toContain('\nmodel: inherit\n')
  })

  it('writes tool allow- and deny-lists in Claude names', () => {
    const { text } = emit({ tools: { allow: ['read', 'grep', 'mcp:github/*'], deny: ['bash'] } })
    expect(text).toContain('\ntools: Grep, Read, mcp__github\ndisallowedTools: Bash\n')
  })

  it('approximates colours and minimal effort, and says so', () => {
    expect(emit({ color: '#30A46C' })).toMatchObject({
      text: expect.stringContaining('color: green'),
      codes: ['AGC202'],
    })
    expect(emit({ color: 'warning' })).toMatchObject({
      text: expect.stringContaining('color: yellow'),
      codes: ['AGC202'],
    })
    expect(emit({ effort: 'minimal' })).toMatchObject({
      text: expect.stringContaining('effort: low'),
      codes: ['AGC202'],
    })
  })

  it('sanitises names Claude would skip and reports it', () => {
    const result = emitDocument(claude, { ...base, name: 'team/Audit:Deps' })
    expect(result.value?.[0]?.path).toBe('.claude/agents/team-audit-deps.md')
    expect(result.diagnostics.map((d) => d.code)).toEqual(['AGC207'])
  })

  it('quotes descriptions that strict YAML readers would misread', () => {
    expect(emit({ description: 'Use when: reviewing' }).text).toContain(
      'description: "Use when: reviewing"\n',
    )
    expect(emit({ description: '*important*' }).text).toContain('description: "*important*"\n')
  })
})
