import { createHash } from 'node:crypto'
import { dirname, join, relative, resolve, sep } from 'node:path'
import {
  createDiagnostic,
  type Diagnostic,
  hasErrors,
  isSafeRelativePath,
  type MergeResult,
  type OutputFile,
  positionOf,
  resolveOutputs,
} from '@agentc/core'
import type { Deps } from './deps'
import { processIsAlive } from './node-deps'
import { displayPath, errorCode } from './read-inputs'
import { readJsonState } from './read-json'

/**
 * agentc's bookkeeping in an output root: `.agentc/manifest.json` records every file agentc
 * wrote there (content hash, target, sources), so that a build overwrites or deletes only files
 * it wrote and that nobody changed since. Commit it with the outputs: it is deterministic (sorted,
 * no times, no machine paths). `.agentc/lock` and `.agentc/tmp/` exist only while a build writes.
 */
export const STATE_DIR = '.agentc'
export const MANIFEST_PATH = `${STATE_DIR}/manifest.json`
export const LOCK_PATH = `${STATE_DIR}/lock`
export const TEMP_DIR = `${STATE_DIR}/tmp`

/** What the manifest knows about one output file. */
export interface ManifestEntry {
  /** The target that wrote it. */
  readonly target: string
  /** SHA-256 of the contents agentc wrote (absent for merged shared files). */
  readonly sha256?: string
  /** The file is shared (`.roomodes`, `AGENTS.md`, settings): agentc merges into it, never owns it. */
  readonly merged?: true
  /** The source files it came from, relative to the output root, `/`-separated, sorted. */
  readonly sources: readonly string[]
  /** For merged files: each part agentc merged in (a mode's slug, a section's name) → its source. */
  readonly keys?: Readonly<Record<string, string>>
  /** While a build is writing (`pending`): the hash of the contents being replaced. */
  readonly previous?: string
}

/** The manifest: output path (relative to the root) → entry. */
export interface Manifest {
  /** Set while a build is writing; a build killed part-way leaves it, and both hashes count. */
  readonly pending?: true
  readonly files: Readonly<Record<string, ManifestEntry>>
}

const EMPTY: Manifest = { files: {} }

