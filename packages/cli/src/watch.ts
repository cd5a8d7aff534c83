import { type FSWatcher, watch as fsWatch, statSync } from 'node:fs'
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path'
import { type Diagnostic, hasErrors } from '@agentc/core'
import type { BuildFlags, BuildHooks, BuildResult, CompiledFile } from './commands/build'
import { UsageError } from './errors'
import type { Deps } from './io/deps'
import { countSummary, plural, printDiagnostics, readSources } from './report'

/**
 * What `agentc build --watch` needs from the world besides the file system: file watching, a
 * clock, timers and Ctrl-C. Injectable (`Deps.watch`) so that tests drive it without sleeping.
 */
export interface WatchRuntime {
  /**
   * Watches files and folders (folders recursively); calls `onChange` with the absolute path of
   * whatever changed (a file, or a folder when the change cannot be pinned to a file).
   */
  watch(paths: readonly string[], onChange: (path: string) => void): { close(): void }
  /** Milliseconds on a monotonic clock (for the time a rebuild took). */
  now(): number
  /** Calls `fn` after `ms` milliseconds; returns a function that cancels it. */
  setTimer(fn: () => unknown, ms: number): () => void
  /** Calls `handler` on Ctrl-C (SIGINT); returns a function that stops listening. */
  onInterrupt(handler: () => void): () => void
}

/** How long the watcher waits after a change for more changes before it rebuilds. */
export const DEBOUNCE_MS = 100

/**
 * The real runtime: `node:fs` `watch` (recursive for folders, which Node supports on Linux,
 * macOS and Windows since 20; a file is watched through its folder, so that an editor that saves
 * by replacing the file is still seen), `performance.now`, `setTimeout` and `SIGINT`.
 */
export function nodeWatchRuntime(): WatchRuntime {
  return {
    watch(paths, onChange) {
      const watchers: FSWatcher[] = []
      const add = (path: string, recursive: boolean) => {
        try {
          const watcher = fsWatch(path, { recursive }, (_event, name) => {
            onChange(name ? join(path, name.toString()) : path)
          })
          // A watched folder that is deleted ends its watcher; the next build reports it missing.
          watcher.on('error', () => {
            watcher.close()
            onChange(path)
          })
          watchers.push(watcher)
        } catch {
          // Cannot be watched (gone, no permission): the build reports the path.
        }
      }
      for (const path of new Set(paths)) {
        let isDirectory = false
        try {
          isDirectory = statSync(path).isDirectory()
        } catch {
          // A path that does not exist (yet): its folder is watched for it.
        }
        if (isDirectory) add(path, true)
        else add(dirname(path), false)
      }
      return {
        close() {
          for (const w of watchers) w.close()
        },
      }
    },
    now: () => performance.now(),
    setTimer(fn, ms) {
      const timer = setTimeout(fn, ms)
      return () => clearTimeout(timer)
    },
    onInterrupt(handler) {
      process.on('SIGINT', handler)
      return () => process.off('SIGINT', handler)
    },
  }
}

/** Options of {@link watchBuild}. */
export interface WatchOptions {
  /** The runtime (default: `deps.watch`, else {@link nodeWatchRuntime}). */
  readonly runtime?: WatchRuntime
  /** Quiet time before a rebuild, in milliseconds (default {@link DEBOUNCE_MS}). */
  readonly debounceMs?: number
  /** Files whose change invalidates every compiled input (a configuration file). */
  readonly configFiles?: readonly string[]
}

/**
 * `agentc build --watch`: builds, then watches the inputs and rebuilds on change until Ctrl-C.
 * - debounced: changes within `debounceMs` of each other make one rebuild, and a change during a
 *   rebuild makes one more after it;
 * - only what changed: each input's compiled result (parse and emit for every target) is kept
 *   with its text and reused while the text is the same; the output sync still sees every
 *   output, so stale files and ownership are checked as in a full build;
 * - survives errors: a rebuild with errors prints them and writes nothing (the last good outputs
 *   stay); watching goes on;
 * - prints errors every time, warnings only for the inputs that were compiled again, and one
 *   line per rebuild (`agentc: rebuilt in 23 ms: 2 files written, 1 warning`); a change that
 *   changes no input and no output prints nothing.
 * @param deps File system, output, and optionally the watch runtime.
 * @param paths The input paths, as given.
 * @param flags The build flags.
 * @param runBuild Runs one build with the given hooks (the build command's own function).
 * @returns The exit code once stopped: 0 (a stop is the normal end of watching).
 */
