import { join, resolve } from 'node:path'
import {
  convert,
  createDiagnostic,
  type Diagnostic,
  hasErrors,
  resolveOutputs,
  sortDiagnostics,
  type Target,
} from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'
import { displayPath, errorCode, readInputs } from '../io/read-inputs'
import { diagnosticJson, exitCodeFor, type OutputFormat, printDiagnostics, printJson } from '../report'
import { resolveTarget } from '../targets'
import { inOutput } from './build'

interface ConvertFlags {
  from?: string
  to: string
  out?: string
  strict?: boolean
  format: OutputFormat
  quiet?: boolean
  verbose?: boolean
  claudeSettings?: boolean
  rewriteReferences?: boolean
}

/** `agentc convert`: one file from one format to another. */
export function convertCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('convert')
    .description(
      'convert one file from one format to another; prints it when it is a single file and --out is not given',
    )
    .argument('<file>', 'the file to convert')
    .option('--from <id>', 'format of the file (default: guessed from its path, else opencode)')
    .requiredOption('--to <id>', 'format to convert to')
    .option('-o, --out <dir>', 'write the result under this folder in the target layout')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--claude-settings', 'write per-command permission rules to .claude/settings.json (project-wide)')
    .option('--rewrite-references', "rewrite the source tool's names and paths in the prompt for the target")
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'print the note of each diagnostic')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action(async (file: string, flags: ConvertFlags) => {
      setExit(await run(deps, file, flags))
    })
}

async function run(deps: Deps, file: string, flags: ConvertFlags): Promise<number> {
  const diagnostics: Diagnostic[] = []
  const to = resolveTarget(flags.to)
  const from =
    flags.from !== undefined
      ? resolveTarget(flags.from)
      : (builtinRegistry().detect(file) ?? resolveTarget('opencode'))
  for (const t of [from, to]) if (!('parse' in t)) diagnostics.push(t)
  const inputs = hasErrors(diagnostics) ? { files: [], diagnostics: [] } : await readInputs(deps, [file])
  diagnostics.push(...inputs.diagnostics)
  const input = inputs.files[0]
  let files: { path: string; contents: string }[] = []
  if (input && !hasErrors(diagnostics)) {
    const result = convert(from as Target, to as Target, input, {
      targetOptions: flags.claudeSettings ? { claude: { settings: true } } : {},
      references: flags.rewriteReferences ? 'rewrite' : 'report',
    })
    diagnostics.push(...result.diagnostics)
    if (result.value) {
      const outRoot = flags.out !== undefined ? resolve(deps.cwd, flags.out) : undefined
      const existing = new Map<string, string | undefined>()
      if (outRoot) {
        for (const out of result.value) {
          const info = await deps.fs.stat(join(outRoot, out.path))
          existing.set(
            out.path,
            info?.isFile
              ? new TextDecoder().decode(await deps.fs.readBytes(join(outRoot, out.path)))
              : undefined,
          )
        }
      }
      const resolved = resolveOutputs(result.value, (p) => existing.get(p))
      diagnostics.push(...resolved.diagnostics.map((d) => (outRoot ? inOutput(deps, outRoot, d) : d)))
      files = [...(resolved.value ?? [])]
      if (outRoot && !hasErrors(diagnostics)) {
        for (const out of files) {
          if (existing.get(out.path) === out.contents) continue
          try {
            await deps.fs.writeFileAtomic(join(outRoot, out.path), out.contents)
          } catch (error) {
            const shown = displayPath(deps, join(outRoot, out.path))
            diagnostics.push(
              createDiagnostic('AGC306', `${shown} cannot be written (${errorCode(error)}).`, {
                file: shown,
              }),
            )
            break
          }
        }
      }
    }
  }
  const failed = hasErrors(diagnostics)
  if (flags.format === 'json') {
    printJson(deps, {
      files: failed ? [] : files.map((f) => ({ path: f.path, contents: f.contents })),
      diagnostics: sortDiagnostics(diagnostics).map(diagnosticJson),
    })
    return exitCodeFor(diagnostics, flags.strict)
  }
  printDiagnostics(deps, diagnostics, flags)
  if (!failed && flags.out === undefined) {
    if (files.length === 1) deps.stdout(files[0]!.contents)
    else for (const f of files) deps.stdout(`==> ${f.path} <==\n${f.contents}`)
  } else if (!failed) {
    for (const f of files)
      deps.stdout(`wrote ${displayPath(deps, join(resolve(deps.cwd, flags.out!), f.path))}\n`)
  }
  return exitCodeFor(diagnostics, flags.strict)
}
