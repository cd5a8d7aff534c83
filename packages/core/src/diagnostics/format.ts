import type { Diagnostic, Severity } from './diagnostic'

/** Options of {@link formatDiagnostics}. */
export interface FormatOptions {
  /** Lowest severity shown (default `info`: everything). */
  readonly minSeverity?: Severity
  /** Show each diagnostic's note on the next line (default false). */
  readonly verbose?: boolean
}

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 }

/**
 * Formats diagnostics for people, one per line:
 * `path:line:col  severity  message  AGC201`. Pure; the CLI adds colour.
 * @param diagnostics The diagnostics, printed in the order given.
 * @param options Filtering and detail.
 * @returns The text, ending with a newline unless empty.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  const min = rank[options.minSeverity ?? 'info']
  let out = ''
  for (const d of diagnostics) {
    if (rank[d.severity] < min) continue
    out += `${formatLocation(d)}  ${d.severity}  ${d.message}  ${d.code}\n`
    if (options.verbose && d.note) out += `    ${d.note}\n`
  }
  return out
}

/** `path:line:col`, `path` or `agentc` when the diagnostic has no file. */
export function formatLocation(d: Diagnostic): string {
  if (d.file === undefined) return 'agentc'
  if (d.line === undefined) return d.file
  return `${d.file}:${d.line}:${d.column ?? 1}`
}

/** Sorts diagnostics by file, line, column, then code: a stable order for output and goldens. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.target ?? '', b.target ?? '') ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  )
}

/** Compares strings by UTF-16 code units: the same order on every machine, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
