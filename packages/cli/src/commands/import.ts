import { join, resolve } from 'node:path'
import {
  createDiagnostic,
  type Diagnostic,
  emitDocument,
  hasErrors,
  type Limits,
  matchGlob,
  parseFile,
  sortDiagnostics,
  type Target,
} from '@agentc/core'
import { SOURCE_TARGET } from '@agentc/targets'
import { UsageError } from '../errors'
import type { Deps } from '../io/deps'
import { displayPath, errorCode, type InputFile, readInputs } from '../io/read-inputs'
import { type LimitFlags, limitsFrom } from '../limits'
import {
  diagnosticJson,
  exitCodeFor,
  type OutputFormat,
  plural,
  printDiagnostics,
  printJson,
  printSummary,
  readSources,
} from '../report'
import { resolveTarget } from '../targets'
import { DEFAULT_SOURCE_DIR } from './import.command'

/** Folders never searched for a target's files. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.agentc'])

/** What an import does with one source file. */
export type ImportStatus = 'new' | 'unchanged' | 'replaced'

/** One canonical source file an import writes (or would write). */
export interface ImportedFile {
  /** Absolute path of the source file. */
  readonly path: string
  /** The path as the user sees it (relative to the working directory, `/`-separated). */
  readonly display: string
  /** The agent's name. */
  readonly name: string
  /** The file it came from, as the user sees it. */
  readonly origin: string
  /** Its contents: an OpenCode agent file. */
  readonly contents: string
  /** `new`: no file there; `unchanged`: the same text is there; `replaced`: another text is (`force`). */
  readonly status: ImportStatus
}

/** Options of {@link importAgents}. */
export interface ImportOptions {
  /** The id of the tool whose files are imported (`claude`, `cursor`, …). */
  readonly from: string
  /** Files and folders to import; none: the target's own layout below the working directory. */
  readonly paths?: readonly string[]
  /** The folder for the sources (default `agents`), relative to the working directory. */
  readonly out?: string
  /** Replace source files that exist with other contents. */
  readonly force?: boolean
  /** Work out the files but write nothing. */
  readonly dryRun?: boolean
  /** A warning stops the import too: nothing is written. */
  readonly strict?: boolean
  /** Rewrite the tool's names and paths in prompts to OpenCode's (else they are reported). */
  readonly rewriteReferences?: boolean
  /** Input limits. */
  readonly limits?: Limits
}

/** What {@link importAgents} did. */
export interface ImportResult {
  /** The source files, sorted by path (none when an error stopped the import). */
  readonly files: readonly ImportedFile[]
  /** Every diagnostic: reading, parsing, what OpenCode cannot hold, refusals. */
  readonly diagnostics: readonly Diagnostic[]
  /** The files that were read, for code frames. */
  readonly inputs: readonly InputFile[]
  /** Whether files were written (false on errors and in a dry run). */
  readonly written: boolean
}

/**
 * Turns existing tool files into canonical agentc sources (OpenCode agent files), one per agent,
 * named after it: each file is parsed as `from`, and each agent in it emitted as OpenCode, which
 * reports whatever OpenCode cannot hold. A shared file holding several agents (`.roomodes`,
 * `AGENTS.md`) gives several sources. Nothing is written when there is an error, in a dry run,
 * or when a source file exists with other contents and `force` is not set (AGC308, listing the
 * files); files are written atomically.
 * @param deps File system.
 * @param options What to import and where to.
 */
