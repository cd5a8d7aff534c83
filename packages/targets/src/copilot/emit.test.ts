import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { copilot } from './index'

const base: AgentDocument = {
  irVersion: IR_VERSION,
  name: 'a',
  description: 'd',
  body: { text: 'b\n' },
  extensions: {},
}

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(copilot, { ...base, ...doc })
  const file = result.value?.[0]
  return {
    path: file?.path,
    text: file?.contents ?? '',
    codes: result.diagnostics.map((d) => d.code),
    messages: result.diagnostics.map((d) => d.message),
  }
}

describe('emitCopilot', () => {
  it('writes the display name in `name` and a file name from it', () => {
    expect(emit({ name: 'WinForms Expert' })).toMatchObject({
      path: '.github/agents/winforms-expert.agent.md',
      text: '---\nname: WinForms Expert\ndescription: d\n---\nb\n',
      codes: [],
    })
    expect(emit({ name: 'winforms-expert' }).codes).toEqual([])
  })

  it('keeps the path of a file read from .github/agents and moves a chat mode there', () => {
    const [agent] = parseFile(copilot, {
      path: '.github/agents/WinForms.agent.md',
      text: '---\nname: X\ndescription: d\n---\n',
    }).value!
    expect(copilot.layout.pathFor(agent!)).toBe('.github/agents/WinForms.agent.md')
    const [mode] = parseFile(copilot, {
      path: '.github/chatmodes/plan.chatmode.md',
      text: '---\ndescription: d\n---\n',
    }).value!
    expect(copilot.layout.pathFor(mode!)).toBe('.github/agents/plan.agent.md')
  })

  it('collapses tools to short names, reporting the tools a category adds', () => {
    const { text, codes, messages } = emit({ tools: { allow: ['read', 'grep', 'mcp:github/*'] } })
    expect(text).toContain('\ntools: [read, search, github/*]\n')
    expect(codes).toEqual(['AGC202'])
    expect(messages[0]).toContain('`search` also grants glob, list, lsp')
  })

  it('turns a deny-list into the list of the other categories and reports what that costs', () => {
    const { text, messages } = emit({ tools: { deny: ['write'] } })
    expect(text).toContain('\ntools: [read, search, execute, web, agent, todo, vscode/askQuestions]\n')
    expect(messages).toEqual([
      'Copilot grants `edit` as one category; since write is denied, `edit` is left out and the agent loses edit, notebook as well.',
      "Copilot has no deny-list, so the agent gets a `tools` list of the categories it keeps; that leaves out `skill` (no Copilot tool loads skills) as well as every MCP server and extension tool and VS Code's `vscode` and `browser` tool sets.",
    ])
  })

  it('removes a tool whose rules deny every call, and keeps the safe side for denies with exceptions', () => {
    expect(emit({ permissions: [{ tool: 'bash', decision: 'deny' }] }).text).toContain(
      '\ntools: [read, edit, search, web, agent, todo, vscode/askQuestions]\n',
    )
    const lossy = emit({
      tools: { allow: ['bash', 'read'] },
      permissions: [
        { tool: 'bash', decision: 'deny' },
        { tool: 'bash', pattern: 'git *', decision: 'allow' },
      ],
    })
    expect(lossy.text).toContain('\ntools: [read]\n')
    expect(lossy.messages).toEqual([
      '`bash` is denied except for "git *": allow; Copilot cannot give a tool for some inputs only, so it is left out (the safe side).',
    ])
  })

  it('reports approvals it cannot write, naming the denies that are lost', () => {
    const { text, codes, messages } = emit({
      permissions: [
        { tool: 'bash', decision: 'ask' },
        { tool: 'bash', pattern: 'rm *', decision: 'deny' },
      ],
    })
    expect(text).not.toContain('tools:')
    expect(codes).toEqual(['AGC201'])
    expect(messages[0]).toContain('"rm *" is no longer denied')
  })

  it('writes subagents allowed by name as `agents`', () => {
    const { text, codes } = emit({
      permissions: [
        { tool: 'task', decision: 'deny' },
        { tool: 'task', pattern: 'researcher', decision: 'allow' },
      ],
    })
    expect(text).toContain('\nagents: [researcher]\n')
    expect(codes).toEqual([])
  })

  it('maps models to Copilot display names and says how', () => {
    const model = (written: string, provider: string | undefined, id: string) =>
      emit({ model: { written, ...(provider ? { provider } : {}), id } })
    expect(model('anthropic/claude-sonnet-4-5', 'anthropic', 'claude-sonnet-4-5')).toMatchObject({
      text: expect.stringContaining('\nmodel: Claude Sonnet 4.5 (copilot)\n'),
      codes: ['AGC205'],
    })
    expect(model('github-copilot/gpt-5.4', 'github-copilot', 'gpt-5.4')).toMatchObject({
      text: expect.stringContaining('\nmodel: GPT-5.4 (copilot)\n'),
      codes: [],
    })
    expect(model('sonnet', undefined, 'sonnet')).toMatchObject({
      text: expect.stringContaining('\nmodel: Claude Sonnet 4.6 (copilot)\n'),
      codes: ['AGC202'],
    })
    const other = model('qwen/qwen3-coder', 'qwen', 'qwen3-coder')
    expect(other.text).not.toContain('model:')
    expect(other.codes).toEqual(['AGC204'])
    expect(model('inherit', undefined, 'inherit')).toMatchObject({ codes: [] })
  })

  it('keeps a model spelling read from a Copilot file, and its fallbacks', () => {
    const { text } = emit({
      model: { written: 'GPT-5.4', provider: 'github-copilot', id: 'gpt-5.4' },
      extensions: { copilot: { model: ['Claude Haiku 4.5 (copilot)'] } },
    })
    expect(text).toContain('\nmodel: [GPT-5.4, Claude Haiku 4.5 (copilot)]\n')
  })

  it('writes roles as the invocation switches', () => {
    expect(emit({ role: 'subagent' }).text).toContain('\nuser-invocable: false\n')
    expect(emit({ role: 'primary' }).text).toContain('\ndisable-model-invocation: true\n')
    expect(emit({ role: 'all' }).text).toContain('\nuser-invocable: true\n')
    expect(emit({ disabled: true }).text).toContain(
      '\nuser-invocable: false\ndisable-model-invocation: true\n',
    )
    expect(emit({ role: 'subagent', hidden: true }).codes).toEqual(['AGC202'])
  })

  it('warns when GitHub would not load the agent', () => {
    const { description: _d, ...rest } = base
    expect(emitDocument(copilot, rest).diagnostics.map((d) => d.code)).toEqual(['AGC202'])
  })
})
