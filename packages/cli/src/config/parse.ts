import { checkNesting, MAX_ALIASES, MAX_NESTING, type Point, positionOf } from '@agentc/core'
import {
  findNodeAtLocation,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml'

/** A path into the configuration data: keys and list indexes. */
export type DataPath = readonly (string | number)[]

/** Where each key and value of a parsed configuration is in its file. */
export interface Positions {
  /** Position of the key at `path` (for a list item, of the item). */
  key(path: DataPath): Point | undefined
  /** Position of the value at `path`. */
  value(path: DataPath): Point | undefined
}

/** A configuration file read into plain data, with positions. */
export interface ParsedConfig {
  readonly data: unknown
  readonly positions: Positions
}

/** A problem that makes the file unreadable, at a position. */
export interface ConfigSyntaxProblem {
  readonly problem: string
  readonly line: number
  readonly column: number
}

/**
 * Parses the text of a configuration file: YAML (`.yaml`, `.yml`) with the `yaml` library, JSON
 * (`.json`, comments and trailing commas allowed, as in `tsconfig.json`) with jsonc-parser. Keys
 * written twice are refused in both. Nesting and YAML aliases are capped as for frontmatter.
 * @param text The file's text.
 * @param format Which syntax.
 * @returns The data and positions, or the first problem.
 */
export function parseConfigText(text: string, format: 'json' | 'yaml'): ParsedConfig | ConfigSyntaxProblem {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const shift = text.length - body.length
  const deep = checkNesting(body)
  if (deep) return { problem: deep.message, ...positionOf(text, deep.offset + shift) }
  return format === 'json' ? parseJson(text, body, shift) : parseYaml(body, shift)
}

function parseJson(text: string, body: string, shift: number): ParsedConfig | ConfigSyntaxProblem {
  const errors: ParseError[] = []
  const root = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false })
  const at = (offset: number) => positionOf(text, offset + shift)
  const error = errors[0]
  if (error) return { problem: `it is not valid JSON: ${jsonMessage(error)}`, ...at(error.offset) }
  if (!root) return { problem: 'it is empty; it must hold a JSON object', line: 1, column: 1 }
  const duplicate = findDuplicateKey(root)
  if (duplicate) {
    return {
      problem: `the key ${JSON.stringify(duplicate.value)} is written twice in the same object`,
      ...at(duplicate.offset),
    }
  }
  const find = (path: DataPath) => (path.length === 0 ? root : findNodeAtLocation(root, [...path]))
  return {
    data: jsonValue(root),
    positions: {
      key(path) {
        const node = find(path)
        if (!node) return undefined
        const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined
        return at((keyNode ?? node).offset)
      },
      value(path) {
        const node = find(path)
        return node ? at(node.offset) : undefined
      },
    },
  }
}

function jsonMessage(error: ParseError): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a key in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: '`:` is expected after the key',
    CommaExpected: '`,` is expected between entries',
    CloseBraceExpected: '`}` is expected',
    CloseBracketExpected: '`]` is expected',
    EndOfFileExpected: 'nothing may follow the top-level value',
    InvalidCommentToken: 'malformed comment',
    UnexpectedEndOfComment: 'a comment is never closed',
    UnexpectedEndOfString: 'a string is never closed',
    UnexpectedEndOfNumber: 'a number is cut short',
    InvalidUnicode: 'malformed \\u escape',
    InvalidEscapeCharacter: 'malformed escape',
    InvalidCharacter: 'a control character inside a string',
  }
  const name = printParseErrorCode(error.error)
  return words[name] ?? name
}

/** The plain value of a JSON node; `Object.fromEntries` keeps a `__proto__` key an ordinary key. */
function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((p) => [p.children?.[0]?.value as string, jsonValue(p.children![1]!)]),
      )
    case 'array':
      return (node.children ?? []).map(jsonValue)
    default:
      return node.value
  }
}

function findDuplicateKey(node: JsonNode): JsonNode | undefined {
  if (node.type === 'object') {
    const seen = new Set<string>()
    for (const property of node.children ?? []) {
      const key = property.children?.[0]
      if (key && seen.has(key.value as string)) return key
      if (key) seen.add(key.value as string)
    }
  }
  for (const child of node.children ?? []) {
    const found = findDuplicateKey(child)
    if (found) return found
  }
  return undefined
}

function parseYaml(body: string, shift: number): ParsedConfig | ConfigSyntaxProblem {
  const lineCounter = new LineCounter()
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true })
  const at = (offset: number): Point => {
    const p = lineCounter.linePos(offset)
    // The first line may have lost a byte-order mark.
    return { line: p.line, column: p.line === 1 ? p.col + shift : p.col }
  }
  const error = doc.errors[0]
  if (error) {
    const first = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')
    return { problem: `it is not valid YAML: ${first.replace(/[.:]\s*$/, '')}`, ...at(error.pos[0]) }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES })
  } catch (error) {
    const message = String(error).replace(/^\w*Error: /, '')
    return {
      problem: /excessive|resource exhaustion/i.test(message)
        ? `it expands too many YAML aliases (at most ${MAX_ALIASES}) or nests too deeply (at most ${MAX_NESTING} levels)`
        : `it is not valid YAML: ${message.replace(/[.:]\s*$/, '')}`,
      line: 1,
      column: 1,
    }
  }
  const pairOf = (map: YAMLMap, part: string | number): Pair | undefined =>
    map.items.find((item) => isScalar(item.key) && String(item.key.value) === String(part)) as
      | Pair
      | undefined
  const find = (path: DataPath): { key?: Node; value?: Node } | undefined => {
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
    // An empty file (or one of comments only) sets nothing: every default.
    data: data ?? {},
    positions: {
      key(path) {
        const range = find(path)?.key?.range
        return range ? at(range[0]) : undefined
      },
      value(path) {
        const found = find(path)
        const range = found?.value?.range ?? found?.key?.range
        return range ? at(range[0]) : path.length === 0 ? { line: 1, column: 1 } : undefined
      },
    },
  }
}
