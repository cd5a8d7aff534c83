/**
 * Exact conversion between Roo's `fileRegex` (a JavaScript regular expression, no flags, tested
 * with `RegExp.test` against the file path: unanchored unless it says `^` / `$`) and the IR's
 * permission patterns (`*` any run of characters, `?` one character, the rest literal, matched
 * against the whole path).
 *
 * Only the regular expressions whose set of matching paths is exactly a finite union of IR
 * patterns convert: literals and escaped punctuation, `.` `.*` `.+` `.?`, `^` and `$` at the ends
 * of an alternative, groups and alternation, small character classes, and `?` after any of
 * these. `\.(md|mdx)$` is `*.md` and `*.mdx`; `^src/` is `src/*`. Anything else (`\w`, `[^/]`,
 * `a*`, `{2}`, look-arounds, a literal `*` or `?`) does not, and the caller says so.
 */

/** One token of an expanded alternative. */
type Token =
  | { readonly kind: 'lit'; readonly ch: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'run' }
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }

/** The alternatives a regex node matches, each a token list. */
type Alternatives = Token[][]

const MAX_ALTERNATIVES = 64
const MAX_CLASS = 16

class Unsupported extends Error {}

/**
 * The IR patterns that match exactly the paths `source` matches, in the order the regex lists
 * them, or undefined when no finite list of patterns does. `['*']` means every path.
 */
export function regexToPatterns(source: string): string[] | undefined {
  try {
    new RegExp(source)
  } catch {
    return undefined
  }
  let alternatives: Alternatives
  try {
    const parser = new Parser(source)
    alternatives = parser.alternation()
    if (!parser.done()) return undefined
  } catch (error) {
    if (error instanceof Unsupported) return undefined
    throw error
  }
  const patterns: string[] = []
  for (const tokens of alternatives) {
    const pattern = toPattern(tokens)
    if (pattern === undefined) return undefined
    if (pattern === null) continue // an alternative that matches nothing
    if (!patterns.includes(pattern)) patterns.push(pattern)
  }
  if (patterns.length === 0) return undefined
  return patterns.includes('*') ? ['*'] : patterns
}

/** An IR pattern for one alternative; null when it can match nothing, undefined when inexact. */
function toPattern(tokens: readonly Token[]): string | null | undefined {
  let anchoredStart = false
  let anchoredEnd = false
  let body = ''
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.kind === 'start') {
      // `^` after something that consumed a character can never match; runs before it match
      // nothing.
      if (/[^*]/.test(body)) return null
      body = ''
      anchoredStart = true
      continue
    }
    if (token.kind === 'end') {
      // `$` before something that needs a character can never match.
      if (tokens.slice(i + 1).some((t) => t.kind === 'lit' || t.kind === 'one')) return null
      anchoredEnd = true
      continue
    }
    if (anchoredEnd) continue
    if (token.kind === 'lit') {
      if (token.ch === '*' || token.ch === '?') return undefined
      body += token.ch
    } else body += token.kind === 'one' ? '?' : '*'
  }
  let pattern = `${anchoredStart ? '' : '*'}${body}${anchoredEnd ? '' : '*'}`
  pattern = pattern.replace(/\*{2,}/g, '*')
  return pattern
}

