import { checkNesting, type ParsedYaml, type Point, type SourceFile, type TargetContext } from '@agentc/core'
import {
  findNodeAtLocation,
  getNodeValue,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'

/**
 * Reads a Kiro JSON agent file (strict JSON, as Kiro's serde reader takes it: no comments, no
 * trailing commas, no repeated keys) into the same shape as parsed frontmatter, with positions.
 * @returns The data and positions, or undefined after an error diagnostic.
 */
export function readJsonAgent(file: SourceFile, ctx: TargetContext): ParsedYaml | undefined {
  const bom = file.text.charCodeAt(0) === 0xfeff ? 1 : 0
  const text = file.text.slice(bom)
  const toPoint = (offset: number): Point => pointAt(file.text, offset + bom)
  const deep = checkNesting(text)
  if (deep) {
    ctx.report('AGC007', deep.message, toPoint(deep.offset))
    return undefined
  }
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  if (first || !root) {
    const p = toPoint(first?.offset ?? 0)
    ctx.report(
      'AGC002',
      `The agent file is not valid JSON: ${first ? describeError(first) : 'it is empty'}.`,
      p,
    )
    return undefined
  }
  if (root.type !== 'object') {
    ctx.report('AGC003', 'A Kiro agent file must hold a JSON object (`{ … }`).', toPoint(root.offset))
    return undefined
  }
  const seen = new Set<string>()
  for (const property of root.children ?? []) {
    const key = property.children?.[0]
    if (!key || typeof key.value !== 'string') continue
    if (seen.has(key.value)) {
      ctx.report(
        'AGC002',
        `The key \`${key.value}\` appears twice; Kiro refuses the file.`,
        toPoint(key.offset),
      )
      return undefined
    }
    seen.add(key.value)
  }
  const find = (path: readonly (string | number)[]): Node | undefined =>
    path.length === 0 ? root : findNodeAtLocation(root, [...path])
  return {
    data: getNodeValue(root) as Record<string, unknown>,
    lenient: false,
    lenientLines: [],
    keyPosition(path) {
      const node = find(path)
      const parent = node?.parent
      if (parent?.type === 'property' && parent.children?.[0]) return toPoint(parent.children[0].offset)
      return node ? toPoint(node.offset) : undefined
    },
    valuePosition(path) {
      const node = find(path)
      return node ? toPoint(node.offset) : undefined
    },
  }
}

function describeError(error: ParseError): string {
  const names: Partial<Record<string, string>> = {
    InvalidCommentToken: 'comments are not allowed',
    ValueExpected: 'a value is expected',
    PropertyNameExpected: 'a quoted key is expected (trailing commas are not allowed)',
    CommaExpected: 'a comma is expected',
    CloseBraceExpected: 'a `}` is expected',
    CloseBracketExpected: 'a `]` is expected',
    ColonExpected: 'a `:` is expected',
    EndOfFileExpected: 'nothing may follow the object',
  }
  const code = printParseErrorCode(error.error)
  return names[code] ?? code
}

/** The 1-based line and column of an offset in a text. */
function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
