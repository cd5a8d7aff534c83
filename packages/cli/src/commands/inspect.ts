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
import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'
import { readInputs } from '../io/read-inputs'
import { diagnosticJson, exitCodeFor, type OutputFormat, printDiagnostics, printJson } from '../report'
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
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action(async (file: string, flags: InspectFlags) => {
      const diagnostics: Diagnostic[] = []
      const from =
        flags.from !== undefined
          ? resolveTarget(flags.from)
          : (builtinRegistry().detect(file) ?? resolveTarget('opencode'))
      let docs: readonly AgentDocument[] = []
      if (!('parse' in from)) diagnostics.push(from)
      else {
        const inputs = await readInputs(deps, [file])
        diagnostics.push(...inputs.diagnostics)
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
        printDiagnostics(deps, diagnostics, { format: 'human' })
        if (!hasErrors(diagnostics)) printJson(deps, shown.length === 1 ? shown[0] : shown)
      }
      setExit(exitCodeFor(diagnostics))
    })
}
