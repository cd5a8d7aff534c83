import { type Diagnostic, formatDiagnostics, sortDiagnostics } from '@agentc/core'
import type { Deps } from './io/deps'

/** Output format of a command. */
export type OutputFormat = 'human' | 'json'

/** Flags that decide how results are printed and what fails a run. */
export interface ReportOptions {
  readonly format: OutputFormat
  readonly strict?: boolean
  readonly quiet?: boolean
  readonly verbose?: boolean
}

/** The exit code for a set of diagnostics: 1 for errors (or warnings under `--strict`), else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict = false): number {
  if (diagnostics.some((d) => d.severity === 'error')) return 1
  if (strict && diagnostics.some((d) => d.severity === 'warning')) return 1
  return 0
}

/** Prints diagnostics for people on stderr (sorted by file and position). */
export function printDiagnostics(
  deps: Deps,
  diagnostics: readonly Diagnostic[],
  options: ReportOptions,
): void {
  const text = formatDiagnostics(sortDiagnostics(diagnostics), {
    minSeverity: options.quiet ? 'error' : 'info',
    verbose: options.verbose ?? false,
  })
  if (text) deps.stderr(text)
}

/** A diagnostic as the JSON output shows it (fixed key order). */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    target: d.target ?? null,
    field: d.field ?? null,
  }
}

/** Prints a JSON value on stdout, two-space indented, with a final newline. */
export function printJson(deps: Deps, value: unknown): void {
  deps.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

/** `3 warnings, 1 info` style counts, or an empty string when there are none. */
export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const parts: string[] = []
  for (const severity of ['error', 'warning', 'info'] as const) {
    const n = diagnostics.filter((d) => d.severity === severity).length
    if (n > 0) parts.push(`${n} ${severity}${n === 1 ? '' : 's'}`)
  }
  return parts.join(', ')
}
