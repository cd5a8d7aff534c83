import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { gemini } from './index'

const PATH = '.gemini/agents/a.md'

function parse(text: string, path = PATH) {
  const result = parseFile(gemini, { path, text })
  return { docs: result.value, codes: result.diagnostics.map((d) => `${d.code} ${d.message}`) }
}

function emit(doc: Partial<AgentDocument>) {
  const full: AgentDocument = {
    irVersion: IR_VERSION,
    name: 'a',
    body: { text: 'Do it.\n' },
    extensions: {},
    ...doc,
  }
  const result = emitDocument(gemini, full)
  return {
    text: result.value?.[0]?.contents ?? '',
    path: result.value?.[0]?.path,
    codes: result.diagnostics.map((d) => `${d.code} ${d.message}`),
  }
}

describe('parseGemini', () => {
  it('refuses what Gemini CLI refuses: no frontmatter, unknown keys, bad tool names, bad names', () => {
    expect(parse('Just a prompt.\n').docs).toBeUndefined()
    const unknown = parse('---\nname: a\ndescription: d\nmcpServers: {}\n---\n')
    expect(unknown.docs).toBeUndefined()
    expect(unknown.codes[0]).toMatch(/^AGC101 `mcpServers` .*the key it reads is `mcp_servers`/)
    const tool = parse('---\nname: a\ndescription: d\ntools: [Read]\n---\n')
    expect(tool.docs).toBeUndefined()
    expect(tool.codes[0]).toMatch(/`Read` must be a Gemini CLI tool name/)
    expect(parse('---\nname: My Agent\ndescription: d\n---\n').docs).toBeUndefined()
    expect(parse('---\nname: a\ndescription: d\nmax_turns: 0\n---\n').docs).toBeUndefined()
  })

  it('reads tools, the legacy grep name, MCP names and wildcards', () => {
    const { docs, codes } = parse(
      '---\nname: a\ndescription: d\ntools: [read_file, search_file_content, mcp_gh_issue, mcp_db_*, mcp_*, save_memory]\n---\n',
    )
    expect(docs?.[0]?.tools).toEqual({
      allow: ['gemini:mcp_*', 'gemini:save_memory', 'grep', 'mcp:db/*', 'mcp:gh/issue', 'read'],
    })
    expect(codes).toEqual([expect.stringMatching(/^AGC103 `search_file_content` is the legacy name/)])
  })

  it('reads a missing description as a warning: Gemini CLI would refuse the file', () => {
    const { docs, codes } = parse('---\nname: a\n---\nBody\n')
    expect(docs?.[0]?.description).toBeUndefined()
    expect(codes).toEqual([
      expect.stringMatching(/^AGC104 Gemini CLI refuses to load an agent without a `description`/),
    ])
  })

  it('keeps the Gemini keys it does not model and gives every model the google provider', () => {
    const { docs } = parse('---\nname: a\ndescription: d\ntimeout_mins: 3\nkind: local\nmodel: pro\n---\n')
    expect(docs?.[0]?.extensions).toEqual({ gemini: { timeout_mins: 3, kind: 'local' } })
    expect(docs?.[0]?.model).toEqual({ written: 'pro', provider: 'google', id: 'pro' })
  })

  it('reads remote agents and refuses local keys on them', () => {
    const { docs } = parse('---\nkind: remote\nname: r\nagent_card_url: https://x.example/card\n---\n')
    expect(docs?.[0]?.extensions).toEqual({
      gemini: { kind: 'remote', agent_card_url: 'https://x.example/card' },
    })
    expect(
      parse('---\nkind: remote\nname: r\nagent_card_url: https://x.example/c\ntools: []\n---\n').docs,
    ).toBeUndefined()
    expect(parse('---\nkind: remote\nname: r\n---\n').docs).toBeUndefined()
  })

  it('warns about file names Gemini CLI skips', () => {
    expect(parse('---\nname: a\ndescription: d\n---\n', '.gemini/agents/_a.md').codes).toEqual([
      expect.stringMatching(/^AGC104 Gemini CLI skips agent files whose name starts with `_`/),
    ])
  })
})

