import { parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { cursorAgent } from './index'

function parse(text: string, path = '.cursor/agents/helper.md') {
  const result = parseFile(cursorAgent, { path, text })
  return {
    doc: result.value?.[0],
    reports: result.diagnostics.map((d) => `${d.code} ${d.line ?? '-'}:${d.column ?? '-'} ${d.message}`),
  }
}

describe('parseCursorAgent', () => {
  it('takes the name from the file when there is no `name`', () => {
    expect(parse('---\ndescription: d\n---\nx\n').doc?.name).toBe('helper')
    expect(parse('Just a prompt.\n', '.cursor/agents/team/notes.md').doc?.name).toBe('notes')
    expect(parse('---\nname: reviewer\n---\nx\n').doc?.name).toBe('reviewer')
  })

  it('reads readonly: true as the denial of the tools that change files or run commands', () => {
    expect(parse('---\nreadonly: true\n---\nx\n').doc?.tools).toEqual({ deny: ['bash', 'edit', 'write'] })
    expect(parse('---\nreadonly: false\n---\nx\n').doc?.tools).toBeUndefined()
  })

  it('rejects a readonly that is not a boolean', () => {
    const { doc, reports } = parse('---\nreadonly: "yes"\n---\nx\n')
    expect(doc).toBeUndefined()
    expect(reports).toEqual([expect.stringMatching(/^AGC101 2:11 `readonly` must be `true` or `false`/)])
  })

  it('reads inherit, fast and model ids (with the vendor the id names)', () => {
    expect(parse('---\nmodel: fast\n---\n').doc?.model).toEqual({ written: 'fast', id: 'fast' })
    expect(parse('---\nmodel: inherit\n---\n').doc?.model).toEqual({ written: 'inherit', id: 'inherit' })
    expect(parse('---\nmodel: gpt-5.2\n---\n').doc?.model).toEqual({
      written: 'gpt-5.2',
      provider: 'openai',
      id: 'gpt-5.2',
    })
    expect(parse('---\nmodel: composer-2\n---\n').doc?.model).toEqual({
      written: 'composer-2',
      id: 'composer-2',
    })
  })

  it('keeps is_background silently and other keys with a note', () => {
    const { doc, reports } = parse('---\nis_background: true\ntools: Read, Grep\n---\nx\n')
    expect(doc?.extensions).toEqual({ 'cursor-agent': { is_background: true, tools: 'Read, Grep' } })
    expect(reports).toEqual([expect.stringMatching(/^AGC102 3:1 Cursor subagents have no tool list/)])
  })

  it('is always a subagent', () => {
    expect(parse('x\n').doc?.role).toBe('subagent')
  })
})
