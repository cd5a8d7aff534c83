import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Deps, nodeFileSystem, run } from 'agentc'
import { describe, expect, it } from 'vitest'
import { type BuildFlags, build } from '../../packages/cli/src/commands/build'
import { nodeWatchRuntime, type WatchRuntime, watchBuild } from '../../packages/cli/src/watch'
import { listTree, read, tempDir } from './helpers'

/**
 * A watch runtime driven by the test: `change` fires a watch event, `flush` runs the timers that
 * are due (awaiting the rebuilds they start), `interrupt` is Ctrl-C. The clock moves 23 ms on
 * every reading, so every build "takes" 23 ms.
 */
function fakeRuntime() {
  let listener: ((path: string) => void) | undefined
  let onInterrupt: (() => void) | undefined
  let clock = 0
  let nextTimer = 0
  const timers = new Map<number, () => unknown>()
  let watched: readonly string[] = []
  let closed = false
  let started: () => void = () => {}
  const watching = new Promise<void>((resolve) => {
    started = resolve
  })
  const runtime: WatchRuntime = {
    watch(paths, onChange) {
      watched = paths
      listener = onChange
      started()
      return {
        close() {
          closed = true
        },
      }
    },
    now() {
      const t = clock
      clock += 23
      return t
    },
    setTimer(fn) {
      const id = nextTimer++
      timers.set(id, fn)
      return () => timers.delete(id)
    },
    onInterrupt(handler) {
      onInterrupt = handler
      return () => {
        onInterrupt = undefined
      }
    },
  }
  return {
    runtime,
    watching,
    get watched() {
      return watched
    },
    get closed() {
      return closed
    },
    get pending() {
      return timers.size
    },
    change(path: string) {
      listener?.(path)
    },
    async flush() {
      while (timers.size > 0) {
        const [id, fn] = [...timers][0]!
        timers.delete(id)
        await fn()
      }
    },
    /** Runs the pending timers now without waiting for them (as when a timer fires mid-build). */
    fireNow() {
      for (const [id, fn] of [...timers]) {
        timers.delete(id)
        void fn()
      }
    },
    interrupt() {
      onInterrupt?.()
    },
  }
}

type Fake = ReturnType<typeof fakeRuntime>

/** A project with two sources in `agents/`. */
function project(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'agents'))
  writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: Helps\n---\nHelp.\n')
  writeFileSync(
    join(dir, 'agents/reviewer.md'),
    '---\ndescription: Reviews\ntemperature: 0.3\n---\nReview.\n',
  )
  return dir
}

/** Output captured from a watch session. */
interface Session {
  readonly fake: Fake
  readonly done: Promise<number>
  stderr(): string
  /** stderr since the last call. */
  fresh(): string
}

/** Starts `agentc build agents --target claude,cursor --watch` with a fake runtime. */
async function startWatch(dir: string, ...extra: string[]): Promise<Session> {
  const fake = fakeRuntime()
  let stderr = ''
  let seen = 0
  const deps: Deps = {
    cwd: dir,
    fs: nodeFileSystem,
    stdout: () => {},
    stderr: (t) => {
      stderr += t
    },
    watch: fake.runtime,
  }
  const done = run(['build', 'agents', '--target', 'claude,cursor', '--watch', ...extra], deps)
  await Promise.race([fake.watching, done])
  return {
    fake,
    done,
    stderr: () => stderr,
    fresh() {
      const text = stderr.slice(seen)
      seen = stderr.length
      return text
    },
  }
}