class Parser {
  private i = 0
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length
  }

  alternation(): Alternatives {
    const out: Alternatives = [...this.sequence()]
    while (this.s[this.i] === '|') {
      this.i++
      out.push(...this.sequence())
      if (out.length > MAX_ALTERNATIVES) throw new Unsupported()
    }
    return out
  }

  private sequence(): Alternatives {
    let out: Alternatives = [[]]
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const term = this.term()
      const next: Alternatives = []
      for (const a of out) for (const b of term) next.push([...a, ...b])
      if (next.length > MAX_ALTERNATIVES) throw new Unsupported()
      out = next
    }
    return out
  }

  private term(): Alternatives {
    const atom = this.atom()
    const q = this.s[this.i]
    if (q !== '*' && q !== '+' && q !== '?') {
      if (q === '{') throw new Unsupported()
      return atom.alternatives
    }
    this.i++
    if (this.s[this.i] === '?') this.i++ // lazy: the same set of matching paths
    if (atom.anchor) throw new Unsupported()
    if (q === '?') return [[], ...atom.alternatives]
    // `*` and `+` repeat only `.` exactly (`.*` is any run; `a*` is no pattern).
    if (!atom.dot) throw new Unsupported()
    return q === '*' ? [[{ kind: 'run' }]] : [[{ kind: 'one' }, { kind: 'run' }]]
  }

  private atom(): { alternatives: Alternatives; dot?: boolean; anchor?: boolean } {
    const ch = this.s[this.i]!
    this.i++
    switch (ch) {
      case '^':
        return { alternatives: [[{ kind: 'start' }]], anchor: true }
      case '$':
        return { alternatives: [[{ kind: 'end' }]], anchor: true }
      case '.':
        return { alternatives: [[{ kind: 'one' }]], dot: true }
      case '(': {
        if (this.s[this.i] === '?') {
          if (this.s[this.i + 1] !== ':') throw new Unsupported() // look-arounds, named groups
          this.i += 2
        }
        const inner = this.alternation()
        if (this.s[this.i] !== ')') throw new Unsupported()
        this.i++
        return { alternatives: inner }
      }
      case '[':
        return { alternatives: this.charClass().map((c) => [{ kind: 'lit', ch: c }]) }
      case '\\':
        return { alternatives: [[{ kind: 'lit', ch: this.escape() }]] }
      case ')':
      case ']':
      case '{':
      case '}':
      case '*':
      case '+':
      case '?':
        throw new Unsupported()
      default:
        return { alternatives: [[{ kind: 'lit', ch }]] }
    }
  }

  /** An identity escape of punctuation (`\.`, `\/`, `\-`); classes like `\d` are not patterns. */
  private escape(): string {
    const ch = this.s[this.i]
    if (ch === undefined || /[A-Za-z0-9]/.test(ch)) throw new Unsupported()
    this.i++
    return ch
  }

  private charClass(): string[] {
    if (this.s[this.i] === '^') throw new Unsupported()
    const chars: string[] = []
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      let ch = this.s[this.i]!
      this.i++
      if (ch === '\\') ch = this.escape()
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== undefined && this.s[this.i + 1] !== ']') {
        this.i++
        let last = this.s[this.i]!
        this.i++
        if (last === '\\') last = this.escape()
        const from = ch.codePointAt(0)!
        const to = last.codePointAt(0)!
        if (to < from || to - from >= MAX_CLASS) throw new Unsupported()
        for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c))
      } else chars.push(ch)
      if (chars.length > MAX_CLASS) throw new Unsupported()
    }
    if (this.s[this.i] !== ']') throw new Unsupported()
    this.i++
    return [...new Set(chars)]
  }
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g

/**
 * A `fileRegex` matching exactly the paths one of `patterns` matches. Suffix patterns with a
 * common `*.` prefix are written the way people write them (`\.(md|mdx)$`); the result reads
 * back to the same patterns, in order. Undefined for an empty list; `''` (no restriction) when a
 * pattern matches every path.
 */
export function patternsToRegex(patterns: readonly string[]): string | undefined {
  if (patterns.length === 0) return undefined
  const parts = patterns.map((p) => p.replace(/\*{2,}/g, '*'))
  if (parts.includes('*')) return ''
  const extensions = parts.map((p) => /^\*\.([A-Za-z0-9_-]+)$/.exec(p)?.[1])
  if (parts.length > 1 && extensions.every((e) => e !== undefined)) return `\\.(${extensions.join('|')})$`
  return parts.map(patternToRegex).join('|')
}

function patternToRegex(pattern: string): string {
  let body = ''
  for (const ch of pattern) {
    if (ch === '*') body += '.*'
    else if (ch === '?') body += '.'
    else body += ch.replace(REGEX_SPECIAL, '\\$&')
  }
  const start = body.startsWith('.*') ? body.slice(2) : `^${body}`
  return start.endsWith('.*') ? start.slice(0, -2) : `${start}$`
}
