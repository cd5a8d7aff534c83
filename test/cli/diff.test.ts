import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { nodeFileSystem, run } from 'agentc'
import { describe, expect, it } from 'vitest'
import { agentc, listTree, read, tempDir } from './helpers'

const HELPER = '---\ndescription: Helps\n---\nHelp with the task.\nBe brief.\n'
const REVIEWER = '---\ndescription: Reviews\n---\nReview the code.\n'

/** A project with two sources in `agents/`. */
function project(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'agents'))
  writeFileSync(join(dir, 'agents/helper.md'), HELPER)
  writeFileSync(join(dir, 'agents/reviewer.md'), REVIEWER)
  return dir
}

const diff = (dir: string, ...args: string[]) => agentc(dir, 'diff', 'agents', '--target', 'claude', ...args)
const build = (dir: string, ...args: string[]) =>
  agentc(dir, 'build', 'agents', '--target', 'claude', ...args)

const HAS_GIT = spawnSync('git', ['--version']).status === 0

describe('agentc diff', () => {
  it('shows new files as a unified diff from /dev/null, exits 1, and writes nothing', async () => {
    const dir = project()
    const result = await diff(dir)
    expect(result.code).toBe(1)
    expect(listTree(dir)).toEqual(['agents/helper.md', 'agents/reviewer.md'])
    const built = tempDir()
    cpSync(dir, built, { recursive: true })
    await build(built)
    // Every line of the file a build writes, as an addition, under git's headers for a new file.
    const helper = read(join(built, '.claude/agents/helper.md'))
    const lines = helper.slice(0, -1).split('\n')
    expect(result.stdout).toContain(
      `--- /dev/null\n+++ b/.claude/agents/helper.md\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}\n`).join('')}`,
    )
    expect(result.stdout).toContain('+++ b/.claude/agents/reviewer.md\n')
    expect(result.stderr).toMatch(/agentc: a build would change 2 files \(2 new\)\n$/)
  })

  it('exits 0 and prints no diff when the outputs are up to date', async () => {
    const dir = project()
    expect((await build(dir)).code).toBe(0)
    const result = await diff(dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/agentc: no changes; 2 files up to date\n$/)
  })

  it('shows changed lines with context, and stale outputs as deletions', async () => {
    const dir = project()
    await build(dir)
    writeFileSync(join(dir, 'agents/helper.md'), HELPER.replace('Be brief.', 'Be thorough.'))
    rmSync(join(dir, 'agents/reviewer.md'))
    const before = read(join(dir, '.claude/agents/helper.md'))
    const result = await diff(dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('--- a/.claude/agents/helper.md\n+++ b/.claude/agents/helper.md\n@@ ')
    expect(result.stdout).toContain('\n Help with the task.\n-Be brief.\n+Be thorough.\n')
    expect(result.stdout).toContain('--- a/.claude/agents/reviewer.md\n+++ /dev/null\n@@ -1,')
    expect(result.stdout).toContain('\n-Review the code.\n')
    expect(result.stderr).toContain('a build would change 2 files (1 changed, 1 deleted)')
    // Nothing was written: the old output and the stale one are still there.
    expect(read(join(dir, '.claude/agents/helper.md'))).toBe(before)
    expect(listTree(dir)).toContain('.claude/agents/reviewer.md')
  })

  it.skipIf(!HAS_GIT)('prints a patch that git apply turns into exactly what a build writes', async () => {
    const dir = project()
    await build(dir)
    writeFileSync(join(dir, 'agents/helper.md'), HELPER.replace('Be brief.', 'Be thorough.'))
    writeFileSync(join(dir, 'agents/new.md'), '---\ndescription: New\n---\nNew one.\n')
    rmSync(join(dir, 'agents/reviewer.md'))
    const patch = (await diff(dir)).stdout
    const expected = tempDir()
    cpSync(dir, expected, { recursive: true })
    expect((await build(expected)).code).toBe(0)
    writeFileSync(join(dir, 'change.patch'), patch)
    const applied = spawnSync('git', ['apply', 'change.patch'], { cwd: dir, encoding: 'utf8' })
    expect(applied.stderr).toBe('')
    rmSync(join(dir, 'change.patch'))
    const outputs = (root: string) => listTree(root).filter((p) => p.startsWith('.claude/'))
    expect(outputs(dir)).toEqual(outputs(expected))
    for (const path of outputs(expected)) expect(read(join(dir, path))).toBe(read(join(expected, path)))
  })

  it('takes the build flags: --out, -U for context lines', async () => {
    const dir = project()
    await build(dir, '--out', 'out')
    writeFileSync(join(dir, 'agents/helper.md'), HELPER.replace('Be brief.', 'Be thorough.'))
    const none = await diff(dir, '--out', 'out', '-U', '0')
    expect(none.stdout).toContain('--- a/out/.claude/agents/helper.md\n+++ b/out/.claude/agents/helper.md\n')
    expect(none.stdout).toMatch(/@@ -\d+(,1)? \+\d+(,1)? @@\n-Be brief\.\n\+Be thorough\.\n$/)
  })

  it('reports errors instead of a diff, and exits 1', async () => {
    const dir = project()
    writeFileSync(join(dir, 'agents/broken.md'), '---\ndescription: x\n')
    const result = await diff(dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/agents\/broken\.md:1:1 +error .*AGC001/)
    expect(result.stderr).toMatch(/agentc: nothing to compare \(1 error\)\n$/)
  })

  it('prints nothing but errors with --quiet; the exit code tells', async () => {
    const dir = project()
    const result = await diff(dir, '--quiet')
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' })
  })

  it('prints the diffs as JSON with --format json', async () => {
    const dir = project()
    await build(dir)
    rmSync(join(dir, 'agents/reviewer.md'))
    const result = await diff(dir, '--format', 'json')
    expect(result.code).toBe(1)
    const data = JSON.parse(result.stdout) as { files: { path: string; status: string; diff: string }[] }
    expect(data.files.map((f) => [f.path, f.status])).toEqual([['.claude/agents/reviewer.md', 'deleted']])
    expect(data.files[0]!.diff).toMatch(/^--- a\/\.claude\/agents\/reviewer\.md\n\+\+\+ \/dev\/null\n/)
  })

  it('colours the diff only on a terminal, and never under NO_COLOR', async () => {
    const dir = project()
    const runWith = async (env: Record<string, string>, stdoutIsTTY: boolean) => {
      let stdout = ''
      await run(['diff', 'agents', '--target', 'claude'], {
        cwd: dir,
        fs: nodeFileSystem,
        stdout: (t) => {
          stdout += t
        },
        stderr: () => {},
        env,
        stdoutIsTTY,
      })
      return stdout
    }
    const ESC = '\u001b['
    const tty = await runWith({}, true)
    expect(tty).toContain(`${ESC}32m+Help with the task.`)
    expect(stripVTControlCharacters(tty)).toBe(await runWith({}, false))
    expect(await runWith({}, false)).not.toContain(ESC)
    expect(await runWith({ NO_COLOR: '1' }, true)).not.toContain(ESC)
  })
})
