import { join, resolve } from 'node:path'
import {
  createDiagnostic,
  type Diagnostic,
  emitDocument,
  hasErrors,
  type OutputFile,
  parseFile,
  resolveOutputs,
  sortDiagnostics,
  type Target,
  type TargetOptions,
} from '@agentc/core'
import { SOURCE_TARGET } from '@agentc/targets'
import { Command, Option } from 'commander'
import { UsageError } from '../errors'
import type { Deps } from '../io/deps'
import { displayPath, errorCode, readInputs } from '../io/read-inputs'
import {
  countSummary,
  diagnosticJson,
  exitCodeFor,
  type OutputFormat,
  printDiagnostics,
  printJson,
} from '../report'
import { resolveTarget, resolveTargets } from '../targets'

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
}

/** What a build would do to one file. */
type FileStatus = 'new' | 'changed' | 'unchanged'

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
    .option('-q, --quiet', 'print errors only')
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
  const inputs = await readInputs(deps, paths)
  diagnostics.push(...inputs.diagnostics)
  const targetOptions: TargetOptions = flags.claudeSettings ? { claude: { settings: true } } : {}
  const outputs: (OutputFile & { origin: string; target: string })[] = []
  for (const file of inputs.files) {
    const parsed = parseFile(source, file, { targetOptions })
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
  const existing = new Map<string, string | undefined>()
  for (const out of outputs) {
    if (!existing.has(out.path)) existing.set(out.path, await readExisting(deps, join(outRoot, out.path)))
  }
  const resolved = resolveOutputs(outputs, (path) => existing.get(path))
  diagnostics.push(...resolved.diagnostics.map((d) => inOutput(deps, outRoot, d)))
  if (!resolved.value || hasErrors(diagnostics)) return finish(deps, flags, diagnostics, [])
  const targetOf = new Map(outputs.map((o) => [o.path, o.target]))
  const files = resolved.value.map((f) => {
    const before = existing.get(f.path)
    const status: FileStatus = before === undefined ? 'new' : before === f.contents ? 'unchanged' : 'changed'
    return {
      ...f,
      status,
      target: targetOf.get(f.path) ?? '',
      display: displayPath(deps, join(outRoot, f.path)),
    }
  })
  if (!flags.check && !flags.dryRun) {
    for (const file of files) {
      if (file.status === 'unchanged') continue
      try {
        await deps.fs.writeFileAtomic(join(outRoot, file.path), file.contents)
      } catch (error) {
        diagnostics.push(
          createDiagnostic('AGC306', `${file.display} cannot be written (${errorCode(error)}).`, {
            file: file.display,
          }),
        )
        return finish(deps, flags, diagnostics, files)
      }
    }
  }
  return finish(deps, flags, diagnostics, files)
}

/** Diagnostics about output files name them as the user sees them (relative to the working directory). */
export function inOutput(deps: Deps, outRoot: string, d: Diagnostic): Diagnostic {
  return d.code === 'AGC305' && d.file !== undefined
    ? { ...d, file: displayPath(deps, join(outRoot, d.file)) }
    : d
}

async function readExisting(deps: Deps, path: string): Promise<string | undefined> {
  const info = await deps.fs.stat(path)
  if (!info?.isFile) return undefined
  try {
    return new TextDecoder().decode(await deps.fs.readBytes(path))
  } catch {
    return undefined
  }
}

function finish(
  deps: Deps,
  flags: BuildFlags,
  diagnostics: Diagnostic[],
  files: { display: string; target: string; status: FileStatus }[],
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
            action: f.status === 'unchanged' ? 'none' : mode === 'write' ? 'written' : 'would-write',
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
  for (const file of files) {
    if (file.status === 'unchanged' && mode !== 'dry-run') continue
    const verb =
      mode === 'write'
        ? file.status === 'new'
          ? 'created'
          : file.status === 'changed'
            ? 'updated'
            : 'unchanged'
        : mode === 'check'
          ? file.status === 'new'
            ? 'missing'
            : 'out of date'
          : file.status === 'unchanged'
            ? 'unchanged'
            : `would ${file.status === 'new' ? 'create' : 'update'}`
    deps.stdout(`${verb.padEnd(11)} ${file.display}\n`)
  }
  const counts = countSummary(diagnostics)
  const summary =
    mode === 'check'
      ? drift.length > 0
        ? `${drift.length} of ${files.length} files out of date`
        : `${files.length} files up to date`
      : mode === 'dry-run'
        ? `${drift.length} of ${files.length} files would be written`
        : `${drift.length} file${drift.length === 1 ? '' : 's'} written, ${files.length - drift.length} unchanged`
  deps.stderr(`agentc: ${summary}${counts ? `; ${counts}` : ''}\n`)
  return code
}
