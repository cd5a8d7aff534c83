import {
  type AgentDocument,
  checkNesting,
  deepEqual,
  MAX_NESTING,
  type MergeResult,
  normalize,
  type TargetContext,
} from '@agentc/core'
import {
  findNodeAtLocation,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser'
import { type Document, isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml'
import { cleanChar, escapeChar, PROBLEMATIC } from './mappings'
import { parseRoo } from './parse'
import { type ModeEntries, modeObject, renderMode, renderModesFile } from './render'

const silent: TargetContext = { report() {}, options: {} }

/**
 * Inserts or replaces one mode (by slug) in an existing modes file, keeping every other byte:
 * other modes, comments, key order, quoting, line endings. A mode already there that means the
 * same thing is left as it is. YAML files are edited by splicing the text of one list item; JSON
 * files with JSON edits. A file that is not valid YAML or JSON, or whose `customModes` is not a
 * block list, is refused (never overwritten).
 * @param existing The file's current text.
 * @param path Its path (Roo reads `.roomodes` as JSON when it is not YAML).
 * @param slug The mode's slug.
 * @param entries The mode.
 * @param wanted The document the mode stands for (what the file must mean afterwards).
 */
export function upsertMode(
  existing: string,
  path: string,
  slug: string,
  entries: ModeEntries,
  wanted: AgentDocument | undefined,
): MergeResult {
  const bom = existing.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  const text = existing.slice(bom.length)
  if (text.trim() === '') return { ok: true, contents: bom + renderModesFile(entries) }
  const deep = checkNesting(text)
  if (deep)
    return {
      ok: false,
      message: `it nests more than ${MAX_NESTING} levels deep`,
      ...position(text, deep.offset),
    }
  const before = parseRoo({ path, text: existing }, silent)
  const current = before.find((d) => d.name === slug)
  if (wanted && current && deepEqual(normalize(current), normalize(wanted)))
    return { ok: true, contents: existing }
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  // Roo reads a JSON file as YAML (after its character clean-up) when it can, else as JSON
  // (without it); the new mode's characters are escaped only where the clean-up applies.
  const cleanedUp = parseDocument(cleanForRoo(text)).errors.length === 0
  const result = /^\s*[{[]/.test(text)
    ? upsertJson(text, slug, entries, cleanedUp)
    : upsertYaml(text, slug, entries, eol)
  if (!result.ok) return result
  const contents = bom + result.contents
  // The other modes must read as they did (Roo's clean-up applies to the whole file or not at all).
  if (before.length > 0) {
    const after = parseRoo({ path, text: contents }, silent)
    const changed = before.find((d) => {
      if (d.name === slug) return false
      const now = after.find((a) => a.name === d.name)
      return !now || !deepEqual(normalize(now), normalize(d))
    })
    if (changed || !after.some((d) => d.name === slug)) {
      return {
        ok: false,
        message: `writing the mode \`${slug}\` would change how Roo Code reads ${changed ? `the mode \`${changed.name}\`` : 'the file'} (curly quotes in the file decide whether Roo reads it as YAML or JSON)`,
        line: 1,
        column: 1,
      }
    }
  }
  return { ok: true, contents }
}

function upsertYaml(text: string, slug: string, entries: ModeEntries, eol: string): MergeResult {
  const doc = parseYaml(text)
  if ('ok' in doc) return doc
  const crlf = (s: string) => (eol === '\r\n' ? s.replace(/\n/g, '\r\n') : s)
  const root = doc.contents
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    // Comments only: the list goes after them.
    return { ok: true, contents: appendBlock(text, crlf(renderModesFile(entries)), eol) }
  }
  if (!isMap(root))
    return { ok: false, message: 'its top level is not a map', ...position(text, root.range?.[0] ?? 0) }
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'customModes')
  if (!pair) {
    const single = root.items.find((p) => isScalar(p.key) && p.key.value === 'slug')
    if (single) {
      if (isScalar(single.value) && single.value.value === slug) {
        const [start, end] = [root.range[0], lineEnd(text, root.range[1])]
        return {
          ok: true,
          contents:
            text.slice(0, start) + crlf(indent(renderMode(entries), column(text, start))) + text.slice(end),
        }
      }
      return {
        ok: false,
        message: 'it holds a single mode without a `customModes` list; agentc will not rewrap it',
        ...position(text, single.key && isScalar(single.key) ? (single.key.range?.[0] ?? 0) : 0),
      }
    }
    if (root.flow)
      return { ok: false, message: 'its top level is a flow map', ...position(text, root.range[0]) }
    return { ok: true, contents: appendBlock(text, crlf(renderModesFile(entries)), eol) }
  }
  const list = pair.value as Node | null
  if (list === null || (isScalar(list) && (list.value === null || list.value === ''))) {
    // `customModes:` with no value (or `~`, `null`): the list goes right after the colon.
    const item = crlf(`\n  - ${indent(renderMode(entries), 4).replace(/\n$/, '')}`)
    const colon = text.indexOf(':', (pair.key as Node).range![1]) + 1
    const start = list?.range ? colon : lineEnd(text, colon)
    const end = list?.range ? list.range[1] : start
    return { ok: true, contents: text.slice(0, start) + item + text.slice(end) }
  }
  if (!isSeq(list))
    return { ok: false, message: '`customModes` is not a list', ...position(text, list.range?.[0] ?? 0) }
  if (list.flow) {
    if (list.items.length > 0) {
      return {
        ok: false,
        message: '`customModes` is a flow list; agentc edits block lists only',
        ...position(text, list.range![0]),
      }
    }
    const item = crlf(`\n  - ${indent(renderMode(entries), 4).replace(/\n$/, '')}`)
    const colon = text.indexOf(':', (pair.key as Node).range![1]) + 1
    return { ok: true, contents: text.slice(0, colon) + item + text.slice(list.range![1]) }
  }
  const items = list.items as Node[]
  const index = items.findIndex(
    (item) =>
      isMap(item) &&
      (item as YAMLMap).items.some(
        (p) => isScalar(p.key) && p.key.value === 'slug' && isScalar(p.value) && p.value.value === slug,
      ),
  )
  if (index !== -1) {
    const item = items[index]!
    const start = item.range![0]
    const end = lineEnd(text, item.range![1])
    const rendered = indent(renderMode(entries), column(text, start)).replace(/\n$/, '')
    return { ok: true, contents: text.slice(0, start) + crlf(rendered) + text.slice(end) }
  }
  const last = items[items.length - 1]
  if (!last?.range) {
    return {
      ok: false,
      message: '`customModes` is an empty block list',
      ...position(text, list.range?.[0] ?? 0),
    }
  }
  const itemColumn = column(text, last.range[0])
  const dash = dashColumn(text, last.range[0])
  const at = lineEnd(text, last.range[1])
  const prefix = `${' '.repeat(dash)}-${' '.repeat(Math.max(1, itemColumn - dash - 1))}`
  const rendered = indent(renderMode(entries), itemColumn).replace(/\n$/, '')
  return { ok: true, contents: text.slice(0, at) + crlf(`\n${prefix}${rendered}`) + text.slice(at) }
}

function upsertJson(text: string, slug: string, entries: ModeEntries, escaped: boolean): MergeResult {
  const root = parseJson(text)
  if ('ok' in root) return root
  if (root.type !== 'object')
    return { ok: false, message: 'its top level is not a JSON object', line: 1, column: 1 }
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const unit = /\n(\t|[ ]+)"/.exec(text)?.[1] ?? '  '
  const json = (value: unknown, base: string) =>
    (escaped
      ? JSON.stringify(value, null, unit).replace(PROBLEMATIC, escapeChar)
      : JSON.stringify(value, null, unit)
    )
      .split('\n')
      .map((line, i) => (i === 0 ? line : base + line))
      .join(eol)
  const splice = (at: number, length: number, insert: string) =>
    ({ ok: true, contents: text.slice(0, at) + insert + text.slice(at + length) }) as const
  const mode = modeObject(entries)
  const list = findNodeAtLocation(root, ['customModes'])
  if (!list) {
    const slugNode = findNodeAtLocation(root, ['slug'])
    if (slugNode) {
      if (slugNode.value !== slug) {
        return {
          ok: false,
          message: 'it holds a single mode without a `customModes` list; agentc will not rewrap it',
          ...position(text, slugNode.offset),
        }
      }
      return splice(root.offset, root.length, json(mode, lineIndent(text, root.offset)))
    }
    const props = root.children ?? []
    const inner = lineIndent(text, root.offset) + unit
    const property = `"customModes": ${json([mode], inner)}`
    if (props.length === 0) return splice(root.offset, root.length, `{${eol}${inner}${property}${eol}}`)
    const last = props[props.length - 1]!
    return splice(last.offset + last.length, 0, `,${eol}${lineIndent(text, last.offset)}${property}`)
  }
  if (list.type !== 'array')
    return { ok: false, message: '`customModes` is not a list', ...position(text, list.offset) }
  const items = list.children ?? []
  const index = items.findIndex((item: JsonNode) => findNodeAtLocation(item, ['slug'])?.value === slug)
  if (index !== -1) {
    const item = items[index]!
    return splice(item.offset, item.length, json(mode, lineIndent(text, item.offset)))
  }
  const keyIndent = lineIndent(text, list.parent?.offset ?? list.offset)
  if (items.length === 0) {
    return splice(
      list.offset,
      list.length,
      `[${eol}${keyIndent}${unit}${json(mode, keyIndent + unit)}${eol}${keyIndent}]`,
    )
  }
  const last = items[items.length - 1]!
  const indentation = onOwnLine(text, last.offset) ? lineIndent(text, last.offset) : keyIndent + unit
  return splice(last.offset + last.length, 0, `,${eol}${indentation}${json(mode, indentation)}`)
}

/** A modes file parsed as JSON (comments and trailing commas allowed), or why it is not JSON. */
function parseJson(text: string): JsonNode | MergeResult {
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: true })
  if (errors.length === 0 && root) return root
  const first = errors[0]
  return {
    ok: false,
    message: `it is not valid JSON (${first ? printParseErrorCode(first.error) : 'empty file'})`,
    ...position(text, first?.offset ?? 0),
  }
}

/** A modes file parsed as YAML, or why it is not YAML. */
function parseYaml(text: string): Document.Parsed | MergeResult {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  const error = doc.errors[0]
  if (!error) return doc
  return {
    ok: false,
    message: `it is not valid YAML (${error.message.split('\n')[0]})`,
    ...position(text, error.pos[0]),
  }
}

/** The whitespace that starts the line on which `offset` sits. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  return /^[ \t]*/.exec(text.slice(start))![0]
}

/** Whether only whitespace precedes `offset` on its line. */
function onOwnLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  return text.slice(start, offset).trim() === ''
}

/** Indents every line after the first by `n` spaces (empty lines stay empty). */
function indent(block: string, n: number): string {
  const pad = ' '.repeat(n)
  return block
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n')
}

/** `text` with a block appended on lines of its own. */
function appendBlock(text: string, block: string, eol: string): string {
  const sep = text.endsWith('\n') ? '' : eol
  return `${text}${sep}${block}`
}

/** The offset of the end of the line on which the character before `offset` sits. */
function lineEnd(text: string, offset: number): number {
  let end = offset
  while (end > 0 && /[\r\n]/.test(text[end - 1]!)) end--
  const nl = text.indexOf('\n', end)
  const stop = nl === -1 ? text.length : nl
  return text[stop - 1] === '\r' ? stop - 1 : stop
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1)
}

function dashColumn(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const dash = text.slice(start, offset).lastIndexOf('-')
  return dash === -1 ? Math.max(0, column(text, offset) - 2) : dash
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/** The text as Roo Code parses it (typographic characters replaced). */
function cleanForRoo(text: string): string {
  return text.replace(PROBLEMATIC, cleanChar)
}

/**
 * Removes the mode `slug` from an existing modes file (the agent is gone), leaving every other
 * byte as it was: in YAML the item's lines go (a list left empty becomes `[]`); in JSON the
 * array element and its separator go. A file without that mode is returned unchanged.
 */
export function removeMode(existing: string, slug: string): MergeResult {
  const bom = existing.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  const text = existing.slice(bom.length)
  if (text.trim() === '') return { ok: true, contents: existing }
  const deep = checkNesting(text)
  if (deep)
    return {
      ok: false,
      message: `it nests more than ${MAX_NESTING} levels deep`,
      ...position(text, deep.offset),
    }
  const result = /^\s*[{[]/.test(text) ? removeJson(text, slug) : removeYaml(text, slug)
  return result.ok ? { ok: true, contents: bom + result.contents } : result
}

function removeYaml(text: string, slug: string): MergeResult {
  const doc = parseYaml(text)
  if ('ok' in doc) return doc
  const root = doc.contents
  if (!isMap(root)) return { ok: true, contents: text }
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'customModes')
  const list = pair?.value as Node | null | undefined
  if (!pair || !isSeq(list)) return { ok: true, contents: text }
  const items = list.items as Node[]
  const index = items.findIndex(
    (item) =>
      isMap(item) &&
      (item as YAMLMap).items.some(
        (p) => isScalar(p.key) && p.key.value === 'slug' && isScalar(p.value) && p.value.value === slug,
      ),
  )
  if (index === -1) return { ok: true, contents: text }
  const item = items[index]!
  if (list.flow) {
    return {
      ok: false,
      message: '`customModes` is a flow list; agentc edits block lists only',
      ...position(text, list.range![0]),
    }
  }
  const start = text.lastIndexOf('\n', item.range![0] - 1) + 1
  const end = lineEnd(text, item.range![1])
  const after = text[end] === '\r' ? end + 2 : text[end] === '\n' ? end + 1 : end
  if (items.length === 1) {
    const colon = text.indexOf(':', (pair.key as Node).range![1]) + 1
    return { ok: true, contents: `${text.slice(0, colon)} []${text.slice(end)}` }
  }
  return { ok: true, contents: text.slice(0, start) + text.slice(after) }
}

function removeJson(text: string, slug: string): MergeResult {
  const root = parseJson(text)
  if ('ok' in root) return root
  const list = findNodeAtLocation(root, ['customModes'])
  if (list?.type !== 'array') return { ok: true, contents: text }
  const index = (list.children ?? []).findIndex(
    (item: JsonNode) => findNodeAtLocation(item, ['slug'])?.value === slug,
  )
  if (index === -1) return { ok: true, contents: text }
  const items = list.children ?? []
  const item = items[index]!
  const end = (node: JsonNode) => node.offset + node.length
  // The element goes with one separator: the one before it, or (for the first) the one after.
  if (items.length === 1)
    return { ok: true, contents: `${text.slice(0, list.offset)}[]${text.slice(end(list))}` }
  if (index > 0) return { ok: true, contents: text.slice(0, end(items[index - 1]!)) + text.slice(end(item)) }
  return { ok: true, contents: text.slice(0, item.offset) + text.slice(items[1]!.offset) }
}
