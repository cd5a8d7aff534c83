import { checkNesting, MAX_NESTING, type ParsedYaml, type Point, positionOf } from '@agentc/core'
import { parse, TomlError } from 'smol-toml'

/** A TOML document read for a target: plain data and the position of every key and value. */
export type ParsedToml = ParsedYaml

/** A TOML syntax problem at a position, or (AGC007) data nested deeper than agentc reads. */
export interface TomlProblem {
  readonly code?: 'AGC007'
  readonly message: string
  readonly line: number
  readonly column: number
}

/**
 * Parses TOML text (a leading BOM is skipped, as Codex's reader does) into plain JSON-like data
 * (objects with a normal prototype, datetimes as their text) with key and value positions, or
 * returns the syntax problem. The data is built with `Object.fromEntries`, so a `__proto__` key
 * stays an ordinary key.
 */
export function readToml(text: string): ParsedToml | TomlProblem {
  const source = text.startsWith('\ufeff') ? text.slice(1) : text
  const brackets = checkNesting(source)
  if (brackets) return { code: 'AGC007', message: brackets.message, ...positionOf(source, brackets.offset) }
  let raw: Record<string, unknown>
  try {
    raw = parse(source, { integersAsBigInt: 'asNeeded' }) as Record<string, unknown>
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '')
      return { message: reason, line: error.line, column: Math.max(1, error.column) }
    }
    return { message: String(error), line: 1, column: 1 }
  }
  // Dotted keys and table headers nest without brackets (`[a.b.c…]`): measured on the data,
  // without recursion, before anything recurses into it.
  if (depthOf(raw) > MAX_NESTING) {
    const deep = scanKeys(source).find((k) => k.path.length > MAX_NESTING)
    return {
      code: 'AGC007',
      message: `The data nests more than ${MAX_NESTING} levels deep here; agentc refuses it rather than risk exhausting memory.`,
      ...(deep?.key ?? { line: 1, column: 1 }),
    }
  }
  const data = plain(raw) as Record<string, unknown>
  // The first key with each exact path, and the first key below each path: one pass, so that a
  // file with thousands of keys is not searched once per key.
  const exact = new Map<string, ScannedKey>()
  const below = new Map<string, ScannedKey>()
  for (const k of scanKeys(source)) {
    const id = JSON.stringify(k.path)
    if (!exact.has(id)) exact.set(id, k)
    for (let n = 0; n <= k.path.length; n++) {
      const prefix = JSON.stringify(k.path.slice(0, n))
      if (!below.has(prefix)) below.set(prefix, k)
    }
  }
  const find = (path: readonly (string | number)[]) => {
    const id = JSON.stringify(path.map(String))
    return exact.get(id) ?? below.get(id)
  }
  return {
    data,
    lenient: false,
    lenientLines: [],
    keyPosition: (path) => find(path)?.key,
    valuePosition(path) {
      // The value of the longest recorded prefix (array items have no key of their own).
      for (let n = path.length; n > 0; n--) {
        const hit = exact.get(JSON.stringify(path.slice(0, n).map(String)))
        if (hit) return hit.value
      }
      return find(path)?.key
    },
  }
}

/** How deep tables and arrays nest in parsed data (1 for a flat table), counted without recursion. */
function depthOf(root: unknown): number {
  let max = 0
  const stack: [unknown, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (value === null || typeof value !== 'object' || value instanceof Date) continue
    if (depth > max) max = depth
    if (depth > MAX_NESTING) break
    for (const child of Object.values(value)) stack.push([child, depth + 1])
  }
  return max
}

/** Smol-toml values as plain JSON-like data. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
  }
  return value
}

/** A key of the document: its full dotted path (table headers included) and positions. */
interface ScannedKey {
  readonly path: readonly string[]
  readonly key: Point
  readonly value: Point
}

/**
 * Finds every key of a (valid) TOML document with the position of the key and of its value:
 * `key = value` lines (bare, quoted and dotted keys, below the current table header) and table
 * headers (`[a.b]`, `[[a]]`). Keys inside inline tables are not listed: their outer key is.
 */
