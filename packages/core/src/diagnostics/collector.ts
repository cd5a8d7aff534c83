import type { TargetId } from '../ir/document'
import type { FieldPath } from '../ir/features'
import { codes, type DiagnosticCode } from './codes'
import type { Diagnostic } from './diagnostic'

/** Optional details of a reported diagnostic. */
export interface ReportExtra {
  readonly field?: FieldPath
  readonly line?: number
  readonly column?: number
  readonly note?: string
  readonly file?: string
}

/** Collects diagnostics, filling in the file and target of the current step. */
export interface Collector {
  report(code: DiagnosticCode, message: string, extra?: ReportExtra): void
  readonly diagnostics: Diagnostic[]
}

/** Creates a diagnostic from the code table. */
export function createDiagnostic(
  code: DiagnosticCode,
  message: string,
  extra: ReportExtra & { target?: TargetId } = {},
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity: codes[code].severity,
    message,
  }
  if (extra.file !== undefined) d.file = extra.file
  if (extra.line !== undefined) d.line = extra.line
  if (extra.column !== undefined) d.column = extra.column
  if (extra.target !== undefined) d.target = extra.target
  if (extra.field !== undefined) d.field = extra.field
  if (extra.note !== undefined) d.note = extra.note
  return d
}

/** Creates a collector whose diagnostics carry `file` and `target` unless a report overrides them. */
export function createCollector(defaults: { file?: string; target?: TargetId } = {}): Collector {
  const diagnostics: Diagnostic[] = []
  return {
    diagnostics,
    report(code, message, extra = {}) {
      const file = extra.file ?? defaults.file
      diagnostics.push(
        createDiagnostic(code, message, {
          ...extra,
          ...(file !== undefined ? { file } : {}),
          ...(defaults.target !== undefined ? { target: defaults.target } : {}),
        }),
      )
    },
  }
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
