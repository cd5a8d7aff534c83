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
  it('reports a primary role as lost, but not the roles every Claude Code subagent has', () => {
    expect(emit({ role: 'primary' }).codes).toEqual(['AGC201'])
    expect(emit({ role: 'subagent' }).codes).toEqual([])
    expect(emit({ role: 'all' }).codes).toEqual([])
  })

  it('writes a plugin agent to agents/, without the keys plugins ignore, and says so', () => {
    const doc = {
      ...base,
      permissions: [{ tool: 'bash', pattern: 'git *', decision: 'allow' as const }],
      extensions: { claude: { permissionMode: 'plan', memory: 'project' } },
    }
    const plugin = emitDocument(claude, doc, { targetOptions: { claude: { plugin: true, settings: true } } })
    expect(plugin.value?.map((f) => f.path)).toEqual(['agents/a.md'])
    const text = plugin.value?.[0]?.contents ?? ''
    expect(text).not.toContain('permissionMode')
    expect(text).toContain('\nmemory: project\n')
    expect(plugin.diagnostics.map((d) => [d.code, d.field])).toEqual([
      ['AGC201', 'permissions'],
      ['AGC201', 'extensions.claude.permissionMode'],
    ])
    const project = emitDocument(claude, doc)
    expect(project.value?.[0]?.path).toBe('.claude/agents/a.md')
    expect(project.value?.[0]?.contents).toContain('\npermissionMode: plan\n')
  })

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
