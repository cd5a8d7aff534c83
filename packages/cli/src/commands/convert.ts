import { resolve } from 'node:path'
import {
  convertFile,
  type Diagnostic,
  hasErrors,
  resolveOutputs,
  sortDiagnostics,
  type Target,
} from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import type { Deps } from '../io/deps'
import { type FileStatus, syncOutputs } from '../io/output-root'
import { readInputs } from '../io/read-inputs'
import { limitsFrom } from '../limits'
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
import { resolveTarget, unmergeOf } from '../targets'

/** The flags of `agentc convert`. */
export interface ConvertFlags {
  from?: string
  to: string
  out?: string
  strict?: boolean
  format: OutputFormat
  quiet?: boolean
  verbose?: boolean
  claudeSettings?: boolean
  rewriteReferences?: boolean
  force?: boolean
  maxFileSize?: number
  maxLineLength?: number
}

/**
 * What `agentc convert` does (see ./convert.command for the command line).
 * @returns The exit code.
 */
export async function runConvert(deps: Deps, file: string, flags: ConvertFlags): Promise<number> {
  const diagnostics: Diagnostic[] = []
  const to = resolveTarget(flags.to)
  const from =
    flags.from !== undefined
      ? resolveTarget(flags.from)
      : (builtinRegistry().detect(file) ?? resolveTarget('opencode'))
  for (const t of [from, to]) if (!('parse' in t)) diagnostics.push(t)
  const limits = limitsFrom(flags)
  const inputs = hasErrors(diagnostics)
    ? { files: [], diagnostics: [] }
    : await readInputs(deps, [file], { limits })
  diagnostics.push(...inputs.diagnostics)
  const input = inputs.files[0]
  let files: { path: string; contents: string; display?: string; status?: FileStatus }[] = []
  if (input && !hasErrors(diagnostics)) {
    const result = convertFile(from as Target, to as Target, input, {
      targetOptions: flags.claudeSettings ? { claude: { settings: true } } : {},
      references: flags.rewriteReferences ? 'rewrite' : 'report',
      limits,
    })
    diagnostics.push(...result.diagnostics)
    if (result.value && flags.out !== undefined) {
      const synced = await syncOutputs(deps, {
        root: resolve(deps.cwd, flags.out),
        outputs: result.value.map((o) => ({ ...o, origin: input.path, target: (to as Target).id })),
        scope: { targets: new Set([(to as Target).id]), inputs: [resolve(deps.cwd, file)] },
        mode: 'write',
        force: flags.force ?? false,
        unmerge: unmergeOf,
      })
      diagnostics.push(...synced.diagnostics)
      files = synced.files
    } else if (result.value) {
      const resolved = resolveOutputs(result.value, () => undefined)
      diagnostics.push(...resolved.diagnostics)
      files = [...(resolved.value ?? [])]
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
  printDiagnostics(deps, diagnostics, {
    ...flags,
    sources: await readSources(deps, diagnostics, inputs.files),
  })
  if (!failed && flags.out === undefined) {
    if (files.length === 1) deps.stdout(files[0]!.contents)
    else for (const f of files) deps.stdout(`==> ${f.path} <==\n${f.contents}`)
  } else if (!failed) {
    for (const f of files) {
      if (f.status === 'unchanged') continue
      deps.stdout(`${f.status === 'deleted' ? 'deleted' : 'wrote'} ${f.display ?? f.path}\n`)
    }
  }
  const count = (...statuses: (FileStatus | undefined)[]) =>
    files.filter((f) => statuses.includes(f.status)).length
  const deleted = count('deleted')
  printSummary(
    deps,
    diagnostics,
    {
      done:
        flags.out === undefined
          ? `${file} converted to ${(to as Target).id} (${plural(files.length, 'file')})`
          : `${plural(count('new', 'changed'), 'file')} written, ${count('unchanged')} unchanged${deleted > 0 ? `, ${deleted} deleted` : ''}`,
      failed: flags.out === undefined ? 'nothing converted' : 'nothing written',
    },
    flags,
  )
  return exitCodeFor(diagnostics, flags.strict)
}
