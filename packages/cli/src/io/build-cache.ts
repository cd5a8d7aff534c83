import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { type Diagnostic, isSafeRelativePath } from '@agentc/core'
import { BUILD_ID } from '../version'
import type { Deps } from './deps'
import {
  hashText,
  LOCK_PATH,
  MANIFEST_PATH,
  type PlannedFile,
  type RunOutput,
  STATE_DIR,
  TEMP_DIR,
} from './output-root'
import { readJsonState } from './read-json'

/**
 * The build record: what the last `agentc build` that wrote an output root compiled and left
 * there, so that the next build compiles only what changed — the common case in save hooks,
 * pre-commit hooks and CI.
 *
 * It lives in `.agentc/cache/` beside the manifest, with a `.gitignore` of its own (`*`), so it
 * is never committed: it is local state, not output. It holds hashes and diagnostics, never file
 * contents:
 * - the key: a hash of everything besides the inputs that decides a build's result (agentc's
 *   build id, working folder, output root, paths, targets, source format, target options,
 *   reference mode, limits and the configuration's text; not `--strict`, which only decides the
 *   exit code from the diagnostics);
 * - each input in order, with the hash of its text, its agents' names, its parse diagnostics and
 *   each document's result per target (a unit: its diagnostics and the paths of its outputs);
 * - the hash of the manifest the build left, and of every file of its plan (written or found
 *   unchanged); the diagnostics after the compile (the sync's).
 *
 * Two uses, both only under the same key:
 * - {@link lookUpBuild}: every input, the manifest and every file of the plan as recorded (each
 *   read and hashed, a regular file, not a link) — the build is the no-op a full build would
 *   find: it reports the recorded result and diagnostics without compiling or planning;
 * - {@link reuseInput}: otherwise, for each input whose text is as recorded, every unit whose
 *   outputs are on disk as recorded is read back instead of compiled; units whose outputs were
 *   edited or deleted, and units merged into shared files (whose parts the merge needs), are
 *   compiled again. The sync then plans as always.
 * A unit's outputs and diagnostics are a function of the input's text and the key, and the
 * outputs are read back only when their bytes hash as recorded, so the record makes a build
 * faster but never different. It is trusted like the manifest (agentc's own state): one that
 * does not parse, or names paths outside the root, is ignored.
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
  /** SHA-256 of `text`, when the caller hashed it already (see {@link withHashes}). */
  readonly sha256?: string
}

/** The inputs, each with the hash of its text: hashed once for the lookup, the reuse and the record. */
export function withHashes<T extends CachedInput>(inputs: readonly T[]): (T & { readonly sha256: string })[] {
  return inputs.map((input) => ({ ...input, sha256: input.sha256 ?? hashText(input.text) }))
}

function hashOf(input: CachedInput): string {
  return input.sha256 ?? hashText(input.text)
}

/** One document of an input compiled for one target: what the build made of it. */
export interface CompiledUnit {
  /** The document's index in its file (most formats hold one per file). */
  readonly doc: number
  readonly target: string
  readonly diagnostics: readonly Diagnostic[]
  readonly outputs: readonly RunOutput[]
}

/** One input compiled: the parse's diagnostics, then each document's units in build order. */
export interface CompiledInput extends CachedInput {
  readonly names: readonly string[]
  readonly parse: readonly Diagnostic[]
  readonly units: readonly CompiledUnit[]
}

/** A diagnostic as a record stores it: {@link DIAGNOSTIC_FIELDS}, text as indexes into `strings`. */
type Row = readonly (number | null)[]

/**
 * A unit as the record stores it; `shared`: 1 when an output is merged into a shared file (such
 * a unit is always compiled again, so its outputs are not listed).
 */
type RecordedUnit = readonly [
  doc: number,
  target: string,
  shared: 0 | 1,
  diagnostics: readonly Row[],
  /** The paths of its outputs (their hashes are those of `files`). */
  outputs: readonly string[],
]

type RecordedInput = readonly [
  path: string,
  sha256: string,
  names: readonly string[],
  parse: readonly Row[],
  units: readonly RecordedUnit[],
]

/** One output the record lists: path (relative to the root), target, content hash. */
type RecordedFile = readonly [path: string, target: string, sha256: string]

