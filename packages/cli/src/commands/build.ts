import { join, resolve } from 'node:path'
import {
  type Diagnostic,
  emitDocument,
  hasErrors,
  parseFile,
  sortDiagnostics,
  type Target,
  type TargetOptions,
} from '@agentc/core'
import { SOURCE_TARGET } from '@agentc/targets'
import { configureDocument, relocate } from '../config/overrides'
import {
  configuredScope,
  lookUpProject,
  unmatchedAgents,
  watchedFolders,
  withoutOutputs,
} from '../config/project'
import { expandSources } from '../config/sources'
import { UsageError } from '../errors'
import {
  type CompiledInput,
  type CompiledUnit,
  cacheKey,
  lookUpBuild,
  openRecord,
  recordBuild,
  reuseInput,
  withHashes,
} from '../io/build-cache'
import type { Deps } from '../io/deps'
import {
  type FileStatus,
  type PlannedFile,
  type RunOutput,
  syncOutputs,
  type WriteMode,
} from '../io/output-root'
import { displayPath, type InputFile, readInputs } from '../io/read-inputs'
import { type LimitFlags, limitsFrom } from '../limits'
import {
  countSummary,
  diagnosticJson,
  exitCodeFor,
  type OutputFormat,
  printDiagnostics,
  printJson,
  readSources,
  type SourceText,
} from '../report'
import { resolveTarget, resolveTargets, unmergeOf } from '../targets'
import { watchBuild } from '../watch'

/** The flags of `agentc build` (`agentc diff` takes the same). */
export interface BuildFlags extends LimitFlags {
  target?: string[]
  /** The format of the sources (default: the configuration's `from`, else `opencode`). */
  from?: string
  out?: string
  /** `--config <file>`: this configuration; `--no-config` (false): none; absent: the nearest. */
  config?: string | false
  strict?: boolean
  check?: boolean
  dryRun?: boolean
  format: OutputFormat
  quiet?: boolean
  verbose?: boolean
  claudeSettings?: boolean
  rewriteReferences?: boolean
  force?: boolean
  watch?: boolean
  /** `--no-cache` (false): compile everything even when the build record says nothing changed. */
  cache?: boolean
}

/**
 * What `agentc build` does with its arguments and flags (see ./build.command for the command
 * line): a build, or with `--watch` a build and a rebuild on every change.
 * @returns The exit code.
 */
export async function runBuild(deps: Deps, paths: string[], flags: BuildFlags): Promise<number> {
  if (!flags.watch) return build(deps, paths, flags)
  // Watch the configuration too, and, for a configured build, the folders of its sources.
  const project = await lookUpProject(deps, flags.config)
  const watched = paths.length > 0 || !project.config ? paths : await watchedFolders(deps, project.config)
  return watchBuild(deps, watched, flags, (hooks) => build(deps, paths, flags, hooks), {
    configFiles: project.path ? [project.path] : [],
  })
}

/** The given keys of `object` whose values are defined. */
function definedOnly<T extends object, K extends keyof T>(
  object: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {}
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key]
  return out
}

/** One input file compiled: its parse and emit diagnostics and its outputs for every target. */
export interface CompiledFile {
  readonly diagnostics: readonly Diagnostic[]
  readonly outputs: readonly RunOutput[]
  /** The names of the agents in the file. */
  readonly names?: readonly string[]
}

/** A compiled file as one list of diagnostics and one of outputs, in build order. */
function flatten(input: CompiledInput): CompiledFile {
  return {
    diagnostics: [...input.parse, ...input.units.flatMap((u) => u.diagnostics)],
    outputs: input.units.flatMap((u) => u.outputs),
    names: input.names,
  }
}

/** What a build found, for a command that reports it its own way (`diff`, `build --watch`). */
export interface BuildResult {
  readonly diagnostics: Diagnostic[]
  /** The plan (empty when an error stopped the build before it). */
  readonly files: readonly PlannedFile[]
  /** The input files read. */
  readonly inputs: readonly InputFile[]
}

/** Ways to run a build for another command; none: a plain `agentc build`. */
export interface BuildHooks {
  /** How the outputs are synced (default: from the flags). */
  readonly mode?: WriteMode
  /** Compiles one input; a cache may return an earlier result for the same file and text. */
  readonly compile?: (file: InputFile, compile: () => CompiledFile) => CompiledFile
  /** Reports the result instead of the build's own report; returns the exit code. */
  readonly report?: (result: BuildResult) => number | Promise<number>
}

/**
 * Runs a build: reads the inputs, compiles them to every target, syncs the output root. With
 * no paths, builds the project of the nearest configuration (its sources, targets, output root
 * and overrides); with paths, builds those with the configuration's settings, if there is one.
 * Flags win over the configuration.
 */