/** SHA-256 of a text's UTF-8 bytes, hex. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The manifest as written: fixed key order, sorted paths, two-space JSON, final newline. */
export function renderManifest(manifest: Manifest): string {
  const files: Record<string, unknown> = {}
  for (const path of Object.keys(manifest.files).sort(compare)) {
    const e = manifest.files[path]!
    files[path] = {
      target: e.target,
      ...(e.merged ? { merged: true } : { sha256: e.sha256 }),
      sources: [...e.sources].sort(compare),
      ...(e.keys !== undefined
        ? { keys: Object.fromEntries(Object.entries(e.keys).sort(([a], [b]) => compare(a, b))) }
        : {}),
      ...(e.previous !== undefined ? { previous: e.previous } : {}),
    }
  }
  return `${JSON.stringify({ agentc: 1, ...(manifest.pending ? { pending: true } : {}), files }, null, 2)}\n`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Reads the manifest of an output root (empty when there is none); a malformed one is AGC305. */
export async function readManifest(
  deps: Deps,
  root: string,
): Promise<{ manifest: Manifest; text?: string; diagnostic?: Diagnostic }> {
  const path = join(root, MANIFEST_PATH)
  const shown = displayPath(deps, path)
  const state = await readJsonState(deps, path)
  if (state.kind === 'absent') return { manifest: EMPTY }
  const bad = (why: string, offset = 0, text = ''): { manifest: Manifest; diagnostic: Diagnostic } => ({
    manifest: EMPTY,
    diagnostic: createDiagnostic(
      'AGC305',
      `${shown} cannot be read: ${why}; agentc cannot tell which files it wrote, so it writes nothing.`,
      {
        file: shown,
        ...positionOf(text, offset),
        note: `Restore it from version control, or delete it and build once with --force (every output is then replaced).`,
      },
    ),
  })
  if (state.kind === 'bad') return bad(state.why, state.offset, state.text)
  const { data, text } = state
  const manifest = toManifest(data)
  if (!manifest) return bad('it is not an agentc manifest', 0, text)
  return { manifest, text }
}

function toManifest(data: unknown): Manifest | undefined {
  if (!isRecord(data) || data.agentc !== 1 || !isRecord(data.files)) return undefined
  const files: Record<string, ManifestEntry> = {}
  for (const [path, value] of Object.entries(data.files)) {
    // A path that leaves the root (a tampered manifest) must never be deleted or trusted.
    if (!isSafeRelativePath(path) || path.startsWith(`${STATE_DIR}/`)) return undefined
    if (!isRecord(value) || typeof value.target !== 'string') return undefined
    if (!Array.isArray(value.sources) || !value.sources.every((s) => typeof s === 'string')) return undefined
    const sha = value.sha256
    if (value.merged !== true && (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha))) return undefined
    const previous = value.previous
    if (previous !== undefined && typeof previous !== 'string') return undefined
    const keys = value.keys
    if (keys !== undefined && (!isRecord(keys) || !Object.values(keys).every((k) => typeof k === 'string')))
      return undefined
    files[path] = {
      target: value.target,
      ...(value.merged === true ? { merged: true as const } : { sha256: sha as string }),
      sources: value.sources as string[],
      ...(keys !== undefined ? { keys: keys as Record<string, string> } : {}),
      ...(previous !== undefined ? { previous } : {}),
    }
  }
  return { ...(data.pending === true ? { pending: true as const } : {}), files }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A held lock on an output root. */
export interface Lock {
  release(): Promise<void>
}

/**
 * Takes the output root's lock (`.agentc/lock`, created exclusively). A lock left by a process
 * that no longer runs (a killed build) is taken over; a live one is AGC309.
 */
export async function acquireLock(deps: Deps, root: string): Promise<Lock | Diagnostic> {
  const path = join(root, LOCK_PATH)
  const shown = displayPath(deps, path)
  const pid = deps.pid ?? process.pid
  const isAlive = deps.isAlive ?? processIsAlive
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await deps.fs.createExclusive(path, `${JSON.stringify({ pid })}\n`)
      return { release: () => deps.fs.remove(path) }
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') {
        return createDiagnostic('AGC306', `The lock file ${shown} cannot be created (${errorCode(error)}).`, {
          file: shown,
        })
      }
    }
    let holder: number | undefined
    try {
      const data: unknown = JSON.parse(new TextDecoder().decode(await deps.fs.readBytes(path)))
      if (isRecord(data) && Number.isInteger(data.pid)) holder = data.pid as number
    } catch {
      // unreadable or half-written: treated as held
    }
    const stale = holder !== undefined && holder !== pid && !isAlive(holder)
    if (attempt === 0 && stale) {
      await deps.fs.remove(path)
      continue
    }
    return createDiagnostic(
      'AGC309',
      `Another agentc build${holder !== undefined ? ` (process ${holder})` : ''} is writing to ${displayPath(deps, root)}; wait for it to finish (if none is running, delete ${shown}).`,
      { file: shown },
    )
  }
  return createDiagnostic('AGC309', `The lock ${shown} keeps reappearing; another build is writing.`, {
    file: shown,
  })
}

/** An output of this run, before it is resolved against the disk. */
export type RunOutput = OutputFile & { readonly origin: string; readonly target: string }

/** What a run does to one file. */
export type FileStatus = 'new' | 'changed' | 'unchanged' | 'deleted'

/** One file of the plan. */
export interface PlannedFile {
  /** Path relative to the output root, `/`-separated. */
  readonly path: string
  /** The path as the user sees it (relative to the working directory). */
  readonly display: string
  readonly target: string
  readonly status: FileStatus
  /** New contents (empty for deletions). */
  readonly contents: string
  /** SHA-256 of `contents`, when the plan computed it (every file a run produces). */
  readonly sha256?: string
  /**
   * The text on disk the plan compared with, for a file the run changes or deletes (absent when
   * there is none, or when the path is a symbolic link, which agentc does not read through); for
   * showing what a run would change. An unchanged file's text is its `contents`.
   */
  readonly before?: string
}

/** Which earlier outputs this run answers for: those of its targets made from its inputs. */
export interface Scope {
  readonly targets: ReadonlySet<string>
  /** Absolute paths of the input files and folders. */
  readonly inputs: readonly string[]
}

/** How the run treats the disk. */
export type WriteMode = 'write' | 'check' | 'dry-run'

