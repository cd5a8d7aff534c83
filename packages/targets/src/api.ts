/**
 * The library API: agentc by text and target id, for programs that import it. Pure (no file
 * system, no Node built-ins), so it runs in a browser as well as in Node. No function here throws
 * on bad input: every problem, an unknown target id or a value of the wrong type included, comes
 * back as a {@link Diagnostic}.
 *
 * ```ts
 * import { convert, formatDiagnostics } from '@agentc/targets' // or from 'agentc'
 *
 * const { files, diagnostics } = convert(text, { from: 'opencode', to: 'claude', path: 'agents/reviewer.md' })
 * ```
 *
 * @module
 */
import {
  type AgentDocument,
  type Capabilities,
  createDiagnostic,
  type Diagnostic,
  emitDocument,
  hasErrors,
  type Limits,
  type OutputFile,
  type PipelineOptions,
  parseFile,
  resolveOutputs,
  type Target,
  type TargetOptions,
} from '@agentc/core'
import { type BuiltinTargetId, builtinRegistry, SOURCE_TARGET } from './index'

export type {
  AgentDocument,
  Capabilities,
  Diagnostic,
  FormatOptions,
  Limits,
  Severity,
  Support,
  TargetOptions,
} from '@agentc/core'
export { formatDiagnostics } from '@agentc/core'

/**
 * A target id: one of the built-in ids (`opencode`, `claude`, `cursor`, …; {@link targets} lists
 * them). Any other string is accepted by the types and reported as AGC301 when used.
 */
export type TargetIdInput = BuiltinTargetId | (string & {})

/** A file the library produced: a project-relative POSIX path and the file's full text. */
export interface GeneratedFile {
  /** Project-relative POSIX path, e.g. `.claude/agents/reviewer.md`. */
  readonly path: string
  /** The complete contents to write there. */
  readonly contents: string
}

/**
 * The current text of files that outputs are merged into (`.roomodes`, `AGENTS.md`,
 * `.claude/settings.json`), by project-relative path: a record, or a function returning
 * undefined for a file that does not exist. Without it, such outputs are written as new files.
 */
export type ExistingFiles = Readonly<Record<string, string>> | ((path: string) => string | undefined)

/** Options shared by {@link convert}, {@link parse} and {@link emit}. */
export interface CommonOptions {
  /** Options of individual targets, keyed by target id (e.g. `{ claude: { settings: true } }`). */
  readonly targetOptions?: TargetOptions
  /** Input limits (file size, line length); the defaults are the CLI's. */
  readonly limits?: Partial<Limits>
}

/** Options of {@link parse}. */
export interface ParseOptions extends CommonOptions {
  /**
   * The format of the text. Default: the target whose files live at `path` (as the CLI guesses
   * it), else `opencode`, the source format.
   */
  readonly from?: TargetIdInput
  /**
   * The file's project-relative path (default `agent.md`). Diagnostics name it, and formats that
   * take the agent's name from the file name (OpenCode, Claude Code, Cursor, …) read it from here.
   */
  readonly path?: string
}

/** Options of {@link emit}. */
export interface EmitOptions extends CommonOptions {
  /** The format to write. */
  readonly to: TargetIdInput
  /** Files to merge outputs into; see {@link ExistingFiles}. */
  readonly existing?: ExistingFiles
}

/** Options of {@link convert}. */
export interface ConvertOptions extends ParseOptions {
  /** The format to write. */
  readonly to: TargetIdInput
  /** Files to merge outputs into; see {@link ExistingFiles}. */
  readonly existing?: ExistingFiles
  /**
   * What to do with the prompt's references to the source tool's names and paths (`the Read
   * tool`, `.claude/agents/`): `report` them (AGC209, the default) or `rewrite` them to the
   * target's spelling (AGC210).
   */
  readonly references?: 'report' | 'rewrite'
}

/**
 * What {@link convert} and {@link emit} return: the files to write (sorted by path, merged
 * outputs resolved) and every diagnostic. When a diagnostic is an error, `files` is empty.
 */
export interface ConvertResult {
  /** The files to write, sorted by path; empty when a diagnostic is an error. */
  readonly files: readonly GeneratedFile[]
  /** Every problem and loss, each with its code, severity, message and position. */
  readonly diagnostics: readonly Diagnostic[]
}

/** What {@link parse} returns: the documents in the text and every diagnostic. */
export interface ParseResult {
  /** The agents the text defines (usually one); empty when a diagnostic is an error. */
  readonly documents: readonly AgentDocument[]
  /** Every problem found while reading, with its position in the text. */
  readonly diagnostics: readonly Diagnostic[]
}

