/**
 * `agentc init`: a configuration and a starter agent in an empty folder; in a repository that
 * holds agents of other tools, an import of them; defaults without a terminal, questions with one.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { nodeFileSystem, run } from 'agentc'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TARGETS, STARTER_AGENT } from '../../packages/cli/src/commands/init'
import { parseConfigText } from '../../packages/cli/src/config/parse'
import { configSchema, SCHEMA_REFERENCE } from '../../packages/cli/src/config/schema'
import { agentc, listTree, read, tempDir } from './helpers'

function project(files: Record<string, string>): string {
  const dir = tempDir()
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** The data of a YAML configuration (with agentc's own reader). */
function parseYaml(text: string): Record<string, unknown> {
  const parsed = parseConfigText(text, 'yaml')
  if ('problem' in parsed) throw new Error(parsed.problem)
  return parsed.data as Record<string, unknown>
}

/** Runs the CLI as on a terminal whose user types `answers`, one per question. */
async function onTerminal(cwd: string, answers: (string | Error)[], ...args: string[]) {
  let stderr = ''
  const questions: string[] = []
  const code = await run(args, {
    cwd,
    fs: nodeFileSystem,
    stdout: () => {},
    stderr: (t) => {
      stderr += t
    },
    stdinIsTTY: true,
    async ask(question) {
      questions.push(question)
      const answer = answers.shift()
      if (answer === undefined) throw new Error(`unexpected question: ${question}`)
      if (answer instanceof Error) throw answer
      return answer
    },
  })
  return { code, stderr, questions, unanswered: answers }
}

const CLAUDE_REVIEWER = `---
name: reviewer
description: Reviews diffs for bugs and risky changes
tools: Read, Grep, Glob
model: opus
---

You review code. Read the diff, then report bugs first, style last.
`
const CURSOR_STYLE = `---
description: House style for TypeScript
globs: src/**/*.ts
alwaysApply: false
---

Prefer named exports. No default exports.
`
const CURSOR_REVIEWER = `---
description: Reviews diffs
alwaysApply: true
---

Review code.
`

/** A repository with agents for Claude Code and Cursor (one agent in both) and an AGENTS.md. */
function claudeAndCursor(): string {
  return project({
    '.claude/agents/reviewer.md': CLAUDE_REVIEWER,
    '.cursor/rules/style.mdc': CURSOR_STYLE,
    '.cursor/rules/reviewer.mdc': CURSOR_REVIEWER,
    'AGENTS.md': '# Notes for agents\n\nRun the tests before pushing.\n',
  })
}

describe('agentc init in an empty folder', () => {
  it('writes a configuration and a starter agent, taking the defaults without a terminal', async () => {
    const dir = tempDir()
    const result = await agentc(dir, 'init')
    expect(result.code).toBe(0)
    expect(listTree(dir)).toEqual(['agentc.config.yaml', 'agents/example.md'])
    expect(read(join(dir, 'agents/example.md'))).toBe(STARTER_AGENT)
    expect(result.stderr).toContain(
      `standard input is not a terminal: taking the defaults: targets ${DEFAULT_TARGETS.join(', ')}.`,
    )
    const config = parseYaml(read(join(dir, 'agentc.config.yaml')))
    expect(configSchema.parse(config)).toEqual({
      $schema: SCHEMA_REFERENCE,
      sources: ['agents/**/*.md'],
      targets: [...DEFAULT_TARGETS],
    })
    // The starter builds to every default target.
    const built = await agentc(dir, 'build')
    expect(built.code, built.stderr).toBe(0)
    expect(built.stdout.trim().split('\n')).toHaveLength(DEFAULT_TARGETS.length)
    expect(built.stderr).not.toMatch(/ error /)
  })

  it('--json writes agentc.config.json, which builds too', async () => {
    const dir = tempDir()
    expect((await agentc(dir, 'init', '--json', '--target', 'claude,gemini')).code).toBe(0)
    expect(JSON.parse(read(join(dir, 'agentc.config.json')))).toEqual({
      $schema: SCHEMA_REFERENCE,
      sources: ['agents/**/*.md'],
      targets: ['claude', 'gemini'],
    })
    expect((await agentc(dir, 'build')).code).toBe(0)
    expect(existsSync(join(dir, '.gemini/agents/example.md'))).toBe(true)
  })

  it('keeps existing sources: no starter agent when agents/ holds one', async () => {
    const dir = project({ 'agents/mine.md': '---\ndescription: Mine\n---\nHello.\n' })
    expect((await agentc(dir, 'init')).code).toBe(0)
    expect(listTree(dir)).toEqual(['agentc.config.yaml', 'agents/mine.md'])
  })

  it('refuses to replace an existing configuration without --force', async () => {
    const dir = project({ 'agentc.config.json': '{"targets": ["claude"]}\n' })
    const refused = await agentc(dir, 'init')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(
      'agentc.config.json already exists here; nothing written (pass --force to replace it)',
    )
    expect(listTree(dir)).toEqual(['agentc.config.json'])
    const forced = await agentc(dir, 'init', '--force', '--target', 'cursor')
    expect(forced.code).toBe(0)
    // Replaced, not doubled: one configuration in the folder.
    expect(listTree(dir)).toEqual(['agentc.config.yaml', 'agents/example.md'])
    expect(parseYaml(read(join(dir, 'agentc.config.yaml'))).targets).toEqual(['cursor'])
  })

  it('an unknown --target is a usage error', async () => {
    const dir = tempDir()
    const result = await agentc(dir, 'init', '--target', 'claud')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('did you mean "claude"')
    expect(listTree(dir)).toEqual([])
  })
})