export async function build(
  deps: Deps,
  paths: string[],
  flags: BuildFlags,
  hooks: BuildHooks = {},
): Promise<number> {
  const project = await lookUpProject(deps, flags.config)
  const config = project.config
  if (paths.length === 0 && !project.path)
    throw new UsageError(
      'build needs paths (agentc build agents --target claude), or a project configuration: run `agentc init` to create agentc.config.yaml',
    )
  // Flags win over the configuration.
  const strict = flags.strict ?? config?.strict
  const effective: BuildFlags = { ...flags, ...(strict !== undefined ? { strict } : {}) }
  const done = (diagnostics: Diagnostic[], files: readonly PlannedFile[], inputs: readonly InputFile[]) =>
    hooks.report
      ? hooks.report({ diagnostics, files, inputs })
      : finish(deps, effective, diagnostics, files, inputs)
  if (hasErrors(project.diagnostics)) return done(project.diagnostics, [], [])
  const targetIds = flags.target && flags.target.length > 0 ? flags.target : config?.targets
  if (!targetIds || targetIds.length === 0)
    throw new UsageError(
      config
        ? `build needs --target, or \`targets\` in ${config.display} (e.g. targets: [claude, cursor])`
        : 'build needs --target (e.g. --target claude,cursor)',
    )
  const diagnostics: Diagnostic[] = [...project.diagnostics]
  const { targets, diagnostics: targetProblems } = resolveTargets(targetIds)
  diagnostics.push(...targetProblems)
  const from = resolveTarget(flags.from ?? config?.from ?? SOURCE_TARGET)
  if (!('id' in from) || !('parse' in from)) diagnostics.push(from as Diagnostic)
  if (hasErrors(diagnostics)) return done(diagnostics, [], [])
  const source = from as Target
  const outRoot =
    flags.out !== undefined ? resolve(deps.cwd, flags.out) : (config?.out ?? resolve(deps.cwd, '.'))
  // Each limit: the flag, else the configuration's, else the default.
  const limits = limitsFrom({
    ...config?.limits,
    ...definedOnly(flags, ['maxFileSize', 'maxLineLength', 'maxFiles']),
  })
  let inputPaths: readonly string[] = paths
  if (paths.length === 0 && config) {
    const expanded = await expandSources(deps, config)
    diagnostics.push(...expanded.diagnostics)
    inputPaths = await withoutOutputs(deps, outRoot, expanded.files)
  }
  const inputs =
    inputPaths.length > 0 ? await readInputs(deps, inputPaths, { limits }) : { files: [], diagnostics: [] }
  diagnostics.push(...inputs.diagnostics)
  const targetOptions: TargetOptions =
    (flags.claudeSettings ?? config?.targetOptions.claude?.settings) ? { claude: { settings: true } } : {}
  const references = (flags.rewriteReferences ?? config?.rewriteReferences) ? 'rewrite' : 'report'
  // The build record (io/build-cache) of a plain build: over an untouched output root it answers
  // with the no-op the full build would find, without compiling; otherwise it spares the compile
  // of what has not changed.
  const cacheable =
    flags.cache !== false && !hooks.compile && !hooks.report && !hooks.mode && !hasErrors(diagnostics)
  const key = cacheable
    ? cacheKey({
        cwd: deps.cwd,
        root: outRoot,
        paths,
        targets: targets.map((t) => t.id),
        from: source.id,
        targetOptions,
        references,
        limits,
        ...(project.path ? { config: { path: project.path, text: project.text ?? '' } } : {}),
      })
    : undefined
  const record = key ? await openRecord(deps, outRoot, key) : undefined
  // With a record to look up or to write, each input's text is hashed once, here.
  const files = key ? withHashes(inputs.files) : inputs.files
  if (record) {
    const hit = await lookUpBuild(deps, outRoot, record, files)
    if (hit) {
      const reported = hit.files.map((f) => ({ ...f, display: displayPath(deps, join(outRoot, f.path)) }))
      return finish(deps, effective, [...diagnostics, ...hit.diagnostics], reported, inputs.files)
    }
  }
  const outputs: RunOutput[] = []
  /** Compiles one file for the targets (all when `only` is absent). */
  const compileFile = (file: InputFile, only?: ReadonlySet<string>): CompiledInput => {
    const parsed = parseFile(source, file, { targetOptions, limits })
    const units: CompiledUnit[] = []
    for (const [index, doc] of (parsed.value ?? []).entries()) {
      for (const target of targets) {
        if (only && !only.has(target.id)) continue
        const found: Diagnostic[] = []
        // The configuration's overrides for this agent and target, applied before emitting.
        const configured = config ? configureDocument(doc, target, config) : undefined
        const emitted = emitDocument(target, configured?.doc ?? doc, {
          targetOptions,
          from: source,
          references,
        })
        if (configured) found.push(...configured.diagnostics)
        found.push(
          ...(configured && config
            ? relocate(emitted.diagnostics, doc, configured, config)
            : emitted.diagnostics),
        )
        const made = (emitted.value ?? []).map((out) => ({ ...out, origin: file.path, target: target.id }))
        units.push({ doc: index, target: target.id, diagnostics: found, outputs: made })
      }
    }
    return {
      ...file,
      names: (parsed.value ?? []).map((d) => d.name),
      parse: parsed.diagnostics,
      units,
    }
  }
  const names = new Set<string>()
  // With a record, each unchanged input's outputs that are still on disk are read back rather
  // than compiled again; `compiled` is what the next record is made of.
  const compiled: CompiledInput[] = []
  for (const file of files) {
    let result: CompiledFile
    if (hooks.compile) result = hooks.compile(file, () => flatten(compileFile(file)))
    else {
      const input =
        (record && (await reuseInput(deps, outRoot, record, file, (only) => compileFile(file, only)))) ??
        compileFile(file)
      if (key) compiled.push(input)
      result = flatten(input)
    }
    diagnostics.push(...result.diagnostics)
    outputs.push(...result.outputs)
    for (const name of result.names ?? []) names.add(name)
  }
  const compiledEnd = diagnostics.length
  // Overrides for agents no source defines (only known when every source was read).
  if (config && paths.length === 0 && !hasErrors(diagnostics))
    diagnostics.push(...unmatchedAgents(config, names))
  if (hasErrors(diagnostics)) return done(diagnostics, [], inputs.files)
  const synced = await syncOutputs(deps, {
    root: outRoot,
    outputs,
    scope: {
      targets: new Set(targets.map((t) => t.id)),
      // A configured build answers for its source globs; a build of paths for those paths.
      inputs:
        paths.length === 0 && config
          ? await configuredScope(deps, config, outRoot, inputPaths)
          : paths.map((p) => resolve(deps.cwd, p)),
    },
    mode: hooks.mode ?? (flags.check ? 'check' : flags.dryRun ? 'dry-run' : 'write'),
    force: flags.force ?? false,
    unmerge: unmergeOf,
    // The record of what this build left, written under the output root's lock.
    ...(key
      ? {
          afterWrite: (files, found) =>
            recordBuild(deps, outRoot, key, compiled, files, [...diagnostics.slice(compiledEnd), ...found]),
        }
      : {}),
  })
  diagnostics.push(...synced.diagnostics)
  return done(diagnostics, synced.files, inputs.files)
}

