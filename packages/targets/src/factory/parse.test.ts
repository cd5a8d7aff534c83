import { parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { factory } from './index'

function parse(text: string, path = '.factory/droids/d.md') {
  const result = parseFile(factory, { path, text })
  return {
    doc: result.value?.[0],
    reports: result.diagnostics.map((d) => `${d.code} ${d.line ?? '-'}:${d.column ?? '-'} ${d.message}`),
  }
}

const droid = (frontmatter: string, body = 'Do the work.\n') => `---\nname: d\n${frontmatter}---\n${body}`

describe('parseFactory', () => {
  it('expands a tool category and always adds TodoWrite', () => {
    expect(parse(droid('tools: read-only\n')).doc?.tools).toEqual({
      allow: ['glob', 'grep', 'list', 'read', 'todowrite'],
    })
    expect(parse(droid('tools: edit\n')).doc?.tools).toEqual({ allow: ['edit', 'todowrite', 'write'] })
  })

  it('maps tool ids, ApplyPatch to edit, MCP ids, and mcpServers to whole servers', () => {
    const { doc, reports } = parse(
      droid(
        'tools: ["Read", "Execute", "ApplyPatch", "FetchUrl", "mcp__gh__get_issue"]\nmcpServers: [linear]\n',
      ),
    )
    expect(doc?.tools).toEqual({
      allow: ['bash', 'edit', 'mcp:gh/get_issue', 'mcp:linear/*', 'read', 'todowrite', 'webfetch'],
    })
    expect(reports).toEqual([])
  })

  it('reads an old-style comma-separated list', () => {
    expect(parse(droid('tools: Read, Edit, Execute, TodoWrite\n')).doc?.tools).toEqual({
      allow: ['bash', 'edit', 'read', 'todowrite'],
    })
  })

  it('keeps mcpServers without tools as written (every built-in tool, only these servers)', () => {
    const { doc } = parse(droid('mcpServers: ["linear"]\n'))
    expect(doc?.tools).toBeUndefined()
    expect(doc?.extensions).toEqual({ factory: { mcpServers: ['linear'] } })
  })

  it('warns about tool ids Factory does not know and keeps them', () => {
    const { doc, reports } = parse(droid('tools: ["Read", "Bash", "read-only"]\n'))
    expect(doc?.tools?.allow).toEqual(['factory:Bash', 'factory:read-only', 'read', 'todowrite'])
    expect(reports).toEqual([
      expect.stringMatching(/^AGC104 3:17 `Bash` is not a Factory tool id/),
      expect.stringMatching(/^AGC104 3:25 `read-only` is a tool category/),
    ])
  })

  it('rejects what Factory refuses: no frontmatter, no name, an illegal name', () => {
    const fenceless = parse('name: x\ndescription: y\nBody\n')
    expect(fenceless.doc).toBeUndefined()
    expect(fenceless.reports).toEqual([
      expect.stringMatching(/^AGC101 1:1 A Factory droid must start with YAML/),
    ])
    expect(parse('---\ndescription: y\n---\nBody\n').reports).toEqual([
      expect.stringMatching(/^AGC101 1:1 Factory requires a `name`/),
    ])
    expect(parse('---\nname: Code Reviewer\n---\nBody\n').reports).toEqual([
      expect.stringMatching(/^AGC101 2:7 `name` must be lowercase letters/),
    ])
    expect(parse(droid('reasoningEffort: extreme\n')).reports).toEqual([
      expect.stringMatching(/^AGC101 3:18 `reasoningEffort` must be one of/),
    ])
  })

  it('reads models with the vendor the id names, custom BYOK models as written', () => {
    expect(parse(droid('model: claude-opus-4-5-20251101\n')).doc?.model).toEqual({
      written: 'claude-opus-4-5-20251101',
      provider: 'anthropic',
      id: 'claude-opus-4-5-20251101',
    })
    expect(parse(droid('model: custom:gpt-5.4(xhigh)\n')).doc?.model).toEqual({
      written: 'custom:gpt-5.4(xhigh)',
      id: 'custom:gpt-5.4(xhigh)',
    })
    expect(parse(droid('model: glm-5.1\n')).doc?.model).toEqual({ written: 'glm-5.1', id: 'glm-5.1' })
  })

  it('keeps `off` effort for Factory and warns that an inherited model ignores the effort', () => {
    const off = parse(droid('model: gpt-5.4\nreasoningEffort: none\n'))
    expect(off.doc?.effort).toBeUndefined()
    expect(off.doc?.extensions).toEqual({ factory: { reasoningEffort: 'none' } })
    expect(off.reports).toEqual([])
    const inherit = parse(droid('model: inherit\nreasoningEffort: high\n'))
    expect(inherit.doc?.effort).toBe('high')
    expect(inherit.reports).toEqual([expect.stringMatching(/^AGC104 4:1 Factory ignores `reasoningEffort`/)])
  })

  it('is always a subagent', () => {
    expect(parse(droid('')).doc?.role).toBe('subagent')
  })

  it('warns about an empty body and about droids in sub-folders', () => {
    expect(parse(droid('', '\n')).reports).toEqual([expect.stringMatching(/^AGC104 .* body .* empty/)])
    expect(parse(droid(''), '.factory/droids/team/d.md').reports).toEqual([
      expect.stringMatching(/^AGC104 1:1 Factory loads only the files directly in/),
    ])
  })

  it('keeps unknown keys for Factory', () => {
    const { doc, reports } = parse(droid('color: blue\n'))
    expect(doc?.extensions).toEqual({ factory: { color: 'blue' } })
    expect(reports).toEqual([expect.stringMatching(/^AGC102 3:1 `color` is not a Factory droid field/)])
  })
})