/** Options of {@link syncOutputs}. */
export interface SyncOptions {
  readonly root: string
  readonly outputs: readonly RunOutput[]
  readonly scope: Scope
  readonly mode: WriteMode
  /** Overwrite and delete files agentc did not write or that were edited since. */
  readonly force: boolean
  /**
   * Who this run writes for: `pack:<name>` for `agentc add`/`remove` (whose outputs' origins are
   * `pack:<name>:<source>`), absent for the project's own build. A file or a part of a shared
   * file another owner wrote is a conflict (AGC315), whatever `force` says.
   */
  readonly owner?: string
  /** The `unmerge` of a target, to take parts of agents that are gone out of shared files. */
  readonly unmerge?: (
    target: string,
  ) => ((path: string, existing: string, key: string) => MergeResult) | undefined
  /**
   * Runs after a write without errors, while the lock is still held: the build records what it
   * left (io/build-cache), so that no other build can change the root in between.
   */
  readonly afterWrite?: (files: readonly PlannedFile[], diagnostics: readonly Diagnostic[]) => Promise<void>
}

/**
 * Brings an output root in line with a run's outputs, safely:
 * - containment: no path leaves the root, and no folder on the way is a symbolic link that
 *   leads outside it (AGC307); an output that is itself a link is not written through;
 * - ownership: a file is replaced or deleted only when the manifest says agentc wrote it and its
 *   hash shows nobody changed it since; otherwise AGC308 lists it (unless `force`);
 * - stale outputs (in scope, no longer produced) are deleted under the same rule;
 * - atomicity: the lock is held while writing; the manifest is first written `pending` with
 *   both hashes, every file is written to a temporary file and renamed, then the final manifest
 *   replaces the pending one — a build killed at any point leaves every file old or new and a
 *   manifest that knows both;
 * - idempotence: unchanged files and an unchanged manifest are not touched.
 * Nothing is written when any error is found, or in `check` and `dry-run` modes.
 */
export async function syncOutputs(
  deps: Deps,
  options: SyncOptions,
): Promise<{ files: PlannedFile[]; diagnostics: Diagnostic[] }> {
  const { root, mode } = options
  const diagnostics: Diagnostic[] = []
  let lock: Lock | undefined
  const rootExisted = (await deps.fs.lstat(root)) !== undefined
  const state = await deps.fs.lstat(join(root, STATE_DIR))
  if (state && (state.isSymbolicLink || !state.isDirectory)) {
    const shown = displayPath(deps, join(root, STATE_DIR))
    return {
      files: [],
      diagnostics: [
        createDiagnostic('AGC307', `${shown} must be a real folder (agentc keeps its manifest there).`, {
          file: shown,
        }),
      ],
    }
  }
  if (mode === 'write') {
    const taken = await acquireLock(deps, root)
    if (!('release' in taken)) return { files: [], diagnostics: [taken] }
    lock = taken
  }
  try {
    const result = await plan(deps, options, diagnostics)
    if (!result || hasErrors(diagnostics)) return { files: [], diagnostics }
    if (mode === 'write') {
      await apply(deps, root, result, diagnostics)
      if (!hasErrors(diagnostics)) await options.afterWrite?.(result.files, diagnostics)
    }
    return { files: result.files, diagnostics }
  } finally {
    if (lock) {
      await lock.release().catch(() => {})
      // Leave no trace of a build that wrote nothing.
      await deps.fs.removeEmptyDir(join(root, STATE_DIR))
      if (!rootExisted) await deps.fs.removeEmptyDir(root)
    }
  }
}

interface Plan {
  readonly files: PlannedFile[]
  readonly current: Manifest
  readonly currentText: string | undefined
  readonly next: Manifest
  readonly pending: Manifest
}

