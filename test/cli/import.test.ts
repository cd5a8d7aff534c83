import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { nodeFileSystem } from 'agentc'
import { describe, expect, it } from 'vitest'
import { importAgents } from '../../packages/cli/src/commands/import'
import { agentc, HAS_SEED, listTree, read, SEED, tempDir } from './helpers'

/** Writes files (path → text) below a folder. */
function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

const REVIEWER =
  '---\nname: code-reviewer\ndescription: Reviews code\ntools: Read, Grep, Bash\nmodel: opus\npermissionMode: acceptEdits\n---\nReview the code.\n'
const TESTER = '---\nname: tester\ndescription: Writes tests\n---\nWrite tests.\n'

/** A project with two Claude Code agents (one named unlike its file). */
function claudeProject(): string {
  const dir = tempDir()
  writeTree(dir, { '.claude/agents/reviewer.md': REVIEWER, '.claude/agents/qa/tester.md': TESTER })
  return dir
}

describe('agentc import', () => {
  it("finds the tool's own files, writes one OpenCode source per agent named after it, and reports losses", async () => {
    const dir = claudeProject()
    const result = await agentc(dir, 'import', '--from', 'claude')
    expect(result.code).toBe(0)
    expect(listTree(join(dir, 'agents'))).toEqual(['code-reviewer.md', 'tester.md'])
    // The same text a single-file conversion gives (an independent path through the pipeline).
    const converted = await agentc(
      dir,
      'convert',
      '.claude/agents/reviewer.md',
      '--from',
      'claude',
      '--to',
      'opencode',
    )
    expect(read(join(dir, 'agents/code-reviewer.md'))).toBe(converted.stdout)
    // What OpenCode cannot hold is reported at its place in the Claude file.
    expect(result.stderr).toMatch(
      /\.claude\/agents\/reviewer\.md:6:1 +info +`permissionMode` is specific to claude.*AGC203/,
    )
    expect(result.stderr).toMatch(/\.claude\/agents\/reviewer\.md:5:1 +warning .*`opus`.*AGC202/)
    expect(result.stdout).toContain(
      'created       agents/code-reviewer.md  (from .claude/agents/reviewer.md)',
    )
    expect(result.stderr).toMatch(/agentc: 2 sources written; 1 warning, 1 info\n$/)
  })

  it('imports sources that build back to equivalent files for the tool they came from', async () => {
    const dir = claudeProject()
    expect((await agentc(dir, 'import', '--from', 'claude')).code).toBe(0)
    const built = await agentc(dir, 'build', 'agents', '--target', 'claude', '--out', 'out')
    expect(built.code).toBe(0)
    const back = read(join(dir, 'out/.claude/agents/tester.md'))
    expect(back).toMatch(/^---\nname: tester\ndescription: Writes tests\n/)
    expect(back).toContain('Write tests.\n')
  })

  it('refuses to replace an existing source with other contents, naming it, and writes nothing', async () => {
    const dir = claudeProject()
    writeTree(dir, { 'agents/tester.md': 'my own notes\n' })
    const refused = await agentc(dir, 'import', '--from', 'claude')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(
      /agentc import would replace a source file that exists: agents\/tester\.md\..*AGC308/,
    )
    expect(refused.stderr).toContain('nothing written')
    expect(listTree(join(dir, 'agents'))).toEqual(['tester.md'])
    expect(read(join(dir, 'agents/tester.md'))).toBe('my own notes\n')

    const forced = await agentc(dir, 'import', '--from', 'claude', '--force')
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain('replaced      agents/tester.md')
    expect(read(join(dir, 'agents/tester.md'))).toMatch(/^---\ndescription: Writes tests\n/)
  })

  it('leaves a source with the same text alone (importing twice is idempotent)', async () => {
    const dir = claudeProject()
    await agentc(dir, 'import', '--from', 'claude')
    const again = await agentc(dir, 'import', '--from', 'claude')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('unchanged     agents/tester.md')
    expect(again.stderr).toContain('0 sources written, 2 unchanged')
  })

  it('writes nothing with --dry-run, and says what it would write', async () => {
    const dir = claudeProject()
    const dry = await agentc(dir, 'import', '--from', 'claude', '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('would create  agents/code-reviewer.md')
    expect(dry.stderr).toContain('2 of 2 sources would be written')
    expect(listTree(join(dir, 'agents'))).toEqual([])
  })

  it('takes explicit files and folders and an --out folder', async () => {
    const dir = claudeProject()
    writeTree(dir, { 'old/reviewer.md': REVIEWER.replace('code-reviewer', 'old-reviewer') })
    const result = await agentc(
      dir,
      'import',
      '--from',
      'claude',
      'old',
      '.claude/agents/qa/tester.md',
      '--out',
      'src/agents',
    )
    expect(result.code).toBe(0)
    expect(listTree(join(dir, 'src/agents'))).toEqual(['old-reviewer.md', 'tester.md'])
  })

  it('imports a shared file holding several agents as several sources (.roomodes)', async () => {
    const dir = tempDir()
    writeTree(dir, {
      '.roomodes':
        'customModes:\n  - slug: planner\n    name: Planner\n    roleDefinition: You plan.\n    groups: [read]\n  - slug: fixer\n    name: Fixer\n    roleDefinition: You fix.\n    groups: [read, edit]\n',
    })
    const result = await agentc(dir, 'import', '--from', 'roo')
    expect(result.code).toBe(0)
    expect(listTree(join(dir, 'agents'))).toEqual(['fixer.md', 'planner.md'])
    expect(read(join(dir, 'agents/planner.md'))).toContain('You plan.')
    expect(read(join(dir, 'agents/fixer.md'))).toContain('You fix.')
  })

  it('imports the sections of an agentc-built AGENTS.md as several sources', async () => {
    const dir = tempDir()
    writeTree(dir, {
      'src/one.md': '---\ndescription: First\n---\nFirst body.\n',
      'src/two.md': '---\ndescription: Second\n---\nSecond body.\n',
    })
    expect((await agentc(dir, 'build', 'src', '--target', 'agents-md')).code).toBe(0)
    const result = await agentc(dir, 'import', '--from', 'agents-md')
    expect(result.code).toBe(0)
    expect(listTree(join(dir, 'agents'))).toEqual(['one.md', 'two.md'])
    expect(read(join(dir, 'agents/two.md'))).toContain('Second body.')
  })

  it('reports two agents that would become the same source (AGC302) and writes nothing', async () => {
    const dir = tempDir()
    writeTree(dir, {
      '.claude/agents/a/helper.md': '---\nname: helper\ndescription: A\n---\nA.\n',
      '.claude/agents/b/helper.md': '---\nname: helper\ndescription: B\n---\nB.\n',
    })
    const result = await agentc(dir, 'import', '--from', 'claude')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/2 agents would be imported to agents\/helper\.md.*AGC302/)
    expect(listTree(dir).filter((p) => p.startsWith('agents/'))).toEqual([])
  })

  it('stops on a file it cannot parse, with the position, and writes nothing', async () => {
    const dir = claudeProject()
    writeTree(dir, { '.claude/agents/broken.md': '---\nname: broken\ndescription: x\n' })
    const result = await agentc(dir, 'import', '--from', 'claude')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/\.claude\/agents\/broken\.md:1:1 +error .*never closed.*AGC001/)
    expect(listTree(join(dir, 'agents'))).toEqual([])
  })

  it('warns when the tool has no files here, and under --strict a warning writes nothing', async () => {
    const empty = await agentc(tempDir(), 'import', '--from', 'cursor')
    expect(empty.code).toBe(0)
    expect(empty.stderr).toMatch(/No Cursor .* files were found .*\.cursor\/rules.*AGC303/)

    const dir = claudeProject()
    const strict = await agentc(dir, 'import', '--from', 'claude', '--strict')
    expect(strict.code).toBe(1)
    expect(listTree(join(dir, 'agents'))).toEqual([])
  })

  it('needs a known --from', async () => {
    expect((await agentc(tempDir(), 'import')).code).toBe(2)
    const unknown = await agentc(tempDir(), 'import', '--from', 'claud')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/Unknown target "claud" \(did you mean "claude"\?\).*AGC301/)
  })

  it('prints JSON with --format json', async () => {
    const dir = claudeProject()
    const result = await agentc(dir, 'import', '--from', 'claude', '--format', 'json')
    const data = JSON.parse(result.stdout) as { files: { path: string; status: string }[] }
    expect(data.files.map((f) => [f.path, f.status])).toEqual([
      ['agents/code-reviewer.md', 'new'],
      ['agents/tester.md', 'new'],
    ])
  })

  it('is a function other commands can call (importAgents)', async () => {
    const dir = claudeProject()
    const deps = { cwd: dir, fs: nodeFileSystem, stdout: () => {}, stderr: () => {} }
    const result = await importAgents(deps, { from: 'claude', out: 'mine', dryRun: true })
    expect(result.written).toBe(false)
    expect(result.files.map((f) => [f.display, f.name, f.origin, f.status])).toEqual([
      ['mine/code-reviewer.md', 'code-reviewer', '.claude/agents/reviewer.md', 'new'],
      ['mine/tester.md', 'tester', '.claude/agents/qa/tester.md', 'new'],
    ])
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['AGC202', 'AGC203'])
    expect(listTree(dir).some((p) => p.startsWith('mine/'))).toBe(false)
    const written = await importAgents(deps, { from: 'claude', out: 'mine' })
    expect(written.written).toBe(true)
    expect(listTree(join(dir, 'mine'))).toEqual(['code-reviewer.md', 'tester.md'])
  })
})

describe.skipIf(!HAS_SEED)('importing the seed', () => {
  it('gives the seed back byte for byte from its OpenCode file', async () => {
    const dir = tempDir()
    writeTree(dir, { '.opencode/agents/backend-engineer.md': read(SEED) })
    const result = await agentc(dir, 'import', '--from', 'opencode')
    expect(result.code).toBe(0)
    expect(read(join(dir, 'agents/backend-engineer.md'))).toBe(read(SEED))
  })
})
