import { resolve } from 'node:path'
import {
  DEFAULT_LIMITS,
  type Diagnostic,
  type FormatPart,
  formatDiagnostics,
  sortDiagnostics,
} from '@agentc/core'
import picocolors from 'picocolors'
import type { Deps } from './io/deps'

/**
 * Output format of a command: `human` (diagnostics with code frames), `short` (one line per
 * diagnostic, for scripts and logs that count lines) or `json` (one object on stdout, for machines).
 */
export type OutputFormat = 'human' | 'short' | 'json'

/** Flags that decide how results are printed and what fails a run. */
export interface ReportOptions {
  readonly format: OutputFormat
  readonly strict?: boolean
  readonly quiet?: boolean
  readonly verbose?: boolean
  /**
   * The texts of the files the command read, by the path its diagnostics name (see
   * {@link readSources}); errors and warnings in these files get a code frame in `human` format.
   */
  readonly sources?: ReadonlyMap<string, string>
}

/** The exit code for a set of diagnostics: 1 for errors (or warnings under `--strict`), else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict = false): number {
  if (diagnostics.some((d) => d.severity === 'error')) return 1
  if (strict && diagnostics.some((d) => d.severity === 'warning')) return 1
  return 0
}

/**
 * Whether to print colours on stderr. Following Node's own rules: `FORCE_COLOR` set to `1`, `2`,
 * `3`, `true` or the empty string forces colours on (even when `NO_COLOR` is set), any other value
 * forces them off; otherwise a non-empty `NO_COLOR` turns them off, and they are on only when
 * stderr is a terminal whose `TERM` is not `dumb`.
 */
export function colourEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force)
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return isTTY && env.TERM !== 'dumb'
}

/** The styling of each part of a diagnostic, with colours or without. */
export function diagnosticStyle(colour: boolean): (part: FormatPart, text: string) => string {
  if (!colour) return (_part, text) => text
  const c = picocolors.createColors(true)
  const styles: Record<FormatPart, (text: string) => string> = {
    location: c.bold,
    error: (t) => c.bold(c.red(t)),
    warning: (t) => c.bold(c.yellow(t)),
    info: c.cyan,
    code: c.dim,
    gutter: c.blue,
    note: c.dim,
  }
  return (part, text) => styles[part](text)
}

/**
 * Prints diagnostics for people on stderr (sorted by file and position). In `human` format an
 * error or warning in a file whose text is in `options.sources` is followed by a code frame, and
 * a failed run ends with a pointer to `agentc explain`; `short` prints one line per diagnostic.
 * Colours follow {@link colourEnabled}.
 */
export function printDiagnostics(
  deps: Deps,
  diagnostics: readonly Diagnostic[],
  options: ReportOptions,
): void {
  const human = options.format !== 'short'
  const minSeverity = options.quiet ? 'error' : 'info'
  const text = formatDiagnostics(sortDiagnostics(diagnostics), {
    minSeverity,
    verbose: options.verbose ?? false,
    style: diagnosticStyle(colourEnabled(deps.env ?? {}, deps.stderrIsTTY ?? false)),
    ...(human && options.sources ? { sources: options.sources } : {}),
  })
  if (!text) return
  deps.stderr(text)
  const error = sortDiagnostics(diagnostics).find((d) => d.severity === 'error')
  if (human && error && !options.quiet) {
    deps.stderr(`agentc: run \`agentc explain ${error.code}\` for what a code means and how to fix it\n`)
  }
}

/** A file a command read, by the path its diagnostics name. */
export interface SourceText {
  readonly path: string
  readonly text: string
}

/**
 * The texts for the code frames of `diagnostics`: the files the command read (`known`), and,
 * for an error or warning with a position in any other file (an existing output agentc could not
 * merge into, its manifest), that file as it is now on disk — a regular file no larger than the
 * default size limit, in UTF-8, else no frame.
 */
export async function readSources(
  deps: Deps,
  diagnostics: readonly Diagnostic[],
  known: readonly SourceText[] = [],
): Promise<Map<string, string>> {
  const sources = new Map<string, string>()
  for (const file of known) sources.set(file.path, file.text)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (const d of diagnostics) {
    if (d.file === undefined || d.line === undefined || d.severity === 'info' || sources.has(d.file)) continue
    const path = resolve(deps.cwd, d.file)
    const info = await deps.fs.lstat(path)
    if (!info?.isFile || info.isSymbolicLink || info.size > DEFAULT_LIMITS.maxFileBytes) continue
    try {
      sources.set(d.file, decoder.decode(await deps.fs.readBytes(path)))
    } catch {
      // Unreadable or not text: no frame.
    }
  }
  return sources
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

/**
 * Prints the closing line of a command on stderr, the same for every command:
 * `agentc: <what>; 2 warnings` when it succeeded (nothing under `--quiet`), or
 * `agentc: <failed> (1 error, 2 warnings)` when it failed.
 */
export function printSummary(
  deps: Deps,
  diagnostics: readonly Diagnostic[],
  text: { readonly done: string; readonly failed: string },
  options: { readonly quiet?: boolean } = {},
): void {
  const counts = countSummary(diagnostics)
  if (diagnostics.some((d) => d.severity === 'error')) deps.stderr(`agentc: ${text.failed} (${counts})\n`)
  else if (!options.quiet) deps.stderr(`agentc: ${text.done}${counts ? `; ${counts}` : ''}\n`)
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * Whether a diagnostic is a loss of a compiled agent (AGC2xx) or an override applied (AGC311):
 * the content of a pack's release (LOSSES.md), which `pack` and `add` list only with --verbose.
 */
export function isLoss(d: Diagnostic): boolean {
  return d.code.startsWith('AGC2') || d.code === 'AGC311'
}
