import {
  type Alias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLMap,
  type Document as YamlDocument,
} from 'yaml'
import type { Point } from '../ir/document'
import { checkNesting, MAX_ALIASES, MAX_NESTING, positionOf } from '../limits'

/** A syntax problem that makes a file unreadable. */
export interface SyntaxProblem {
  readonly code: 'AGC001' | 'AGC002' | 'AGC003' | 'AGC005' | 'AGC007'
  readonly message: string
  readonly line: number
  readonly column: number
}

/** The parts of a markdown file with frontmatter. Positions are 1-based, in the original file. */
export interface FrontmatterSplit {
  /** Whether the file starts with a frontmatter block. */
  readonly present: boolean
  /** The text between the fences (original line endings). */
  readonly yamlText: string
  /** The line of the file on which `yamlText` starts. */
  readonly yamlLine: number
  /** Everything after the closing fence line, LF line endings. */
  readonly body: string
  /** The line of the file on which the body starts. */
  readonly bodyLine: number
}

const FENCE = /^---[ \t]*$/

/**
 * Finds the frontmatter of a markdown file, line by line, as remark-frontmatter reads it (a
 * property test holds the two to the same answer); no markdown parser runs on the hot path.
 * @param text The file's text, BOM included or not.
 * @returns The split, or the problem that prevents reading it.
 */
export function splitFrontmatter(text: string): FrontmatterSplit | SyntaxProblem {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const firstEol = text.indexOf('\n', start)
  const firstLine = text.slice(start, firstEol === -1 ? text.length : firstEol).replace(/\r$/, '')
  if (!FENCE.test(firstLine)) {
    return { present: false, yamlText: '', yamlLine: 1, body: toLf(text.slice(start)), bodyLine: 1 }
  }
  if (firstEol === -1) {
    return {
      code: 'AGC001',
      message: 'The frontmatter opened on line 1 is never closed with `---`.',
      line: 1,
      column: 1,
    }
  }
  let pos = firstEol + 1
  let line = 2
  while (pos <= text.length) {
    const eol = text.indexOf('\n', pos)
    const end = eol === -1 ? text.length : eol
    const content = text.slice(pos, end).replace(/\r$/, '')
    if (FENCE.test(content)) {
      const yamlText = text.slice(firstEol + 1, pos)
      const after = eol === -1 ? text.length : eol + 1
      return {
        present: true,
        yamlText: yamlText.replace(/\r?\n$/, ''),
        yamlLine: 2,
        body: toLf(text.slice(after)),
        bodyLine: line + 1,
      }
    }
    if (eol === -1) break
    pos = eol + 1
    line++
  }
  return {
    code: 'AGC001',
    message: 'The frontmatter opened on line 1 is never closed with `---`.',
    line: 1,
    column: 1,
  }
}

/**
 * Converts CRLF line endings to LF. (A lone CR is left: positions count lines by LF, as the
 * frontmatter reader does; `createBody` turns a lone CR in a body into LF.)
 */
export function toLf(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text
}

/** Parsed YAML frontmatter with key positions. */
export interface ParsedYaml {
  /** The frontmatter as plain data (a map). */
  readonly data: Record<string, unknown>
  /** Position of the key at `path` (e.g. `['permission', 'bash', 'git *']`). */
  keyPosition(path: readonly (string | number)[]): Point | undefined
  /** Position of the value at `path`. */
  valuePosition(path: readonly (string | number)[]): Point | undefined
  /** Whether the lenient reading was needed (values with `: ` or a leading `*` quoted). */
  readonly lenient: boolean
  /** Lines (1-based, in the file) whose values needed the lenient reading, with their keys. */
  readonly lenientLines: readonly { readonly line: number; readonly key: string }[]
}

/** Options of {@link parseYamlFrontmatter}. */
export interface ParseYamlOptions {
  /**
   * When the YAML is invalid, read top-level `key: value` lines whose plain value is not valid
   * YAML on its own as text, as tools with a fallback reader do:
   * - `'colons'`: only values containing `:` (OpenCode's fallback);
   * - `true`: also values starting with `*`, `&`, `!`, `%`, `@` or a backquote (Claude Code).
   * Default false: strict YAML.
   */
  readonly lenient?: boolean | 'colons'
}

/**
 * Parses frontmatter YAML with positions relative to the file.
 * @param split The result of {@link splitFrontmatter}.
 * @param options Strict or lenient reading.
 * @returns The data and positions, or the syntax problem.
 */
export function parseYamlFrontmatter(
  split: FrontmatterSplit,
  options: ParseYamlOptions = {},
): ParsedYaml | SyntaxProblem {
  const strict = parseYaml(split.yamlText, split.yamlLine)
  if (!('code' in strict) || !options.lenient || strict.code !== 'AGC002') return strict
  const { text, lines } = quoteInvalidValues(split.yamlText, options.lenient === 'colons')
  if (lines.length === 0) return strict
  const relaxed = parseYaml(text, split.yamlLine)
  if ('code' in relaxed) return strict
  return {
    ...relaxed,
    lenient: true,
    lenientLines: lines.map((l) => ({ line: l.line + split.yamlLine - 1, key: l.key })),
  }
}