describe('emitGemini', () => {
  it('writes a deny-list as an allow-list of the other tools, and says so', () => {
    const { text, codes } = emit({ description: 'd', tools: { deny: ['bash', 'mcp:gh/*'] } })
    expect(text).toContain('tools:\n  - activate_skill\n')
    expect(text).not.toContain('run_shell_command')
    expect(text).not.toContain('mcp_*')
    expect(codes).toEqual([
      expect.stringMatching(
        /^AGC202 Gemini CLI agent files cannot deny tools; to leave out `run_shell_command`, `mcp_\*`/,
      ),
    ])
  })

  it('writes nothing for a tool-wide rule that says what Gemini CLI does by default', () => {
    const { codes } = emit({
      description: 'd',
      permissions: [
        { tool: 'read', decision: 'allow' },
        { tool: 'bash', decision: 'ask' },
      ],
    })
    expect(codes).toEqual([])
  })

  it('has nothing to remove for tools Gemini CLI does not have', () => {
    const { text, codes } = emit({ description: 'd', tools: { deny: ['notebook'] } })
    expect(text).not.toContain('tools:')
    expect(codes).toEqual([expect.stringMatching(/^AGC208 The tool `notebook` has no Gemini CLI equivalent/)])
  })

  it('removes a tool whose rules deny all but some patterns, the safe form, and names the policy file', () => {
    const doc: AgentDocument = {
      irVersion: IR_VERSION,
      name: 'a',
      description: 'd',
      permissions: [
        { tool: '*', decision: 'deny' },
        { tool: 'read', decision: 'ask' },
        { tool: 'bash', pattern: 'git *', decision: 'allow' },
      ],
      body: { text: '' },
      extensions: {},
    }
    const result = emitDocument(gemini, doc)
    expect(result.value?.[0]?.contents).toContain('tools:\n  - read_file\n---')
    expect(result.diagnostics.map((d) => `${d.code} ${d.message} ${d.note ?? ''}`)).toEqual([
      expect.stringMatching(/^AGC201 The read permission rules/),
      expect.stringMatching(
        /^AGC201 The bash permission rules deny every call but some patterns.*subagent = "a"/,
      ),
    ])
  })

  it('maps models: Gemini ids as written, other vendors left out', () => {
    expect(
      emit({
        description: 'd',
        model: { written: 'google/gemini-2.5-pro', provider: 'google', id: 'gemini-2.5-pro' },
      }).text,
    ).toContain('model: gemini-2.5-pro')
    const other = emit({
      description: 'd',
      model: { written: 'openai/gpt-5', provider: 'openai', id: 'gpt-5' },
    })
    expect(other.text).not.toContain('model:')
    expect(other.codes).toEqual([expect.stringMatching(/^AGC204 Gemini CLI runs only Gemini models/)])
    const routed = emit({
      description: 'd',
      model: {
        written: 'openrouter/google/gemini-2.5-flash',
        provider: 'openrouter',
        id: 'google/gemini-2.5-flash',
      },
    })
    expect(routed.text).toContain('model: gemini-2.5-flash')
    expect(routed.codes).toEqual([expect.stringMatching(/^AGC202 /)])
  })

  it('sanitises names and never writes a file name Gemini CLI skips', () => {
    const { path, codes } = emit({ name: '_Review Bot', description: 'd' })
    expect(path).toBe('.gemini/agents/review-bot.md')
    expect(codes).toEqual([expect.stringMatching(/^AGC207 .*became "_review-bot"/)])
  })

  it('never writes a key Gemini CLI does not know, nor a value it refuses', () => {
    const { text, codes } = emit({
      description: 'd',
      extensions: { gemini: { color: 'blue', timeout_mins: -1, display_name: 'A' } },
    })
    expect(text).toContain('display_name: A')
    expect(text).not.toContain('color')
    expect(text).not.toContain('timeout_mins')
    expect(codes).toEqual([
      expect.stringMatching(/^AGC201 `color` is not a Gemini CLI agent key/),
      expect.stringMatching(/^AGC201 `timeout_mins` holds a value Gemini CLI refuses/),
    ])
  })

  it('re-emits a file it parsed, unchanged, byte for byte', () => {
    const text =
      '---\r\nname: a\r\ndescription: d   # trailing comment\r\ntools: [glob]\r\n---\r\n\r\nBody\r\n'
    const [doc] = parseFile(gemini, { path: PATH, text }).value!
    expect(emitDocument(gemini, doc!).value?.[0]?.contents).toBe(text)
  })
})
