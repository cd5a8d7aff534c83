import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { codex } from './index'

const base: AgentDocument = {
  irVersion: IR_VERSION,
  name: 'a',
  description: 'd',
  body: { text: 'Do it.\n' },
  extensions: {},
}

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(codex, { ...base, ...doc })
  const file = result.value?.[0]
  return {
    text: file?.contents ?? '',
    path: file?.path,
    codes: result.diagnostics.map((d) => `${d.code}${d.field ? ` ${d.field}` : ''}`),
    messages: result.diagnostics.map((d) => d.message),
  }
}

const reparse = (text: string) => parseFile(codex, { path: '.codex/agents/a.toml', text }).value?.[0]

describe('emitCodex', () => {
  it('writes the prompt as a multi-line string that reads back byte for byte', () => {
    const body = 'Use """ and "quotes" and \\ backslashes.\n\n```ts\nconst a = "b"\n```\nends with "'
    const { text } = emit({ body: { text: body } })
    expect(text).toBe(
      `name = "a"\ndescription = "d"\ndeveloper_instructions = """\nUse \\"\\"\\" and "quotes" and \\\\ backslashes.\n\n\`\`\`ts\nconst a = "b"\n\`\`\`\nends with \\""""\n`,
    )
    expect(reparse(text)?.body.text).toBe(body)
  })

  it('names OpenAI models bare, keeps local providers, leaves other vendors out', () => {
    expect(
      emit({ model: { written: 'openai/gpt-5.2-codex', provider: 'openai', id: 'gpt-5.2-codex' } }),
    ).toMatchObject({
      text: expect.stringContaining('\nmodel = "gpt-5.2-codex"\n'),
      codes: [],
    })
    const local = emit({ model: { written: 'ollama/qwen3:8b', provider: 'ollama', id: 'qwen3:8b' } })
    expect(local.text).toContain('model = "qwen3:8b"\nmodel_provider = "ollama"\n')
    const gateway = emit({
      model: { written: 'openrouter/openai/gpt-5', provider: 'openrouter', id: 'openai/gpt-5' },
    })
    expect(gateway).toMatchObject({
      text: expect.stringContaining('model = "gpt-5"\n'),
      codes: ['AGC202 model'],
    })
    const claude = emit({ model: { written: 'sonnet', provider: 'anthropic', id: 'sonnet' } })
    expect(claude.text).not.toContain('model')
    expect(claude.codes).toEqual(['AGC204 model'])
    expect(emit({ model: { written: 'inherit', id: 'inherit' } })).toMatchObject({ codes: [] })
  })

  it('maps effort levels; max becomes xhigh with a warning', () => {
    expect(emit({ effort: 'minimal' }).text).toContain('model_reasoning_effort = "minimal"')
    expect(emit({ effort: 'max' })).toMatchObject({
      text: expect.stringContaining('model_reasoning_effort = "xhigh"'),
      codes: ['AGC202 effort'],
    })
  })

  it('turns a read-only tool list into the read-only sandbox and keeps the shell for reading', () => {
    const { text, codes } = emit({ tools: { allow: ['read', 'grep', 'glob', 'list', 'websearch'] } })
    expect(text).toContain('sandbox_mode = "read-only"\n')
    expect(text).not.toContain('shell_tool')
    expect(text).not.toContain('web_search')
    expect(codes).toEqual(['AGC202 tools.allow', 'AGC202 tools.allow'])
  })

  it('switches the shell off and says the agent cannot read then', () => {
    const { text, codes, messages } = emit({ tools: { deny: ['bash'] } })
    expect(text).toContain('[features]\nshell_tool = false\n')
    expect(codes).toEqual(['AGC202 tools.deny'])
    expect(messages[0]).toContain('cannot read files')
    expect(reparse(text)?.tools).toEqual({ deny: ['bash', 'glob', 'grep', 'list', 'read'] })
  })

  it('cannot remove edit without write', () => {
    const { text, codes } = emit({ tools: { deny: ['edit'] } })
    expect(text).toContain('sandbox_mode = "read-only"')
    expect(codes).toEqual(['AGC202 tools.deny', 'AGC202'])
  })

  it('carries a final plain deny; leaves per-command rules out (global only in Codex)', () => {
    const { text, codes, messages } = emit({
      permissions: [
        { tool: 'edit', decision: 'deny' },
        { tool: 'websearch', decision: 'deny' },
        { tool: 'bash', decision: 'ask' },
        { tool: 'bash', pattern: 'git *', decision: 'allow' },
        { tool: 'webfetch', decision: 'deny' },
      ],
    })
    expect(text).toContain('sandbox_mode = "read-only"\nweb_search = "disabled"\n')
    expect(codes).toEqual(['AGC201 permissions', 'AGC208 permissions', 'AGC202'])
    expect(messages[0]).toContain('.rules')
  })

  it('switches off MCP tools of servers the file defines, and reports the others', () => {
    const { text, codes } = emit({
      tools: { deny: ['mcp:gh/*', 'mcp:db/drop', 'mcp:other/x'] },
      extensions: { codex: { mcp_servers: { gh: { command: 'gh' }, db: { url: 'http://db' } } } },
    })
    expect(text).toContain(
      '[mcp_servers.gh]\ncommand = "gh"\nenabled = false\n\n[mcp_servers.db]\nurl = "http://db"\ndisabled_tools = ["drop"]\n',
    )
    expect(codes).toEqual(['AGC208 tools.deny'])
  })

  it('keeps the name (trimmed, as Codex reads it) and makes only the file name safe', () => {
    expect(emit({ name: 'Team/Audit: Deps' })).toMatchObject({
      path: '.codex/agents/Team/Audit-Deps.toml',
      text: expect.stringContaining('name = "Team/Audit: Deps"'),
      codes: [],
    })
    expect(emit({ name: 'Team/Audit-Deps' }).codes).toEqual([])
    expect(emit({ name: ' x ' }).codes).toEqual(['AGC207 name'])
  })

  it('warns that Codex skips an agent without a description or instructions', () => {
    const { description: _none, ...bare } = base
    const result = emitDocument(codex, { ...bare, body: { text: '' } })
    const text = result.value?.[0]?.contents
    const codes = result.diagnostics.map((d) => `${d.code}${d.field ? ` ${d.field}` : ''}`)
    expect(text).toBe('name = "a"\n')
    expect(codes).toEqual(['AGC202', 'AGC202'])
  })

  it('writes kept keys back, values before tables, and drops nulls TOML cannot hold', () => {
    const { text, codes } = emit({
      extensions: {
        codex: { approval_policy: 'never', skills: { config: [{ path: '/s', enabled: false }] }, x: null },
      },
    })
    expect(text).toBe(
      'name = "a"\ndescription = "d"\napproval_policy = "never"\ndeveloper_instructions = """\nDo it.\n"""\n\n[[skills.config]]\npath = "/s"\nenabled = false\n',
    )
    expect(codes).toEqual(['AGC202 extensions.codex.x'])
  })
})

describe('emitCodex with kept Codex keys', () => {
  it('lets the agent’s own switches win over kept values, and says so only when they differ', () => {
    const same = emit({
      tools: { deny: ['edit', 'write'] },
      extensions: { codex: { sandbox_mode: 'read-only' } },
    })
    expect(same.codes).toEqual(['AGC202'])
    const other = emit({
      tools: { deny: ['websearch'] },
      extensions: { codex: { web_search: 'live', sandbox_mode: 'workspace-write' } },
    })
    expect(other.text).toContain('web_search = "disabled"\nsandbox_mode = "workspace-write"\n')
    expect(other.codes).toEqual(['AGC202 extensions.codex.web_search'])
  })
})