/** What the report of a build shows of each file. */
type ReportedFile = Pick<PlannedFile, 'path' | 'display' | 'target' | 'status'>

async function finish(
  deps: Deps,
  flags: BuildFlags,
  diagnostics: Diagnostic[],
  files: readonly ReportedFile[],
  inputs: readonly SourceText[] = [],
): Promise<number> {
  const failed = hasErrors(diagnostics)
  const drift = files.filter((f) => f.status !== 'unchanged')
  const mode = flags.check ? 'check' : flags.dryRun ? 'dry-run' : 'write'
  let code = exitCodeFor(diagnostics, flags.strict)
  if (flags.check && drift.length > 0) code = 1
  if (flags.format === 'json') {
    printJson(deps, {
      files: failed
        ? []
        : files.map((f) => ({
            path: f.display,
            target: f.target,
            status: f.status,
            action: actionOf(f.status, mode),
          })),
      diagnostics: sortDiagnostics(diagnostics).map(diagnosticJson),
    })
    return code
  }
  printDiagnostics(deps, diagnostics, { ...flags, sources: await readSources(deps, diagnostics, inputs) })
  if (failed) {
    deps.stderr(`agentc: nothing written (${countSummary(diagnostics)})\n`)
    return code
  }
  if (flags.quiet) return code
  for (const file of files) {
    if (file.status === 'unchanged' && mode !== 'dry-run') continue
    deps.stdout(`${VERBS[mode][file.status].padEnd(12)} ${file.display}\n`)
  }
  const counts = countSummary(diagnostics)
  const deleted = drift.filter((f) => f.status === 'deleted').length
  const produced = files.length - deleted
  const summary =
    mode === 'check'
      ? drift.length > 0
        ? `${drift.length} file${drift.length === 1 ? '' : 's'} out of date`
        : `${produced} files up to date`
      : mode === 'dry-run'
        ? `${drift.length - deleted} of ${produced} files would be written${deleted > 0 ? `, ${deleted} deleted` : ''}`
        : `${drift.length - deleted} file${drift.length - deleted === 1 ? '' : 's'} written, ${produced - (drift.length - deleted)} unchanged${deleted > 0 ? `, ${deleted} deleted` : ''}`
  deps.stderr(`agentc: ${summary}${counts ? `; ${counts}` : ''}\n`)
  return code
}

/** How each mode describes what happens to a file. */
const VERBS: Record<WriteMode, Record<FileStatus, string>> = {
  write: { new: 'created', changed: 'updated', unchanged: 'unchanged', deleted: 'deleted' },
  check: { new: 'missing', changed: 'out of date', unchanged: 'up to date', deleted: 'stale' },
  'dry-run': {
    new: 'would create',
    changed: 'would update',
    unchanged: 'unchanged',
    deleted: 'would delete',
  },
}

function actionOf(status: FileStatus, mode: WriteMode): string {
  if (status === 'unchanged') return 'none'
  if (status === 'deleted') return mode === 'write' ? 'deleted' : 'would-delete'
  return mode === 'write' ? 'written' : 'would-write'
}
