import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { type Diagnostic, isSafeRelativePath } from '@agentc/core'
import { BUILD_ID } from '../version'
import type { Deps } from './deps'
import { hashText, LOCK_PATH, MANIFEST_PATH, type PlannedFile, STATE_DIR, TEMP_DIR } from './output-root'
import { readJsonState } from './read-json'

/**
 * The build record: what the last `agentc build` that wrote an output root compiled and left
 * there, so that a build of the same inputs with the same settings over an untouched root can
 * answer without compiling anything — the common case in save hooks, pre-commit hooks and CI.
 *
 * It lives in `.agentc/cache/` beside the manifest, with a `.gitignore` of its own (`*`), so it
 * is never committed: it is local state, not output. It holds hashes, never file contents:
 * - the key: a hash of everything besides the inputs that decides a build's result (agentc's
 *   build id, working folder, output root, paths, targets, source format, target options,
 *   reference mode, limits and the configuration's text; not `--strict`, which only
 *   decides the exit code from the diagnostics);
 * - every input file in order, with the hash of its text;
 * - the hash of the manifest the build left, and of every output file it planned (written or
 *   found unchanged);
 * - the diagnostics the compile and the sync reported (replayed as they were).
 *
 * A build uses the record only when all of that still holds: each input is read and hashed,
 * the manifest and each output are read and hashed (a regular file, not a link). Any difference
 * — an edited input or output, a deleted file, a pack installed, a changed flag or a newer
 * agentc — and the build runs in full, which rewrites the record. So the record can make a build
 * faster but never different: a hit is exactly the no-op a full build would have found.
 */
export const CACHE_DIR = `${STATE_DIR}/cache`
export const CACHE_PATH = `${CACHE_DIR}/build.json`
const IGNORE_PATH = `${CACHE_DIR}/.gitignore`
const IGNORE_TEXT = '# agentc build cache: local state, never committed\n*\n'

/** The settings that decide a build's result, besides its inputs and the disk. */
export interface CacheKeyParts {
  readonly cwd: string
  readonly root: string
  readonly paths: readonly string[]
  readonly targets: readonly string[]
  readonly from: string
  readonly targetOptions: unknown
  readonly references: string
  readonly limits: unknown
  /** The configuration file and its text, when the build has one. */
  readonly config?: { readonly path: string; readonly text: string }
}

/** The hash of a build's settings (the record's key). */
export function cacheKey(parts: CacheKeyParts): string {
  return hashText(
    JSON.stringify([
      BUILD_ID,
      parts.cwd,
      parts.root,
      parts.paths,
      parts.targets,
      parts.from,
      parts.targetOptions,
      parts.references,
      parts.limits,
      parts.config ? [parts.config.path, hashText(parts.config.text)] : null,
    ]),
  )
}

/** An input as the record compares it. */
export interface CachedInput {
  readonly path: string
  readonly text: string
}

/** One output the record lists: path (relative to the root), target, content hash. */
type RecordedFile = readonly [path: string, target: string, sha256: string]

interface BuildRecord {
  readonly agentcBuildCache: 2
  readonly key: string
  readonly inputs: readonly (readonly [path: string, sha256: string])[]
  /** SHA-256 of the manifest text, or null when the build left none. */
  readonly manifest: string | null
  readonly files: readonly RecordedFile[]
  /**
   * The diagnostics, each a row of {@link DIAGNOSTIC_FIELDS} whose text fields are indexes into
   * `strings` (null: absent): the same message recurs for many agents and the same file in
   * many diagnostics, so a record is about a fifth of the plain list's size.
   */
  readonly strings: readonly string[]
  readonly diagnostics: readonly (readonly (number | null)[])[]
}

/** The fields of a diagnostic in a record's row, in order; the numbers are stored as they are. */
const DIAGNOSTIC_FIELDS = [
  'code',
  'severity',
  'message',
  'file',
  'line',
  'column',
  'target',
  'field',
  'note',
] as const
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['line', 'column'])

function packDiagnostics(diagnostics: readonly Diagnostic[]): Pick<BuildRecord, 'strings' | 'diagnostics'> {
  const strings: string[] = []
  const index = new Map<string, number>()
  const rows = diagnostics.map((d) =>
    DIAGNOSTIC_FIELDS.map((field) => {
      const value = d[field]
      if (value === undefined) return null
      if (typeof value === 'number') return value
      let at = index.get(value)
      if (at === undefined) {
        at = strings.push(value) - 1
        index.set(value, at)
      }
      return at
    }),
  )
  return { strings, diagnostics: rows }
}

/** The diagnostics of a record, or undefined when a row is malformed. */
function unpackDiagnostics(record: BuildRecord): Diagnostic[] | undefined {
  const out: Diagnostic[] = []
  for (const row of record.diagnostics) {
    if (!Array.isArray(row) || row.length !== DIAGNOSTIC_FIELDS.length) return undefined
    const d: Record<string, unknown> = {}
    for (let i = 0; i < DIAGNOSTIC_FIELDS.length; i++) {
      const field = DIAGNOSTIC_FIELDS[i]!
      const value = row[i]
      if (value === null) continue
      if (typeof value !== 'number' || !Number.isInteger(value)) return undefined
      if (NUMERIC_FIELDS.has(field)) d[field] = value
      else if (typeof record.strings[value] === 'string') d[field] = record.strings[value]
      else return undefined
    }
    if (!isDiagnostic(d)) return undefined
    out.push(d)
  }
  return out
}

