import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseCopilot } from './parse'

function parse(text: string, path = '.github/agents/a.agent.md') {
  const reports: string[] = []
  const ctx: TargetContext = { report: (code, message) => reports.push(`${code} ${message}`), options: {} }
  const [doc] = parseCopilot({ path, text }, ctx)
  return { doc, reports, codes: reports.map((r) => r.slice(0, 6)) }
}

describe('parseCopilot', () => {
  it('takes the name from `name`, else from the file name without .agent.md / .chatmode.md', () => {
    expect(parse('---\nname: Release Captain\ndescription: d\n---\n').doc?.name).toBe('Release Captain')
    expect(parse('---\ndescription: d\n---\n', '.github/agents/release.agent.md').doc?.name).toBe('release')
    expect(parse('---\ndescription: d\n---\n', '.github/chatmodes/plan.chatmode.md').doc?.name).toBe('plan')
    expect(parse('---\ndescription: d\n---\n', '.github/agents/plain.md').doc?.name).toBe('plain')
  })

  it('expands short tool names and GitHub aliases to their categories', () => {
    expect(parse('---\ndescription: d\ntools: [read, edit]\n---\n').doc?.tools).toEqual({
      allow: ['edit', 'notebook', 'read', 'write'],
    })
    // GitHub's aliases are case-insensitive: `Bash` is `execute`, `Grep` is all of `search`.
    expect(parse('---\ndescription: d\ntools: Bash, Grep\n---\n').doc?.tools).toEqual({
      allow: ['bash', 'glob', 'grep', 'list', 'lsp'],
    })
  })

  it('reads VS Code tools, MCP tools and extension tools', () => {
    const { doc } = parse(
      '---\ndescription: d\ntools: [edit/editFiles, web/fetch, search/codebase, github/*, ms-python.python/installPythonPackage]\n---\n',
    )
    expect(doc?.tools).toEqual({
      allow: [
        'copilot:ms-python.python/installPythonPackage',
        'copilot:search/codebase',
        'edit',
        'mcp:github/*',
        'webfetch',
      ],
    })
  })

  it('reads legacy chat-mode tool names as their current names and says so', () => {
    const { doc, reports } = parse("---\ndescription: d\ntools: ['codebase', 'fetch', 'runCommands']\n---\n")
    expect(doc?.tools).toEqual({ allow: ['bash', 'copilot:search/codebase', 'webfetch'] })
    expect(reports).toEqual([
      "AGC103 Legacy tool names were read as VS Code's current ones: `codebase` → `search/codebase`, `fetch` → `web/fetch`, `runCommands` → `execute`.",
    ])
  })

  it('reads `*` (or no tools) as every tool and [] as none', () => {
    expect(parse("---\ndescription: d\ntools: ['*']\n---\n").doc?.tools).toBeUndefined()
    expect(parse('---\ndescription: d\ntools: []\n---\n').doc?.tools).toEqual({ allow: [] })
  })

  it('reads VS Code display names, qualified names and CLI ids as Copilot models', () => {
    const model = (value: string) => parse(`---\ndescription: d\nmodel: ${value}\n---\n`).doc?.model
    expect(model('Claude Sonnet 4.5')).toEqual({
      written: 'Claude Sonnet 4.5',
      provider: 'github-copilot',
      id: 'claude-sonnet-4.5',
    })
    expect(model('GPT-5 mini (copilot)')).toMatchObject({ provider: 'github-copilot', id: 'gpt-5-mini' })
    expect(model('Gemini 3 Flash')).toMatchObject({ id: 'gemini-3-flash-preview' })
    expect(model('claude-opus-4.7')).toMatchObject({ provider: 'github-copilot', id: 'claude-opus-4.7' })
    expect(model('claude-sonnet-4-5')).toMatchObject({ provider: 'github-copilot', id: 'claude-sonnet-4.5' })
    expect(model('Llama 3 (ollama)')).toEqual({
      written: 'Llama 3 (ollama)',
      provider: 'ollama',
      id: 'Llama 3',
    })
    expect(model('my-local-model')).toEqual({ written: 'my-local-model', id: 'my-local-model' })
  })

  it('keeps the fallbacks of a model list as the `model` extension', () => {
    const { doc } = parse(
      "---\ndescription: d\nmodel: ['GPT-5.4 (copilot)', 'Claude Haiku 4.5 (copilot)']\n---\n",
    )
    expect(doc?.model).toMatchObject({ id: 'gpt-5.4' })
    expect(doc?.extensions).toEqual({ copilot: { model: ['Claude Haiku 4.5 (copilot)'] } })
  })

  it('reads `agents` as task permission rules: deny every subagent but the named ones', () => {
    expect(
      parse("---\ndescription: d\nagents: ['Researcher', 'Implementer']\n---\n").doc?.permissions,
    ).toEqual([
      { tool: 'task', decision: 'deny' },
      { tool: 'task', pattern: 'Researcher', decision: 'allow' },
      { tool: 'task', pattern: 'Implementer', decision: 'allow' },
    ])
    expect(parse('---\ndescription: d\nagents: []\n---\n').doc?.permissions).toEqual([
      { tool: 'task', decision: 'deny' },
    ])
    expect(parse("---\ndescription: d\nagents: ['*']\n---\n").doc?.permissions).toBeUndefined()
  })

  it('derives the role from the two invocation switches', () => {
    const read = (keys: string) => {
      const { doc } = parse(`---\ndescription: d\n${keys}\n---\n`)
      return { role: doc?.role, disabled: doc?.disabled }
    }
    expect(read('user-invocable: false')).toEqual({ role: 'subagent', disabled: undefined })
    expect(read('disable-model-invocation: true')).toEqual({ role: 'primary', disabled: undefined })
    expect(read('user-invocable: true')).toEqual({ role: 'all', disabled: undefined })
    expect(read('user-invocable: false\ndisable-model-invocation: true')).toEqual({
      role: undefined,
      disabled: true,
    })
    expect(read('name: x')).toEqual({ role: undefined, disabled: undefined })
  })

  it('reads the deprecated spellings and reports them', () => {
    const invokable = parse('---\ndescription: d\nuser-invokable: false\n---\n')
    expect(invokable.doc?.role).toBe('subagent')
    expect(invokable.codes).toEqual(['AGC103'])
    const infer = parse('---\ndescription: d\ninfer: false\n---\n')
    expect(infer.doc?.role).toBe('primary')
    expect(infer.codes).toEqual(['AGC103'])
  })

  it('keeps Copilot keys without an IR field as extensions, unknown keys with AGC102', () => {
    const { doc, codes } = parse(
      '---\ndescription: d\nargument-hint: a file\ntarget: vscode\nmcp-servers:\n  gh:\n    type: http\ntitle: T\n---\n',
    )
    expect(doc?.extensions).toEqual({
      copilot: {
        'argument-hint': 'a file',
        target: 'vscode',
        'mcp-servers': { gh: { type: 'http' } },
        title: 'T',
      },
    })
    expect(codes).toEqual(['AGC102'])
  })

  it('warns about values Copilot ignores', () => {
    expect(parse('---\ndescription: d\ntarget: jetbrains\n---\n').codes).toEqual(['AGC104'])
    expect(parse('---\ndescription: d\nhandoffs:\n  - label: Go\n    agent: x\n---\n').reports).toEqual([
      'AGC104 Handoff 1 has no `prompt`; VS Code shows no button for it.',
    ])
    expect(parse('---\nname: x\n---\n').codes).toEqual(['AGC104'])
  })

  it('rejects values of the wrong type at their position', () => {
    const ctxReports: { code: string; line: number | undefined; column: number | undefined }[] = []
    const ctx: TargetContext = {
      report: (code, _message, extra) => ctxReports.push({ code, line: extra?.line, column: extra?.column }),
      options: {},
    }
    expect(
      parseCopilot({ path: '.github/agents/a.agent.md', text: '---\ndescription: d\nagents: x\n---\n' }, ctx),
    ).toEqual([])
    expect(ctxReports).toEqual([{ code: 'AGC101', line: 3, column: 9 }])
  })

  it('reads values that are not valid YAML as text, as VS Code does', () => {
    const { doc, codes } = parse('---\ndescription: Use when: reviewing\n---\n')
    expect(doc?.description).toBe('Use when: reviewing')
    expect(codes).toEqual(['AGC004'])
  })

  it('notes that a chat mode is the legacy form', () => {
    expect(parse('---\ndescription: d\n---\n', '.github/chatmodes/plan.chatmode.md').reports[0]).toContain(
      '`.github/agents/plan.agent.md`',
    )
  })
})
