import type { TargetId } from '../ir/document'
import type { FieldPath } from '../ir/features'
import type { DiagnosticCode } from './codes'

/** How serious a diagnostic is: errors fail a run, warnings fail it under `--strict`. */
export type Severity = 'error' | 'warning' | 'info'

/** A problem or loss found while parsing, converting or emitting. Plain data. */
export interface Diagnostic {
  /** Stable code, e.g. `AGC201`. */
  readonly code: DiagnosticCode
  /** Severity, from the code table. */
  readonly severity: Severity
  /** One sentence naming the field and the value. */
  readonly message: string
  /** Project-relative path of the source file the diagnostic is about. */
  readonly file?: string
  /** 1-based line in `file`. */
  readonly line?: number
  /** 1-based column in `file`. */
  readonly column?: number
  /** The target being parsed or emitted. */
  readonly target?: TargetId
  /** The IR field concerned, e.g. `sampling.temperature` or `permissions.bash`. */
  readonly field?: FieldPath
  /** A longer hint. */
  readonly note?: string
}