function scanKeys(text: string): ScannedKey[] {
  const keys: ScannedKey[] = []
  let i = 0
  let line = 1
  let column = 1
  const n = text.length
  const point = (): Point => ({ line, column })
  const advance = (count = 1) => {
    for (let k = 0; k < count && i < n; k++) {
      if (text[i] === '\n') {
        line++
        column = 1
      } else column++
      i++
    }
  }
  const skipBlanks = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) advance()
  }
  const skipToLineEnd = () => {
    while (i < n && text[i] !== '\n') advance()
  }
  const readQuoted = (): string => {
    const quote = text[i]!
    const start = i
    advance()
    while (i < n && text[i] !== quote && text[i] !== '\n') advance(quote === '"' && text[i] === '\\' ? 2 : 1)
    advance()
    const literal = text.slice(start, i)
    if (quote === "'") return literal.slice(1, -1)
    try {
      const value = parse(`k = ${literal}`).k
      return typeof value === 'string' ? value : literal.slice(1, -1)
    } catch {
      return literal.slice(1, -1)
    }
  }
  const readKey = (): string[] => {
    const parts: string[] = []
    for (;;) {
      skipBlanks()
      const c = text[i]
      if (c === '"' || c === "'") parts.push(readQuoted())
      else {
        const start = i
        while (i < n && /[A-Za-z0-9_-]/.test(text[i]!)) advance()
        if (i === start) break
        parts.push(text.slice(start, i))
      }
      skipBlanks()
      if (text[i] !== '.') break
      advance()
    }
    return parts
  }
  const skipString = () => {
    const quote = text[i]!
    const triple = text.startsWith(quote.repeat(3), i)
    advance(triple ? 3 : 1)
    while (i < n) {
      if (quote === '"' && text[i] === '\\') {
        advance(2)
        continue
      }
      if (triple ? text.startsWith(quote.repeat(3), i) : text[i] === quote) {
        advance(triple ? 3 : 1)
        // Up to two more quotes may close a multi-line string (`""""` = one quote, then the end).
        if (triple) for (let extra = 0; extra < 2 && text[i] === quote; extra++) advance()
        return
      }
      if (!triple && text[i] === '\n') return
      advance()
    }
  }
  const skipValue = () => {
    let depth = 0
    while (i < n) {
      const c = text[i]
      if (c === '"' || c === "'") {
        skipString()
        continue
      }
      if (c === '#') {
        skipToLineEnd()
        continue
      }
      if (c === '[' || c === '{') depth++
      else if (c === ']' || c === '}') depth--
      else if (c === '\n' && depth <= 0) return
      advance()
    }
  }

  let table: string[] = []
  while (i < n) {
    skipBlanks()
    const c = text[i]
    if (c === undefined) break
    if (c === '\n' || c === '\r') {
      advance()
      continue
    }
    if (c === '#') {
      skipToLineEnd()
      continue
    }
    const start = point()
    if (c === '[') {
      advance(text[i + 1] === '[' ? 2 : 1)
      table = readKey()
      keys.push({ path: table, key: start, value: start })
      skipToLineEnd()
      continue
    }
    const before = i
    const path = readKey()
    if (i === before) {
      // Not a key (cannot happen in valid TOML): skip the line rather than loop.
      skipToLineEnd()
      continue
    }
    skipBlanks()
    if (text[i] === '=') advance()
    skipBlanks()
    keys.push({ path: [...table, ...path], key: start, value: point() })
    skipValue()
  }
  return keys
}

/** A TOML key as written: bare when it can be, else a basic string. */
export function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key)
}

/** A TOML basic string (one line; control characters escaped). */
export function tomlString(value: string): string {
  return JSON.stringify(wellFormed(value)).replace(/\u007f/g, '\\u007F')
}

/**
 * The text with each lone surrogate (which JSON or YAML escapes can produce) as U+FFFD: a TOML
 * string holds Unicode scalar values only, and `\uD800` is not a valid TOML escape.
 */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
}

/**
 * A TOML multi-line basic string for a prompt: `"""`, a newline (which TOML drops), the text with
 * backslashes, control characters and every quote that could end the string escaped, `"""`.
 * Ordinary single and double quotes stay as they are, so the prompt reads as written.
 */
export function tomlMultiline(text: string): string {
  const value = wellFormed(text)
  const out = value.replace(ESCAPED, (found: string, at: number) => {
    if (found[0] !== '"') return escapeMultilineChar(found)
    // A run of three quotes would end the string, and quotes just before the end would merge
    // with the closing delimiter: escape those runs entirely.
    return found.length >= 3 || at + found.length === value.length ? '\\"'.repeat(found.length) : found
  })
  return `"""\n${out}"""`
}

