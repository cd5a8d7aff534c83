import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtinTargets } from '@agentc/targets'
import { describe, expect, it } from 'vitest'
import { agentc, HAS_SEED, listTree, ROOT, read, SEED, tempDir } from './helpers'

describe.skipIf(!HAS_SEED)('the seed agent (../shared/seed)', () => {
  it('builds to claude, cursor and opencode as the issue requires', async () => {
    const out = tempDir()
    const result = await agentc(ROOT, 'build', SEED, '--target', 'claude,cursor,opencode', '--out', out)
    expect(result.code).toBe(0)
    expect(listTree(out)).toEqual([
      '.agentc/manifest.json',
      '.claude/agents/backend-engineer.md',
      '.cursor/rules/backend-engineer.mdc',
      '.opencode/agents/backend-engineer.md',
    ])
    expect(read(join(out, '.opencode/agents/backend-engineer.md'))).toBe(read(SEED))

    const claude = read(join(out, '.claude/agents/backend-engineer.md'))
    expect(claude).toMatch(/^---\nname: backend-engineer\ndescription: Backend systems expert/)
    expect(claude).toContain('\ndisallowedTools: WebFetch\n')
    expect(claude).not.toMatch(/^tools:/m) // no allow-list: Write, Edit and Bash stay available
    expect(claude).toContain('\neffort: medium\n')
    expect(claude).toContain('# Backend Engineer\n\nYou are a senior backend engineer')
    expect(
      claude.endsWith(
        '**Remember: You are paid to SHIP CODE, not to ask questions. Execute immediately.**\n',
      ),
    ).toBe(true)

    expect(result.stderr).toMatch(
      /backend-engineer\.md:4:1 {2}warning {2}Claude Code cannot run the model openai\/gpt-5\.2-codex.* {2}AGC204/,
    )
    expect(result.stderr).toMatch(
      /backend-engineer\.md:5:1 {2}warning {2}The temperature \(0\.2\) cannot be expressed in Claude Code.* {2}AGC201/,
    )
    expect(result.stderr).toMatch(
      /backend-engineer\.md:13:3 {2}warning {2}The bash permission rules .* {2}AGC201/,
    )

    const cursor = read(join(out, '.cursor/rules/backend-engineer.mdc'))
    expect(cursor).toMatch(
      /^---\ndescription: Backend systems expert[^\n]*\nglobs:\nalwaysApply: false\n---\n/,
    )

    const back = await agentc(
      ROOT,
      'convert',
      join(out, '.claude/agents/backend-engineer.md'),
      '--from',
      'claude',
      '--to',
      'opencode',
    )
    expect(back.code).toBe(0)
    expect(back.stdout).toMatch(/^---\ndescription: Backend systems expert/)
    expect(back.stdout).toContain('tools:\n  webfetch: false\n')
    expect(back.stdout).toContain('\n# Backend Engineer\n')
  })
})

function project(): string {
  const dir = tempDir()
  writeFileSync(
    join(dir, 'helper.md'),
    '---\ndescription: Helps\nmodel: openai/gpt-5\ntemperature: 0.5\npermission:\n  bash:\n    "*": ask\n    "ls *": allow\n---\nHelp.\n',
  )
  return dir
}

/** Builds helper.md to Claude under `out/`, with settings rules. */
const buildWithSettings = (dir: string) =>
  agentc(dir, 'build', 'helper.md', '--target', 'claude', '--out', 'out', '--claude-settings')

