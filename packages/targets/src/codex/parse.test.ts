import type { TargetContext } from '@agentc/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCodex } from './parse'

function parse(text: string, path = '.codex/agents/a.toml') {
  const reports: string[] = []
  const ctx: TargetContext = {
    report: (code, message, extra) =>
      reports.push(`${code}${extra?.line !== undefined ? ` ${extra.line}:${extra.column}` : ''} ${message}`),
    options: {},
  }
  const [doc] = parseCodex({ path, text }, ctx)
  return { doc, reports }
}

const agent = (extra: string) =>
  `name = "a"\ndescription = "d"\ndeveloper_instructions = """\nDo it.\n"""\n${extra}`

describe('parseCodex', () => {
  it('reads name, description and developer_instructions (the body), LF', () => {
    const { doc, reports } = parse(
      'name = "  reviewer "\r\ndescription = "Reviews"\r\ndeveloper_instructions = """\r\nLine 1\r\nLine 2\r\n"""\r\n',
    )
    expect(doc).toMatchObject({
      name: 'reviewer',
      description: 'Reviews',
      body: { text: 'Line 1\nLine 2\n' },
    })
    expect(reports).toEqual([])
  })

  it('reads the switches as tool denials', () => {
    const { doc } = parse(
      agent('sandbox_mode = "read-only"\nweb_search = "disabled"\n[features]\nshell_tool = false\n'),
    )
    expect(doc?.tools).toEqual({
      deny: ['bash', 'edit', 'glob', 'grep', 'list', 'read', 'websearch', 'write'],
    })
    expect(doc?.extensions).toEqual({})
    expect(doc?.source?.fields['tools.edit']).toEqual({ line: 6, column: 1 })
    expect(doc?.source?.fields['tools.bash']).toEqual({ line: 9, column: 1 })
    expect(parse(agent('default_permissions = ":read-only"\n')).doc?.tools).toEqual({
      deny: ['edit', 'write'],
    })
  })

  it('keeps the sandbox modes and web search modes that switch nothing off', () => {
    const { doc } = parse(agent('sandbox_mode = "workspace-write"\nweb_search = "live"\n'))
    expect(doc?.tools).toBeUndefined()
    expect(doc?.extensions).toEqual({ codex: { sandbox_mode: 'workspace-write', web_search: 'live' } })
  })

  it('reads MCP servers the file defines: enabled = false and disabled_tools are denials', () => {
    const { doc } = parse(
      agent(
        '[mcp_servers.gh]\ncommand = "gh-mcp"\nenabled = false\n[mcp_servers.db]\nurl = "http://x"\ndisabled_tools = ["drop"]\n',
      ),
    )
    expect(doc?.tools).toEqual({ deny: ['mcp:db/drop', 'mcp:gh/*'] })
    expect(doc?.extensions).toEqual({
      codex: { mcp_servers: { gh: { command: 'gh-mcp' }, db: { url: 'http://x' } } },
    })
  })

  it('reads the model with its provider (Codex’s default is openai) and the effort', () => {
    expect(parse(agent('model = "gpt-5.3-codex"\nmodel_reasoning_effort = "xhigh"\n')).doc).toMatchObject({
      model: { written: 'gpt-5.3-codex', provider: 'openai', id: 'gpt-5.3-codex' },
      effort: 'xhigh',
    })
    expect(parse(agent('model = "qwen3:8b"\nmodel_provider = "ollama"\n')).doc?.model).toEqual({
      written: 'qwen3:8b',
      provider: 'ollama',
      id: 'qwen3:8b',
    })
    const none = parse(agent('model_reasoning_effort = "none"\n')).doc
    expect(none?.effort).toBeUndefined()
    expect(none?.extensions).toEqual({ codex: { model_reasoning_effort: 'none' } })
  })

  it('says when Codex would skip the file, and takes the name from the path without one', () => {
    const { doc, reports } = parse('developer_instructions = "  "\n', '.codex/agents/team/x.toml')
    expect(doc?.name).toBe('team/x')
    expect(reports).toEqual([
      expect.stringMatching(/^AGC104 1:1 Codex skips agent files without a `name`/),
      expect.stringMatching(/^AGC104 1:1 Codex skips an agent without a `description`/),
      expect.stringMatching(/^AGC104 1:1 Codex refuses blank `developer_instructions`/),
    ])
  })

  it('keeps known config keys silently and unknown keys with a warning that Codex refuses them', () => {
    const { doc, reports } = parse(agent('approval_policy = "never"\ncolor = "blue"\n'))
    expect(doc?.extensions).toEqual({ codex: { approval_policy: 'never', color: 'blue' } })
    expect(reports).toEqual([
      'AGC102 7:1 `color` is not a Codex agent or config key; kept for Codex as written.',
      expect.stringMatching(/^AGC104 7:1 Codex refuses an agent file with a key it does not know \(`color`/),
    ])
  })

  it('rejects values Codex rejects, at the value', () => {
    const bad = parse(agent('sandbox_mode = "workspace-read"\nnickname_candidates = ["Ok", "Ok "]\n'))
    expect(bad.doc).toBeUndefined()
    expect(bad.reports.sort()).toEqual([
      expect.stringMatching(/^AGC101 6:16 `sandbox_mode` must be `read-only`/),
      expect.stringMatching(/^AGC101 7:23 `nickname_candidates.1` must be a nickname not already listed/),
    ])
    expect(parse(agent('nickname_candidates = []\n')).reports[0]).toMatch(/at least one nickname/)
    expect(parse(agent('nickname_candidates = ["a.b"]\n')).reports[0]).toMatch(/ASCII letters/)
    expect(parse(agent('tools = ["read"]\n')).reports[0]).toMatch(/`tools` must be a table/)
  })

  it('reports invalid TOML with its position, and a """ that ends a prompt early', () => {
    const { doc, reports } = parse('name = "a"\ndeveloper_instructions = """\nUse:\n"""\n# Title\n"""\n"""\n')
    expect(doc).toBeUndefined()
    expect(reports).toEqual([
      expect.stringMatching(
        /^AGC002 6:1 The file is not valid TOML .*the `"""` on line 4 ends the multi-line string that opens on line 2/,
      ),
    ])
  })
})

describe('parseCodex on TOML-like text', () => {
  const lines = [
    'name = "a"',
    "name = 'b'",
    'description = """',
    "description = '''",
    'developer_instructions = """',
    '"""',
    "'''",
    '""""',
    'x = "unterminated',
    'sandbox_mode = "read-only"',
    'sandbox_mode = 1',
    '[features]',
    'shell_tool = false',
    '[mcp_servers.a]',
    '[mcp_servers."b c"]',
    'enabled = false',
    'disabled_tools = ["t", 1]',
    '[[skills.config]]',
    'a.b.c = [1, [2, {x = 3}],',
    ']',
    '# comment "',
    'k = { a = 1, b = "}" }',
    '"quoted.key" = 2',
    'model = ""',
    'nickname_candidates = ["A", "A"]',
    '\\',
    '',
    ' ',
    '\t[t]',
    'v = 1979-05-27',
  ]
  it('never throws and positions every diagnostic inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 6 })), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (parts, eol) => {
          const text = parts.join(eol)
          const reports: { line?: number; column?: number }[] = []
          const ctx: TargetContext = { report: (_c, _m, extra) => reports.push(extra ?? {}), options: {} }
          parseCodex({ path: '.codex/agents/f.toml', text }, ctx)
          const count = text.split(/\r\n|\r|\n/).length
          for (const r of reports) {
            if (r.line !== undefined) expect(r.line).toBeGreaterThanOrEqual(1)
            if (r.line !== undefined) expect(r.line).toBeLessThanOrEqual(count)
            if (r.column !== undefined) expect(r.column).toBeGreaterThanOrEqual(1)
          }
        },
      ),
      { numRuns: 500, seed: 7 },
    )
  })
})