/** What a multi-line basic string may need to escape: each run of quotes, backslashes, controls (tab and LF aside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
const ESCAPED = /"+|[\\\x00-\x08\x0b-\x1f\x7f]/g

function escapeMultilineChar(c: string): string {
  if (c === '\\') return '\\\\'
  if (c === '\n' || c === '\t') return c
  const code = c.charCodeAt(0)
  if (code < 0x20 || code === 0x7f) {
    if (c === '\r') return '\\r'
    if (c === '\b') return '\\b'
    if (c === '\f') return '\\f'
    return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
  }
  return c
}

/**
 * One key and its value as TOML: `key = value` for values, or `[key]` / `[[key]]` sections for
 * tables and arrays of tables (values first, then sub-tables, as TOML requires). Arrays are
 * written `[a, b]`, tables inside arrays `{ k = v }`.
 * @param key The key (quoted when it is not bare).
 * @param value A JSON-like value without nulls.
 * @param prefix The dotted path of the table the key is in (`''` at the top).
 */
export function tomlEntry(key: string, value: unknown, prefix = ''): string {
  const path = prefix === '' ? tomlKey(key) : `${prefix}.${tomlKey(key)}`
  if (isPlainObject(value)) return tomlTable(path, value)
  if (isTableValue(value)) {
    return (value as Record<string, unknown>[]).map((item) => tomlTable(path, item, '[[')).join('\n\n')
  }
  return `${tomlKey(key)} = ${tomlInline(value)}`
}

/** A `[path]` (or `[[path]]`) section: its values, then its sub-tables. */
function tomlTable(path: string, table: Record<string, unknown>, open: '[' | '[[' = '['): string {
  const values: string[] = []
  const sections: string[] = []
  for (const [key, value] of Object.entries(table)) {
    if (isTableValue(value)) sections.push(tomlEntry(key, value, path))
    else values.push(tomlEntry(key, value, path))
  }
  const close = open === '[' ? ']' : ']]'
  // A table holding only sub-tables needs no header of its own (TOML defines it implicitly).
  const head =
    values.length > 0 || sections.length === 0 || open === '[['
      ? [`${open}${path}${close}`, ...values].join('\n')
      : ''
  return [head, ...sections].filter((s) => s !== '').join('\n\n')
}

/** A value written inline: strings, numbers, booleans, `[…]` arrays and `{ … }` tables. */
export function tomlInline(value: unknown): string {
  if (typeof value === 'string') return tomlString(value)
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan'
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
    return Object.is(value, -0) ? '-0.0' : String(value)
  }
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(', ')}]`
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlInline(v)}`)
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
  }
  return tomlString(String(value))
}

/** Whether a value is written as a table section (`[key]` or `[[key]]`) rather than `key = …`. */
export function isTableValue(value: unknown): boolean {
  if (isPlainObject(value)) return true
  return Array.isArray(value) && value.length > 0 && value.every(isPlainObject)
}

/** Whether a value is a JSON-like object (a TOML table). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/**
 * When a TOML error follows a multi-line string that ended early (a `"""` inside a `"""` string
 * closes it, and the rest of the text is then read as TOML), the lines where that string opened
 * and closed; undefined otherwise. Only blank lines and comments may lie between the closing
 * line and the error line (the text after a stray `"""` usually starts with one of them, or is
 * the error itself).
 */
export function endedEarly(text: string, errorLine: number): { opened: number; closed: number } | undefined {
  let last: { opened: number; closed: number } | undefined
  let line = 1
  let i = 0
  const n = text.length
  while (i < n && line < errorLine) {
    const c = text[i]!
    if (c === '\n') {
      line++
      i++
    } else if (c === '#') {
      while (i < n && text[i] !== '\n') i++
    } else if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const quote = c
      const opened = line
      i += 3
      while (i < n && !text.startsWith(quote.repeat(3), i)) {
        if (quote === '"' && text[i] === '\\') i++
        else if (text[i] === '\n') line++
        i++
      }
      i += 3
      while (text[i] === quote) i++
      last = { opened, closed: line }
    } else if (c === '"' || c === "'") {
      i++
      while (i < n && text[i] !== c && text[i] !== '\n') i += c === '"' && text[i] === '\\' ? 2 : 1
      i++
    } else i++
  }
  if (!last || last.closed >= errorLine) return undefined
  const between = text.split('\n').slice(last.closed, errorLine - 1)
  return between.every((l) => /^\s*(#.*)?\r?$/.test(l)) ? last : undefined
}
