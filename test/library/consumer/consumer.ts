/**
 * A program that uses agentc as a library, the way a consumer writes it: only the public API of
 * the published packages. `types.test.ts` type-checks it against the packages' emitted
 * declarations (as installed from npm, with Node's ESM resolution and with a bundler's), then
 * runs it. The `@ts-expect-error` lines fail the check if the types ever decay to `any`.
 */
import { parseFile } from '@agentc/core'
import { builtinTargets, opencode } from '@agentc/targets'
import {
  type ConvertOptions,
  type ConvertResult,
  convert,
  type Diagnostic,
  emit,
  formatDiagnostics,
  type GeneratedFile,
  parse,
  type TargetInfo,
  targets,
} from 'agentc'

/** One target's output for an agent. */
export interface Compiled {
  readonly id: string
  readonly files: readonly GeneratedFile[]
  readonly warnings: number
  readonly report: string
}

/** Converts an agent in the source format to every built-in target. */
export function compileEverywhere(text: string, path: string): Compiled[] {
  return targets().map((target: TargetInfo) => {
    const options: ConvertOptions = { from: 'opencode', to: target.id, path }
    const result: ConvertResult = convert(text, options)
    const warnings = result.diagnostics.filter((d: Diagnostic) => d.severity === 'warning').length
    const report = formatDiagnostics(result.diagnostics, { sources: new Map([[path, text]]) })
    return { id: target.id, files: result.files, warnings, report }
  })
}

/** Parses with the text API and with the core, and emits the parsed document to Cursor. */
export function roundAbout(
  text: string,
  path: string,
): { name: string | undefined; cursor: string | undefined } {
  const viaApi = parse(text, { from: 'opencode', path }).documents[0]
  const viaCore = parseFile(opencode, { path, text }).value?.[0]
  const cursor = viaApi ? emit(viaApi, { to: 'cursor' }).files[0]?.contents : undefined
  return { name: viaCore?.name, cursor }
}

/** Target ids, as the API and as the target objects give them. */
export function ids(): { api: string[]; objects: string[]; fullPermissions: string[] } {
  return {
    api: targets().map((t) => t.id),
    objects: builtinTargets.map((t) => t.id),
    fullPermissions: targets()
      .filter((t) => t.capabilities.permissions === 'full')
      .map((t) => t.id),
  }
}

/** A mistake a caller can make: it comes back as a diagnostic code. */
export function unknownTarget(text: string): string | undefined {
  return convert(text, { to: 'claud' }).diagnostics[0]?.code
}

export function typeErrors(text: string): void {
  // @ts-expect-error `to` is required.
  convert(text, { from: 'opencode' })
  // @ts-expect-error the text is a string.
  convert(42, { to: 'claude' })
  // @ts-expect-error a capability is full, partial or none.
  const support: 'yes' = targets()[0]!.capabilities.model
  // @ts-expect-error the result has no `value`; it has `files`.
  convert(text, { to: 'claude' }).value
  void support
}