export async function importAgents(deps: Deps, options: ImportOptions): Promise<ImportResult> {
  const diagnostics: Diagnostic[] = []
  let read: readonly InputFile[] = []
  const fail = (): ImportResult => ({ files: [], diagnostics, inputs: read, written: false })
  const from = resolveTarget(options.from)
  const opencode = resolveTarget(SOURCE_TARGET)
  if (!('parse' in from)) diagnostics.push(from)
  if (!('parse' in opencode)) diagnostics.push(opencode)
  if (!('parse' in from) || !('parse' in opencode)) return fail()
  const outDir = resolve(deps.cwd, options.out ?? DEFAULT_SOURCE_DIR)
  let paths = options.paths ?? []
  if (paths.length === 0) {
    paths = await findLayoutFiles(deps, from)
    if (paths.length === 0) {
      diagnostics.push(
        createDiagnostic(
          'AGC303',
          `No ${from.displayName} files were found below ${displayPath(deps, deps.cwd)} (looked for ${from.layout.include.join(', ')}); nothing to import.`,
        ),
      )
      return fail()
    }
  }
  const matches = (name: string) => from.layout.include.some((glob) => matchGlob(lastSegment(glob), name))
  const inputs = await readInputs(deps, paths, {
    matches,
    ...(options.limits ? { limits: options.limits } : {}),
  })
  diagnostics.push(...inputs.diagnostics)
  read = inputs.files
  const planned: { path: string; name: string; origin: string; contents: string }[] = []
  for (const file of inputs.files) {
    const parsed = parseFile(from, file, options.limits ? { limits: options.limits } : {})
    diagnostics.push(...parsed.diagnostics)
    for (const doc of parsed.value ?? []) {
      const emitted = emitDocument(opencode, doc, {
        from,
        references: options.rewriteReferences ? 'rewrite' : 'report',
      })
      diagnostics.push(...emitted.diagnostics)
      for (const out of emitted.value ?? []) {
        planned.push({
          path: join(outDir, sourceName(out.path)),
          name: doc.name,
          origin: file.path,
          contents: out.contents,
        })
      }
    }
  }
  const byPath = new Map<string, (typeof planned)[number][]>()
  for (const p of planned) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p])
  for (const [path, list] of byPath) {
    if (list.length < 2) continue
    diagnostics.push(
      createDiagnostic(
        'AGC302',
        `${list.length} agents would be imported to ${displayPath(deps, path)}: ${list.map((p) => `${p.name} (${p.origin})`).join(', ')}.`,
        {
          file: list[1]!.origin,
          note: 'Rename one of them, or import them into different folders with --out.',
        },
      ),
    )
  }
  if (hasErrors(diagnostics)) return fail()

  const files: ImportedFile[] = []
  const refused: string[] = []
  for (const p of [...planned].sort((a, b) => compare(a.path, b.path))) {
    const display = displayPath(deps, p.path)
    const info = await deps.fs.lstat(p.path)
    let status: ImportStatus = 'new'
    if (info?.isDirectory) {
      diagnostics.push(
        createDiagnostic('AGC307', `${display} is not written: a folder is in the way.`, { file: display }),
      )
      continue
    }
    if (info) {
      const existing = info.isFile ? await readText(deps, p.path) : undefined
      if (existing === p.contents) status = 'unchanged'
      else if (options.force) status = 'replaced'
      else refused.push(info.isSymbolicLink ? `${display} (a symbolic link)` : display)
    }
    files.push({ path: p.path, display, name: p.name, origin: p.origin, contents: p.contents, status })
  }
  if (refused.length > 0) {
    diagnostics.push(
      createDiagnostic(
        'AGC308',
        `agentc import would replace ${refused.length === 1 ? 'a source file that exists' : `${refused.length} source files that exist`}: ${refused.join(', ')}.`,
        {
          note: 'They are your files: compare them, move or delete the ones to replace, or pass --force to replace them.',
        },
      ),
    )
  }
  if (hasErrors(diagnostics) || (options.strict && diagnostics.some((d) => d.severity === 'warning')))
    return fail()
  if (options.dryRun) return { files, diagnostics, inputs: inputs.files, written: false }
  for (const file of files) {
    if (file.status === 'unchanged') continue
    try {
      await deps.fs.writeFileAtomic(file.path, file.contents)
    } catch (error) {
      diagnostics.push(
        createDiagnostic('AGC306', `${file.display} cannot be written (${errorCode(error)}).`, {
          file: file.display,
        }),
      )
      return { files: [], diagnostics, inputs: inputs.files, written: false }
    }
  }
  return { files, diagnostics, inputs: inputs.files, written: true }
}

/**
 * The path of a source below the sources folder: the OpenCode output's path below
 * `.opencode/agents/` (an agent named `team/audit` keeps its folder).
 */
function sourceName(openCodePath: string): string {
  const prefix = '.opencode/agents/'
  return openCodePath.startsWith(prefix) ? openCodePath.slice(prefix.length) : openCodePath
}

/** The last `/`-separated segment of a glob (`*.md` of `.claude/agents/**\/*.md`). */
function lastSegment(glob: string): string {
  return glob.slice(glob.lastIndexOf('/') + 1)
}

/** The folder part of a glob before its first wildcard (`.claude/agents` of `.claude/agents/**\/*.md`). */
function staticBase(glob: string): string {
  const parts = glob.split('/')
  const fixed: string[] = []
  for (const part of parts) {
    if (/[*?[\]{}()!+@]/.test(part)) break
    fixed.push(part)
  }
  return fixed.join('/')
}

