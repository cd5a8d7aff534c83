import { describe, expect, it } from 'vitest'
import { scanReferences, type Vocabulary } from './references'

const claude: Vocabulary = {
  tools: { read: 'Read', bash: 'Bash', webfetch: 'WebFetch', notebook: 'NotebookEdit' },
  paths: { agents: '.claude/agents/', instructions: 'CLAUDE.md', config: '~/.claude/' },
}
const opencode: Vocabulary = {
  tools: { read: 'read', bash: 'bash', webfetch: 'webfetch' },
  paths: { agents: '.opencode/agents/', instructions: 'AGENTS.md', config: '~/.config/opencode/' },
}

describe('scanReferences', () => {
  const body = [
    'Use the Read tool before editing, and `WebFetch` for docs.',
    'Agents live in .claude/agents/reviewer.md; rules in CLAUDE.md.',
    'Read the file carefully.',
    '```sh',
    'cat CLAUDE.md # Read tool inside code stays',
    '```',
    'Use `NotebookEdit` for notebooks.',
  ].join('\n')

  it('reports tool names in a tool context and paths, never inside fenced code', () => {
    const { text, references } = scanReferences(body, claude, opencode, false)
    expect(text).toBe(body)
    expect(references.map((r) => [r.line, r.column, r.found, r.replacement])).toEqual([
      [1, 9, 'Read', 'read'],
      [1, 40, 'WebFetch', 'webfetch'],
      [2, 16, '.claude/agents/', '.opencode/agents/'],
      [2, 53, 'CLAUDE.md', 'AGENTS.md'],
      [7, 6, 'NotebookEdit', undefined],
    ])
  })

  it('rewrites what has an equivalent and leaves the rest', () => {
    const { text } = scanReferences(body, claude, opencode, true)
    expect(text.split('\n')).toEqual([
      'Use the read tool before editing, and `webfetch` for docs.',
      'Agents live in .opencode/agents/reviewer.md; rules in AGENTS.md.',
      'Read the file carefully.',
      '```sh',
      'cat CLAUDE.md # Read tool inside code stays',
      '```',
      'Use `NotebookEdit` for notebooks.',
    ])
  })

  it('does nothing when the body mentions nothing', () => {
    expect(scanReferences('Plain prompt.\n', claude, opencode, true)).toEqual({
      text: 'Plain prompt.\n',
      references: [],
    })
  })
})
