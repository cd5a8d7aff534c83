import stringWidth from 'string-width'
import type { Diagnostic, Severity } from './diagnostic'

/**
 * The parts of formatted diagnostics a {@link FormatOptions.style} function may decorate:
 * the `path:line:col` location, the severity word (and the caret, in the severity's part), the
 * code, the gutter of a code frame (line numbers and bars) and notes.
 */
export type FormatPart = 'location' | 'error' | 'warning' | 'info' | 'code' | 'gutter' | 'note'

/** Options of {@link formatDiagnostics}. */
export interface FormatOptions {
  /** Lowest severity shown (default `info`: everything). */
  readonly minSeverity?: Severity
  /** Show each diagnostic's note on the next line (default false). */
  readonly verbose?: boolean
  /**
   * The text of the files the diagnostics are about, by their `file`: a map, or a function that
   * returns undefined for a file whose text is not known. With it, each error or warning that has
   * a line is followed by a code frame (the source line, its number, and a caret under the
   * column); without it, or for a file whose text is not known, the output is one line per
   * diagnostic.
   */
  readonly sources?: ReadonlyMap<string, string> | ((file: string) => string | undefined)
  /**
   * Decorates one part of the output, e.g. with terminal colours. It must return the text itself
   * plus decoration only. Default: no decoration.
   */
  readonly style?: (part: FormatPart, text: string) => string
  /**
   * The widest source excerpt of a code frame, in terminal cells (default 100, at least 20). A
   * longer line is cut around the column, with `…` where it was cut.
   */
  readonly frameWidth?: number
}

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 }

/**
 * Formats diagnostics for people. The first line of each is always
 * `path:line:col  severity  message  AGC201`; with `sources`, an error or warning with a line is
 * followed by a code frame, one frame for consecutive diagnostics at the same position:
 *
 * ```text
 * agents/a.md:4:14  error  The frontmatter is not valid YAML at `bash`: …  AGC002
 *   4 |   bash: [true
 *     |              ^
 * ```
 *
 * Columns count UTF-16 code units, a tab counting one, as positions are computed everywhere in
 * agentc (and in editors and the language server protocol). In the frame a tab is shown as four
 * spaces, control and bidirectional-override characters as visible symbols, and the caret is
 * placed by the terminal width of what precedes it (two cells for a wide CJK character or an
 * emoji). Pure; the CLI adds colour through `style`.
 * @param diagnostics The diagnostics, printed in the order given.
 * @param options Filtering, source texts for code frames, and decoration.
 * @returns The text, ending with a newline unless empty.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  const min = rank[options.minSeverity ?? 'info']
  const style = options.style ?? ((_part: FormatPart, text: string) => text)
  const source = sourceLookup(options.sources)
  const lines = new Map<string, LineIndex | undefined>()
  const shown = diagnostics.filter((d) => rank[d.severity] >= min)
  let out = ''
  for (let i = 0; i < shown.length; i++) {
    const d = shown[i]!
    out += `${style('location', oneLine(formatLocation(d)))}  ${style(d.severity, d.severity)}  ${oneLine(d.message)}  ${style('code', d.code)}\n`
    if (options.verbose && d.note) out += `    ${style('note', oneLine(d.note))}\n`
    if (!source || d.file === undefined || d.line === undefined) continue
    const next = shown[i + 1]
    if (next && samePosition(next, d)) continue
    // The last of the diagnostics at this position: one frame for all of them.
    let severity: Severity = d.severity
    for (let j = i - 1; j >= 0 && samePosition(shown[j]!, d); j--) {
      if (rank[shown[j]!.severity] > rank[severity]) severity = shown[j]!.severity
    }
    if (severity === 'info') continue
    if (!lines.has(d.file)) {
      const text = source(d.file)
      lines.set(d.file, text === undefined ? undefined : indexLines(text))
    }
    const index = lines.get(d.file)
    if (!index) continue
    out += codeFrame(index, d.line, d.column, {
      style,
      severity,
      width: Math.max(20, options.frameWidth ?? 100),
    })
  }
  return out
}

function samePosition(a: Diagnostic, b: Diagnostic): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column
}

function sourceLookup(sources: FormatOptions['sources']): ((file: string) => string | undefined) | undefined {
  if (sources === undefined) return undefined
  if (typeof sources === 'function') return sources
  return (file) => sources.get(file)
}

/** A text and the offsets at which its lines start. */
interface LineIndex {
  readonly text: string
  readonly starts: readonly number[]
}