interface BuildRecord {
  readonly agentcBuildCache: 3
  readonly key: string
  readonly inputs: readonly RecordedInput[]
  /** SHA-256 of the manifest text, or null when the build left none. */
  readonly manifest: string | null
  /** Every file of the plan the build left (written or found unchanged). */
  readonly files: readonly RecordedFile[]
  /** The diagnostics after the compile: agents the configuration names that no source defines, the sync's. */
  readonly tail: readonly Row[]
  /**
   * The text of every diagnostic field: the same message recurs for many agents and the same
   * file in many diagnostics, so rows of indexes make a record about a fifth of the size.
   */
  readonly strings: readonly string[]
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

/** Packs diagnostics into rows over one string table. */
class StringTable {
  readonly strings: string[] = []
  private readonly index = new Map<string, number>()

  rows(diagnostics: readonly Diagnostic[]): Row[] {
    return diagnostics.map((d) =>
      DIAGNOSTIC_FIELDS.map((field) => {
        const value = d[field]
        if (value === undefined) return null
        if (typeof value === 'number') return value
        let at = this.index.get(value)
        if (at === undefined) {
          at = this.strings.push(value) - 1
          this.index.set(value, at)
        }
        return at
      }),
    )
  }
}

/** The diagnostics of rows, or undefined when a row is malformed. */
function unpack(rows: readonly Row[], strings: readonly string[]): Diagnostic[] | undefined {
  if (!Array.isArray(rows)) return undefined
  const out: Diagnostic[] = []
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== DIAGNOSTIC_FIELDS.length) return undefined
    const d: Record<string, unknown> = {}
    for (let i = 0; i < DIAGNOSTIC_FIELDS.length; i++) {
      const field = DIAGNOSTIC_FIELDS[i]!
      const value = row[i]
      if (value === null) continue
      if (typeof value !== 'number' || !Number.isInteger(value)) return undefined
      if (NUMERIC_FIELDS.has(field)) d[field] = value
      else if (typeof strings[value] === 'string') d[field] = strings[value]
      else return undefined
    }
    if (!isDiagnostic(d)) return undefined
    out.push(d)
  }
  return out
}

/** An output root's record, read once per build. */
export interface OpenRecord {
  readonly record: BuildRecord
  /** The record's inputs by path. */
  readonly byPath: ReadonlyMap<string, RecordedInput>
  /** The hash of each file of the plan, by path. */
  readonly hashes: ReadonlyMap<string, string>
}

/** Reads an output root's record for a build with this key (undefined: none, another key, malformed). */
export async function openRecord(deps: Deps, root: string, key: string): Promise<OpenRecord | undefined> {
  const state = await readJsonState(deps, join(root, CACHE_PATH))
  if (state.kind !== 'ok') return undefined
  const record = asRecord(state.data)
  if (!record || record.key !== key) return undefined
  return {
    record,
    byPath: new Map(record.inputs.map((i) => [i[0], i])),
    hashes: new Map(record.files.map(([path, , sha]) => [path, sha])),
  }
}