/** A built-in target, as {@link targets} describes it. Plain data. */
export interface TargetInfo {
  /** The id `from`, `to` and the CLI's `--target` take. */
  readonly id: BuiltinTargetId
  /** Human name, e.g. `Claude Code subagents`. */
  readonly displayName: string
  /** `agent`: a file per agent with its own prompt; `rule`: instructions with an activation. */
  readonly kind: 'agent' | 'rule'
  /** Globs of the files the target reads, relative to the project root. */
  readonly paths: readonly string[]
  /** How much of each IR feature the format can hold: `full`, `partial` or `none`. */
  readonly capabilities: Capabilities
}

/**
 * Converts the text of one file from one format to another: parses it with `from`, emits every
 * agent in it with `to`, and reports every loss on the way with its code and its position in
 * the text.
 * @param text The file's contents.
 * @param options `to` (required), `from` and `path`, and the optional settings of {@link ConvertOptions}.
 * @returns The files to write and the diagnostics; `files` is empty when there is an error
 * (an unknown target id is AGC301, text that is not a string AGC005).
 * @example
 * const { files, diagnostics } = convert(text, { from: 'opencode', to: 'cursor', path: 'agents/reviewer.md' })
 * // files: [{ path: '.cursor/rules/reviewer.mdc', contents: '---\ndescription: …' }]
 */
export function convert(text: string, options: ConvertOptions): ConvertResult {
  return guarded(() => {
    const opts = optionsObject(options)
    const problems: Diagnostic[] = []
    const input = readInput(text, opts, problems)
    const to = targetFor(opts.to, 'to', problems)
    if (!input || !to) return { files: [], diagnostics: problems }
    const pipeline = pipelineOptions(opts)
    const parsed = parseFile(input.from, input.file, pipeline)
    if (!parsed.value) return { files: [], diagnostics: parsed.diagnostics }
    const diagnostics = [...parsed.diagnostics]
    const outputs: OutputFile[] = []
    for (const doc of parsed.value) {
      const emitted = emitDocument(to, doc, {
        ...pipeline,
        from: input.from,
        ...(opts.references !== undefined ? { references: opts.references } : {}),
      })
      diagnostics.push(...emitted.diagnostics)
      if (emitted.value) outputs.push(...emitted.value)
    }
    return finish(outputs, diagnostics, opts.existing)
  }, noFiles)
}

/**
 * Parses the text of one file into agentc's IR ({@link AgentDocument}), ready for {@link emit}.
 * @param text The file's contents.
 * @param options `from` and `path`, and the optional settings of {@link ParseOptions}.
 * @returns The documents and the diagnostics; `documents` is empty when there is an error.
 * @example
 * const { documents } = parse(text, { from: 'claude', path: '.claude/agents/reviewer.md' })
 * // documents[0].name === 'reviewer'
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  return guarded(
    () => {
      const opts = optionsObject(options)
      const problems: Diagnostic[] = []
      const input = readInput(text, opts, problems)
      if (!input) return { documents: [], diagnostics: problems }
      const parsed = parseFile(input.from, input.file, pipelineOptions(opts))
      return { documents: parsed.value ?? [], diagnostics: parsed.diagnostics }
    },
    (diagnostics) => ({ documents: [], diagnostics }),
  )
}

/**
 * Emits one document in a target's format. Every field the target cannot hold is reported
 * (AGC201, positioned in the document's source file when it came from {@link parse}); a value
 * that is not a valid document is AGC101.
 * @param document The agent, from {@link parse} or built by hand (it is checked against the IR schema).
 * @param options `to`, and the optional settings of {@link EmitOptions}.
 * @returns The files to write and the diagnostics; `files` is empty when there is an error.
 * @example
 * const { files } = emit(documents[0], { to: 'copilot' })
 * // files: [{ path: '.github/agents/reviewer.agent.md', contents: '---\nname: reviewer\n…' }]
 */
export function emit(document: AgentDocument, options: EmitOptions): ConvertResult {
  return guarded(() => {
    const opts = optionsObject(options)
    const problems: Diagnostic[] = []
    const to = targetFor(opts.to, 'to', problems)
    if (!to) return { files: [], diagnostics: problems }
    const emitted = emitDocument(to, document, pipelineOptions(opts))
    return finish(emitted.value ?? [], [...emitted.diagnostics], opts.existing)
  }, noFiles)
}

/**
 * Lists the built-in targets and what each can express, in the order `agentc targets` prints
 * them: the source format first, then the agent formats, then the rule formats.
 * @returns Fresh plain objects; changing them changes nothing in agentc.
 * @example
 * targets().filter((t) => t.capabilities['sampling.temperature'] === 'full').map((t) => t.id)
 */
