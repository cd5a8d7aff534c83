import { createDiagnostic, type Diagnostic, type Target } from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'

/**
 * Resolves `--target` values (comma-separated, repeatable) to targets; unknown ids become
 * AGC301 errors naming the valid ids and the closest one.
 */
export function resolveTargets(values: readonly string[]): { targets: Target[]; diagnostics: Diagnostic[] } {
  const registry = builtinRegistry()
  const targets: Target[] = []
  const diagnostics: Diagnostic[] = []
  const ids = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '')
  for (const id of ids) {
    const target = registry.get(id)
    if (target) {
      if (!targets.includes(target)) targets.push(target)
      continue
    }
    diagnostics.push(unknownTarget(id))
  }
  return { targets, diagnostics }
}

/** An AGC301 diagnostic for an unknown target id. */
export function unknownTarget(id: string): Diagnostic {
  const registry = builtinRegistry()
  const suggestion = registry.suggest(id)
  const known = registry.targets.map((t) => t.id).join(', ')
  return createDiagnostic(
    'AGC301',
    `Unknown target "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the targets are ${known}.`,
  )
}

/** The target with this id, or an AGC301 diagnostic. */
export function resolveTarget(id: string): Target | Diagnostic {
  return builtinRegistry().get(id.trim()) ?? unknownTarget(id)
}

/** The `unmerge` of a target (for parts of shared files whose agent is gone), if it has one. */
export function unmergeOf(id: string): Target['unmerge'] {
  const target = builtinRegistry().get(id)
  return target?.unmerge?.bind(target)
}