describe('agentc build --watch', () => {
  it('builds, watches the inputs, rebuilds on change with a one-line result, and stops on Ctrl-C', async () => {
    const dir = project()
    const s = await startWatch(dir)
    expect(s.fresh()).toMatch(
      /agentc: built in 23 ms: 4 files written, 2 warnings\nagentc: watching agents for changes \(Ctrl-C to stop\)\n$/,
    )
    expect(s.fake.watched).toEqual([join(dir, 'agents')])
    expect(listTree(join(dir, '.claude'))).toEqual(['agents/helper.md', 'agents/reviewer.md'])

    writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: Helps more\n---\nHelp.\n')
    s.fake.change(join(dir, 'agents/helper.md'))
    await s.fake.flush()
    expect(s.fresh()).toBe('agentc: rebuilt in 23 ms: 2 files written\n')
    expect(read(join(dir, '.claude/agents/helper.md'))).toContain('description: Helps more\n')

    s.fake.interrupt()
    expect(await s.done).toBe(0)
    expect(s.fake.closed).toBe(true)
    expect(s.fresh()).toBe('agentc: stopped watching\n')
  })

  it('debounces: a burst of events makes one rebuild', async () => {
    const dir = project()
    const s = await startWatch(dir)
    s.fresh()
    writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: One\n---\nHelp.\n')
    s.fake.change(join(dir, 'agents/helper.md'))
    writeFileSync(join(dir, 'agents/reviewer.md'), '---\ndescription: Two\n---\nReview.\n')
    s.fake.change(join(dir, 'agents/reviewer.md'))
    s.fake.change(join(dir, 'agents/helper.md'))
    expect(s.fake.pending).toBe(1)
    await s.fake.flush()
    expect(s.fresh()).toBe('agentc: rebuilt in 23 ms: 4 files written\n')
    s.fake.interrupt()
    await s.done
  })

  it('ignores events that cannot change an input, and rebuilds that change nothing print nothing', async () => {
    const dir = project()
    const s = await startWatch(dir)
    s.fresh()
    s.fake.change(join(dir, 'agents/.hidden/x.md'))
    s.fake.change(join(dir, 'agents/notes.txt'))
    s.fake.change(join(dir, 'elsewhere.md'))
    expect(s.fake.pending).toBe(0)
    // Touched but the same text: rebuilt silently.
    s.fake.change(join(dir, 'agents/helper.md'))
    await s.fake.flush()
    expect(s.fresh()).toBe('')
    s.fake.interrupt()
    await s.done
  })

  it('survives an error in a file being edited: prints it, keeps the last good outputs, and recovers', async () => {
    const dir = project()
    const s = await startWatch(dir)
    s.fresh()
    const good = read(join(dir, '.claude/agents/helper.md'))
    writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: Half-typed\n')
    s.fake.change(join(dir, 'agents/helper.md'))
    await s.fake.flush()
    const failed = s.fresh()
    expect(failed).toMatch(/agents\/helper\.md:1:1 +error .*AGC001/)
    expect(failed).toMatch(
      /agentc: rebuilt in 23 ms: 1 error; nothing written, the last good outputs stay\n$/,
    )
    expect(read(join(dir, '.claude/agents/helper.md'))).toBe(good)

    writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: Typed\n---\nHelp.\n')
    s.fake.change(join(dir, 'agents/helper.md'))
    await s.fake.flush()
    expect(s.fresh()).toBe('agentc: rebuilt in 23 ms: 2 files written\n')
    expect(read(join(dir, '.claude/agents/helper.md'))).toContain('description: Typed\n')
    s.fake.interrupt()
    expect(await s.done).toBe(0)
  })

  it('deletes the outputs of a removed source, and picks up a new one', async () => {
    const dir = project()
    const s = await startWatch(dir)
    s.fresh()
    rmSync(join(dir, 'agents/reviewer.md'))
    writeFileSync(join(dir, 'agents/new.md'), '---\ndescription: New\n---\nNew.\n')
    s.fake.change(join(dir, 'agents/reviewer.md'))
    s.fake.change(join(dir, 'agents'))
    await s.fake.flush()
    expect(s.fresh()).toBe('agentc: rebuilt in 23 ms: 2 files written, 2 deleted\n')
    expect(listTree(join(dir, '.claude'))).toEqual(['agents/helper.md', 'agents/new.md'])
    s.fake.interrupt()
    await s.done
  })

  it('ignores events after Ctrl-C', async () => {
    const dir = project()
    const s = await startWatch(dir)
    s.fake.interrupt()
    s.fake.change(join(dir, 'agents/helper.md'))
    expect(s.fake.pending).toBe(0)
    expect(await s.done).toBe(0)
  })

  it('refuses --check, --dry-run and --format json, and stops on an unknown target', async () => {
    const dir = project()
    for (const flags of [['--check'], ['--dry-run'], ['--format', 'json']]) {
      const fake = fakeRuntime()
      let stderr = ''
      const code = await run(['build', 'agents', '--target', 'claude', '--watch', ...flags], {
        cwd: dir,
        fs: nodeFileSystem,
        stdout: () => {},
        stderr: (t) => {
          stderr += t
        },
        watch: fake.runtime,
      })
      expect(code).toBe(2)
      expect(stderr).toContain('--watch')
    }
    const fake = fakeRuntime()
    const code = await run(['build', 'agents', '--target', 'claud', '--watch'], {
      cwd: dir,
      fs: nodeFileSystem,
      stdout: () => {},
      stderr: () => {},
      watch: fake.runtime,
    })
    expect(code).toBe(1)
    expect(fake.watched).toEqual([])
  })
})