function indexLines(text: string): LineIndex {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return { text, starts }
}

/** Line `n` (1-based) without its line ending (and without a byte-order mark on line 1). */
function lineOf(index: LineIndex, n: number): string | undefined {
  if (!Number.isInteger(n) || n < 1 || n > index.starts.length) return undefined
  const start = index.starts[n - 1]!
  const end = n < index.starts.length ? index.starts[n]! - 1 : index.text.length
  let line = index.text.slice(start, end)
  if (line.endsWith('\r')) line = line.slice(0, -1)
  if (n === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1)
  return line
}

/** How many spaces a tab is shown as in a code frame. */
export const FRAME_TAB_WIDTH = 4

/** One grapheme of a source line as the frame shows it. */
interface Cell {
  /** UTF-16 offset in the line where the grapheme starts, and where it ends. */
  readonly start: number
  readonly end: number
  readonly shown: string
  /** Terminal cells. */
  readonly width: number
}

let segmenter: Intl.Segmenter | undefined

/** The graphemes of a piece of a line that starts at offset `base` of the line. */
function cellsOf(piece: string, base: number): Cell[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const cells: Cell[] = []
  for (const { segment, index } of segmenter.segment(piece)) {
    const shown = visible(segment)
    cells.push({ start: base + index, end: base + index + segment.length, shown, width: stringWidth(shown) })
  }
  return cells
}

/**
 * A grapheme as it is safe to print: a tab as spaces; C0 controls as their Control Pictures
 * (`␀`, `␛`…), DEL as `␡`; C1 controls, bidirectional overrides and isolates (which would reorder
 * what the terminal shows) and line or paragraph separators as `�`. Nothing from the source can
 * reach the terminal as an escape sequence.
 */
/**
 * A message or path as one line of terminal output: values quoted from a hostile file (a key
 * holding an escape character, a line break, a bidi override) are shown, never obeyed; a tab is
 * shown as `␉` so the line keeps its columns.
 */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(text)
    ? visible(text.replace(/\t/g, '\u2409'))
    : text
}

