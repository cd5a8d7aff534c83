/**
 * Atomicity and concurrency: a build that fails or is killed part-way leaves every file either
 * old or new and a manifest that knows both; the next build completes without --force; two
 * builds at once do not corrupt the output root.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type FileSystem, nodeFileSystem, run } from 'agentc'
import { describe, expect, it } from 'vitest'
import {
  agentc,
  agentSource,
  cliBundle,
  listTree,
  projectWith,
  read,
  runCli,
  snapshot,
  writeTree,
} from './helpers'

const TARGETS = 'claude,cursor,opencode'

/** Rewrites every agent source of a project (version 2: another body). */
function editAll(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    writeTree(dir, {
      [`agents/agent-${String(i).padStart(4, '0')}.md`]: agentSource(`agent-${i}`).replace(
        /reviews/g,
        'audits',
      ),
    })
  }
}

/** Every file below a folder (with agentc's manifest, without its lock), by path. */
function files(root: string): Map<string, string> {
  return new Map(
    listTree(root)
      .filter((p) => p !== '.agentc/lock')
      .map((p) => [p, readFileSync(join(root, p), 'utf8')]),
  )
}

/** Every output is exactly its old or its new version (the manifest aside). */
function expectOldOrNew(
  tree: Map<string, string>,
  v1: Map<string, string>,
  v2: Map<string, string>,
): { old: number; new: number } {
  const counts = { old: 0, new: 0 }
  for (const [path, text] of tree) {
    if (path.startsWith('.agentc/')) continue
    if (text === v2.get(path)) counts.new++
    else if (text === v1.get(path)) counts.old++
    else throw new Error(`${path} is neither the old nor the new version (${text.length} bytes)`)
  }
  return counts
}

describe('a build that fails part-way', () => {
  it('leaves each file old or new and a pending manifest; the next build finishes the job', async () => {
    const count = 20
    const dir = projectWith(count)
    await agentc(dir, 'build', 'agents', '--target', TARGETS, '--out', 'out')
    const v1 = files(join(dir, 'out'))
    editAll(dir, count)
    await agentc(dir, 'build', 'agents', '--target', TARGETS, '--out', 'v2')
    const v2 = files(join(dir, 'v2'))
    let writes = 0
    const failing: FileSystem = {
      ...nodeFileSystem,
      async writeFileAtomic(path, contents, temp) {
        if (!path.endsWith('manifest.json') && ++writes > 25)
          throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
        return nodeFileSystem.writeFileAtomic(path, contents, temp)
      },
    }
    let stderr = ''
    const code = await run(['build', 'agents', '--target', TARGETS, '--out', 'out'], {
      cwd: dir,
      fs: failing,
      stdout: () => {},
      stderr: (t) => {
        stderr += t
      },
    })
    expect(code).toBe(1)
    expect(stderr).toMatch(/cannot be written \(ENOSPC\)\. {2}AGC306/)
    const mixed = expectOldOrNew(files(join(dir, 'out')), v1, v2)
    expect(mixed.new).toBeGreaterThanOrEqual(25)
    expect(mixed.old).toBeGreaterThan(0)
    expect(JSON.parse(read(join(dir, 'out/.agentc/manifest.json'))).pending).toBe(true)
    expect(existsSync(join(dir, 'out/.agentc/lock'))).toBe(false)

    const resumed = await agentc(dir, 'build', 'agents', '--target', TARGETS, '--out', 'out')
    expect(resumed.stderr).not.toContain('AGC308')
    expect(resumed.code).toBe(0)
    expect(files(join(dir, 'out'))).toEqual(v2)
    expect(listTree(join(dir, 'out/.agentc'))).toEqual(['manifest.json'])
    expect(JSON.parse(read(join(dir, 'out/.agentc/manifest.json'))).pending).toBeUndefined()
  })
})