describe('watchBuild', () => {
  /** Runs watchBuild on the real build, recording which inputs each build compiled. */
  async function session(dir: string, configFiles: string[] = []) {
    const fake = fakeRuntime()
    const compiled: string[][] = []
    const deps: Deps = { cwd: dir, fs: nodeFileSystem, stdout: () => {}, stderr: () => {} }
    const flags: BuildFlags = { target: ['claude', 'cursor'], from: 'opencode', format: 'human' }
    const done = watchBuild(
      deps,
      ['agents'],
      flags,
      (hooks) => {
        const round: string[] = []
        compiled.push(round)
        return build(deps, ['agents'], flags, {
          ...hooks,
          compile: (file, compile) =>
            hooks.compile!(file, () => {
              round.push(file.path)
              return compile()
            }),
        })
      },
      { runtime: fake.runtime, configFiles },
    )
    await fake.watching
    return { fake, compiled, done }
  }

  it('compiles again only the inputs whose text changed, yet keeps every output', async () => {
    const dir = project()
    writeFileSync(join(dir, 'agents/third.md'), '---\ndescription: Third\n---\nThird.\n')
    const { fake, compiled, done } = await session(dir)
    expect(compiled).toEqual([['agents/helper.md', 'agents/reviewer.md', 'agents/third.md']])
    writeFileSync(join(dir, 'agents/third.md'), '---\ndescription: Third, changed\n---\nThird.\n')
    fake.change(join(dir, 'agents/third.md'))
    await fake.flush()
    expect(compiled[1]).toEqual(['agents/third.md'])
    // The outputs of the inputs that were not compiled again are still part of the build (not stale).
    expect(listTree(join(dir, '.claude'))).toEqual([
      'agents/helper.md',
      'agents/reviewer.md',
      'agents/third.md',
    ])
    expect(listTree(join(dir, '.cursor'))).toEqual([
      'rules/helper.mdc',
      'rules/reviewer.mdc',
      'rules/third.mdc',
    ])
    fake.interrupt()
    expect(await done).toBe(0)
  })

  it('compiles everything again when a configuration file changes', async () => {
    const dir = project()
    writeFileSync(join(dir, 'agentc.config.json'), '{}\n')
    const { fake, compiled, done } = await session(dir, ['agentc.config.json'])
    expect(fake.watched).toEqual([join(dir, 'agents'), join(dir, 'agentc.config.json')])
    fake.change(join(dir, 'agentc.config.json'))
    await fake.flush()
    expect(compiled[1]).toEqual(['agents/helper.md', 'agents/reviewer.md'])
    fake.interrupt()
    await done
  })

  it('rebuilds once more when a change arrives during a rebuild', async () => {
    const dir = project()
    const fake = fakeRuntime()
    const deps: Deps = { cwd: dir, fs: nodeFileSystem, stdout: () => {}, stderr: () => {} }
    const flags: BuildFlags = { target: ['claude'], from: 'opencode', format: 'human' }
    let builds = 0
    const done = watchBuild(
      deps,
      ['agents'],
      flags,
      async (hooks) => {
        builds++
        const code = await build(deps, ['agents'], flags, hooks)
        // The second build is still running when the file changes again.
        if (builds === 2) {
          writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: Third edit\n---\nHelp.\n')
          fake.change(join(dir, 'agents/helper.md'))
          // The debounce timer runs out while this build still runs: one more build follows it.
          fake.fireNow()
          expect(fake.pending).toBe(0)
        }
        return code
      },
      { runtime: fake.runtime },
    )
    await fake.watching
    writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: Second edit\n---\nHelp.\n')
    fake.change(join(dir, 'agents/helper.md'))
    await fake.flush()
    expect(builds).toBe(3)
    expect(read(join(dir, '.claude/agents/helper.md'))).toContain('description: Third edit\n')
    fake.interrupt()
    await done
  })
})

describe('the node:fs watch runtime', () => {
  it('sees a file saved in a watched folder (real file system)', async () => {
    const dir = project()
    const real = nodeWatchRuntime()
    let stop: () => void = () => {}
    const runtime: WatchRuntime = {
      ...real,
      onInterrupt(handler) {
        stop = handler
        return () => {}
      },
    }
    let stderr = ''
    const deps: Deps = {
      cwd: dir,
      fs: nodeFileSystem,
      stdout: () => {},
      stderr: (t) => {
        stderr += t
      },
    }
    const flags: BuildFlags = { target: ['claude'], from: 'opencode', format: 'human' }
    const done = watchBuild(deps, ['agents'], flags, (hooks) => build(deps, ['agents'], flags, hooks), {
      runtime,
      debounceMs: 10,
    })
    const until = async (ok: () => boolean) => {
      for (let i = 0; i < 500 && !ok(); i++) await new Promise((r) => setTimeout(r, 10))
      return ok()
    }
    expect(await until(() => stderr.includes('watching'))).toBe(true)
    writeFileSync(join(dir, 'agents/helper.md'), '---\ndescription: Saved\n---\nHelp.\n')
    expect(await until(() => stderr.includes('rebuilt'))).toBe(true)
    expect(read(join(dir, '.claude/agents/helper.md'))).toContain('description: Saved\n')
    stop()
    expect(await done).toBe(0)
  })
})
