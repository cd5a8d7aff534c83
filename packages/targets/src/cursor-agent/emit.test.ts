import { type AgentDocument, emitDocument, IR_VERSION } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { cursorAgent } from './index'

const base: AgentDocument = {
  irVersion: IR_VERSION,
  name: 'helper',
  description: 'Helps',
  body: { text: 'Help.\n' },
  extensions: {},
}

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(cursorAgent, { ...base, ...doc })
  const file = result.value?.[0]
  return {
    path: file?.path,
    text: file?.contents ?? '',
    reports: result.diagnostics.map((d) => `${d.code} ${d.field ?? '-'} ${d.message}`),
  }
}

describe('emitCursorAgent', () => {
  it('writes a minimal subagent', () => {
    expect(emit({})).toEqual({
      path: '.cursor/agents/helper.md',
      text: '---\nname: helper\ndescription: Helps\n---\nHelp.\n',
      reports: [],
    })
  })

  it('writes readonly: true for an agent without bash, edit and write, exactly', () => {
    expect(emit({ tools: { deny: ['bash', 'edit', 'write'] } })).toMatchObject({
      text: expect.stringContaining('\nreadonly: true\n'),
      reports: [],
    })
    expect(
      emit({
        permissions: [
          { tool: 'edit', decision: 'deny' },
          { tool: 'bash', decision: 'deny' },
        ],
      }),
    ).toMatchObject({
      text: expect.stringContaining('\nreadonly: true\n'),
      reports: [],
    })
  })

  it('sets readonly when only some mutating tools are denied (the safe form), and says what else goes', () => {
    const { text, reports } = emit({ tools: { deny: ['write', 'edit'] } })
    expect(text).toContain('\nreadonly: true\n')
    expect(reports).toEqual([expect.stringMatching(/^AGC202 tools.deny .* also loses bash\.$/)])
  })

  it('says which tools an allow-list no longer keeps out', () => {
    const { text, reports } = emit({ tools: { allow: ['glob', 'grep', 'read'] } })
    expect(text).toContain('\nreadonly: true\n')
    expect(reports).toEqual([
      expect.stringMatching(/^AGC202 tools.allow .* list, webfetch, websearch, .* become available/),
    ])
    const editor = emit({ tools: { allow: ['bash', 'edit', 'read', 'write'] } })
    expect(editor.text).not.toContain('readonly')
    expect(editor.reports).toEqual([
      expect.stringMatching(/^AGC202 tools.allow Cursor subagents have no tool list; list, glob, grep, /),
    ])
  })

  it('reports denials it cannot express and every permission rule', () => {
    const { text, reports } = emit({
      tools: { deny: ['webfetch'] },
      permissions: [{ tool: 'bash', pattern: 'git push*', decision: 'deny' }],
    })
    expect(text).not.toContain('readonly')
    expect(reports).toEqual([
      expect.stringMatching(
        /^AGC201 permissions .* `bash` rules \("git push\*": deny\) are left out\. The calls they deny/,
      ),
      expect.stringMatching(/^AGC202 tools.deny .* webfetch stays available/),
    ])
  })

  it('maps models: inherit and fast as they are, aliases pinned, unknown models left out', () => {
    expect(emit({ model: { written: 'fast', id: 'fast' } }).text).toContain('\nmodel: fast\n')
    expect(emit({ model: { written: 'openai/gpt-5.2', provider: 'openai', id: 'gpt-5.2' } })).toMatchObject({
      text: expect.stringContaining('\nmodel: gpt-5.2\n'),
      reports: [],
    })
    expect(emit({ model: { written: 'sonnet', id: 'sonnet' } })).toMatchObject({
      text: expect.stringContaining('\nmodel: claude-sonnet-5\n'),
      reports: [expect.stringMatching(/^AGC202 model /)],
    })
    const byok = emit({ model: { written: 'custom:mine', id: 'custom:mine' } })
    expect(byok.text).not.toContain('model:')
    expect(byok.reports).toEqual([expect.stringMatching(/^AGC204 model /)])
  })

  it('keeps is_background and sanitises names', () => {
    const { path, text, reports } = emit({
      name: 'Code Reviewer',
      extensions: { 'cursor-agent': { is_background: true } },
    })
    expect(path).toBe('.cursor/agents/code-reviewer.md')
    expect(text).toContain('\nname: code-reviewer\n')
    expect(text).toContain('\nis_background: true\n')
    expect(reports).toEqual([expect.stringMatching(/^AGC207 name /)])
  })
})