export function targets(): TargetInfo[] {
  return builtinRegistry().targets.map((t) => ({
    id: t.id as BuiltinTargetId,
    displayName: t.displayName,
    kind: t.kind,
    paths: [...t.layout.include],
    capabilities: { ...t.capabilities },
  }))
}

/** The options object, or an empty one when the caller passed something else. */
function optionsObject<T extends object>(options: T | undefined): Partial<T> {
  return typeof options === 'object' && options !== null ? options : {}
}

function pipelineOptions(opts: CommonOptions): PipelineOptions {
  return {
    ...(opts.targetOptions !== undefined ? { targetOptions: opts.targetOptions } : {}),
    ...(opts.limits !== undefined ? { limits: opts.limits } : {}),
  }
}

/** Checks the text, path and `from` of a parse; reports what is wrong to `problems`. */
function readInput(
  text: unknown,
  opts: Partial<ParseOptions>,
  problems: Diagnostic[],
): { from: Target; file: { path: string; text: string } } | undefined {
  let path = 'agent.md'
  if (opts.path !== undefined) {
    if (typeof opts.path === 'string' && opts.path !== '') path = opts.path
    else
      problems.push(
        createDiagnostic('AGC304', `The path must be a non-empty string, not ${describe(opts.path)}.`),
      )
  }
  if (typeof text !== 'string') {
    problems.push(
      createDiagnostic('AGC005', `The text to read must be a string, not ${describe(text)}.`, { file: path }),
    )
  }
  const from =
    opts.from !== undefined
      ? targetFor(opts.from, 'from', problems)
      : (builtinRegistry().detect(path) ?? builtinRegistry().get(SOURCE_TARGET))
  if (!from || problems.length > 0 || typeof text !== 'string') return undefined
  return { from, file: { path, text } }
}

/** The built-in target with this id, or undefined after reporting AGC301. */
function targetFor(id: unknown, option: 'from' | 'to', problems: Diagnostic[]): Target | undefined {
  const registry = builtinRegistry()
  const known = registry.targets.map((t) => t.id).join(', ')
  if (typeof id !== 'string') {
    const message =
      id === undefined
        ? `No target id was given as \`${option}\``
        : `\`${option}\` must be a target id, not ${describe(id)}`
    problems.push(createDiagnostic('AGC301', `${message}; the targets are ${known}.`))
    return undefined
  }
  const target = registry.get(id.trim())
  if (target) return target
  const suggestion = registry.suggest(id)
  problems.push(
    createDiagnostic(
      'AGC301',
      `Unknown target "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the targets are ${known}.`,
    ),
  )
  return undefined
}

/** Resolves emitted outputs (merges and collisions) into plain files, unless there is an error. */
function finish(
  outputs: readonly OutputFile[],
  diagnostics: Diagnostic[],
  existing: ExistingFiles | undefined,
): ConvertResult {
  if (hasErrors(diagnostics)) return { files: [], diagnostics }
  const lookup =
    typeof existing === 'function'
      ? existing
      : typeof existing === 'object' && existing !== null
        ? (path: string) => (Object.hasOwn(existing, path) ? existing[path] : undefined)
        : () => undefined
  const resolved = resolveOutputs(outputs, (path) => {
    try {
      const text = lookup(path)
      return typeof text === 'string' ? text : undefined
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      diagnostics.push(
        createDiagnostic('AGC304', `The existing ${path} could not be read: ${why}.`, { file: path }),
      )
      return undefined
    }
  })
  diagnostics.push(...resolved.diagnostics)
  const files = hasErrors(diagnostics)
    ? []
    : (resolved.value ?? []).map((f) => ({ path: f.path, contents: f.contents }))
  return { files, diagnostics }
}

/** Runs `work`; anything it throws (a bug) becomes AGC901. */
function guarded<T>(work: () => T, failed: (diagnostics: Diagnostic[]) => T): T {
  try {
    return work()
  } catch (error) {
    const diagnostics = [
      createDiagnostic(
        'AGC901',
        `agentc failed: ${error instanceof Error ? error.message : String(error)}.`,
        {
          ...(error instanceof Error && error.stack ? { note: error.stack } : {}),
        },
      ),
    ]
    return failed(diagnostics)
  }
}

function noFiles(diagnostics: Diagnostic[]): ConvertResult {
  return { files: [], diagnostics }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return JSON.stringify(value)
  return `the ${typeof value} ${String(value)}`
}
