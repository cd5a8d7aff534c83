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
import { Command } from 'commander'
import type { Deps } from '../io/deps'
import { readInputs } from '../io/read-inputs'
import {
  diagnosticJson,
  exitCodeFor,
  formatOption,
  type OutputFormat,
  plural,
  printDiagnostics,
  printJson,
  printSummary,
  readSources,
  type SourceText,
} from '../report'
import { resolveTarget } from '../targets'

interface InspectFlags {
  from?: string
  format: OutputFormat
  raw?: boolean
  ast?: boolean
}

/** `agentc inspect`: the IR of a file as JSON. */
export function inspectCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('inspect')
    .description('print the IR of a file as JSON')
    .argument('<file>', 'the file to read')
    .option('--from <id>', 'format of the file (default: guessed from its path, else opencode)')
    .option('--raw', 'include the original text of the file (source.raw)')
    .option('--ast', 'print the markdown tree (mdast) of the body instead of the IR')
    .addOption(formatOption())
    .action(async (file: string, flags: InspectFlags) => {
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
      setExit(exitCodeFor(diagnostics))
    })
}
