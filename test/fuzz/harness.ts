/**
 * The fuzz campaign's machinery: how many cases each property runs (a quick mode inside
 * `pnpm test`, a long mode under `pnpm fuzz`), the run that counts every failing case and then
 * shrinks the first one, the JSON-lines log the campaign's printer reads, and the invariants
 * every property checks on diagnostics and output files.
 *
 * Environment:
 * - `AGENTC_FUZZ=long`: the long campaign's run counts (set by `scripts/fuzz.mjs`);
 * - `AGENTC_FUZZ_SCALE`: a multiplier on every run count (default 1);
 * - `FC_SEED`: the seed (default 0x5eed_a9c, the property tests' seed);
 * - `FC_PATH`: replay one counterexample path (with `-t` naming the test it came from);
 * - `AGENTC_FUZZ_LOG`: a file each property appends one JSON line to (set by the script).
 */
import { appendFileSync } from 'node:fs'
import {
  type AgentDocument,
  agentDocumentSchema,
  codes,
  type Diagnostic,
  emitDocument,
  isSafeRelativePath,
  matchGlob,
  type OutputFile,
  type PipelineOptions,
  parseFile,
  type Result,
  type SourceFile,
  type Target,
} from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { it } from 'vitest'

const LONG = process.env.AGENTC_FUZZ === 'long'
const SCALE = Number(process.env.AGENTC_FUZZ_SCALE ?? 1)
/** The campaign's seed. */
export const SEED = Number(process.env.FC_SEED ?? 0x5eed_a9c)
const PATH = process.env.FC_PATH
const LOG = process.env.AGENTC_FUZZ_LOG

/** No test timeout in the long campaign (a property may run for minutes); the suite's otherwise. */
const TIMEOUT = LONG ? 24 * 60 * 60 * 1000 : 60_000

/** How many cases a property runs: in `pnpm test` and in `pnpm fuzz`. */
export interface Runs {
  readonly quick: number
  readonly long: number
}

/** The number of cases for this mode. */
export function runCount(runs: Runs): number {
  return Math.max(1, Math.round((LONG ? runs.long : runs.quick) * SCALE))
}

/** One line of the campaign log. */
export interface LogLine {
  readonly file: string
  readonly property: string
  readonly target: string
  readonly runs: number
  readonly failures: number
  readonly ms: number
  readonly seed: number
  /** How often the property met each of {@link KNOWN_CORE_ISSUES}. */
  readonly known?: Readonly<Record<string, number>>
  readonly counterexample?: string
}

/**
 * Declares a test that runs a property over `arb` with the mode's run count: every case runs
 * (failures are counted, not fatal), then, when some failed, fast-check runs again with the same
 * seed, stops at the first failure, shrinks it and the test fails with the counterexample, the
 * seed and the path. One JSON line per property goes to the campaign log.
 * @param file The test file's name (for the log and the reproduction command).
 * @param property The property's name (also the test's name, with the target).
 * @param target The target id.
 * @param runs Run counts.
 * @param arb The values.
 * @param check Throws (an `expect` failure) when a value breaks the property.
 */
export function fuzzIt<T>(
  file: string,
  property: string,
  target: string,
  runs: Runs,
  arb: fc.Arbitrary<T>,
  check: (value: T) => void,
): void {
  const name = `${property} [${target}]`
  const body = () => {
    const numRuns = runCount(runs)
    known.clear()
    const started = performance.now()
    let failures = 0
    const settings = { seed: SEED, numRuns, ...(PATH ? { path: PATH } : {}) }
    const counted = fc.check(
      fc.property(arb, (value) => {
        try {
          check(value)
        } catch {
          failures++
        }
      }),
      settings,
    )
    let report: string | undefined
    if (failures > 0) {
      const details = fc.check(fc.property(arb, check), settings)
      const error =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
      const counterexample = details.counterexample ? fc.stringify(details.counterexample) : '(none)'
      report = [
        `Error: ${shorten(error, 2000)}`,
        `Counterexample: ${shorten(counterexample, 2000)}`,
        `Reproduce: FC_SEED=${SEED}${details.counterexamplePath ? ` FC_PATH=${details.counterexamplePath}` : ''} npx vitest run test/fuzz/${file} -t '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`,
      ].join('\n')
    }
    const ms = performance.now() - started
    if (LOG) {
      const line: LogLine = {
        file,
        property,
        target,
        runs: counted.numRuns,
        failures,
        ms: Math.round(ms),
        seed: SEED,
        ...(known.size > 0 ? { known: Object.fromEntries(known) } : {}),
        ...(report ? { counterexample: report } : {}),
      }
      appendFileSync(LOG, `${JSON.stringify(line)}\n`)
    }
    if (report) throw new Error(`${failures} of ${counted.numRuns} cases failed.\n${report}`)
  }
  it(name, body, TIMEOUT)
}

