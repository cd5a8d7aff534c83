import { createCollector, createDiagnostic, hasErrors } from './diagnostics/collector'
import type { Diagnostic } from './diagnostics/diagnostic'
import type { AgentDocument } from './ir/document'
import { type Feature, featureValue } from './ir/features'
import { project } from './ir/project'
import { agentDocumentSchema } from './ir/schema'
import { checkTextLimits, DEFAULT_LIMITS, type Limits, positionOf } from './limits'
import { createBody } from './markdown/body'
import { scanReferences } from './markdown/references'
import { pathProblem } from './paths'
import type { OutputFile, SourceFile, Target, TargetContext, TargetOptions } from './target/target'

/** A value (undefined when an error made it unusable) and the diagnostics found on the way. */
export interface Result<T> {
  readonly value: T | undefined
  readonly diagnostics: readonly Diagnostic[]
}

/** Options of the pipeline functions. */
export interface PipelineOptions {
  /** Options for targets, keyed by target id. */
  readonly targetOptions?: TargetOptions
  /** The target the document was parsed with (enables the body reference check). */
  readonly from?: Target
  /**
   * What to do with references in the body to the source tool's names and paths (`the Read
   * tool`, `.claude/agents/`): `report` them as info when they will be wrong in the target
   * (default), or `rewrite` them to the target's names and report each rewrite.
   */
  readonly references?: 'report' | 'rewrite'
  /** Input limits (file size, line length); the defaults are {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<Limits>
}

/**
 * Parses a file with a target. Never throws on bad input: problems are diagnostics, and the
 * value is undefined when one of them is an error.
 * @param target The target that owns the file's format.
 * @param file The file's project-relative path and text.
 * @param options Pipeline options.
 * @returns The documents in the file (usually one) and the diagnostics.
 */
export function parseFile(
  target: Target,
  file: SourceFile,
  options: PipelineOptions = {},
): Result<readonly AgentDocument[]> {
  const collector = createCollector({ file: file.path, target: target.id })
  const problem = checkText(file.text, { ...DEFAULT_LIMITS, ...options.limits })
  if (problem) {
    collector.report(problem.code, problem.message, { line: problem.line, column: problem.column })
    return { value: undefined, diagnostics: collector.diagnostics }
  }
  const ctx: TargetContext = { report: collector.report, options: options.targetOptions ?? {} }
  let docs: readonly AgentDocument[] = []
  try {
    docs = target.parse(file, ctx)
    // Read with target options, a document may hold more than its file (settings): only one
    // read without them is known to say exactly what its text says.
    const plain = Object.keys(options.targetOptions ?? {}).length === 0
    for (const doc of docs) {
      parsedDocuments.add(doc)
      if (plain) asParsed.add(doc)
    }
  } catch (error) {
    collector.report('AGC901', `agentc failed while parsing this file as ${target.id}: ${describe(error)}.`, {
      ...(error instanceof Error && error.stack ? { note: error.stack } : {}),
    })
  }
  const diagnostics = collector.diagnostics
  return { value: hasErrors(diagnostics) ? undefined : docs, diagnostics }
}

/**
 * Reports (and with `references: 'rewrite'` rewrites) the body's references to the source
 * tool's names and paths, positioned in the source file.
 */
function checkReferences(
  doc: AgentDocument,
  target: Target,
  options: PipelineOptions,
  report: TargetContext['report'],
): AgentDocument {
  const from = options.from
  if (!from || from.id === target.id || !from.vocabulary || !target.vocabulary) return doc
  const rewrite = options.references === 'rewrite'
  const { text, references } = scanReferences(doc.body.text, from.vocabulary, target.vocabulary, rewrite)
  if (references.length === 0) return doc
  const offset = bodyLineOffset(doc)
  for (const ref of references) {
    const where = { field: 'body', line: ref.line + offset, column: ref.column }
    const what = `\`${ref.found}\`, ${ref.kind === 'tool' ? 'a tool name' : 'a path'} of ${from.displayName}`
    if (ref.replacement === undefined) {
      report('AGC209', `The body mentions ${what}, which has no equivalent in ${target.displayName}.`, where)
    } else if (rewrite) {
      report(
        'AGC210',
        `The body's ${what}, was rewritten to \`${ref.replacement}\` for ${target.displayName}.`,
        where,
      )
    } else {
      report(
        'AGC209',
        `The body mentions ${what}; in ${target.displayName} it is \`${ref.replacement}\` (--rewrite-references rewrites it).`,
        where,
      )
    }
  }
  return rewrite && text !== doc.body.text ? { ...doc, body: createBody(text) } : doc
}

/** How many lines of the source file come before the body (0 when unknown). */
function bodyLineOffset(doc: AgentDocument): number {
  const body = doc.source?.fields.body
  if (body) return body.line - 1
  const raw = doc.source?.raw
  if (raw === undefined) return 0
  const lf = raw.replace(/\r\n/g, '\n')
  if (!lf.endsWith(doc.body.text)) return 0
  return lf.slice(0, lf.length - doc.body.text.length).split('\n').length - 1
}

/**
 * Emits a document with a target: projects it onto the target's capabilities, reports every
 * field the target cannot hold (AGC201, positioned at the field in the source file) and every
 * other target's extension (AGC203), then calls the target's emitter, which reports
 * approximations (AGC202 and friends).
 * @param target The target to emit.
 * @param doc The document.
 * @param options Pipeline options.
 * @returns The files, sorted by path, and the diagnostics.
 */
export function emitDocument(
  target: Target,
  doc: AgentDocument,
  options: PipelineOptions = {},
): Result<readonly OutputFile[]> {
  const invalid = checkDocument(doc)
  if (invalid) {
    return { value: undefined, diagnostics: [createDiagnostic('AGC101', invalid, { target: target.id })] }
  }
  // A body built by hand may use CRLF or CR; the IR's body is LF (as createBody makes it).
  if (doc.body.text.includes('\r')) doc = { ...doc, body: createBody(doc.body.text) }
  const file = doc.source?.path
  const collector = createCollector({ ...(file !== undefined ? { file } : {}), target: target.id })
  const fields = doc.source?.fields ?? {}
  const at = (field: string) => fields[field] ?? fields[field.split('.')[0]!]
  const { document, dropped, droppedExtensions } = project(
    doc,
    target.capabilities,
    target.id,
    target.impliedRoles,
  )
  for (const feature of dropped) {
    const pos = at(feature)
    collector.report(
      'AGC201',
      `${describeFeature(feature, featureValue(doc, feature))} cannot be expressed in ${target.displayName}; left out.`,
      { field: feature, ...(pos ? { line: pos.line, column: pos.column } : {}) },
    )
  }
  for (const [owner, key] of droppedExtensions) {
    const pos = fields[`extensions.${owner}.${key}`]
    collector.report(
      'AGC203',
      `\`${key}\` is specific to ${owner} and is not carried to ${target.displayName}.`,
      {
        field: `extensions.${owner}.${key}`,
        ...(pos ? { line: pos.line, column: pos.column } : {}),
      },
    )
  }
  const ctx: TargetContext = { report: collector.report, options: options.targetOptions ?? {} }
  const checked = checkReferences(document, target, options, collector.report)
  let files: readonly OutputFile[] = []
  try {
    files = target.emit(checked, ctx)
  } catch (error) {
    collector.report(
      'AGC901',
      `agentc failed while emitting ${doc.name} for ${target.id}: ${describe(error)}.`,
      {
        ...(error instanceof Error && error.stack ? { note: error.stack } : {}),
      },
    )
  }
  for (const out of files) {
    const problem = pathProblem(out.path)
    if (problem) {
      collector.report('AGC307', `The output path ${JSON.stringify(out.path)} is refused: ${problem}.`, {
        field: 'name',
      })
    }
  }
  const diagnostics = collector.diagnostics
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { value: hasErrors(diagnostics) ? undefined : sorted, diagnostics }
}

/** Documents made by {@link parseFile}: valid by construction, so never validated again. */
const parsedDocuments = new WeakSet<object>()

/** Documents exactly as {@link parseFile} returned them (documents are never mutated). */
const asParsed = new WeakSet<object>()

/**
 * Whether a document is the very object {@link parseFile} returned, so that it still says
 * exactly what its source text says. Every change to a document (an override, a projection, a
 * rewrite) makes a new object, so a target re-emitting a document in its own format can keep the
 * original bytes without reading them again.
 */
export function isUnchangedSinceParse(doc: AgentDocument): boolean {
  return asParsed.has(doc)
}

/**
 * Checks a document that did not come from {@link parseFile} (a library caller built it, or it
 * was read from JSON) against the IR schema, so that a malformed one is a diagnostic rather
 * than a crash inside a target.
 * @returns A message naming the first bad field, or undefined when the document is valid.
 */
function checkDocument(doc: unknown): string | undefined {
  if (typeof doc === 'object' && doc !== null && parsedDocuments.has(doc)) return undefined
  const result = agentDocumentSchema.safeParse(doc)
  if (result.success) {
    // A NUL byte would make every output binary; no file agentc reads can hold one.
    const d = result.data
    for (const [field, value] of [
      ['name', d.name],
      ['description', d.description],
      ['body.text', d.body.text],
    ] as const) {
      if (value?.includes('\u0000'))
        return `The document is not a valid agentc IR document: \`${field}\` contains a NUL character.`
    }
    parsedDocuments.add(doc as object)
    return undefined
  }
  const issue = result.error.issues[0]
  const path = issue?.path.map(String).join('.') ?? ''
  return `The document is not a valid agentc IR document: ${path ? `\`${path}\` ` : ''}${issue?.message ?? 'is malformed'}.`
}

/**
 * Converts a file from one target's format to another's: {@link parseFile}, then
 * {@link emitDocument} for each document. (The text-level `convert(text, { from, to, path })`,
 * which takes target ids, is in `@agentc/targets`.)
 * @param from The source format.
 * @param to The target format.
 * @param file The file.
 * @param options Pipeline options.
 * @returns The output files (unresolved: see {@link resolveOutputs}) and every diagnostic of both steps.
 */
export function convertFile(
  from: Target,
  to: Target,
  file: SourceFile,
  options: PipelineOptions = {},
): Result<readonly OutputFile[]> {
  const parsed = parseFile(from, file, options)
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics }
  const diagnostics = [...parsed.diagnostics]
  const files: OutputFile[] = []
  for (const doc of parsed.value) {
    const emitted = emitDocument(to, doc, { ...options, from })
    diagnostics.push(...emitted.diagnostics)
    if (emitted.value) files.push(...emitted.value)
  }
  return { value: hasErrors(diagnostics) ? undefined : files, diagnostics }
}

/**
 * Resolves the outputs of a build into final file contents: outputs that share a path and
 * have a `merge` are folded together and into the existing file (in one pass when they share a
 * `mergeAll`); any other shared path is a collision (AGC302); a malformed existing file is an
 * error (AGC305).
 * @param outputs Every output of the build.
 * @param existing Reads the current text of a path in the output folder (undefined if absent).
 * @returns Final `{path, contents}` sorted by path, and the diagnostics.
 */
export function resolveOutputs(
  outputs: readonly (OutputFile & { readonly origin?: string })[],
  existing: (path: string) => string | undefined,
): Result<readonly { readonly path: string; readonly contents: string }[]> {
  const collector = createCollector()
  const byPath = new Map<string, (OutputFile & { readonly origin?: string })[]>()
  for (const out of outputs) {
    const list = byPath.get(out.path)
    if (list) list.push(out)
    else byPath.set(out.path, [out])
  }
  const result: { path: string; contents: string }[] = []
  for (const [path, list] of byPath) {
    if (list.length > 1 && list.some((o) => !o.merge)) {
      const origins = list.map((o) => o.origin ?? '?').join(', ')
      collector.report('AGC302', `Several agents would be written to ${path} (from ${origins}).`, {
        ...(list[1]?.origin ? { file: list[1].origin } : {}),
      })
      continue
    }
    const keys = new Map<string, OutputFile & { readonly origin?: string }>()
    let collided = false
    for (const out of list) {
      if (out.key === undefined) continue
      const other = keys.get(out.key)
      if (other) {
        collector.report(
          'AGC302',
          `Two agents would both be "${out.key}" in ${path} (from ${other.origin ?? '?'} and ${out.origin ?? '?'}).`,
          { ...(out.origin ? { file: out.origin } : {}) },
        )
        collided = true
      }
      keys.set(out.key, out)
    }
    if (collided) continue
    // The first output is the file when there is none yet; the others are merged into it.
    const first = list[0]!
    const current = first.merge ? existing(path) : undefined
    let text = current ?? first.contents
    const parts = current === undefined ? list.slice(1) : list
    // One pass for all parts when they offer it (the same function), else one merge after the other.
    const mergeAll = parts.length > 1 ? parts[0]!.mergeAll : undefined
    const steps: NonNullable<OutputFile['merge']>[] =
      mergeAll && parts.every((o) => o.mergeAll === mergeAll)
        ? [(t) => mergeAll(t, parts)]
        : parts.map((o) => (t: string) => o.merge!(t))
    let failed = false
    for (const step of steps) {
      let merged: ReturnType<typeof step>
      try {
        merged = step(text)
      } catch (error) {
        collector.report('AGC901', `agentc failed while merging into ${path}: ${describe(error)}.`, {
          file: path,
          ...(error instanceof Error && error.stack ? { note: error.stack } : {}),
        })
        failed = true
        break
      }
      if (!merged.ok) {
        collector.report('AGC305', `${path} cannot be updated: ${merged.message}.`, {
          file: path,
          line: merged.line,
          column: merged.column,
        })
        failed = true
        break
      }
      text = merged.contents
    }
    if (!failed) result.push({ path, contents: text })
  }
  result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const diagnostics = collector.diagnostics
  return { value: hasErrors(diagnostics) ? undefined : result, diagnostics }
}

/**
 * Checks what every file must satisfy before a target reads it: within the size and line-length
 * limits (AGC007), and no NUL bytes (a binary file, AGC005). Invalid UTF-8 is caught where bytes
 * are decoded, in the CLI: a literal U+FFFD in valid text is just a character.
 */
function checkText(
  text: string,
  limits: Limits,
): { code: 'AGC005' | 'AGC007'; message: string; line: number; column: number } | undefined {
  const limit = checkTextLimits(text, limits)
  if (limit) return { code: 'AGC007', message: limit.message, ...positionOf(text, limit.offset) }
  const index = text.indexOf('\u0000')
  if (index === -1) return undefined
  return {
    code: 'AGC005',
    message: 'The file contains a NUL byte; it is binary, not an agent definition.',
    ...positionOf(text, index),
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const FEATURE_LABELS: Record<Feature, string> = {
  name: 'The name',
  description: 'The description',
  role: 'The role',
  model: 'The model',
  'sampling.temperature': 'The temperature',
  'sampling.topP': 'The top_p sampling',
  effort: 'The reasoning effort',
  'tools.allow': 'The tool allow-list',
  'tools.deny': 'The tool deny-list',
  permissions: 'The permission rules',
  maxSteps: 'The step limit',
  color: 'The colour',
  hidden: 'The hidden flag',
  disabled: 'The disabled flag',
  'activation.always': 'Always-on activation',
  'activation.globs': 'Glob activation',
  'activation.model-decision': 'Agent-decided activation',
  'activation.manual': 'Manual activation',
}

/** `The temperature (0.2)`: a feature and its value, for messages. */
export function describeFeature(feature: Feature, value: unknown): string {
  const label = FEATURE_LABELS[feature]
  const shown = summarizeValue(value)
  return shown === undefined ? label : `${label} (${shown})`
}

function summarizeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return value.join(', ')
    return `${value.length} rule${value.length === 1 ? '' : 's'}`
  }
  if (typeof value === 'object' && value !== null) {
    if ('written' in value) return String((value as { written: unknown }).written)
    if ('kind' in value) {
      const globs = (value as { globs?: readonly string[] }).globs
      return globs ? globs.join(', ') : undefined
    }
  }
  return undefined
}