describe('agentc build', () => {
  it('writes each target layout under --out and changes nothing on a second run', async () => {
    const dir = project()
    const first = await agentc(
      dir,
      'build',
      'helper.md',
      '--target',
      'claude',
      '--target',
      'opencode,cursor',
      '--out',
      'out',
    )
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('created      out/.claude/agents/helper.md')
    expect(listTree(join(dir, 'out'))).toEqual([
      '.agentc/manifest.json',
      '.claude/agents/helper.md',
      '.cursor/rules/helper.mdc',
      '.opencode/agents/helper.md',
    ])
    const second = await agentc(
      dir,
      'build',
      'helper.md',
      '--target',
      'claude,opencode,cursor',
      '--out',
      'out',
    )
    expect(second.code).toBe(0)
    expect(second.stdout).toBe('')
    expect(second.stderr).toContain('0 files written, 3 unchanged')
  })

  it('--check exits 1 when an output is missing or stale, 0 when up to date, and writes nothing', async () => {
    const dir = project()
    const missing = await agentc(dir, 'build', '.', '--target', 'claude', '--out', 'out', '--check')
    expect(missing.code).toBe(1)
    expect(missing.stdout).toContain('missing      out/.claude/agents/helper.md')
    expect(listTree(join(dir, 'out'))).toEqual([])
    await agentc(dir, 'build', '.', '--target', 'claude', '--out', 'out')
    expect((await agentc(dir, 'build', '.', '--target', 'claude', '--out', 'out', '--check')).code).toBe(0)
    writeFileSync(join(dir, 'out/.claude/agents/helper.md'), 'edited\n')
    const stale = await agentc(dir, 'build', '.', '--target', 'claude', '--out', 'out', '--check')
    expect(stale.code).toBe(1)
    // A hand-edited output is not silently out of date: the build would refuse it.
    expect(stale.stderr).toMatch(
      /out\/\.claude\/agents\/helper\.md \(edited since agentc wrote it\).* {2}AGC308/,
    )
    expect((await agentc(dir, 'build', '.', '--target', 'claude', '--out', 'out2')).code).toBe(0)
    writeFileSync(join(dir, 'helper.md'), read(join(dir, 'helper.md')).replace('Helps', 'Now helps'))
    const outdated = await agentc(dir, 'build', '.', '--target', 'claude', '--out', 'out2', '--check')
    expect(outdated.code).toBe(1)
    expect(outdated.stdout).toBe('out of date  out2/.claude/agents/helper.md\n')
    expect(read(join(dir, 'out/.claude/agents/helper.md'))).toBe('edited\n')
  })

  it('--quiet prints nothing but errors', async () => {
    const dir = project()
    const result = await agentc(dir, 'build', 'helper.md', '--target', 'claude', '--out', 'out', '--quiet')
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(listTree(join(dir, 'out'))).toContain('.claude/agents/helper.md')
  })

  it('--dry-run prints what it would write and writes nothing', async () => {
    const dir = project()
    const result = await agentc(dir, 'build', 'helper.md', '--target', 'cursor', '--out', 'out', '--dry-run')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('would create out/.cursor/rules/helper.mdc')
    expect(listTree(join(dir, 'out'))).toEqual([])
  })

  it('--strict turns warnings into a failure', async () => {
    const dir = project()
    expect(
      (await agentc(dir, 'build', 'helper.md', '--target', 'claude', '--out', 'out', '--strict')).code,
    ).toBe(1)
    expect(
      (await agentc(dir, 'build', 'helper.md', '--target', 'opencode', '--out', 'o2', '--strict')).code,
    ).toBe(0)
  })

  it('--format json prints one object with files and diagnostics', async () => {
    const dir = project()
    const result = await agentc(
      dir,
      'build',
      'helper.md',
      '--target',
      'claude',
      '--out',
      'out',
      '--format',
      'json',
    )
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout) as { files: unknown[]; diagnostics: Record<string, unknown>[] }
    expect(json.files).toEqual([
      { path: 'out/.claude/agents/helper.md', target: 'claude', status: 'new', action: 'written' },
    ])
    const temperature = json.diagnostics.find((d) => d.field === 'sampling.temperature')
    expect(temperature).toEqual({
      code: 'AGC201',
      severity: 'warning',
      message: expect.stringContaining('temperature'),
      file: 'helper.md',
      line: 4,
      column: 1,
      target: 'claude',
      field: 'sampling.temperature',
    })
  })

  it('--claude-settings merges rules into an existing settings file, keeping its other keys', async () => {
    const dir = project()
    const settings =
      '{\n  // team settings\n  "model": "opus",\n  "permissions": {\n    "allow": ["Bash(npm test)"]\n  }\n}\n'
    const path = join(dir, 'out/.claude/settings.json')
    await agentc(dir, 'build', 'helper.md', '--target', 'opencode', '--out', 'out')
    mkdirSync(join(dir, 'out/.claude'))
    writeFileSync(path, settings)
    const result = await buildWithSettings(dir)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('AGC206')
    const merged = read(path)
    expect(merged).toContain('// team settings')
    expect(merged).toContain('"model": "opus"')
    expect(merged).toMatch(/"Bash\(npm test\)",\s*"Bash\(ls \*\)"/)
    const again = await buildWithSettings(dir)
    expect(again.stderr).toContain('0 files written')
    expect(read(path)).toBe(merged)
  })

  it('refuses to overwrite a malformed settings file and writes nothing', async () => {
    const dir = project()
    await agentc(dir, 'build', 'helper.md', '--target', 'opencode', '--out', 'out')
    mkdirSync(join(dir, 'out/.claude'))
    writeFileSync(join(dir, 'out/.claude/settings.json'), '{ "permissions": [ }\n')
    const result = await buildWithSettings(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/out\/\.claude\/settings\.json:1:\d+ {2}error .* {2}AGC305/)
    expect(listTree(join(dir, 'out'))).toEqual([
      '.agentc/manifest.json',
      '.claude/settings.json',
      '.opencode/agents/helper.md',
    ])
    expect(read(join(dir, 'out/.claude/settings.json'))).toBe('{ "permissions": [ }\n')
  })

  it('builds the seed and the examples to every target without errors', async () => {
    const out = tempDir()
    const all = builtinTargets.map((t) => t.id).join(',')
    const paths = HAS_SEED ? ['examples/agents', SEED] : ['examples/agents']
    const result = await agentc(ROOT, 'build', ...paths, '--target', all, '--out', out, '--claude-settings')
    expect(result.stderr).not.toMatch(/ {2}error {2}/)
    expect(result.code).toBe(0)
    const again = await agentc(
      ROOT,
      'build',
      ...paths,
      '--target',
      all,
      '--out',
      out,
      '--claude-settings',
      '--check',
    )
    expect(again.code).toBe(0)
  })

  it('builds the bundled examples without errors', async () => {
    const out = tempDir()
    const result = await agentc(
      ROOT,
      'build',
      'examples/agents',
      '--target',
      'claude,cursor,opencode',
      '--out',
      out,
    )
    expect(result.code).toBe(0)
    expect(listTree(out)).toHaveLength(10) // 9 agents and agentc's manifest
    for (const name of ['code-reviewer', 'release-manager', 'test-writer']) {
      expect(read(join(out, `.opencode/agents/${name}.md`))).toBe(
        read(join(ROOT, `examples/agents/${name}.md`)),
      )
    }
  })
})