describe('a build killed with SIGKILL', () => {
  it('leaves no truncated file, and the next build completes from the stale lock', async () => {
    const bundle = await cliBundle()
    const count = 400
    const dir = projectWith(count)
    const build = ['build', 'agents', '--target', TARGETS]
    expect(runCli(bundle, dir, [...build, '--out', 'out']).code).toBe(0)
    const v1 = files(join(dir, 'out'))
    editAll(dir, count)
    const child = spawn(process.execPath, [bundle, ...build, '--out', 'out'], { cwd: dir, stdio: 'ignore' })
    const manifest = join(dir, 'out/.agentc/manifest.json')
    const first = join(dir, 'out/.claude/agents/agent-0000.md')
    const exit = await new Promise<NodeJS.Signals | number | null>((resolve) => {
      const poll = setInterval(() => {
        // Kill as soon as the build is writing: its manifest is pending and the first output is new.
        if (
          readFileSync(manifest, 'utf8').includes('"pending"') &&
          readFileSync(first, 'utf8').includes('audits')
        )
          child.kill('SIGKILL')
      }, 2)
      child.on('exit', (code, signal) => {
        clearInterval(poll)
        resolve(signal ?? code)
      })
    })
    expect(exit, 'the build should still have been writing when killed').toBe('SIGKILL')
    const killed = files(join(dir, 'out'))
    expect(existsSync(join(dir, 'out/.agentc/lock'))).toBe(true)

    const resumed = runCli(bundle, dir, [...build, '--out', 'out'])
    expect(resumed.stderr).not.toMatch(/AGC30[89]/)
    expect(resumed.code).toBe(0)
    expect(runCli(bundle, dir, [...build, '--out', 'fresh']).code).toBe(0)
    const v2 = files(join(dir, 'fresh'))
    expect(files(join(dir, 'out'))).toEqual(v2)
    const mixed = expectOldOrNew(killed, v1, v2)
    expect(mixed.new).toBeGreaterThan(0)
    expect(mixed.old).toBeGreaterThan(0)
    expect(listTree(join(dir, 'out/.agentc'))).toEqual(['manifest.json'])
  }, 180_000)
})

describe('concurrent builds', () => {
  it('three processes on one output root: each writes in turn or is told why not', async () => {
    const bundle = await cliBundle()
    const dir = projectWith(150)
    const build = ['build', 'agents', '--target', TARGETS]
    const start = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [bundle, ...build, '--out', 'out'], { cwd: dir })
        let stderr = ''
        child.stderr.on('data', (d) => {
          stderr += d
        })
        child.on('exit', (code) => resolve({ code, stderr }))
      })
    const results = await Promise.all([start(), start(), start()])
    for (const r of results) {
      if (r.code !== 0) {
        expect(r.code).toBe(1)
        expect(r.stderr).toMatch(/Another agentc build \(process \d+\) is writing to out; .* {2}AGC309/)
      }
    }
    expect(results.some((r) => r.code === 0)).toBe(true)
    expect(runCli(bundle, dir, [...build, '--out', 'fresh']).code).toBe(0)
    expect(files(join(dir, 'out'))).toEqual(files(join(dir, 'fresh')))
  }, 180_000)

  it('a lock held by a live process stops the build; one left by a dead process is taken over', async () => {
    const dir = projectWith(1)
    writeTree(dir, { 'out/.agentc/lock': `${JSON.stringify({ pid: process.ppid })}\n` })
    const held = await agentc(dir, 'build', 'agents', '--target', 'claude', '--out', 'out')
    expect(held.code).toBe(1)
    expect(held.stderr).toContain(`Another agentc build (process ${process.ppid}) is writing to out`)
    expect(held.stderr).toContain('delete out/.agentc/lock')
    expect(listTree(join(dir, 'out'))).toEqual(['.agentc/lock'])
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    })
    writeFileSync(join(dir, 'out/.agentc/lock'), `${JSON.stringify({ pid: Number(dead.stdout) })}\n`)
    const taken = await agentc(dir, 'build', 'agents', '--target', 'claude', '--out', 'out')
    expect(taken.code).toBe(0)
    expect(listTree(join(dir, 'out'))).toEqual(['.agentc/manifest.json', '.claude/agents/agent-0000.md'])
    expect(snapshot(join(dir, 'out')).has('.agentc/lock')).toBe(false)
  })
})