/**
 * The files of a target's own layout below the working directory (`layout.include`), as paths
 * relative to it, sorted. Links are not followed; `node_modules`, `.git` and `.agentc` are skipped.
 */
export async function findLayoutFiles(deps: Deps, target: Target): Promise<string[]> {
  const globs = target.layout.include
  const found = new Set<string>()
  const seen = new Set<string>()
  const visit = async (rel: string): Promise<void> => {
    if (seen.has(rel)) return
    seen.add(rel)
    const full = rel === '' ? deps.cwd : join(deps.cwd, rel)
    const info = await deps.fs.lstat(full)
    if (!info || info.isSymbolicLink) return
    if (info.isFile) {
      if (globs.some((g) => matchGlob(g, rel))) found.add(rel)
      return
    }
    if (!info.isDirectory) return
    let entries: Awaited<ReturnType<Deps['fs']['readdir']>>
    try {
      entries = await deps.fs.readdir(full)
    } catch {
      return
    }
    for (const entry of entries) {
      if (entry.isDirectory && SKIPPED_DIRS.has(entry.name)) continue
      if (!entry.isDirectory && !entry.isFile) continue
      await visit(rel === '' ? entry.name : `${rel}/${entry.name}`)
    }
  }
  for (const glob of globs) {
    const base = staticBase(glob)
    // A glob with no wildcard names one file; a base is searched below.
    await visit(base === glob ? glob : base)
  }
  return [...found].sort(compare)
}

async function readText(deps: Deps, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await deps.fs.readBytes(path))
  } catch {
    return undefined
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The flags of `agentc import`. */
export interface ImportFlags extends LimitFlags {
  from?: string
  out?: string
  force?: boolean
  dryRun?: boolean
  strict?: boolean
  rewriteReferences?: boolean
  format: OutputFormat
  quiet?: boolean
  verbose?: boolean
}

/**
 * What `agentc import` does (see ./import.command for the command line): {@link importAgents},
 * reported.
 * @returns The exit code.
 */
export async function runImport(deps: Deps, paths: string[], flags: ImportFlags): Promise<number> {
  if (flags.from === undefined) throw new UsageError('import needs --from (e.g. --from claude)')
  const options: ImportOptions = {
    from: flags.from,
    paths,
    ...(flags.out !== undefined ? { out: flags.out } : {}),
    force: flags.force ?? false,
    dryRun: flags.dryRun ?? false,
    strict: flags.strict ?? false,
    rewriteReferences: flags.rewriteReferences ?? false,
    limits: limitsFrom(flags),
  }
  const result = await importAgents(deps, options)
  const code = exitCodeFor(result.diagnostics, flags.strict)
  const dry = flags.dryRun ?? false
  const failed = hasErrors(result.diagnostics) || code !== 0
  if (flags.format === 'json') {
    printJson(deps, {
      files: failed
        ? []
        : result.files.map((f) => ({
            path: f.display,
            name: f.name,
            from: f.origin,
            status: f.status,
            action: f.status === 'unchanged' ? 'none' : dry ? 'would-write' : 'written',
          })),
      diagnostics: sortDiagnostics(result.diagnostics).map(diagnosticJson),
    })
    return code
  }
  printDiagnostics(deps, result.diagnostics, {
    ...flags,
    sources: await readSources(deps, result.diagnostics, result.inputs),
  })
  if (failed) {
    printSummary(deps, result.diagnostics, { done: 'nothing written', failed: 'nothing written' }, flags)
    return code
  }
  if (!flags.quiet) {
    for (const f of result.files) {
      const verb = VERBS[f.status][dry ? 1 : 0]
      deps.stdout(`${verb.padEnd(13)} ${f.display}  (from ${f.origin})\n`)
    }
  }
  const changed = result.files.filter((f) => f.status !== 'unchanged').length
  const unchanged = result.files.length - changed
  const done = `${dry ? `${changed} of ${plural(result.files.length, 'source')} would be written` : `${plural(changed, 'source')} written`}${!dry && unchanged > 0 ? `, ${unchanged} unchanged` : ''}`
  printSummary(deps, result.diagnostics, { done, failed: 'nothing written' }, flags)
  return code
}

/** How each status is shown: [after writing, in a dry run]. */
const VERBS: Record<ImportStatus, readonly [string, string]> = {
  new: ['created', 'would create'],
  replaced: ['replaced', 'would replace'],
  unchanged: ['unchanged', 'unchanged'],
}