async function plan(deps: Deps, options: SyncOptions, diagnostics: Diagnostic[]): Promise<Plan | undefined> {
  const { root, outputs, force } = options
  const shown = (path: string) => displayPath(deps, join(root, path))
  const read = await readManifest(deps, root)
  if (read.diagnostic) {
    diagnostics.push(read.diagnostic)
    return undefined
  }
  const current = read.manifest
  const guard = new Containment(deps, root)
  const paths = [...new Set(outputs.map((o) => o.path))].sort(compare)
  const produces = new Set(paths)
  const stale = Object.keys(current.files)
    .filter(
      (p) => !produces.has(p) && !current.files[p]!.merged && inScope(root, current.files[p]!, options.scope),
    )
    .sort(compare)
  // Shared files this run merged into before: parts of agents that are gone come out.
  const produced = new Map<string, Map<string, string>>()
  for (const o of outputs) {
    if (o.key === undefined) continue
    const keys = produced.get(o.path) ?? new Map<string, string>()
    keys.set(o.key, sourcePath(deps, root, o.origin))
    produced.set(o.path, keys)
  }
  const staleKeys = new Map<string, string[]>()
  for (const [path, entry] of Object.entries(current.files)) {
    if (!entry.merged || !entry.keys) continue
    const gone = Object.entries(entry.keys)
      .filter(
        ([key, source]) =>
          !produced.get(path)?.has(key) && inScope(root, { ...entry, sources: [source] }, options.scope),
      )
      .map(([key]) => key)
      .sort(compare)
    if (gone.length > 0) staleKeys.set(path, gone)
  }
  const shared = [...staleKeys.keys()].filter((p) => !produces.has(p))
  const existing = new Map<string, string | undefined>()
  const original = new Map<string, string | undefined>()
  const links = new Set<string>()
  // A file this run writes whole (one output, no merge) and finds on disk as it would write it is
  // held once, as the output's text: a large rebuild would otherwise hold every file twice.
  const whole = new Map<string, string | undefined>()
  for (const o of outputs) whole.set(o.path, whole.has(o.path) || o.merge ? undefined : o.contents)
  const checked = await mapConcurrently([...paths, ...stale, ...shared], async (path) => {
    const problem = path.startsWith(`${STATE_DIR}/`)
      ? `${STATE_DIR}/ is reserved for agentc's own bookkeeping`
      : await guard.check(path)
    // Only a regular file is read (what check saw: nothing there means nothing to read).
    const text =
      problem === undefined && guard.isFile(path) ? await readFile(deps, join(root, path)) : undefined
    const same = whole.get(path)
    return { path, problem, text: same !== undefined && text === same ? same : text }
  })
  for (const { path, problem, text } of checked) {
    if (problem === 'link') links.add(path)
    else if (problem) {
      diagnostics.push(
        createDiagnostic('AGC307', `${shown(path)} is not written: ${problem}.`, { file: shown(path) }),
      )
      continue
    }
    original.set(path, text)
    existing.set(path, text)
  }
  for (const [path, keys] of staleKeys) {
    const target = current.files[path]!.target
    const unmerge = options.unmerge?.(target)
    let text = existing.get(path)
    if (!unmerge || text === undefined) continue
    for (const key of keys) {
      let result: MergeResult
      try {
        result = unmerge(path, text, key)
      } catch (error) {
        result = { ok: false, message: `agentc failed (${errorCode(error)})`, line: 1, column: 1 }
      }
      if (!result.ok) {
        diagnostics.push(
          createDiagnostic('AGC305', `${shown(path)} cannot be updated: ${result.message}.`, {
            file: shown(path),
            line: result.line,
            column: result.column,
          }),
        )
        break
      }
      text = result.contents
    }
    existing.set(path, text)
  }
  if (hasErrors(diagnostics)) return undefined
  const resolved = resolveOutputs(outputs, (path) => existing.get(path))
  diagnostics.push(
    ...resolved.diagnostics.map((d) =>
      (d.code === 'AGC305' || d.code === 'AGC901') && d.file !== undefined
        ? { ...d, file: shown(d.file) }
        : d,
    ),
  )
  if (!resolved.value || hasErrors(diagnostics)) return undefined

  const byPath = new Map<string, RunOutput[]>()
  for (const o of outputs) {
    const list = byPath.get(o.path)
    if (list) list.push(o)
    else byPath.set(o.path, [o])
  }
  // Files and parts of shared files another owner (the project, another pack) wrote.
  let conflicted = false
  for (const [path, list] of byPath) {
    const entry = current.files[path]
    if (!entry) continue
    if (!entry.merged) {
      const owners = new Set(entry.sources.map(ownerOf))
      if (entry.sources.length > 0 && !owners.has(options.owner)) {
        conflicted = true
        diagnostics.push(conflict(shown(path), [...owners][0], options.owner, undefined))
      }
      continue
    }
    for (const o of list) {
      const other = o.key !== undefined ? entry.keys?.[o.key] : undefined
      if (other !== undefined && ownerOf(other) !== options.owner) {
        conflicted = true
        diagnostics.push(conflict(shown(path), ownerOf(other), options.owner, o.key))
      }
    }
  }
  if (conflicted) return undefined
  const files: PlannedFile[] = []
  const nextFiles: Record<string, ManifestEntry> = {}
  const pendingFiles: Record<string, ManifestEntry> = { ...current.files }
  const refused: { path: string; why: string }[] = []
  for (const { path, contents } of resolved.value) {
    const list = byPath.get(path) ?? []
    const merged = list.some((o) => o.merge !== undefined)
    const target = list[0]?.target ?? ''
    const before = original.get(path)
    const entry = current.files[path]
    const status: FileStatus =
      before === undefined && !links.has(path) ? 'new' : before === contents ? 'unchanged' : 'changed'
    if (status === 'changed' && !force) {
      const why = ownershipProblem(entry, before, merged, links.has(path))
      if (why) refused.push({ path: shown(path), why })
    }
    let sources = [...new Set(list.map((o) => sourcePath(deps, root, o.origin)))]
    const sha256 = hashText(contents)
    let next: ManifestEntry = { target, sha256, sources: sources.sort(compare) }
    if (merged) {
      // Parts merged by other runs (other inputs) stay recorded; this run's parts are what it produced.
      const gone = new Set(staleKeys.get(path) ?? [])
      const keys: Record<string, string> = {}
      for (const [key, source] of Object.entries(entry?.merged ? (entry.keys ?? {}) : {}))
        if (!gone.has(key)) keys[key] = source
      for (const [key, source] of produced.get(path) ?? []) keys[key] = source
      sources = [...new Set([...sources, ...Object.values(keys)])].sort(compare)
      next = { target, merged: true, sources, ...(Object.keys(keys).length > 0 ? { keys } : {}) }
    }
    nextFiles[path] = next
    pendingFiles[path] =
      status === 'changed' && before !== undefined && !merged ? { ...next, previous: hashText(before) } : next
    files.push({
      path,
      display: shown(path),
      target,
      status,
      contents,
      sha256,
      // An unchanged file's text is its contents: not kept twice (a large rebuild holds every file).
      ...(before !== undefined && status !== 'unchanged' ? { before } : {}),
    })
  }
  for (const path of stale) {
    const entry = current.files[path]!
    const before = existing.get(path)
    if (before === undefined && !links.has(path)) continue
    if (entry.merged) continue
    if (!force) {
      const why = ownershipProblem(entry, before, false, links.has(path))
      if (why) {
        refused.push({ path: shown(path), why: `${why}; no source produces it any more` })
        continue
      }
    }
    files.push({
      path,
      display: shown(path),
      target: entry.target,
      status: 'deleted',
      contents: '',
      ...(before !== undefined ? { before } : {}),
    })
  }
  for (const path of shared) {
    const entry = current.files[path]!
    const before = original.get(path)
    const after = existing.get(path)
    const gone = new Set(staleKeys.get(path))
    const keys = Object.fromEntries(Object.entries(entry.keys ?? {}).filter(([key]) => !gone.has(key)))
    if (Object.keys(keys).length > 0) {
      nextFiles[path] = { ...entry, sources: [...new Set(Object.values(keys))].sort(compare), keys }
    }
    if (before === undefined || after === undefined || after === before || links.has(path)) continue
    // A shared file left with nothing but whitespace held only agentc's parts: it goes.
    const status: FileStatus = after.trim() === '' && Object.keys(keys).length === 0 ? 'deleted' : 'changed'
    files.push({
      path,
      display: shown(path),
      target: entry.target,
      status,
      contents: status === 'deleted' ? '' : after,
      before,
    })
  }
  const staleOrShared = new Set([...stale, ...shared])
  for (const [path, entry] of Object.entries(current.files)) {
    if (!(path in nextFiles) && !staleOrShared.has(path)) nextFiles[path] = entry
  }
  if (refused.length > 0) {
    // One error per file, each naming it (file:line:col tools can jump to it).
    for (const { path, why } of refused) {
      diagnostics.push(
        createDiagnostic(
          'AGC308',
          `agentc would replace or delete a file it does not own: ${path} (${why}).`,
          {
            file: path,
            note: 'Move your changes into the agent sources, or pass --force to let agentc replace (or delete) it.',
          },
        ),
      )
    }
    return undefined
  }
  files.sort((a, b) => compare(a.path, b.path))
  return {
    files,
    current,
    currentText: read.text,
    next: { files: nextFiles },
    pending: { pending: true, files: pendingFiles },
  }
}

