import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtinTargets } from '@agentc/targets'
import { describe, expect, it } from 'vitest'
import { agentc, ROOT, tempDir } from './helpers'

const CLAUDE_AGENT =
  '---\nname: fixer\ndescription: Fixes bugs\ntools: Read, Edit, Bash\nmodel: opus\neffort: high\n---\nFix it.\n'

describe('agentc convert', () => {
  it('prints a single converted file on stdout', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'fixer.md'), CLAUDE_AGENT)
    const result = await agentc(dir, 'convert', 'fixer.md', '--from', 'claude', '--to', 'opencode')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      '---\ndescription: Fixes bugs\nmodel: anthropic/claude-opus-5\nreasoningEffort: high\ntools:\n  "*": false\n  bash: true\n  edit: true\n  read: true\n---\nFix it.\n',
    )
    expect(result.stderr).toContain('AGC202')
  })

  it('writes under --out in the target layout', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'fixer.md'), CLAUDE_AGENT)
    const result = await agentc(
      dir,
      'convert',
      'fixer.md',
      '--from',
      'claude',
      '--to',
      'cursor',
      '--out',
      'o',
    )
    expect(result.code).toBe(0)
    expect(existsSync(join(dir, 'o/.cursor/rules/fixer.mdc'))).toBe(true)
  })

  it('guesses the source format from the path', async () => {
    const dir = tempDir()
    const result = await agentc(
      ROOT,
      'convert',
      'test/golden/cursor/native-globs/in/.cursor/rules/typescript.mdc',
      '--to',
      'opencode',
      '--format',
      'json',
    )
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { files: { path: string }[]; diagnostics: { code: string }[] }
    expect(json.files.map((f) => f.path)).toEqual(['.opencode/agents/typescript.md'])
    expect(json.diagnostics.map((d) => d.code)).toEqual(['AGC201'])
    void dir
  })
})

describe('body references', () => {
  const agent =
    '---\nname: fixer\ndescription: Fixes bugs\n---\nUse the Read tool first.\nProject rules are in CLAUDE.md.\n'

  it('are reported, positioned in the source, when they will be wrong in the target', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'fixer.md'), agent)
    const result = await agentc(dir, 'convert', 'fixer.md', '--from', 'claude', '--to', 'opencode')
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /^fixer\.md:5:9 {2}info {2}The body mentions `Read`, a tool name of Claude Code subagents; in OpenCode agents it is `read` .* {2}AGC209$/m,
    )
    expect(result.stderr).toMatch(/^fixer\.md:6:22 {2}info .*`CLAUDE\.md`.*`AGENTS\.md`.* {2}AGC209$/m)
    expect(result.stdout).toContain('Use the Read tool first.')
  })

  it('are rewritten with --rewrite-references', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'fixer.md'), agent)
    const result = await agentc(
      dir,
      'convert',
      'fixer.md',
      '--from',
      'claude',
      '--to',
      'opencode',
      '--rewrite-references',
    )
    expect(result.stdout).toContain('Use the read tool first.\nProject rules are in AGENTS.md.\n')
    expect(result.stderr).toContain('AGC210')
  })
})

describe('agentc inspect', () => {
  it('prints the IR as JSON', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'fixer.md'), CLAUDE_AGENT)
    const result = await agentc(dir, 'inspect', 'fixer.md', '--from', 'claude')
    expect(result.code).toBe(0)
    const doc = JSON.parse(result.stdout) as Record<string, unknown>
    expect(doc).toMatchObject({
      irVersion: 1,
      name: 'fixer',
      model: { written: 'opus', provider: 'anthropic', id: 'opus' },
      effort: 'high',
      tools: { allow: ['bash', 'edit', 'read'] },
      source: { path: 'fixer.md', target: 'claude', fields: { model: { line: 5, column: 1 } } },
    })
  })
})

describe('agentc inspect --ast', () => {
  it('prints the markdown tree of the body', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.md'), '---\ndescription: x\n---\n# Title\n\n- item\n')
    const result = await agentc(dir, 'inspect', 'a.md', '--ast')
    expect(result.code).toBe(0)
    const tree = JSON.parse(result.stdout) as { type: string; children: { type: string }[] }
    expect(tree.type).toBe('root')
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'list'])
  })
})

describe('agentc targets and schema', () => {
  it('lists targets with their capabilities as JSON', async () => {
    const result = await agentc(ROOT, 'targets', '--format', 'json')
    expect(result.code).toBe(0)
    const list = JSON.parse(result.stdout) as {
      id: string
      displayName: string
      capabilities: Record<string, string>
    }[]
    expect(list.map((t) => t.id)).toEqual(builtinTargets.map((t) => t.id))
    expect(list).toHaveLength(19)
    expect(list.map((t) => t.id)).toEqual(
      expect.arrayContaining(['opencode', 'claude', 'cursor', 'roo', 'agents-md']),
    )
    expect(list[1]).toMatchObject({
      displayName: 'Claude Code subagents',
      capabilities: { 'sampling.temperature': 'none' },
    })
  })

  it('prints the JSON Schema of the IR', async () => {
    const result = await agentc(ROOT, 'schema')
    expect(result.code).toBe(0)
    const schema = JSON.parse(result.stdout) as Record<string, unknown>
    expect(schema.$schema).toContain('2020-12')
    expect(Object.keys(schema.properties as object)).toContain('permissions')
  })
})

describe('the installed bin', () => {
  it('runs with plain node from any working directory', () => {
    const bin = join(ROOT, 'packages/cli/dist/agentc.js')
    const out = execFileSync(process.execPath, [bin, '--version'], { cwd: tempDir(), encoding: 'utf8' })
    expect(out).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})