describe('agentc init in a repository with Claude Code and Cursor agents', () => {
  it('says what it found, imports it, and builds it back', async () => {
    const dir = claudeAndCursor()
    const result = await agentc(dir, 'init')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toMatch(
      /found agents of other tools:\n {2}claude +1 file \(\.claude\/agents\/reviewer\.md\)\n/,
    )
    expect(result.stderr).toMatch(
      /\n {2}cursor +2 files \(\.cursor\/rules\/reviewer\.mdc, \.cursor\/rules\/style\.mdc\)\n/,
    )
    expect(result.stderr).toMatch(/\n {2}agents-md +1 file \(AGENTS\.md\)\n/)
    expect(result.stderr).toContain(
      'standard input is not a terminal: taking the defaults: import claude, cursor into agents/, targets claude, cursor.',
    )
    expect(result.stderr).toContain(
      'not imported: agents-md (to import them: agentc import --from agents-md)',
    )
    // One source per agent; the reviewer, in both tools, comes from Claude Code (an agent format).
    expect(listTree(join(dir, 'agents'))).toEqual(['reviewer.md', 'style.md'])
    expect(result.stderr).toContain(
      'skipped from cursor, already imported: .cursor/rules/reviewer.mdc (agents/reviewer.md comes from .claude/agents/reviewer.md)',
    )
    expect(read(join(dir, 'agents/reviewer.md'))).toContain(
      'tools:\n  "*": false\n  glob: true\n  grep: true\n  read: true\n',
    )
    // The loss of the import is reported, and the Cursor rule's globs are kept as an override.
    expect(result.stderr).toMatch(
      /\.cursor\/rules\/style\.mdc:3:1 {2}warning {2}Glob activation .* {2}AGC201/,
    )
    const config = configSchema.parse(parseYaml(read(join(dir, 'agentc.config.yaml'))))
    expect(config.targets).toEqual(['claude', 'cursor'])
    // So is the always-on activation of the Cursor reviewer, though the reviewer came from Claude Code.
    expect(config.agents).toEqual({
      reviewer: { targets: { cursor: { activation: 'always' } } },
      style: { targets: { cursor: { activation: { globs: ['src/**/*.ts'] } } } },
    })
    expect(result.stderr).toContain('agentc build --force')

    // The originals are not agentc's: the first build refuses them, --force replaces them.
    const first = await agentc(dir, 'build')
    expect(first.code).toBe(1)
    expect(first.stderr).toContain('AGC308')
    const forced = await agentc(dir, 'build', '--force')
    expect(forced.code, forced.stderr).toBe(0)
    // The Cursor rule comes back as it was, globs and all.
    expect(read(join(dir, '.cursor/rules/style.mdc'))).toBe(CURSOR_STYLE)
    expect(read(join(dir, '.claude/agents/reviewer.md'))).toContain('\nmodel: opus\n')
    expect(read(join(dir, '.cursor/rules/reviewer.mdc'))).toContain('\nalwaysApply: true\n')
    expect((await agentc(dir, 'build', '--check')).code).toBe(0)
  })

  it('--no-import imports nothing, and the targets are still those found', async () => {
    const dir = claudeAndCursor()
    const result = await agentc(dir, 'init', '--no-import')
    expect(result.code).toBe(0)
    expect(listTree(join(dir, 'agents'))).toEqual(['example.md'])
    expect(parseYaml(read(join(dir, 'agentc.config.yaml'))).targets).toEqual(['claude', 'cursor'])
  })

  it('does not offer files agentc generated itself', async () => {
    const dir = project({ 'agents/helper.md': '---\ndescription: Helps\n---\nHelp.\n' })
    expect((await agentc(dir, 'build', 'agents', '--target', 'claude')).code).toBe(0)
    const result = await agentc(dir, 'init')
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('found agents of other tools')
  })
})

