import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { qwen } from './index'

const PATH = '.qwen/agents/a.md'
const BODY = 'You do the task you are given.\n'

function parse(front: string, body = BODY) {
  const result = parseFile(qwen, { path: PATH, text: `---\n${front}---\n${body}` })
  return { doc: result.value?.[0], codes: result.diagnostics.map((d) => `${d.code} ${d.message}`) }
}

function emit(doc: Partial<AgentDocument>) {
  const full: AgentDocument = {
    irVersion: IR_VERSION,
    name: 'agent-a',
    description: 'd',
    body: { text: BODY },
    extensions: {},
    ...doc,
  }
  const result = emitDocument(qwen, full)
  return {
    text: result.value?.[0]?.contents ?? '',
    path: result.value?.[0]?.path,
    codes: result.diagnostics.map((d) => `${d.code} ${d.message}`),
  }
}

describe('parseQwen', () => {
  it('refuses the names and values Qwen Code refuses', () => {
    expect(parse('name: default\ndescription: d\n').doc).toBeUndefined()
    expect(parse('name: a\ndescription: d\n').doc).toBeUndefined()
    expect(parse('name: -ab\ndescription: d\n').doc).toBeUndefined()
    expect(parse('name: ab\ndescription: d\napprovalMode: always\n').doc).toBeUndefined()
    expect(parse('name: ab\ndescription: d\nrunConfig:\n  max_turns: 0\n').doc).toBeUndefined()
    expect(parse('name: ab\ndescription: d\nexecutor:\n  kind: acp\n').doc).toBeUndefined()
    expect(parse('name: ab\ndescription: d\nmodel: "openai:"\n').doc).toBeUndefined()
    expect(parse('name: 审查员\ndescription: d\n').doc?.name).toBe('审查员')
  })

  it('warns where Qwen Code skips the file but the agent is still read', () => {
    const { doc, codes } = parse('name: ab\n', 'Short\n')
    expect(doc?.name).toBe('ab')
    expect(codes).toEqual([
      expect.stringMatching(/^AGC104 Qwen Code skips agent files without a `description`/),
      expect.stringMatching(/^AGC104 Qwen Code skips agents whose system prompt .* shorter than 10/),
    ])
  })

  it('reads tool names, display names, legacy names and the todo pairs', () => {
    expect(
      parse('name: ab\ndescription: d\ntools: ReadFile, Shell, task_create, task_update, task_list\n').doc
        ?.tools,
    ).toEqual({
      allow: ['bash', 'qwen:task_list', 'read', 'todowrite'],
    })
    const claude = parse('name: ab\ndescription: d\ntools: [Read, Grep, mcp__gh__issue, mcp__db]\n')
    expect(claude.doc?.tools).toEqual({ allow: ['grep', 'mcp:db/*', 'mcp:gh/issue', 'qwen:Read'] })
    expect(claude.codes).toEqual([
      expect.stringMatching(/^AGC104 Qwen Code does not resolve Claude Code's `Read`/),
    ])
  })

  it('reads yolo and auto-edit as permission rules, other approval modes as written', () => {
    expect(parse('name: ab\ndescription: d\napprovalMode: yolo\n').doc?.permissions).toEqual([
      { tool: '*', decision: 'allow' },
    ])
    expect(parse('name: ab\ndescription: d\npermissionMode: acceptEdits\n').doc?.permissions).toEqual([
      { tool: 'edit', decision: 'allow' },
    ])
    const both = parse('name: ab\ndescription: d\napprovalMode: plan\npermissionMode: bypassPermissions\n')
    expect(both.doc?.permissions).toBeUndefined()
    expect(both.doc?.extensions).toEqual({
      qwen: { approvalMode: 'plan', permissionMode: 'bypassPermissions' },
    })
    expect(both.codes).toEqual([expect.stringMatching(/^AGC104 `approvalMode` is set, and it wins/)])
  })

  it('reads the model selector forms and the legacy modelConfig / runConfig', () => {
    expect(parse('name: ab\ndescription: d\nmodel: vertex-ai:gemini-2.5-pro\n').doc?.model).toEqual({
      written: 'vertex-ai:gemini-2.5-pro',
      provider: 'google-vertex',
      id: 'gemini-2.5-pro',
    })
    expect(parse('name: ab\ndescription: d\nmodel: gpt-4o:online\n').doc?.model).toEqual({
      written: 'gpt-4o:online',
      id: 'gpt-4o:online',
    })
    const legacy = parse(
      'name: ab\ndescription: d\nmodelConfig:\n  model: fast\nrunConfig:\n  max_turns: 7\nmaxTurns: nope\n',
    )
    expect(legacy.doc?.model).toEqual({ written: 'fast', id: 'fast' })
    expect(legacy.doc?.maxSteps).toBe(7)
    expect(legacy.codes).toEqual([expect.stringMatching(/^AGC104 `maxTurns` must be a whole number/)])
  })
})

describe('emitQwen', () => {
  it('writes yolo and auto-edit for the rules that mean them, and reports the rest', () => {
    expect(emit({ permissions: [{ tool: '*', decision: 'allow' }] }).text).toContain('approvalMode: yolo')
    const edit = emit({
      permissions: [
        { tool: 'edit', decision: 'allow' },
        { tool: 'bash', decision: 'ask' },
        { tool: 'webfetch', decision: 'ask' },
      ],
    })
    expect(edit.text).toContain('approvalMode: auto-edit')
    expect(edit.codes).toEqual([expect.stringMatching(/^AGC201 The webfetch permission rules/)])
    const star = emit({
      permissions: [
        { tool: '*', decision: 'allow' },
        { tool: 'bash', decision: 'ask' },
      ],
    })
    expect(star.text).not.toContain('approvalMode')
  })

  it('writes deny-lists as disallowedTools and removes pattern-denied tools (the safe form)', () => {
    const { text, codes } = emit({
      tools: { deny: ['webfetch', 'todowrite'] },
      permissions: [
        { tool: 'bash', decision: 'deny' },
        { tool: 'bash', pattern: 'git *', decision: 'allow' },
      ],
    })
    expect(text).toContain(
      'disallowedTools:\n  - run_shell_command\n  - task_create\n  - task_update\n  - web_fetch\n',
    )
    expect(codes).toEqual([
      expect.stringMatching(/^AGC201 The bash permission rules deny every call but some patterns/),
    ])
  })

  it('never writes an empty tools list, which Qwen Code reads as every tool', () => {
    const { text, codes } = emit({ tools: { allow: ['notebook'] } })
    expect(text).not.toContain('tools:\n')
    expect(text).toContain('disallowedTools:\n  - agent\n')
    expect(codes).toEqual([
      expect.stringMatching(/^AGC208 The tool `notebook`/),
      expect.stringMatching(/^AGC202 Qwen Code reads an empty `tools` list as every tool/),
    ])
  })

  it('maps models to auth types, pins Claude aliases and leaves out what it cannot reach', () => {
    expect(
      emit({ model: { written: 'google/gemini-2.5-pro', provider: 'google', id: 'gemini-2.5-pro' } }).text,
    ).toContain('model: gemini:gemini-2.5-pro')
    const alias = emit({ model: { written: 'sonnet', provider: 'anthropic', id: 'sonnet' } })
    expect(alias.text).toContain('model: anthropic:claude-sonnet-5')
    expect(alias.codes).toEqual([expect.stringMatching(/^AGC202 The Claude alias/)])
    const routed = emit({ model: { written: 'openrouter/x/y', provider: 'openrouter', id: 'x/y' } })
    expect(routed.text).not.toContain('model:')
    expect(routed.codes).toEqual([expect.stringMatching(/^AGC204 /)])
    const dashscope = emit({
      model: { written: 'alibaba/qwen3-coder-plus', provider: 'alibaba', id: 'qwen3-coder-plus' },
    })
    expect(dashscope.text).toContain('model: qwen3-coder-plus')
  })

  it('keeps the legacy runConfig / modelConfig carrying what they carried', () => {
    const parsed = parseFile(qwen, {
      path: PATH,
      text: `---\nname: ab\ndescription: d\nmodelConfig:\n  model: qwen3-coder-plus\nrunConfig:\n  max_turns: 7\n---\n${BODY}`,
    }).value![0]!
    const { source: _source, ...doc } = parsed
    const again = emit(doc)
    expect(again.text).toBe(
      `---\nname: ab\ndescription: d\nmodelConfig:\n  model: qwen3-coder-plus\nrunConfig:\n  max_turns: 7\n---\n${BODY}`,
    )
    const changed = emit({ ...doc, maxSteps: 9, model: { written: 'fast', id: 'fast' } })
    expect(changed.text).toContain('model: fast\n')
    expect(changed.text).toContain('maxTurns: 9\n')
  })

  it('sanitises names to what Qwen Code accepts', () => {
    expect(emit({ name: 'Default' }).path).toBe('.qwen/agents/Default-agent.md')
    expect(emit({ name: 'x' }).path).toBe('.qwen/agents/x-agent.md')
    expect(emit({ name: 'team/code review' }).path).toBe('.qwen/agents/team-code-review.md')
  })

  it('maps colours to the eight names and warns about short prompts and missing descriptions', () => {
    const { text, codes } = emit({ description: undefined as never, color: '#e5484d', body: { text: 'Hi' } })
    expect(text).toContain('color: red')
    expect(codes).toEqual([
      expect.stringMatching(/^AGC202 Qwen Code skips agents without a description/),
      expect.stringMatching(/^AGC202 Qwen Code skips agents whose system prompt/),
      expect.stringMatching(/^AGC202 Qwen Code has eight colour names/),
    ])
  })
})
