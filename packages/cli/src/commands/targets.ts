import { FEATURES } from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import type { Deps } from '../io/deps'
import { type OutputFormat, printJson } from '../report'

/** The flags of `agentc targets`. */
export interface TargetsFlags {
  format: OutputFormat
  capabilities?: boolean
}

/** What `agentc targets` does (see ./targets.command for the command line): lists the targets. */
export function listTargets(deps: Deps, flags: TargetsFlags): void {
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
}