describe('agentc init on a terminal', () => {
  it('asks, with the defaults in brackets, and does what the answers say', async () => {
    const dir = claudeAndCursor()
    const result = await onTerminal(dir, ['n', '', 'yes', 'claud', 'claude, gemini'], 'init')
    expect(result.code, result.stderr).toBe(0)
    expect(result.questions).toEqual([
      'Import 1 Claude Code subagents file into agents/? [Y/n] ',
      'Import 2 Cursor rules files into agents/? [Y/n] ',
      'Import 1 AGENTS.md file into agents/? [y/N] ',
      'Targets to build (agentc targets lists them) [claude,cursor] ',
      'Targets to build (agentc targets lists them) [claude,cursor] ',
    ])
    expect(result.unanswered).toEqual([])
    // `claud` was refused with the closest id, then asked again.
    expect(result.stderr).toContain('Unknown target "claud" (did you mean "claude"?)')
    expect(listTree(join(dir, 'agents'))).toEqual(['agents.md', 'reviewer.md', 'style.md'])
    expect(read(join(dir, 'agents/reviewer.md'))).toContain('Review code.')
    expect(parseYaml(read(join(dir, 'agentc.config.yaml'))).targets).toEqual(['claude', 'gemini'])
    expect(result.stderr).not.toContain('taking the defaults')
  })

  it('repeats a yes/no question it cannot read', async () => {
    const dir = project({ '.claude/agents/reviewer.md': CLAUDE_REVIEWER })
    const result = await onTerminal(dir, ['maybe', 'y', ''], 'init')
    expect(result.code).toBe(0)
    expect(result.questions[0]).toBe(result.questions[1])
    expect(listTree(join(dir, 'agents'))).toEqual(['reviewer.md'])
  })

  it('--yes takes the defaults without asking', async () => {
    const dir = claudeAndCursor()
    const result = await onTerminal(dir, [], 'init', '--yes')
    expect(result.code).toBe(0)
    expect(result.questions).toEqual([])
    expect(result.stderr).toContain(
      '--yes: taking the defaults: import claude, cursor into agents/, targets claude, cursor.',
    )
  })

  it('writes nothing when the questions are cancelled', async () => {
    const dir = claudeAndCursor()
    const before = listTree(dir)
    const result = await onTerminal(dir, [new Error('closed')], 'init')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('init cancelled; nothing written')
    expect(listTree(dir)).toEqual(before)
  })

  it('never asks when standard input is not a terminal, even with a way to ask', async () => {
    const dir = claudeAndCursor()
    let asked = 0
    const code = await run(['init'], {
      cwd: dir,
      fs: nodeFileSystem,
      stdout: () => {},
      stderr: () => {},
      stdinIsTTY: false,
      ask: async () => {
        asked++
        return ''
      },
    })
    expect(code).toBe(0)
    expect(asked).toBe(0)
    expect(readFileSync(join(dir, 'agentc.config.yaml'), 'utf8')).toContain('  - claude\n  - cursor\n')
  })
})
