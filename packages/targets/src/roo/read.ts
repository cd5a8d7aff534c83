import { checkNesting, type ParsedYaml, type Point, type SourceFile, type TargetContext } from '@agentc/core'
import { findNodeAtLocation, type Node as JsonNode, parseTree } from 'jsonc-parser'
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { typeName } from '../shared/markdown-file'
import { cleanChar, PROBLEMATIC, ROOMODES } from './mappings'

/** One mode of a modes file, with positions relative to the mode. */
export interface ModeSource {
  /** The mode as plain data (may be anything: the parser checks it is a map). */
  readonly data: unknown
  /** Positions of keys and values below the mode (`['groups', 1, 0]`). */
  readonly yaml: ParsedYaml
  /** Where the mode itself starts in the file. */
  readonly at: Point
}

/** A modes file as Roo Code reads it. */
export interface ModesFile {
  /** How Roo parsed it: YAML (JSON files usually are valid YAML), or JSON after YAML failed. */
  readonly syntax: 'yaml' | 'json'
  /** Whether the modes sit under `customModes` (else the file is one mode without the wrapper). */
  readonly wrapped: boolean
  readonly modes: readonly ModeSource[]
}

/** A modes file's text already parsed, and checked by `checkNesting` or not (see readModesFile). */
export interface ParsedModes {
  readonly doc: Document.Parsed
  readonly guarded: boolean
}

type Path = readonly (string | number)[]

/** Positions of keys and values anywhere in the file. */
interface Locator {
  key(path: Path): Point | undefined
  value(path: Path): Point | undefined
}

/**
 * Reads a Roo Code modes file the way `CustomModesManager` does: BOM stripped, typographic
 * characters replaced (see `PROBLEMATIC`), parsed as YAML; for `.roomodes` a file that is not
 * YAML is tried as JSON (the original text). Modes come from `customModes`; a file holding a
 * single mode without that wrapper (a shared snippet) is read as that mode. Problems are
 * reported; undefined after an error.
 * @param parsed What the caller has already done: the text (without its BOM) parsed with
 * `parseDocument(text, { prettyErrors: false, uniqueKeys: true })`, used when Roo's clean-up
 * leaves the text as it is (then it is the very parse this function would make); and whether
 * `checkNesting` passed on the text without its BOM (then it passes with it too).
 */