function visible(segment: string): string {
  let out = ''
  for (const ch of segment) {
    const c = ch.codePointAt(0)!
    if (c === 0x09) out += ' '.repeat(FRAME_TAB_WIDTH)
    else if (c < 0x20) out += String.fromCodePoint(0x2400 + c)
    else if (c === 0x7f) out += '\u2421'
    else if (
      (c >= 0x80 && c <= 0x9f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0x2028 ||
      c === 0x2029
    )
      out += '\uFFFD'
    else out += ch
  }
  return out
}

/** The source excerpt of a frame and the cell under which the caret goes. */
interface Excerpt {
  readonly shown: string
  /** Cells before the caret, or undefined for no caret. */
  readonly caret: number | undefined
}

/**
 * Cuts a line to at most `width` cells around the column (1-based, UTF-16 code units; a column
 * inside a surrogate pair or a grapheme points at that grapheme; one past the end of the line
 * points just after it).
 */
function excerpt(line: string, column: number | undefined, width: number): Excerpt {
  const offset = column === undefined ? 0 : Math.min(Math.max(0, column - 1), line.length)
  // Only the part of a line around the column can be shown, and segmenting a very long line into
  // graphemes takes time quadratic in its length: segment `reach` code units on each side (more
  // than `width` cells of any text but a run of zero-width characters), never splitting a pair.
  const reach = 4 * width
  let lo = Math.max(0, offset - reach)
  let hi = Math.min(line.length, offset + reach)
  if (lo > 0 && isLowSurrogate(line.charCodeAt(lo))) lo--
  if (hi < line.length && isLowSurrogate(line.charCodeAt(hi))) hi++
  const cutBefore = lo > 0
  const cutAfter = hi < line.length
  const cells = cellsOf(line.slice(lo, hi), lo)
  const found = cells.findIndex((c) => c.end > offset)
  const at = found === -1 ? cells.length : found
  const positions: number[] = []
  let total = 0
  for (const c of cells) {
    positions.push(total)
    total += c.width
  }
  // Without a column (a context line), a long line is shown from its start.
  const caretAt = column === undefined ? 0 : at < cells.length ? positions[at]! : total
  if (total <= width && !cutBefore && !cutAfter) {
    return { shown: cells.map((c) => c.shown).join(''), caret: column === undefined ? undefined : caretAt }
  }
  // Too wide: keep a third of the budget before the caret, the rest after, `…` at each cut.
  const budget = width - 2
  let from = Math.max(0, caretAt - Math.floor(budget / 3))
  if (total - from < budget) from = Math.max(0, total - budget)
  let first = 0
  while (first < cells.length && positions[first]! < from) first++
  if (first > at) first = at
  let last = first
  while (last < cells.length && positions[last]! + cells[last]!.width - positions[first]! <= budget) last++
  const startCell = first < cells.length ? positions[first]! : total
  const head = first > 0 || cutBefore ? '…' : ''
  const tail = last < cells.length || cutAfter ? '…' : ''
  return {
    shown: `${head}${cells
      .slice(first, last)
      .map((c) => c.shown)
      .join('')}${tail}`,
    caret: column === undefined ? undefined : caretAt - startCell + head.length,
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** Options of {@link formatCodeFrame}. */
export interface CodeFrameOptions {
  /** Decorates the gutter and the caret (see {@link FormatOptions.style}). */
  readonly style?: (part: FormatPart, text: string) => string
  /** The severity whose part the caret is styled with (default `error`). */
  readonly severity?: Severity
  /** The widest source excerpt, in terminal cells (default 100). */
  readonly width?: number
}

/**
 * The code frame of a position: the source line with its number, then a caret under the column.
 * @param source The file's text.
 * @param line 1-based line.
 * @param column 1-based column in UTF-16 code units; without it, no caret line.
 * @param options Decoration and width.
 * @returns The frame, each line ending with a newline, or an empty string when the file has no
 * such line.
 */
export function formatCodeFrame(
  source: string,
  line: number,
  column: number | undefined,
  options: CodeFrameOptions = {},
): string {
  return codeFrame(indexLines(source), line, column, options)
}

function codeFrame(
  index: LineIndex,
  line: number,
  column: number | undefined,
  options: CodeFrameOptions,
): string {
  const text = lineOf(index, line)
  if (text === undefined) return ''
  const style = options.style ?? ((_part: FormatPart, s: string) => s)
  const { shown, caret } = excerpt(text, column, options.width ?? 100)
  const number = String(line)
  const bar = style('gutter', '|')
  const row = (n: number, shown: string) =>
    `  ${style('gutter', String(n).padStart(number.length))} ${bar}${shown === '' ? '' : ` ${shown}`}\n`
  let out = ''
  // A blank line (often the end of the file) says little alone: the line before it comes first.
  const before = text.trim() === '' ? lineOf(index, line - 1) : undefined
  if (before !== undefined) out += row(line - 1, excerpt(before, undefined, options.width ?? 100).shown)
  out += row(line, shown)
  if (caret !== undefined) {
    out += `  ${' '.repeat(number.length)} ${bar} ${' '.repeat(caret)}${style(options.severity ?? 'error', '^')}\n`
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
