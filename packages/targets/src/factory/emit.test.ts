import { type AgentDocument, emitDocument, IR_VERSION, type ModelRef } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { factory } from './index'

const base: AgentDocument = {
  irVersion: IR_VERSION,
  name: 'd',
  description: 'Does things',
  body: { text: 'Do the work.\n' },
  extensions: {},
}

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(factory, { ...base, ...doc })
  const file = result.value?.[0]
  return {
    path: file?.path,
    text: file?.contents ?? '',
    reports: result.diagnostics.map((d) => `${d.code} ${d.field ?? '-'} ${d.message}`),
  }
}

const model = (written: string, provider?: string, id = written): ModelRef => ({
  written,
  ...(provider ? { provider } : {}),
  id,
})

describe('emitFactory', () => {
  it('writes a minimal droid', () => {
    expect(emit({}).text).toBe('---\nname: d\ndescription: Does things\n---\nDo the work.\n')
  })

  it('collapses an exact category and writes other lists as tool ids', () => {
    expect(emit({ tools: { allow: ['glob', 'grep', 'list', 'read', 'todowrite'] } })).toMatchObject({
      text: expect.stringContaining('\ntools: read-only\n'),
      reports: [],
    })
    expect(
      emit({ tools: { allow: ['bash', 'read', 'mcp:gh/get_issue', 'mcp:linear/*', 'todowrite'] } }),
    ).toMatchObject({
      text: expect.stringContaining(
        '\ntools: ["Read", "Execute", "mcp__gh__get_issue"]\nmcpServers: ["linear"]\n',
      ),
      reports: [],
    })
  })

  it('says that TodoWrite stays and which tools Factory does not have', () => {
    const { text, reports } = emit({ tools: { allow: ['read', 'notebook'] } })
    expect(text).toContain('\ntools: ["Read"]\n')
    expect(reports).toEqual([
      expect.stringMatching(/^AGC202 tools.allow Factory gives every droid `TodoWrite`/),
      expect.stringMatching(/^AGC208 tools.allow Factory has no `notebook` tool/),
    ])
  })

  it('writes a deny-list as the list of the other built-in tools (the safe form) and says so', () => {
    const { text, reports } = emit({ tools: { deny: ['bash', 'edit', 'write', 'webfetch', 'websearch'] } })
    expect(text).toContain('\ntools: read-only\n')
    expect(reports).toEqual([expect.stringMatching(/^AGC202 tools.deny Factory has no deny-list/)])
  })

  it('turns a rule that denies a tool outright into the tool list; other rules are not carried', () => {
    const { text, reports } = emit({
      permissions: [
        { tool: 'webfetch', decision: 'deny' },
        { tool: 'bash', decision: 'ask' },
        { tool: 'bash', pattern: 'rm *', decision: 'deny' },
      ],
    })
    expect(text).toContain(
      '\ntools: ["Read", "LS", "Grep", "Glob", "Create", "Edit", "Execute", "WebSearch"]\n',
    )
    expect(reports).toEqual([
      expect.stringMatching(
        /^AGC201 permissions .* the `bash` rules \("\*": ask, "rm \*": deny\) are left out\. The calls they deny \(`rm \*`\)/,
      ),
      expect.stringMatching(/^AGC202 tools.deny Factory has no deny-list; without `webfetch`/),
    ])
  })

  it('maps models to Factory ids', () => {
    expect(emit({ model: model('inherit') }).text).toContain('\nmodel: inherit\n')
    expect(emit({ model: model('anthropic/claude-opus-4-5', 'anthropic', 'claude-opus-4-5') })).toMatchObject(
      {
        text: expect.stringContaining('\nmodel: claude-opus-4-5-20251101\n'),
        reports: [expect.stringMatching(/^AGC202 model .* the dated snapshot it names/)],
      },
    )
    expect(emit({ model: model('opus') })).toMatchObject({
      text: expect.stringContaining('\nmodel: claude-opus-5\n'),
      reports: [expect.stringMatching(/^AGC202 model .* pinned to `claude-opus-5`/)],
    })
    expect(
      emit({
        model: model('openrouter/anthropic/claude-sonnet-4.5', 'openrouter', 'anthropic/claude-sonnet-4.5'),
      }).text,
    ).toContain('\nmodel: claude-sonnet-4-5-20250929\n')
    expect(emit({ model: model('openai/gpt-5.4', 'openai', 'gpt-5.4') })).toMatchObject({
      text: expect.stringContaining('\nmodel: gpt-5.4\n'),
      reports: [],
    })
    expect(emit({ model: model('custom:my-model') }).text).toContain('\nmodel: custom:my-model\n')
  })

  it('leaves out models Factory cannot run, and warns about ids it does not list', () => {
    const mistral = emit({ model: model('mistral/codestral-latest', 'mistral', 'codestral-latest') })
    expect(mistral.text).not.toContain('model:')
    expect(mistral.reports).toEqual([expect.stringMatching(/^AGC204 model Factory does not serve mistral/)])
    const old = emit({ model: model('openai/gpt-5.2-codex', 'openai', 'gpt-5.2-codex') })
    expect(old.text).toContain('\nmodel: gpt-5.2-codex\n')
    expect(old.reports).toEqual([
      expect.stringMatching(/^AGC104 model `gpt-5.2-codex` is not among the models/),
    ])
  })

  it('writes every effort level, and warns that an inherited model ignores it', () => {
    expect(emit({ model: model('gpt-5.4', 'openai'), effort: 'xhigh' })).toMatchObject({
      text: expect.stringContaining('\nreasoningEffort: xhigh\n'),
      reports: [],
    })
    expect(emit({ effort: 'low' }).reports).toEqual([
      expect.stringMatching(
        /^AGC104 effort Factory ignores `reasoningEffort` when the model is `inherit` \(the default\)/,
      ),
    ])
  })

  it('sanitises names and names the file with hyphens, as Factory does', () => {
    const { path, text, reports } = emit({ name: 'Release Notes_v2' })
    expect(path).toBe('.factory/droids/release-notes-v2.md')
    expect(text).toContain('\nname: release-notes_v2\n')
    expect(reports).toEqual([expect.stringMatching(/^AGC207 name /)])
  })

  it('says that droids are only subagents', () => {
    expect(emit({ role: 'subagent' }).reports).toEqual([])
    expect(emit({ role: 'primary' }).reports).toEqual([
      expect.stringMatching(/^AGC202 role Factory droids only run as subagents/),
    ])
  })
})