export function readModesFile(
  file: SourceFile,
  ctx: TargetContext,
  parsed?: ParsedModes,
): ModesFile | undefined {
  const text = file.text
  const lines = lineStarts(text)
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const { cleaned, toOriginal } = clean(text.slice(bom), bom)
  const point = (offset: number): Point => pointAt(lines, offset)
  const deep = parsed?.guarded ? undefined : checkNesting(text)
  if (deep) {
    ctx.report('AGC007', deep.message, point(deep.offset))
    return undefined
  }
  const lineCounter = new LineCounter()
  const doc =
    parsed !== undefined && cleaned === text.slice(bom)
      ? parsed.doc
      : parseDocument(cleaned, { lineCounter, prettyErrors: false, uniqueKeys: true })
  let data: unknown
  let locator: Locator
  let syntax: 'yaml' | 'json' = 'yaml'
  const error = doc.errors[0]
  if (error) {
    const json = isRoomodes(file.path) ? readJson(text) : undefined
    if (!json) {
      const where = toOriginal(error.pos[0])
      const quote = text.slice(where).search(/[\u2018\u2019\u201C\u201D]/)
      if (cleaned !== text.slice(bom) && quote !== -1 && parseDocument(text.slice(bom)).errors.length === 0) {
        ctx.report(
          'AGC002',
          `Roo Code replaces curly quotes with straight ones before it parses a modes file; this one then ends or opens a quoted string and the file is no longer valid YAML (${firstLine(error.message)}).`,
          {
            ...point(where + quote),
            note: 'Write the quote as \\u201C (in a double-quoted string) or use a straight quote.',
          },
        )
        return undefined
      }
      ctx.report('AGC002', `The file is not valid YAML: ${firstLine(error.message)}.`, { ...point(where) })
      return undefined
    }
    data = json.data
    locator = {
      key: (p) => mapPoint(json.keyOffset(p), point),
      value: (p) => mapPoint(json.valueOffset(p), point),
    }
    syntax = 'json'
  } else {
    try {
      data = doc.toJS({ maxAliasCount: 100 }) ?? {}
      // An alias inside the node its anchor names (`a: &a {b: *a}`) makes the data circular.
      JSON.stringify(data)
    } catch (e) {
      ctx.report('AGC002', `The file is not valid YAML: ${firstLine(String(e))}.`, { line: 1, column: 1 })
      return undefined
    }
    const find = (path: Path): { key?: Node; value?: Node } | undefined => {
      let node: unknown = doc.contents
      let key: Node | undefined
      for (const part of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isScalar(item.key) && String(item.key.value) === String(part),
          )
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
    locator = {
      key: (p) => {
        const range = find(p)?.key?.range
        return range ? point(toOriginal(range[0])) : undefined
      },
      value: (p) => {
        const found = find(p)
        const range = found?.value?.range ?? found?.key?.range
        return range ? point(toOriginal(range[0])) : undefined
      },
    }
  }
  const root = data
  const whole = { line: 1, column: 1 }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    ctx.report(
      'AGC101',
      `A Roo Code modes file must be a map with a \`customModes\` list, not ${typeName(root)}.`,
      locator.value([]) ?? whole,
    )
    return undefined
  }
  const map = root as Record<string, unknown>
  if (Object.hasOwn(map, 'customModes')) {
    const list = map.customModes
    if (!Array.isArray(list)) {
      ctx.report('AGC101', `\`customModes\` must be a list of modes in Roo Code, not ${typeName(list)}.`, {
        ...(locator.value(['customModes']) ?? whole),
      })
      return undefined
    }
    const modes = list.map((data, i) => modeSource(data, ['customModes', i], locator))
    return { syntax, wrapped: true, modes }
  }
  if (Object.hasOwn(map, 'slug')) {
    if (isRoomodes(file.path) || /(^|\/)custom_modes\.(ya?ml|json)$/.test(file.path)) {
      ctx.report(
        'AGC104',
        'Roo Code reads modes only from a `customModes` list; this file holds a single mode without one, which Roo Code ignores.',
        { ...(locator.key(['slug']) ?? whole) },
      )
    }
    return { syntax, wrapped: false, modes: [modeSource(map, [], locator)] }
  }
  ctx.report('AGC101', 'This is not a Roo Code modes file: it has no `customModes` list and is not a mode.', {
    ...whole,
  })
  return undefined
}

function modeSource(data: unknown, prefix: Path, locator: Locator): ModeSource {
  return {
    data,
    at: locator.value(prefix) ?? { line: 1, column: 1 },
    yaml: {
      data: (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>,
      keyPosition: (p) => locator.key([...prefix, ...p]),
      valuePosition: (p) => locator.value([...prefix, ...p]),
      lenient: false,
      lenientLines: [],
    },
  }
}

/** Whether Roo reads the file as `.roomodes` (which gets the JSON fallback). */
export function isRoomodes(path: string): boolean {
  return path === ROOMODES || path.endsWith(`/${ROOMODES}`)
}

function readJson(text: string):
  | {
      data: unknown
      keyOffset: (p: Path) => number | undefined
      valueOffset: (p: Path) => number | undefined
    }
  | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  const root = parseTree(text, [], { disallowComments: true })
  const node = (p: Path): JsonNode | undefined => (root ? findNodeAtLocation(root, [...p]) : undefined)
  return {
    data,
    valueOffset: (p) => node(p)?.offset,
    keyOffset: (p) => {
      const n = node(p)
      return n?.parent?.type === 'property' ? n.parent.children?.[0]?.offset : n?.offset
    },
  }
}

function mapPoint(offset: number | undefined, to: (offset: number) => Point): Point | undefined {
  return offset === undefined ? undefined : to(offset)
}

/** Roo's character clean-up, with a map from offsets in the cleaned text to the original. */
function clean(text: string, shift: number): { cleaned: string; toOriginal: (offset: number) => number } {
  const problematic = new RegExp(PROBLEMATIC.source)
  if (!problematic.test(text)) return { cleaned: text, toOriginal: (offset) => offset + shift }
  const origin: number[] = []
  let cleaned = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const out = problematic.test(ch) ? cleanChar(ch) : ch
    for (let j = 0; j < out.length; j++) origin.push(i)
    cleaned += out
  }
  return { cleaned, toOriginal: (offset) => (origin[offset] ?? text.length) + shift }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return starts
}

function pointAt(starts: readonly number[], offset: number): Point {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '').replace(/ at line \d+, column \d+$/, '')
}