/** AGC315: a file (or a part of a shared file) this run would write belongs to another owner. */
function conflict(
  path: string,
  holder: string | undefined,
  owner: string | undefined,
  key: string | undefined,
): Diagnostic {
  return createDiagnostic(
    'AGC315',
    `${key !== undefined ? `\`${key}\` in ${path}` : path} belongs to ${describeOwner(holder)}; ${describeOwner(owner)} would replace it.`,
    {
      file: path,
      note:
        owner === undefined
          ? 'Rename the agent, or remove the pack (agentc remove), or install it with --prefix.'
          : 'Install the pack with --prefix <text> to rename its agents, or rename or remove the other agent.',
    },
  )
}

/** Why agentc may not replace or delete a file, or undefined when it may. */
function ownershipProblem(
  entry: ManifestEntry | undefined,
  before: string | undefined,
  merged: boolean,
  link: boolean,
): string | undefined {
  if (link) return 'a symbolic link, which agentc does not write through'
  if (merged) return undefined
  if (!entry || entry.merged) return 'not written by agentc'
  if (before === undefined) return undefined
  const hash = hashText(before)
  if (hash === entry.sha256 || (entry.previous !== undefined && hash === entry.previous)) return undefined
  return 'edited since agentc wrote it'
}

/** Whether an earlier output belongs to this run: one of its targets, made from one of its inputs. */
function inScope(root: string, entry: ManifestEntry, scope: Scope): boolean {
  if (!scope.targets.has(entry.target)) return false
  const inputs = inputSet(scope)
  return entry.sources.some((source) => {
    // A pack's files belong to that pack's runs only (scope input `pack:<name>`).
    if (source.startsWith(PACK_SOURCE)) return inputs.has(ownerOf(source) ?? '')
    // The source itself, or a folder above it, is an input.
    for (let path = resolve(root, source); ; ) {
      if (inputs.has(path)) return true
      const parent = dirname(path)
      if (parent === path) return false
      path = parent
    }
  })
}

const inputSets = new WeakMap<Scope, ReadonlySet<string>>()

/** A scope's inputs as a set (made once per scope: a build asks for each earlier output). */
function inputSet(scope: Scope): ReadonlySet<string> {
  let set = inputSets.get(scope)
  if (!set) {
    set = new Set(scope.inputs)
    inputSets.set(scope, set)
  }
  return set
}

/** A source's path relative to the output root, `/`-separated; a pack's source as it is. */
function sourcePath(deps: Deps, root: string, origin: string): string {
  if (origin.startsWith(PACK_SOURCE)) return origin
  return relative(root, resolve(deps.cwd, origin)).split(sep).join('/') || '.'
}

/** How a manifest records the sources of a pack's files: `pack:<name>:<path in the release>`. */
export const PACK_SOURCE = 'pack:'

/** The source of a pack's agent as the manifest records it. */
export function packSource(pack: string, path: string): string {
  return `${PACK_SOURCE}${pack}:${path}`
}

/** Who wrote a source: `pack:<name>` for a pack's, undefined for the project's own. */
export function ownerOf(source: string): string | undefined {
  if (!source.startsWith(PACK_SOURCE)) return undefined
  const end = source.indexOf(':', PACK_SOURCE.length)
  return end < 0 ? source : source.slice(0, end)
}

/** How a conflict names an owner. */
function describeOwner(owner: string | undefined): string {
  return owner === undefined
    ? "the project's own agents (agentc build)"
    : `the pack ${owner.slice(PACK_SOURCE.length)}`
}

/** Maps over items with at most `limit` calls in flight; results in input order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  limit = 32,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** The text of a file known to be a regular file, or undefined when it cannot be read. */
async function readFile(deps: Deps, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await deps.fs.readBytes(path))
  } catch {
    return undefined
  }
}

/**
 * Checks that writing a path below the root stays below it: every folder on the way is a real
 * folder or a link that resolves inside the root; the path itself is not a folder. Folders are
 * checked once per run.
 */
class Containment {
  private realRoot: Promise<string | undefined> | undefined
  private readonly folders = new Map<string, Promise<string | undefined>>()
  private readonly files = new Set<string>()

  constructor(
    private readonly deps: Deps,
    private readonly root: string,
  ) {}

  /** A problem, `'link'` when the path itself is a symbolic link, or undefined. */
  async check(path: string): Promise<string | undefined> {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) {
      const problem = await this.folder(parts.slice(0, i).join('/'))
      if (problem) return problem
    }
    const info = await this.deps.fs.lstat(join(this.root, path))
    if (info?.isFile && !info.isSymbolicLink) this.files.add(path)
    if (info?.isSymbolicLink) return 'link'
    if (info?.isDirectory) return 'a folder is in the way'
    return undefined
  }

  /** Whether {@link check} found a regular file (not a link) at the path. */
  isFile(path: string): boolean {
    return this.files.has(path)
  }

  private folder(rel: string): Promise<string | undefined> {
    let found = this.folders.get(rel)
    if (!found) {
      found = this.checkFolder(rel)
      this.folders.set(rel, found)
    }
    return found
  }

  private async checkFolder(rel: string): Promise<string | undefined> {
    const full = join(this.root, rel)
    const info = await this.deps.fs.lstat(full)
    if (!info) return undefined
    if (info.isSymbolicLink) {
      this.realRoot ??= this.deps.fs.realpath(this.root).catch(() => undefined)
      const root = await this.realRoot
      const target = await this.deps.fs.realpath(full).catch(() => undefined)
      if (!root || !target || (target !== root && !target.startsWith(root + sep))) {
        return `the folder ${displayPath(this.deps, full)} is a symbolic link that leads outside the output folder${target ? ` (to ${target})` : ''}`
      }
      return (await this.deps.fs.stat(full))?.isDirectory
        ? undefined
        : `${displayPath(this.deps, full)} is not a folder`
    }
    return info.isDirectory ? undefined : `${displayPath(this.deps, full)} is a file, not a folder`
  }
}

async function apply(deps: Deps, root: string, plan: Plan, diagnostics: Diagnostic[]): Promise<void> {
  const changes = plan.files.filter((f) => f.status !== 'unchanged')
  const nextText = renderManifest(plan.next)
  const manifestPath = join(root, MANIFEST_PATH)
  const temp = join(root, TEMP_DIR)
  const emptyNext = Object.keys(plan.next.files).length === 0
  if (
    changes.length === 0 &&
    (nextText === plan.currentText || (emptyNext && plan.currentText === undefined))
  )
    return
  const fail = (path: string, error: unknown) =>
    diagnostics.push(
      createDiagnostic('AGC306', `${displayPath(deps, path)} cannot be written (${errorCode(error)}).`, {
        file: displayPath(deps, path),
      }),
    )
  try {
    await deps.fs.removeTree(temp)
    if (changes.length > 0) await deps.fs.writeFileAtomic(manifestPath, renderManifest(plan.pending), temp)
  } catch (error) {
    fail(manifestPath, error)
    return
  }
  const writes = changes.filter((f) => f.status !== 'deleted')
  let failure: { path: string; error: unknown } | undefined
  await mapConcurrently(writes, async (f) => {
    if (failure) return
    try {
      await deps.fs.writeFileAtomic(join(root, f.path), f.contents, temp)
    } catch (error) {
      failure ??= { path: join(root, f.path), error }
    }
  })
  if (failure) {
    fail(failure.path, failure.error)
    return
  }
  for (const f of changes.filter((c) => c.status === 'deleted')) {
    try {
      await deps.fs.remove(join(root, f.path))
    } catch (error) {
      fail(join(root, f.path), error)
      return
    }
    for (let dir = dirname(f.path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
      if (!(await deps.fs.removeEmptyDir(join(root, dir)))) break
    }
  }
  try {
    // An output root agentc no longer writes anything to keeps no manifest either.
    if (emptyNext) await deps.fs.remove(manifestPath)
    else await deps.fs.writeFileAtomic(manifestPath, nextText, temp)
    await deps.fs.removeTree(temp)
  } catch (error) {
    fail(manifestPath, error)
  }
}
