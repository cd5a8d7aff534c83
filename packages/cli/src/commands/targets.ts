import { FEATURES } from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'
import { type OutputFormat, printJson } from '../report'

/** `agentc targets`: the targets and what each can express. */
export function targetsCommand(deps: Deps): Command {
  return new Command('targets')
    .description('list the targets and their capabilities')
    .option('--capabilities', 'show the capability matrix')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action((flags: { format: OutputFormat; capabilities?: boolean }) => {
      const targets = builtinRegistry().targets
      if (flags.format === 'json') {
        printJson(
          deps,
          targets.map((t) => ({
            id: t.id,
            displayName: t.displayName,
            kind: t.kind,
            paths: t.layout.include,
            capabilities: t.capabilities,
          })),
        )
        return
      }
      const width = Math.max(...targets.map((t) => t.id.length))
      for (const t of targets) {
        deps.stdout(`${t.id.padEnd(width)}  ${t.displayName} (${t.kind}) — ${t.layout.include.join(', ')}\n`)
      }
      if (flags.capabilities) {
        const col = Math.max(...FEATURES.map((f) => f.length))
        deps.stdout(`\n${''.padEnd(col)}  ${targets.map((t) => t.id.padEnd(9)).join(' ')}\n`)
        for (const feature of FEATURES) {
          deps.stdout(
            `${feature.padEnd(col)}  ${targets.map((t) => t.capabilities[feature].padEnd(9)).join(' ')}\n`,
          )
        }
      }
    })
}
