/**
 * Safety limits on input. agentc reads files people (and generators) wrote; a 2 GB log renamed
 * `.md`, a minified line of a megabyte or a YAML "billion laughs" must end in a clear error
 * (AGC007), not an exhausted machine.
 */

/** Limits a user may raise (CLI flags `--max-file-size`, `--max-line-length`, `--max-files`). */
export interface Limits {
  /** Largest input file, in bytes of UTF-8. Default 1 MiB. */
  readonly maxFileBytes: number
  /** Longest line of an input file, in UTF-16 code units. Default 100,000. */
  readonly maxLineLength: number
  /** Most input files in one run. Default 10,000. */
  readonly maxFiles: number
}

/** The default limits: far above any real agent file (the largest in the corpus is 267 KB). */
export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 1024 * 1024,
  maxLineLength: 100_000,
  maxFiles: 10_000,
}

/**
 * Deepest nesting of maps and lists in structured data (frontmatter, JSON, TOML). Real agent
 * files nest four or five levels; recursive parsers overflow the stack near ten thousand.
 */
export const MAX_NESTING = 64

/** Most YAML aliases expanded in one document (the yaml library's own default). */
export const MAX_ALIASES = 100

/** A limit problem at a position of a text. */
export interface LimitProblem {
  readonly message: string
  /** 0-based offset in the text. */
  readonly offset: number
}

/** The number of bytes of a string encoded as UTF-8 (lone surrogates count as 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** `1 MiB`, `512 KiB`, `100 bytes`: a byte count for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}

/**
 * Checks a file's text against the size and line-length limits.
 * @returns The first problem, or undefined.
 */
export function checkTextLimits(text: string, limits: Limits): LimitProblem | undefined {
  if (text.length > limits.maxFileBytes || text.length * 3 > limits.maxFileBytes) {
    const bytes = utf8Length(text)
    if (bytes > limits.maxFileBytes) {
      return {
        message: `The file is ${formatBytes(bytes)}, more than the limit of ${formatBytes(limits.maxFileBytes)} (raise it with --max-file-size).`,
        offset: 0,
      }
    }
  }
  let start = 0
  while (start <= text.length) {
    const eol = text.indexOf('\n', start)
    const end = eol === -1 ? text.length : eol
    if (end - start > limits.maxLineLength) {
      return {
        message: `This line is ${end - start} characters long, more than the limit of ${limits.maxLineLength} (raise it with --max-line-length).`,
        offset: start,
      }
    }
    if (eol === -1) break
    start = eol + 1
  }
  return undefined
}

/**
 * Finds where brackets in structured text (YAML flow collections, JSON, TOML arrays and inline
 * tables) nest deeper than `max`, skipping quoted strings and `#` comments. A cheap guard run
 * before a recursive parser sees the text; it may over-count brackets inside YAML block scalars,
 * which only matters past `max` levels.
 * @returns The problem at the first bracket beyond the limit, or undefined.
 */
export function checkNesting(text: string, max: number = MAX_NESTING): LimitProblem | undefined {
  const tooDeep = (offset: number): LimitProblem => ({
    message: `The data nests more than ${max} levels deep here; agentc refuses it rather than risk exhausting memory.`,
    offset,
  })
  if (blockLevels(text, 0) > max) return tooDeep(0)
  let depth = 0
  let quote = ''
  let lineStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === '\\' && quote === '"') i++
      else if (c === quote) quote = ''
      else if (c === '\n' && quote === "'" && text[i + 1] === '\n') quote = ''
      continue
    }
    if (c === '\n') {
      lineStart = true
      if (blockLevels(text, i + 1) > max) return tooDeep(i + 1)
      continue
    }
    if (c === '"') quote = c
    else if (c === "'" && (lineStart || /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = c
    else if (c === '#' && /\s/.test(text[i - 1] ?? '\n')) {
      const eol = text.indexOf('\n', i)
      i = eol === -1 ? text.length : eol - 1
    } else if (c === '[' || c === '{') {
      depth++
      if (depth > max) return tooDeep(i)
    } else if ((c === ']' || c === '}') && depth > 0) depth--
    if (c !== ' ' && c !== '\t') lineStart = false
  }
  return undefined
}

/**
 * How many block collections open on the line starting at `start`: compact YAML nests one level
 * per indicator (`- - - x`, `? ? x`, `: : x`). Part of {@link checkNesting}'s rules, shared
 * with guards that apply them piece by piece.
 */
export function blockLevels(text: string, start: number): number {
  let levels = 0
  let j = start
  const blank = (k: number) => text[k] === ' ' || text[k] === '\t'
  while (blank(j)) j++
  while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && blank(j + 1)) {
    levels++
    j += 2
    while (blank(j)) j++
  }
  return levels
}

/** The 1-based line and column of a 0-based offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