export async function watchBuild(
  deps: Deps,
  paths: readonly string[],
  flags: BuildFlags,
  runBuild: (hooks: BuildHooks) => Promise<number>,
  options: WatchOptions = {},
): Promise<number> {
  if (flags.check || flags.dryRun)
    throw new UsageError('--watch writes outputs; it cannot be combined with --check or --dry-run')
  if (flags.format === 'json')
    throw new UsageError('--watch prints for people; it cannot be combined with --format json')
  const runtime = options.runtime ?? deps.watch ?? nodeWatchRuntime()
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS
  const inputs = paths.map((p) => resolve(deps.cwd, p))
  const configFiles = new Set((options.configFiles ?? []).map((p) => resolve(deps.cwd, p)))
  const cache = new Map<string, { text: string; compiled: CompiledFile }>()
  let builds = 0
  let lastInputs = ''
  let last: BuildResult | undefined

  const rebuild = async (): Promise<void> => {
    const start = runtime.now()
    const recompiled = new Set<string>()
    const reused = new Set<Diagnostic>()
    const hooks: BuildHooks = {
      compile(file, compile) {
        const hit = cache.get(file.path)
        if (hit && hit.text === file.text) {
          for (const d of hit.compiled.diagnostics) reused.add(d)
          return hit.compiled
        }
        const compiled = compile()
        cache.set(file.path, { text: file.text, compiled })
        recompiled.add(file.path)
        return compiled
      },
      report: (result) => report(result, start, recompiled, reused),
    }
    await runBuild(hooks)
    builds++
  }

  const report = async (
    result: BuildResult,
    start: number,
    recompiled: ReadonlySet<string>,
    reused: ReadonlySet<Diagnostic>,
  ): Promise<number> => {
    last = result
    const present = new Set(result.inputs.map((f) => f.path))
    for (const path of cache.keys()) if (!present.has(path)) cache.delete(path)
    const inputSet = [...present].sort().join('\n')
    const inputsChanged = inputSet !== lastInputs || recompiled.size > 0
    lastInputs = inputSet
    const failed = hasErrors(result.diagnostics)
    const written = result.files.filter((f) => f.status === 'new' || f.status === 'changed').length
    const deleted = result.files.filter((f) => f.status === 'deleted').length
    // Errors are shown every time (they block the build); warnings once, when their input changed.
    const shown = result.diagnostics.filter((d) => d.severity === 'error' || !reused.has(d))
    if (builds > 0 && !inputsChanged && written === 0 && deleted === 0 && !failed) return 0
    printDiagnostics(deps, shown, {
      ...flags,
      format: flags.format === 'short' ? 'short' : 'human',
      sources: await readSources(deps, shown, result.inputs),
    })
    const ms = Math.round(runtime.now() - start)
    const verb = builds === 0 ? 'built' : 'rebuilt'
    const counts = countSummary(shown)
    if (failed) {
      deps.stderr(
        `agentc: ${verb} in ${ms} ms: ${counts}; nothing written${builds > 0 ? ', the last good outputs stay' : ''}\n`,
      )
    } else if (!flags.quiet) {
      if (flags.verbose) {
        for (const f of result.files)
          if (f.status !== 'unchanged') deps.stdout(`${VERBS[f.status]} ${f.display}\n`)
      }
      const what =
        written === 0 && deleted === 0
          ? 'no changes'
          : `${plural(written, 'file')} written${deleted > 0 ? `, ${deleted} deleted` : ''}`
      deps.stderr(`agentc: ${verb} in ${ms} ms: ${what}${counts ? `, ${counts}` : ''}\n`)
    }
    return 0
  }

  const relevant = (path: string): boolean => {
    if (configFiles.has(path)) return true
    return inputs.some((input) => {
      if (path === input) return true
      if (!path.startsWith(input + sep)) return false
      // What a folder input reads: `*.md` below it, hidden folders and node_modules excepted.
      const parts = relative(input, path).split(sep)
      if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return false
      const ext = extname(basename(path))
      return ext === '' || ext === '.md'
    })
  }

  await rebuild()
  // A target id that does not exist will not appear by editing files: no point in watching.
  if (last?.diagnostics.some((d) => d.code === 'AGC301')) return 1

  return new Promise<number>((resolveDone, rejectDone) => {
    let cancelTimer: (() => void) | undefined
    let running: Promise<void> | undefined
    let again = false
    let stopped = false
    const fire = (): Promise<void> | undefined => {
      cancelTimer = undefined
      if (stopped) return undefined
      if (running) {
        again = true
        return running
      }
      running = rebuild()
        .catch((error: unknown) => {
          stop()
          rejectDone(error)
        })
        .finally(() => {
          running = undefined
          if (again && !stopped) {
            again = false
            schedule()
          }
        })
      return running
    }
    const schedule = () => {
      cancelTimer?.()
      cancelTimer = runtime.setTimer(fire, debounceMs)
    }
    const watcher = runtime.watch([...inputs, ...configFiles], (path) => {
      if (stopped || !relevant(path)) return
      if (configFiles.has(path)) cache.clear()
      schedule()
    })
    const stop = () => {
      if (stopped) return
      stopped = true
      cancelTimer?.()
      watcher.close()
      unlisten()
    }
    const unlisten = runtime.onInterrupt(() => {
      stop()
      deps.stderr('agentc: stopped watching\n')
      void (running ?? Promise.resolve()).then(() => resolveDone(0))
    })
    deps.stderr(
      `agentc: watching ${[...paths, ...[...configFiles].map((p) => relative(deps.cwd, p) || '.')].join(', ')} for changes (Ctrl-C to stop)\n`,
    )
  })
}

/** How a watch rebuild names what it did to a file (with --verbose). */
const VERBS = { new: 'created', changed: 'updated', deleted: 'deleted', unchanged: 'unchanged' } as const