function parseYaml(yamlText: string, firstLine: number): ParsedYaml | SyntaxProblem {
  const deep = checkNesting(yamlText)
  if (deep) {
    const p = positionOf(yamlText, deep.offset)
    return { code: 'AGC007', message: deep.message, line: p.line + firstLine - 1, column: p.column }
  }
  const lineCounter = new LineCounter()
  let doc: YamlDocument
  try {
    doc = parseDocument(yamlText, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
    })
  } catch (error) {
    return {
      code: 'AGC002',
      message: `The frontmatter is not valid YAML: ${String(error)}.`,
      line: firstLine,
      column: 1,
    }
  }
  const toPoint = (offset: number): Point => {
    const p = lineCounter.linePos(offset)
    return { line: p.line + firstLine - 1, column: p.col }
  }
  const error = doc.errors[0]
  if (error?.code === 'RESOURCE_EXHAUSTION') {
    return {
      code: 'AGC007',
      message: `The frontmatter nests too deeply or expands too many aliases (at most ${MAX_NESTING} levels and ${MAX_ALIASES} aliases)`,
      ...toPoint(error.pos[0]),
    }
  }
  if (error) {
    const p = toPoint(error.pos[0])
    return {
      code: 'AGC002',
      message: `The frontmatter is not valid YAML: ${yamlMessage(error.message)}.`,
      ...p,
    }
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    const p = toPoint(doc.contents.range?.[0] ?? 0)
    return { code: 'AGC003', message: 'The frontmatter must be a map of `key: value` lines.', ...p }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {}
  } catch (error) {
    const exhausted = /excessive|resource exhaustion/i.test(String(error))
    if (exhausted) {
      return {
        code: 'AGC007',
        message: `The frontmatter expands too many aliases (at most ${MAX_ALIASES}); agentc refuses it rather than risk exhausting memory.`,
        line: firstLine,
        column: 1,
      }
    }
    // An alias without its anchor (`globs: *.ts` is one): point at the `*`.
    let unresolved: Alias | undefined
    visit(doc, {
      Alias(_key, node) {
        if (node.resolve(doc) !== undefined) return undefined
        unresolved = node
        return visit.BREAK
      },
    })
    const at = unresolved?.range ? toPoint(unresolved.range[0]) : { line: firstLine, column: 1 }
    return {
      code: 'AGC002',
      message: unresolved
        ? `The frontmatter is not valid YAML: \`*${unresolved.source}\` refers to an anchor \`&${unresolved.source}\` that is not defined (quote the value if \`*\` is meant literally).`
        : `The frontmatter is not valid YAML: ${yamlMessage(String(error).replace(/^\w*Error: /, ''))}.`,
      ...at,
    }
  }
  if (isCircular(data)) {
    return {
      code: 'AGC002',
      message:
        'The frontmatter is not usable: an alias refers to the collection that contains it, which makes the data endless.',
      line: firstLine,
      column: 1,
    }
  }
  // Each map's keys, indexed on first use: looking up every key's position stays linear.
  const indexes = new WeakMap<object, Map<string, Pair>>()
  const pairOf = (map: YAMLMap, part: string | number): Pair | undefined => {
    let index = indexes.get(map)
    if (!index) {
      index = new Map()
      for (const item of map.items) {
        if (!isScalar(item.key)) continue
        const value = item.key.value
        // toJS names a `null:` / `~:` key ""; the first of repeated keys wins, as in the data.
        const name = value === null ? '' : String(value)
        if (!index.has(name)) index.set(name, item as Pair)
        if (value === null && !index.has('null')) index.set('null', item as Pair)
      }
      indexes.set(map, index)
    }
    return index.get(String(part))
  }
  const find = (path: readonly (string | number)[]): { key?: Node; value?: Node } | undefined => {
    let node: unknown = doc.contents
    let key: Node | undefined
    for (const part of path) {
      if (isMap(node)) {
        const pair = pairOf(node as YAMLMap, part)
        if (!pair) return undefined
        key = pair.key as Node
        node = pair.value
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part]
        key = node as Node
      } else return undefined
    }
    return { ...(key ? { key } : {}), ...(node ? { value: node as Node } : {}) }
  }
  return {
    data: data as Record<string, unknown>,
    lenient: false,
    lenientLines: [],
    keyPosition(path) {
      const range = find(path)?.key?.range
      return range ? toPoint(range[0]) : undefined
    },
    valuePosition(path) {
      const found = find(path)
      const range = found?.value?.range ?? found?.key?.range
      return range ? toPoint(range[0]) : undefined
    },
  }
}

/** Whether plain data (from YAML with aliases) refers back to itself. */
function isCircular(root: unknown): boolean {
  const onPath = new Set<object>()
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) return false
    if (onPath.has(value)) return true
    onPath.add(value)
    const children = Array.isArray(value) ? value : Object.values(value)
    for (const child of children) if (visit(child)) return true
    onPath.delete(value)
    return false
  }
  return visit(root)
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message
  return first.replace(/[.:]\s*$/, '').replace(/ at line \d+, column \d+$/, '')
}

const TOP_LEVEL = /^([A-Za-z_$][\w$.-]*)([ \t]*:[ \t]+)(.*)$/

/** Quotes top-level plain values that are not valid YAML on their own; returns the lines changed (1-based). */
function quoteInvalidValues(
  yamlText: string,
  colonsOnly: boolean,
): { text: string; lines: { line: number; key: string }[] } {
  const lines = yamlText.split('\n')
  const changed: { line: number; key: string }[] = []
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    const cr = raw.endsWith('\r') ? '\r' : ''
    const line = cr ? raw.slice(0, -1) : raw
    const match = TOP_LEVEL.exec(line)
    if (!match) continue
    const value = match[3]!.trimEnd()
    if (value === '' || /^["'|>]/.test(value) || (colonsOnly && !value.includes(':'))) continue
    const test = parseDocument(`k: ${value}`, { prettyErrors: false, strict: true })
    if (test.errors.length === 0 && !/^[*&!%@`]/.test(value)) continue
    lines[i] = `${match[1]}${match[2]}${JSON.stringify(value)}${cr}`
    changed.push({ line: i + 1, key: match[1]! })
  }
  return { text: lines.join('\n'), lines: changed }
}
