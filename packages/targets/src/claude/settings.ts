import { checkNesting, MAX_NESTING, type MergeResult } from '@agentc/core'
import {
  applyEdits,
  type FormattingOptions,
  modify,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'
import type { ClaudeRules } from './permissions'

/** Where Claude Code reads project permission rules. */
export const SETTINGS_PATH = '.claude/settings.json'

const KINDS = ['allow', 'ask', 'deny'] as const

/** A new `.claude/settings.json` holding only these rules. */
export function settingsFile(rules: ClaudeRules): string {
  const permissions: Record<string, string[]> = {}
  for (const kind of KINDS) if (rules[kind].length > 0) permissions[kind] = [...rules[kind]]
  return `${JSON.stringify({ permissions }, null, 2)}\n`
}

/**
 * Adds rules to an existing `.claude/settings.json`: each rule missing from
 * `permissions.allow|ask|deny` is appended; every other byte of the file stays as it is
 * (comments, key order, formatting). A file that is not a JSON object is refused.
 */
export function mergeSettings(existing: string, rules: ClaudeRules): MergeResult {
  const deep = checkNesting(existing)
  if (deep)
    return {
      ok: false,
      message: `it nests more than ${MAX_NESTING} levels deep`,
      ...position(existing, deep.offset),
    }
  const errors: ParseError[] = []
  const root = parseTree(existing, errors, { allowTrailingComma: true, disallowComments: false })
  if (errors.length > 0 || !root) {
    const first = errors[0]
    const p = position(existing, first?.offset ?? 0)
    return {
      ok: false,
      message: `it is not valid JSON (${first ? printParseErrorCode(first.error) : 'empty file'})`,
      ...p,
    }
  }
  if (root.type !== 'object')
    return { ok: false, message: 'its top level is not a JSON object', line: 1, column: 1 }
  const formatting = detectFormatting(existing)
  let text = existing
  for (const kind of KINDS) {
    if (rules[kind].length === 0) continue
    const tree = parseTree(text, [], { allowTrailingComma: true })!
    const list = findNode(tree, ['permissions', kind])
    if (list && list.type !== 'array') {
      return { ok: false, message: `\`permissions.${kind}\` is not a list`, ...position(text, list.offset) }
    }
    const present = new Set((list?.children ?? []).map((c) => c.value))
    const missing = rules[kind].filter((rule, i, all) => !present.has(rule) && all.indexOf(rule) === i)
    if (missing.length === 0) continue
    if (!list) {
      text = applyEdits(text, modify(text, ['permissions', kind], missing, { formattingOptions: formatting }))
      continue
    }
    for (const rule of missing) {
      text = applyEdits(
        text,
        modify(text, ['permissions', kind, -1], rule, {
          formattingOptions: formatting,
          isArrayInsertion: true,
        }),
      )
    }
  }
  return { ok: true, contents: text }
}

function findNode(root: Node, path: string[]): Node | undefined {
  let node: Node | undefined = root
  for (const key of path) {
    if (node?.type !== 'object') return undefined
    const property: Node | undefined = node.children?.find((p) => p.children?.[0]?.value === key)
    node = property?.children?.[1]
  }
  return node
}

function detectFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  '
  return {
    insertSpaces: !indent.includes('\t'),
    tabSize: indent.includes('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
