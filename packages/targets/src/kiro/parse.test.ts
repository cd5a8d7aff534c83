import { emitDocument, normalize, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { kiro } from './index'
import { wildcardFromRegex } from './patterns'

function parse(text: string, path = '.kiro/agents/a.md') {
  const result = parseFile(kiro, { path, text })
  return {
    doc: result.value?.[0],
    codes: result.diagnostics.map((d) => d.code),
    diagnostics: result.diagnostics,
  }
}

describe('parseKiro (Markdown, Kiro IDE 1.x / CLI v3)', () => {
  it('takes the name from the path below .kiro/agents, nested folders included', () => {
    expect(parse('---\ndescription: d\n---\nx\n', '.kiro/agents/team/planner.md').doc?.name).toBe(
      'team/planner',
    )
    expect(parse('---\nname: Planner\n---\nx\n', '.kiro/agents/team/planner.md').doc?.name).toBe('Planner')
  })

  it('expands tags, reads `*` as every tool and MCP selectors as mcp: tools', () => {
    expect(parse('---\ntools: [read, shell, "@github", "@db/query"]\n---\n').doc?.tools).toEqual({
      allow: ['bash', 'glob', 'grep', 'list', 'mcp:db/query', 'mcp:github/*', 'read'],
    })
    expect(parse('---\ntools: "*"\n---\n').doc?.tools).toBeUndefined()
    expect(parse('---\ntools: [web]\nexcludedTools: [knowledge]\n---\n').doc?.tools).toEqual({
      allow: ['webfetch', 'websearch'],
      deny: ['kiro:knowledge'],
    })
  })

  it('reads both `permissions` shapes: a list of rules and `rules:` under a map', () => {
    const list = parse(
      '---\npermissions:\n  - capability: shell\n    effect: deny\n    match: ["rm *"]\n---\n',
    )
    const map = parse(
      '---\npermissions:\n  rules:\n    - capability: shell\n      effect: deny\n      match: ["rm *"]\n---\n',
    )
    expect(list.doc?.permissions).toEqual([{ tool: 'bash', pattern: 'rm *', decision: 'deny' }])
    expect(map.doc?.permissions).toEqual(list.doc?.permissions)
  })

  it('rejects what Kiro rejects, at the value', () => {
    const bad = parse('---\npermissions:\n  - capability: shell\n    effect: maybe\n---\n')
    expect(bad.doc).toBeUndefined()
    expect(bad.diagnostics[0]).toMatchObject({ code: 'AGC101', line: 4 })
  })

  it('warns about allow rules a stricter rule for every call shadows', () => {
    const { codes, doc } = parse(
      '---\npermissions:\n  - capability: shell\n    effect: ask\n  - capability: shell\n    effect: allow\n    match: ["git *"]\n---\n',
    )
    expect(codes).toEqual(['AGC104'])
    // Kiro decides ask for `git status` too: the IR says so.
    expect(doc?.permissions).toEqual([
      { tool: 'bash', pattern: 'git *', decision: 'allow' },
      { tool: 'bash', decision: 'ask' },
    ])
  })

  it('reads Kiro model ids as Anthropic ids and keeps other ids as written', () => {
    expect(parse('---\nmodel: claude-sonnet-4.5\n---\n').doc?.model).toEqual({
      written: 'claude-sonnet-4.5',
      provider: 'anthropic',
      id: 'claude-sonnet-4-5',
    })
    expect(parse('---\nmodel: auto\n---\n').doc?.model).toEqual({ written: 'auto', id: 'auto' })
  })
})

describe('parseKiro (JSON, CLI 1.x/2.x and v3)', () => {
  const json = (object: unknown) => parse(JSON.stringify(object, null, 2), '.kiro/agents/ops.json')

  it('reads the prompt as the body and legacy tool names', () => {
    const { doc } = json({ prompt: 'Be careful.', tools: ['fs_read', 'execute_bash', 'use_aws'] })
    expect(doc?.body.text).toBe('Be careful.')
    expect(doc?.name).toBe('ops')
    expect(doc?.tools).toEqual({ allow: ['bash', 'kiro:use_aws', 'list', 'read'] })
  })

  it('reads exact regexes of toolsSettings as rules and keeps the others as written', () => {
    const { doc } = json({
      toolsSettings: {
        execute_bash: { allowedCommands: ['git status', 'npm run .*'], deniedCommands: ['rm -rf (/|~).*'] },
        fs_read: { deniedPaths: ['secrets/'] },
      },
    })
    expect(doc?.permissions).toEqual([
      { tool: 'bash', pattern: 'git status', decision: 'allow' },
      { tool: 'bash', pattern: 'npm run *', decision: 'allow' },
      ...['read', 'list', 'glob', 'grep'].map((tool) => ({ tool, pattern: 'secrets/*', decision: 'deny' })),
    ])
    expect(doc?.extensions).toEqual({
      kiro: { toolsSettings: { execute_bash: { deniedCommands: ['rm -rf (/|~).*'] } } },
    })
  })

  it('rejects invalid JSON with a position', () => {
    const { doc, diagnostics } = parse('{\n  "name": "x",\n}\n', '.kiro/agents/x.json')
    expect(doc).toBeUndefined()
    expect(diagnostics[0]).toMatchObject({ code: 'AGC002', line: 3, column: 1 })
  })

  it('re-emits an unchanged JSON agent byte for byte, and a changed one as Markdown', () => {
    const text =
      '{\n  "name": "ops",\n  "description": "Ops",\n  "prompt": "Run ops.",\n  "tools": ["@builtin"]\n}\n'
    const { doc } = parse(text, '.kiro/agents/ops.json')
    const same = emitDocument(kiro, doc!)
    expect(same.value).toEqual([{ path: '.kiro/agents/ops.json', contents: text }])
    const changed = emitDocument(kiro, { ...doc!, description: 'Operations' })
    expect(changed.value).toEqual([
      {
        path: '.kiro/agents/ops.md',
        contents: '---\ndescription: Operations\ntools: ["@builtin"]\n---\nRun ops.\n',
      },
    ])
    const reread = parseFile(kiro, { path: '.kiro/agents/ops.md', text: changed.value![0]!.contents })
    expect(normalize(reread.value![0]!)).toEqual(normalize({ ...doc!, description: 'Operations' }))
  })
})

describe('wildcardFromRegex', () => {
  it('reads literals, `.*` and `.` exactly, and nothing else', () => {
    expect(wildcardFromRegex('git push .*')).toBe('git push *')
    expect(wildcardFromRegex('^npm test$')).toBe('npm test')
    expect(wildcardFromRegex('ls\\.txt')).toBe('ls.txt')
    expect(wildcardFromRegex('cat a.b')).toBe('cat a?b')
    for (const regex of ['cargo (build|test)', 'rm -rf [a-z]+', 'echo \\d', 'a+', 'x\\*']) {
      expect(wildcardFromRegex(regex)).toBeUndefined()
    }
  })
})
