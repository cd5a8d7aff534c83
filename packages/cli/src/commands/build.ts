import { resolve } from 'node:path'
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
import { Command, Option } from 'commander'
import { UsageError } from '../errors'
import type { Deps } from '../io/deps'
import {
  type FileStatus,
  type PlannedFile,
  type RunOutput,
  syncOutputs,
  type WriteMode,
} from '../io/output-root'
import { readInputs } from '../io/read-inputs'
import { limitOptions, limitsFrom } from '../limits'
import {
  countSummary,
  diagnosticJson,
  exitCodeFor,
  type OutputFormat,
  printDiagnostics,
  printJson,
} from '../report'
import { resolveTarget, resolveTargets, unmergeOf } from '../targets'

interface BuildFlags {
  target?: string[]
  from: string
  out?: string
  strict?: boolean
  check?: boolean
  dryRun?: boolean
  format: OutputFormat
  quiet?: boolean
  verbose?: boolean
  claudeSettings?: boolean
  rewriteReferences?: boolean
  force?: boolean
  maxFileSize?: number
  maxLineLength?: number
  maxFiles?: number
}

/** `agentc build`: compiles agent sources to every requested target. */
export function buildCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('build')
    .description('compile agent files to the formats of other tools')
    .argument('<paths...>', 'agent files, or folders of them (every *.md below, README.md excepted)')
    .option('-t, --target <ids>', 'targets to build, comma-separated; repeatable', collect, [])
    .option('--from <id>', 'format of the source files', SOURCE_TARGET)
    .option(
      '-o, --out <dir>',
      'output root where each target writes its own layout (default: current directory)',
    )
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--check', 'write nothing; exit 1 if any output would change')
    .option('--dry-run', 'print what would be written; write nothing')
    .option('--claude-settings', 'write per-command permission rules to .claude/settings.json (project-wide)')
    .option('--rewrite-references', "rewrite the source tool's names and paths in prompts for each target")
    .option('--force', 'replace or delete output files agentc did not write, or that were edited since')
    .addOption(limitOptions.maxFileSize())
    .addOption(limitOptions.maxLineLength())
    .addOption(limitOptions.maxFiles())
    .option('-q, --quiet', 'print errors only (no file list, no summary)')
    .option('--verbose', 'print the note of each diagnostic')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action(async (paths: string[], flags: BuildFlags) => {
      setExit(await build(deps, paths, flags))
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

async function build(deps: Deps, paths: string[], flags: BuildFlags): Promise<number> {
  if (!flags.target || flags.target.length === 0)
    throw new UsageError('build needs --target (e.g. --target claude,cursor)')
  const diagnostics: Diagnostic[] = []
  const { targets, diagnostics: targetProblems } = resolveTargets(flags.target)
  diagnostics.push(...targetProblems)
  const from = resolveTarget(flags.from)
  if (!('id' in from) || !('parse' in from)) diagnostics.push(from as Diagnostic)
  if (hasErrors(diagnostics)) return finish(deps, flags, diagnostics, [])
  const source = from as Target
  const outRoot = resolve(deps.cwd, flags.out ?? '.')
  const limits = limitsFrom(flags)
  const inputs = await readInputs(deps, paths, { limits })
  diagnostics.push(...inputs.diagnostics)
  const targetOptions: TargetOptions = flags.claudeSettings ? { claude: { settings: true } } : {}
  const outputs: RunOutput[] = []
  for (const file of inputs.files) {
    const parsed = parseFile(source, file, { targetOptions, limits })
    diagnostics.push(...parsed.diagnostics)
    for (const doc of parsed.value ?? []) {
      for (const target of targets) {
        const emitted = emitDocument(target, doc, {
          targetOptions,
          from: source,
          references: flags.rewriteReferences ? 'rewrite' : 'report',
        })
        diagnostics.push(...emitted.diagnostics)
        for (const out of emitted.value ?? []) outputs.push({ ...out, origin: file.path, target: target.id })
      }
    }
  }
  if (hasErrors(diagnostics)) return finish(deps, flags, diagnostics, [])
  const synced = await syncOutputs(deps, {
    root: outRoot,
    outputs,
    scope: { targets: new Set(targets.map((t) => t.id)), inputs: paths.map((p) => resolve(deps.cwd, p)) },
    mode: flags.check ? 'check' : flags.dryRun ? 'dry-run' : 'write',
    force: flags.force ?? false,
    unmerge: unmergeOf,
  })
  diagnostics.push(...synced.diagnostics)
  return finish(deps, flags, diagnostics, synced.files)
}

function finish(
  deps: Deps,
  flags: BuildFlags,
  diagnostics: Diagnostic[],
  files: readonly PlannedFile[],
): number {
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
  printDiagnostics(deps, diagnostics, flags)
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
