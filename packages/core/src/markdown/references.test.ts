import fc from 'fast-check'
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

describe('scanReferences over many bodies and targets (it keeps the last body it read)', () => {
  const gemini: Vocabulary = {
    tools: { read: 'read_file', bash: 'run_shell_command' },
    paths: { agents: '.gemini/agents/', instructions: 'GEMINI.md' },
  }
  const line = fc.constantFrom(
    'Use the Read tool.',
    'Run `Bash` then `WebFetch`.',
    'See CLAUDE.md and .claude/agents/x.md.',
    '```',
    '~~~~',
    '    indented Read tool',
    '',
    '\tRead tool after a tab',
    'Plain prose.',
  )
  const body = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'))

  it('answers each call as if it were the first, whatever came before (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(body, fc.constantFrom(opencode, gemini), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        (calls) => {
          const first = new Map<string, ReturnType<typeof scanReferences>>()
          // Each body scanned alone, in a fresh order, is the reference.
          const alone = calls.map(([text, to, rewrite]) => {
            scanReferences('another body', claude, to, false)
            return scanReferences(text, claude, to, rewrite)
          })
          calls.forEach(([text, to, rewrite], i) => {
            const key = `${i}`
            first.set(key, scanReferences(text, claude, to, rewrite))
            expect(first.get(key)).toEqual(alone[i])
            // The same body again for another target and mode, then this one once more.
            scanReferences(text, claude, to === gemini ? opencode : gemini, !rewrite)
            expect(scanReferences(text, claude, to, rewrite)).toEqual(alone[i])
          })
        },
      ),
      { seed: 0x5ca9, numRuns: 500 },
    )
  })
})