/**
 * Known core issues, reported to the lead and tolerated here until core fixes them (delete the
 * entry then): each property counts how often it met them, and the campaign prints the counts.
 */
export const KNOWN_CORE_ISSUES = {} as const satisfies Record<string, string>
// Fixed in core, no longer tolerated: a lone CR kept in bodies (createBody), `matchWildcard` on
// patterns too long for a RegExp, circular data from a recursive YAML alias.

const known = new Map<string, number>()
/** Counts a case that met one of {@link KNOWN_CORE_ISSUES} (none is open now). */
export function noteKnown(issue: keyof typeof KNOWN_CORE_ISSUES): void {
  known.set(issue, (known.get(issue) ?? 0) + 1)
}

/** A long text cut in the middle. */
function shorten(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max / 2)} … (${text.length - max} more characters) … ${text.slice(-max / 2)}`
}

/** The known text of files, by path, that diagnostics may point into. */
export type Texts = Readonly<Record<string, string>>

/** The lines of a text as agentc counts them: split at LF, a CR before the LF not counted. */
function linesOf(text: string): string[] {
  const lines = text.split('\n')
  return lines.map((l, i) => (i < lines.length - 1 && l.endsWith('\r') ? l.slice(0, -1) : l))
}

const show = (d: Diagnostic) =>
  `${d.code} ${d.file ?? '(no file)'}:${d.line ?? '-'}:${d.column ?? '-'} ${d.field ?? ''} ${d.message}`

/**
 * Every diagnostic has a code of the table and is not an internal error (AGC901); one with a
 * position names a file whose text is known and points inside it: `1 ≤ line ≤ lines`,
 * `1 ≤ column ≤ that line's length + 1`.
 * @param diagnostics The diagnostics.
 * @param texts The files they may point into.
 * @param positionedErrors Whether every error must have a position (a parse failure must say where).
 */
export function checkDiagnostics(
  diagnostics: readonly Diagnostic[],
  texts: Texts,
  positionedErrors = false,
): void {
  const split = new Map<string, string[]>()
  for (const d of diagnostics) {
    if (d.code === 'AGC901') throw new Error(`internal error: ${show(d)}\n${d.note ?? ''}`)
    if (!Object.hasOwn(codes, d.code)) throw new Error(`unknown code: ${show(d)}`)
    if (typeof d.message !== 'string' || d.message === '') throw new Error(`no message: ${show(d)}`)
    if (d.line === undefined && d.column === undefined) {
      if (positionedErrors && d.severity === 'error') throw new Error(`error without a position: ${show(d)}`)
      continue
    }
    const text = d.file === undefined ? undefined : Object.hasOwn(texts, d.file) ? texts[d.file] : undefined
    if (text === undefined) throw new Error(`positioned in a file that is not known: ${show(d)}`)
    let lines = split.get(d.file!)
    if (!lines) {
      lines = linesOf(text)
      split.set(d.file!, lines)
    }
    const { line, column } = d
    if (line === undefined || !Number.isInteger(line) || line < 1 || line > lines.length) {
      throw new Error(`line outside the file (${lines.length} lines): ${show(d)}`)
    }
    if (column !== undefined) {
      const length = lines[line - 1]!.length
      if (!Number.isInteger(column) || column < 1 || column > length + 1) {
        throw new Error(`column outside line ${line} (${length} characters): ${show(d)}`)
      }
    }
  }
}

/**
 * Every output path is safe and portable; every output is a string with LF line endings only,
 * except a byte-identical copy of the source file (a target re-emitting an unchanged document in
 * its own format keeps the file's bytes, CRLF included: see `shared/raw.ts`).
 * @param files The outputs.
 * @param raw The source file's text, when the document came from the emitting target.
 */
export function checkOutputs(files: readonly OutputFile[] | undefined, raw?: string): void {
  for (const file of files ?? []) {
    if (!isSafeRelativePath(file.path)) throw new Error(`unsafe output path ${JSON.stringify(file.path)}`)
    if (typeof file.contents !== 'string') throw new Error(`${file.path}: contents are not a string`)
    if (raw !== undefined && file.contents === raw) continue
    const cr = file.contents.indexOf('\r')
    if (cr !== -1) {
      throw new Error(
        `${file.path}: a CR at offset ${cr}: ${JSON.stringify(file.contents.slice(Math.max(0, cr - 40), cr + 40))}`,
      )
    }
  }
}

/**
 * Concrete paths each of a target's `layout.include` globs matches: `**` as no folder and as
 * one, `*` as a name, `{a,b}` as each, `!(x)` as another folder. Only paths the glob matches.
 */