/** What a hit gives back: the outputs (all unchanged) and the diagnostics to replay. */
export interface CacheHit {
  readonly files: readonly Pick<PlannedFile, 'path' | 'target' | 'status'>[]
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * The whole build from the record: a hit when every input, the manifest and every file of the
 * plan are as recorded; undefined otherwise (the build then runs, and {@link reuseInput} may
 * still spare it the compile of most inputs).
 */
export async function lookUpBuild(
  deps: Deps,
  root: string,
  open: OpenRecord,
  inputs: readonly CachedInput[],
): Promise<CacheHit | undefined> {
  const { record } = open
  if (record.inputs.length !== inputs.length) return undefined
  for (let i = 0; i < inputs.length; i++) {
    const [path, sha] = record.inputs[i]!
    if (path !== inputs[i]!.path || sha !== hashOf(inputs[i]!)) return undefined
  }
  // A build in progress (its lock) or a bookkeeping folder that is not a real one: the full build decides.
  const stateDir = await deps.fs.lstat(join(root, STATE_DIR))
  if (!stateDir?.isDirectory || stateDir.isSymbolicLink) return undefined
  if (await deps.fs.lstat(join(root, LOCK_PATH))) return undefined
  if ((await readRegular(deps, join(root, MANIFEST_PATH), false))?.sha256 !== (record.manifest ?? undefined))
    return undefined
  for (const [path, , sha] of record.files) {
    if ((await readOutput(deps, root, path, false))?.sha256 !== sha) return undefined
  }
  const diagnostics: Diagnostic[] = []
  for (const [, , , parse, units] of record.inputs) {
    const found = unpack(parse, record.strings)
    if (!found) return undefined
    diagnostics.push(...found)
    for (const unit of units) {
      const more = unpack(unit[3], record.strings)
      if (!more) return undefined
      diagnostics.push(...more)
    }
  }
  const tail = unpack(record.tail, record.strings)
  if (!tail) return undefined
  diagnostics.push(...tail)
  return {
    files: record.files.map(([path, target]) => ({ path, target, status: 'unchanged' as const })),
    diagnostics,
  }
}

/**
 * One input compiled with the help of the record: when its text is as recorded, each document's
 * result for a target whose outputs are all on disk as recorded is taken from there (outputs read
 * back, diagnostics replayed); the targets left — those whose outputs were edited or deleted,
 * and those that merge into shared files (`.roomodes`, `AGENTS.md`: a merge needs the part
 * itself) — are compiled by `compileTargets`. Undefined when the input is new or changed.
 */
export async function reuseInput(
  deps: Deps,
  root: string,
  open: OpenRecord,
  file: CachedInput,
  compileTargets: (targets: ReadonlySet<string>) => CompiledInput,
): Promise<CompiledInput | undefined> {
  const entry = open.byPath.get(file.path)
  if (!entry || entry[1] !== hashOf(file)) return undefined
  const [, , names, parseRows, units] = entry
  const strings = open.record.strings
  const again = new Set<string>()
  const kept = new Map<number, CompiledUnit>()
  for (const [i, [doc, target, shared, rows, outputs]] of units.entries()) {
    if (shared === 1 || again.has(target)) {
      again.add(target)
      continue
    }
    const made: RunOutput[] = []
    for (const path of outputs) {
      const sha = open.hashes.get(path)
      const found = sha === undefined ? undefined : await readOutput(deps, root, path, true)
      if (found === undefined || found.sha256 !== sha) break
      made.push({ path, contents: found.text, origin: file.path, target })
    }
    const diagnostics = unpack(rows, strings)
    if (made.length !== outputs.length || !diagnostics) again.add(target)
    else kept.set(i, { doc, target, diagnostics, outputs: made })
  }
  const parse = unpack(parseRows, strings)
  if (!parse) return undefined
  const fresh = again.size > 0 ? compileTargets(again) : undefined
  // The units in build order: kept ones from the record, the others as compiled again.
  const out: CompiledUnit[] = []
  let next = 0
  for (const [i, [doc, target]] of units.entries()) {
    if (!again.has(target)) {
      out.push(kept.get(i)!)
      continue
    }
    const unit = fresh?.units[next++]
    if (!unit || unit.doc !== doc || unit.target !== target) return undefined
    out.push(unit)
  }
  if (fresh && next !== fresh.units.length) return undefined
  return { ...file, names, parse: fresh?.parse ?? parse, units: out }
}

/**
 * Records a build that wrote the output root (its plan is now on disk): rewritten only when it
 * differs, so a no-change build touches nothing. A root left without outputs keeps no record.
 * Failing to write the record is not an error: the next build simply runs in full.
 * @param compiled Every input as compiled, in build order.
 * @param files The plan.
 * @param tail The diagnostics after the compile.
 */
export async function recordBuild(
  deps: Deps,
  root: string,
  key: string,
  compiled: readonly CompiledInput[],
  files: readonly PlannedFile[],
  tail: readonly Diagnostic[],
): Promise<void> {
  const kept = files.filter((f) => f.status !== 'deleted')
  const path = join(root, CACHE_PATH)
  try {
    const manifest = (await readRegular(deps, join(root, MANIFEST_PATH), false))?.sha256
    if (kept.length === 0 || manifest === undefined) {
      await forgetBuild(deps, root)
      return
    }
    const table = new StringTable()
    const inputs = compiled.map(
      (c): RecordedInput => [
        c.path,
        hashOf(c),
        c.names,
        table.rows(c.parse),
        c.units.map((u): RecordedUnit => {
          const shared = u.outputs.some((o) => o.merge !== undefined)
          return [
            u.doc,
            u.target,
            shared ? 1 : 0,
            table.rows(u.diagnostics),
            shared ? [] : u.outputs.map((o) => o.path),
          ]
        }),
      ],
    )
    const record: BuildRecord = {
      agentcBuildCache: 3,
      key,
      inputs,
      manifest,
      files: kept.map((f) => [f.path, f.target, f.sha256 ?? hashText(f.contents)] as const),
      tail: table.rows(tail),
      strings: table.strings,
    }
    const text = `${JSON.stringify(record)}\n`
    const old = await readRegular(deps, path)
    if (old?.text === text) return
    if ((await readRegular(deps, join(root, IGNORE_PATH)))?.text !== IGNORE_TEXT)
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

const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** {@link readRegular} of an output the record names: undefined for a path that leaves the root (a tampered record). */
function readOutput(deps: Deps, root: string, path: string, withText: boolean) {
  return isSafeRelativePath(path) ? readRegular(deps, join(root, path), withText) : Promise.resolve(undefined)
}

/**
 * A regular file's text (unless `withText` is false: '') and the SHA-256 of its bytes; undefined
 * when absent, a link, or unreadable. The bytes of a file agentc wrote are its text's UTF-8 (a
 * BOM included), so the hash equals {@link hashText} of what was written and the text is that text.
 */
async function readRegular(
  deps: Deps,
  path: string,
  withText = true,
): Promise<{ text: string; sha256: string } | undefined> {
  const info = await deps.fs.lstat(path)
  if (!info?.isFile || info.isSymbolicLink) return undefined
  try {
    const bytes = await deps.fs.readBytes(path)
    return {
      text: withText ? decoder.decode(bytes) : '',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    }
  } catch {
    return undefined
  }
}

const SHA = /^[0-9a-f]{64}$/

/** The record, when the data is one (checked field by field: the file is not trusted). */
function asRecord(data: unknown): BuildRecord | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const r = data as Record<string, unknown>
  if (r.agentcBuildCache !== 3 || typeof r.key !== 'string') return undefined
  if (r.manifest !== null && !(typeof r.manifest === 'string' && SHA.test(r.manifest))) return undefined
  if (!Array.isArray(r.strings) || !r.strings.every((t) => typeof t === 'string')) return undefined
  if (!Array.isArray(r.tail)) return undefined
  if (!Array.isArray(r.files) || !r.files.every((f) => tuple(f, 3) && f.every(isText))) return undefined
  if (!Array.isArray(r.inputs) || !r.inputs.every(isRecordedInput)) return undefined
  return data as BuildRecord
}

function isRecordedInput(value: unknown): boolean {
  if (!tuple(value, 5)) return false
  const [path, sha, names, parse, units] = value
  return (
    isText(path) &&
    isText(sha) &&
    Array.isArray(names) &&
    names.every(isText) &&
    Array.isArray(parse) &&
    Array.isArray(units) &&
    units.every((u) => {
      if (!tuple(u, 5)) return false
      const [doc, target, shared, rows, outputs] = u
      return (
        Number.isInteger(doc) &&
        isText(target) &&
        (shared === 0 || shared === 1) &&
        Array.isArray(rows) &&
        Array.isArray(outputs) &&
        outputs.every(isText)
      )
    })
  )
}

function tuple(value: unknown, size: number): value is unknown[] {
  return Array.isArray(value) && value.length === size
}

function isText(value: unknown): value is string {
  return typeof value === 'string'
}

function isDiagnostic(d: Record<string, unknown>): d is Record<string, unknown> & Diagnostic {
  return (
    typeof d.code === 'string' &&
    /^AGC\d{3}$/.test(d.code) &&
    (d.severity === 'error' || d.severity === 'warning' || d.severity === 'info') &&
    typeof d.message === 'string'
  )
}