/** What a hit gives back: the outputs (all unchanged) and the diagnostics to replay. */
export interface CacheHit {
  readonly files: readonly Pick<PlannedFile, 'path' | 'target' | 'status'>[]
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Looks the build up in the output root's record: a hit when the key, every input and every
 * file the record lists are as they were; undefined otherwise (a missing, unreadable or
 * malformed record is a miss, never an error).
 */
export async function lookUpBuild(
  deps: Deps,
  root: string,
  key: string,
  inputs: readonly CachedInput[],
): Promise<CacheHit | undefined> {
  const state = await readJsonState(deps, join(root, CACHE_PATH))
  if (state.kind !== 'ok') return undefined
  const record = asRecord(state.data)
  if (!record || record.key !== key || record.inputs.length !== inputs.length) return undefined
  for (let i = 0; i < inputs.length; i++) {
    const [path, sha] = record.inputs[i]!
    if (path !== inputs[i]!.path || sha !== hashText(inputs[i]!.text)) return undefined
  }
  // A build in progress (its lock) or a bookkeeping folder that is not a real one: the full build decides.
  const stateDir = await deps.fs.lstat(join(root, STATE_DIR))
  if (!stateDir?.isDirectory || stateDir.isSymbolicLink) return undefined
  if (await deps.fs.lstat(join(root, LOCK_PATH))) return undefined
  if ((await fileHash(deps, join(root, MANIFEST_PATH))) !== (record.manifest ?? undefined)) return undefined
  for (const [path, , sha] of record.files) {
    if ((await fileHash(deps, join(root, path))) !== sha) return undefined
  }
  const diagnostics = unpackDiagnostics(record)
  if (!diagnostics) return undefined
  return {
    files: record.files.map(([path, target]) => ({ path, target, status: 'unchanged' as const })),
    diagnostics,
  }
}

/**
 * Records a build that wrote the output root (its plan is now on disk): rewritten only when it
 * differs, so a no-change build touches nothing. A root left without outputs keeps no record.
 * Failing to write the record is not an error: the next build simply runs in full.
 */
export async function recordBuild(
  deps: Deps,
  root: string,
  key: string,
  inputs: readonly CachedInput[],
  files: readonly PlannedFile[],
  diagnostics: readonly Diagnostic[],
): Promise<void> {
  const kept = files.filter((f) => f.status !== 'deleted')
  const path = join(root, CACHE_PATH)
  try {
    const manifest = await fileHash(deps, join(root, MANIFEST_PATH))
    if (kept.length === 0 || manifest === undefined) {
      await forgetBuild(deps, root)
      return
    }
    const record: BuildRecord = {
      agentcBuildCache: 2,
      key,
      inputs: inputs.map((i) => [i.path, hashText(i.text)] as const),
      manifest,
      files: kept.map((f) => [f.path, f.target, hashText(f.contents)] as const),
      ...packDiagnostics(diagnostics),
    }
    const text = `${JSON.stringify(record)}\n`
    const old = await readText(deps, path)
    if (old === text) return
    if ((await readText(deps, join(root, IGNORE_PATH))) !== IGNORE_TEXT)
      await deps.fs.writeFileAtomic(join(root, IGNORE_PATH), IGNORE_TEXT, join(root, TEMP_DIR))
    await deps.fs.writeFileAtomic(path, text, join(root, TEMP_DIR))
    await deps.fs.removeEmptyDir(join(root, TEMP_DIR))
  } catch {
    // A record that cannot be written costs the next build its shortcut, nothing else.
    await deps.fs.remove(path).catch(() => {})
  }
}

/** Deletes an output root's record (and the folders it leaves empty). */
export async function forgetBuild(deps: Deps, root: string): Promise<void> {
  await deps.fs.remove(join(root, CACHE_PATH))
  await deps.fs.remove(join(root, IGNORE_PATH))
  if (await deps.fs.removeEmptyDir(join(root, CACHE_DIR))) await deps.fs.removeEmptyDir(join(root, STATE_DIR))
}

/**
 * SHA-256 of a regular file's bytes; undefined when absent, a link, or unreadable. The bytes of
 * a file agentc wrote are its text's UTF-8, so this equals {@link hashText} of what was written.
 */
async function fileHash(deps: Deps, path: string): Promise<string | undefined> {
  const info = await deps.fs.lstat(path)
  if (!info?.isFile || info.isSymbolicLink) return undefined
  try {
    return createHash('sha256')
      .update(await deps.fs.readBytes(path))
      .digest('hex')
  } catch {
    return undefined
  }
}

async function readText(deps: Deps, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await deps.fs.readBytes(path))
  } catch {
    return undefined
  }
}

const SHA = /^[0-9a-f]{64}$/

/** The record, when the data is one (checked field by field: the file is not trusted). */
function asRecord(data: unknown): BuildRecord | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const r = data as Record<string, unknown>
  if (r.agentcBuildCache !== 2 || typeof r.key !== 'string') return undefined
  if (r.manifest !== null && !(typeof r.manifest === 'string' && SHA.test(r.manifest))) return undefined
  const pairs = (value: unknown, size: number) =>
    Array.isArray(value) &&
    value.every((v) => Array.isArray(v) && v.length === size && v.every((s) => typeof s === 'string'))
  if (!pairs(r.inputs, 2) || !pairs(r.files, 3)) return undefined
  // A tampered record must not make a build read outside the root.
  if (!(r.files as string[][]).every(([path]) => isSafeRelativePath(path!))) return undefined
  if (!Array.isArray(r.strings) || !r.strings.every((t) => typeof t === 'string')) return undefined
  if (!Array.isArray(r.diagnostics)) return undefined
  return data as BuildRecord
}

function isDiagnostic(d: Record<string, unknown>): d is Record<string, unknown> & Diagnostic {
  return (
    typeof d.code === 'string' &&
    /^AGC\d{3}$/.test(d.code) &&
    (d.severity === 'error' || d.severity === 'warning' || d.severity === 'info') &&
    typeof d.message === 'string'
  )
}
