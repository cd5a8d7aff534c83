import {
  type AgentDocument,
  bodyTree,
  type Diagnostic,
  hasErrors,
  parseFile,
  sortDiagnostics,
  type Target,
} from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import type { Deps } from '../io/deps'
import { readInputs } from '../io/read-inputs'
import {
  diagnosticJson,
  exitCodeFor,
  type OutputFormat,
  plural,
  printDiagnostics,
  printJson,
  printSummary,
  readSources,
  type SourceText,
} from '../report'
import { resolveTarget } from '../targets'

/** The flags of `agentc inspect`. */
export interface InspectFlags {
  from?: string
  format: OutputFormat
  raw?: boolean
  ast?: boolean
}

/**
 * What `agentc inspect` does (see ./inspect.command for the command line).
 * @returns The exit code.
 */
export async function runInspect(deps: Deps, file: string, flags: InspectFlags): Promise<number> {
  const diagnostics: Diagnostic[] = []
  const from =
    flags.from !== undefined
      ? resolveTarget(flags.from)
      : (builtinRegistry().detect(file) ?? resolveTarget('opencode'))
  let docs: readonly AgentDocument[] = []
  let read: SourceText[] = []
  if (!('parse' in from)) diagnostics.push(from)
  else {
    const inputs = await readInputs(deps, [file])
    diagnostics.push(...inputs.diagnostics)
    read = inputs.files
    const input = inputs.files[0]
    if (input) {
      const parsed = parseFile(from as Target, input)
      diagnostics.push(...parsed.diagnostics)
      docs = parsed.value ?? []
    }
  }
  const shown: unknown[] = docs.map((d) =>
    flags.ast
      ? bodyTree(d.body)
      : flags.raw || !d.source
        ? d
        : { ...d, source: { ...d.source, raw: undefined } },
  )
  if (flags.format === 'json') {
    printJson(deps, {
      documents: hasErrors(diagnostics) ? [] : shown,
      diagnostics: sortDiagnostics(diagnostics).map(diagnosticJson),
    })
  } else {
    const sources = await readSources(deps, diagnostics, read)
    printDiagnostics(deps, diagnostics, { format: flags.format, sources })
    if (!hasErrors(diagnostics)) printJson(deps, shown.length === 1 ? shown[0] : shown)
    const done = `${file} read as ${(from as Target).id} (${plural(docs.length, 'agent')})`
    printSummary(deps, diagnostics, { done, failed: 'nothing to show' })
  }
  return exitCodeFor(diagnostics)
}