export function examplePaths(target: Target): string[] {
  const out = new Set<string>()
  for (const glob of target.layout.include) {
    for (const path of expand(glob)) if (matchGlob(glob, path)) out.add(path)
  }
  return [...out]
}

/** File names people (and tools) give files: empty, spaced, reserved, unicode, dotted. */
const STEMS = [
  '',
  ' ',
  'a b',
  'CON',
  'nul',
  'Ünï',
  '日本',
  '-x',
  '.x',
  'x.y',
  '_',
  'a:b',
  'agents',
  'x\u202e',
]

/**
 * A path the target owns: one of {@link examplePaths}, its file name sometimes replaced by an
 * odd one (`.opencode/agents/.md`, `.claude/agents/CON.md`).
 */
export function arbPath(target: Target): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...examplePaths(target)),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant('fuzz') },
        { weight: 1, arbitrary: fc.constantFrom(...STEMS) },
      ),
    )
    .map(([path, stem]) => path.replace(/fuzz(?=[^/]*$)/, stem))
}

function expand(glob: string): string[] {
  const brace = /\{([^{}]*)\}/.exec(glob)
  if (brace) {
    return brace[1]!
      .split(',')
      .flatMap((alt) => expand(glob.slice(0, brace.index) + alt + glob.slice(brace.index + brace[0].length)))
  }
  const negated = glob.replace(/!\([^()]*\)/g, 'team')
  if (negated.includes('**/')) {
    return [...expand(negated.replace('**/', '')), ...expand(negated.replace('**/', 'deep/'))]
  }
  return [negated.replace(/\*/g, 'fuzz')]
}

/** The error a pipeline function threw, with its stack (a property failure of its own). */
function threw(what: string, error: unknown): Error {
  return new Error(
    `${what} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
}

/**
 * Parses a file and checks the invariants: no throw, diagnostics as {@link checkDiagnostics}
 * says (every error positioned), every document valid IR.
 * @returns The result.
 */
export function checkedParse(target: Target, file: SourceFile): Result<readonly AgentDocument[]> {
  let result: Result<readonly AgentDocument[]>
  try {
    result = parseFile(target, file)
  } catch (error) {
    throw threw(`parseFile(${target.id}, ${file.path})`, error)
  }
  checkDiagnostics(result.diagnostics, { [file.path]: file.text }, true)
  for (const doc of result.value ?? []) {
    try {
      JSON.stringify(doc)
    } catch (error) {
      throw new Error(`a parsed document is not plain data (${String(error)})`)
    }
    const valid = agentDocumentSchema.safeParse(doc)
    if (!valid.success) {
      const issue = valid.error.issues[0]!
      throw new Error(
        `${target.id} parsed a document that is not valid IR: \`${issue.path.join('.')}\` ${issue.message}\n${JSON.stringify({ ...doc, source: undefined })}`,
      )
    }
  }
  return result
}

/**
 * Emits a document and checks the invariants: no throw, diagnostics as {@link checkDiagnostics}
 * says (positions in the source file's text, when `texts` has it), safe paths and LF outputs.
 * @returns The result.
 */
export function checkedEmit(
  target: Target,
  doc: AgentDocument,
  texts: Texts = {},
  options: PipelineOptions = {},
): Result<readonly OutputFile[]> {
  let result: Result<readonly OutputFile[]>
  try {
    result = emitDocument(target, doc, options)
  } catch (error) {
    throw threw(`emitDocument(${target.id})`, error)
  }
  checkDiagnostics(result.diagnostics, texts)
  // `doc` may be garbage (anything at all): read its source defensively.
  const source = (doc as Partial<AgentDocument> | null | undefined)?.source
  checkOutputs(result.value, source?.target === target.id ? source.raw : undefined)
  return result
}

/**
 * Parses a file with `from` and emits every document with `to`, as `convert` does, checking
 * both steps.
 * @returns The parse result and the output files of every document.
 */
export function checkedConvert(
  from: Target,
  to: Target,
  file: SourceFile,
): { parsed: Result<readonly AgentDocument[]>; files: OutputFile[]; diagnostics: Diagnostic[] } {
  const parsed = checkedParse(from, file)
  const files: OutputFile[] = []
  const diagnostics: Diagnostic[] = []
  for (const doc of parsed.value ?? []) {
    const emitted = checkedEmit(to, doc, { [file.path]: file.text }, { from })
    diagnostics.push(...emitted.diagnostics)
    files.push(...(emitted.value ?? []))
  }
  return { parsed, files, diagnostics }
}

/** A built-in target by id (arbitraries draw ids, which print well in counterexamples). */
export function byId(id: string): Target {
  const target = builtinTargets.find((t) => t.id === id)
  if (!target) throw new Error(`no target ${id}`)
  return target
}
