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
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  visit,
  type YAMLMap,
} from 'yaml'
import { cleanChar, escapeChar, PROBLEMATIC } from './mappings'
import { NestingTrack, type Piece, risky } from './nesting'
import { parseRoo, parseRooParsed } from './parse'
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

/** One mode to write into a modes file: what {@link upsertMode} takes. */
export interface ModeUpsert {
  readonly path: string
  readonly slug: string
  readonly entries: ModeEntries
  /** The document the mode stands for; read only when the file already holds the mode. */
  readonly wanted: () => AgentDocument | undefined
}

function upsertOne(existing: string, part: ModeUpsert): MergeResult {
  return upsertMode(existing, part.path, part.slug, part.entries, part.wanted())
}

/**
 * Inserts or replaces several modes in one modes file: exactly what {@link upsertMode} gives
 * for each part in turn (the same bytes, or the first part's failure with its message and
 * position), in time linear in the file and the parts. Each {@link upsertMode} reads the whole
 * file several times, so folding it over N modes costs O(N²).
 *
 * A run of parts is merged in one pass when the file has the usual shape: a YAML block list
 * `customModes` of block maps with their slugs (no anchors, aliases or directives, nothing but
 * a top-level line after the list), or a JSON array `customModes` of objects on lines of their
 * own that also reads as YAML (no comments), and no characters Roo cleans up. The file is
 * parsed and checked once; each part becomes a splice (its mode's text replaced, or a new mode
 * after the last one) made as upsertYaml or upsertJson makes it; the result is parsed and
 * checked once: every mode the parts do not touch must read as it did, every part's mode must
 * be there, at the place each splice expects. The nesting guard upsertMode runs before each
 * part is followed piece by piece (see nesting.ts), so the file after each part is known to
 * pass it. Why the one check of the result stands for the checks after each part: a mode of
 * these shapes is read from its own text (and the line break and indentation after it, which
 * the splices keep), so each mode reads the same in every file on the way as in the result.
 * A part that cannot go in the same pass, and a file of another shape (new, comments only, a
 * single mode, an empty list), go through {@link upsertMode} one at a time: the first such part
 * usually gives the file the usual shape, and the rest go in one pass again.
 */
export function upsertModes(existing: string, parts: readonly ModeUpsert[]): MergeResult {
  const fold = (text: string, from: number): MergeResult => {
    for (let i = from; i < parts.length; i++) {
      const merged = upsertOne(text, parts[i]!)
      if (!merged.ok) return merged
      text = merged.contents
    }
    return { ok: true, contents: text }
  }
  const path = parts[0]?.path
  const slugs = new Set(parts.map((p) => p.slug))
  if (parts.length < 2 || slugs.size < parts.length || parts.some((p) => p.path !== path))
    return fold(existing, 0)
  let text = existing
  let next = 0
  /** The parts tried in one pass end before this one (fewer after a run fails its final check). */
  let limit = parts.length
  /** Tries in a row that merged nothing in one pass. */
  let stalls = 0
  while (next < parts.length) {
    const run = mergeRun(text, parts, next, limit)
    if (typeof run === 'object' && run.next > next) {
      text = run.contents
      next = run.next
      limit = parts.length
      stalls = 0
      continue
    }
    if (run === 'unverified' && limit - next > 1) {
      // Some part makes the result fail its check: find it by halves.
      limit = next + Math.ceil((limit - next) / 2)
      continue
    }
    // Not of the usual shape: after a few tries, the rest one by one.
    if (run !== 'unverified' && ++stalls > 2) return fold(text, next)
    // This part cannot go in one pass (or the file has another shape): alone.
    const merged = upsertOne(text, parts[next]!)
    if (!merged.ok) return merged
    text = merged.contents
    next++
    limit = parts.length
  }
  return { ok: true, contents: text }
}

/**
 * Merges parts `from` … `to - 1` into a modes file of the usual shape in one pass, up to the
 * first part that cannot join (`next`). `unfit` when the file does not have that shape,
 * `unverified` when the result does not check out: the caller then merges parts one at a time
 * (or fewer at once).
 */
export function mergeRun(
  existing: string,
  parts: readonly ModeUpsert[],
  from: number,
  to: number = parts.length,
): { contents: string; next: number } | 'unfit' | 'unverified' {
  try {
    return mergeOnePass(existing, parts, from, to)
  } catch {
    // Whatever went wrong goes wrong again (or is reported) when the parts are merged one by one.
    return 'unfit'
  }
}

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true } as const

/** Where the modes of a modes file are, and how upsertYaml or upsertJson would edit it. */
interface Layout {
  /** Each mode's text: where it starts and ends (what a replacement replaces), and its slug. */
  readonly starts: readonly number[]
  readonly ends: readonly number[]
  readonly slugs: readonly string[]
  /** The first character of every mode's text, when it is always the same (`{` in JSON). */
  readonly opening?: string
  /** The text that replaces mode `i`, with line breaks `eol`. */
  replacement(i: number, entries: ModeEntries, eol: string): string
  /** What goes after the last mode, and where the new mode starts in it. */
  addition(entries: ModeEntries, eol: string): { text: string; lead: number }
  /** Where the modes of an edited file are (undefined when it no longer has this shape). */
  read(
    text: string,
    doc: Document.Parsed,
  ): { readonly starts: readonly number[]; readonly ends: readonly number[] } | undefined
}

function mergeOnePass(
  existing: string,
  parts: readonly ModeUpsert[],
  from: number,
  to: number,
): { contents: string; next: number } | 'unfit' | 'unverified' {
  const path = parts[from]!.path
  const bom = existing.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  const text = existing.slice(bom.length)
  if (text.trim() === '' || /\r(?!\n)/.test(text)) return 'unfit'
  // The guard before a parser sees the text (upsertMode reports it when it fails).
  if (new RegExp(PROBLEMATIC.source).test(text) || checkNesting(text)) return 'unfit'
  // A JSON file too must read as YAML: Roo then reads it so, and upsertJson escapes what Roo
  // cleans up (it would not otherwise, and Roo's reading would depend on the whole file).
  const doc = parseDocument(text, YAML_OPTIONS)
  if (doc.errors.length > 0 || hasAnchors(doc)) return 'unfit'
  const layout = /^\s*[{[]/.test(text) ? jsonLayout(text) : yamlLayout(doc, text)
  if (!layout) return 'unfit'
  const { starts, ends, slugs } = layout
  const m = starts.length
  const tail = text.slice(ends[m - 1]!)
  const before = parseRooParsed({ path, text: existing }, silent, { doc, guarded: true })
  if (before.length !== m || before.some((d, i) => d.name !== slugs[i])) return 'unfit'
  const index = new Map<string, number>()
  for (let i = 0; i < m; i++) if (!index.has(slugs[i]!)) index.set(slugs[i]!, i)

  // The nesting guard must pass on the file after each part, as upsertMode checks it before the next.
  const prefixes = starts.map((start) => text.slice(text.lastIndexOf('\n', start - 1) + 1, start))
  const between = (from: number, to: number): Piece => ({
    text: text.slice(from, to),
    before: text[from - 1],
    ...(layout.opening !== undefined ? { after: layout.opening } : {}),
  })
  const pieces: Piece[] = [between(0, starts[0]!)]
  for (let i = 0; i < m; i++) {
    pieces.push({ text: text.slice(starts[i], ends[i]), before: text[starts[i]! - 1] })
    if (i + 1 < m) pieces.push(between(ends[i]!, starts[i + 1]!))
  }
  const riskyPiece = (piece: Piece, j: number) =>
    j % 2 === 1 ? risky(prefixes[(j - 1) / 2] + piece.text, true) : risky(piece.text, j === 0)
  if (risky(tail, false) || pieces.some(riskyPiece)) return 'unfit'
  const guard = new NestingTrack(pieces, tail)
  if (!guard.passes) return 'unfit'

  let crlfs = countCrlf(text)
  const replaced = new Map<number, string>()
  const added: { slug: string; text: string; lead: number }[] = []
  let next = from
  for (; next < to; next++) {
    const part = parts[next]!
    const eol = crlfs > 0 ? '\r\n' : '\n'
    const i = index.get(part.slug)
    if (i !== undefined) {
      const rendered = layout.replacement(i, part.entries, eol)
      // The same text, or a mode that means the same: upsertMode leaves the file as it is.
      if (rendered === text.slice(starts[i], ends[i])) continue
      const wanted = part.wanted()
      if (wanted && deepEqual(normalize(before[i]!), normalize(wanted))) continue
      if (risky(prefixes[i] + rendered, true) || !guard.replace(2 * i + 1, rendered)) break
      crlfs += countCrlf(rendered) - countCrlf(text.slice(starts[i], ends[i]))
      replaced.set(i, rendered)
    } else {
      const addition = layout.addition(part.entries, eol)
      if (risky(addition.text, false) || !guard.append({ text: addition.text, before: undefined })) break
      crlfs += countCrlf(addition.text)
      added.push({ slug: part.slug, ...addition })
    }
  }
  if (replaced.size === 0 && added.length === 0) return { contents: existing, next }

  // The new file, and where each mode must start and end in it.
  const chunks: string[] = [text.slice(0, starts[0])]
  let length = chunks[0]!.length
  const expected: { start: number; end: number }[] = []
  const push = (chunk: string) => {
    chunks.push(chunk)
    length += chunk.length
  }
  for (let i = 0; i < m; i++) {
    const start = length
    push(replaced.get(i) ?? text.slice(starts[i], ends[i]))
    expected.push({ start, end: length })
    if (i + 1 < m) push(text.slice(ends[i]!, starts[i + 1]))
  }
  for (const item of added) {
    const start = length + item.lead
    push(item.text)
    expected.push({ start, end: length })
  }
  push(tail)
  const merged = chunks.join('')

  // The new file must be what each splice expects, and read as expected.
  const after = parseDocument(merged, YAML_OPTIONS)
  if (after.errors.length > 0) return 'unverified'
  const shape = layout.read(merged, after)
  if (
    !shape ||
    shape.starts.length !== expected.length ||
    expected.some((e, i) => shape.starts[i] !== e.start || shape.ends[i] !== e.end)
  )
    return 'unverified'
  // (Its nesting is checked again, as a check of nesting.ts's reading of the guard.)
  const read = parseRooParsed({ path, text: bom + merged }, silent, { doc: after, guarded: false })
  if (read.length !== expected.length) return 'unverified'
  for (let i = 0; i < m; i++) {
    const now = read[i]!
    if (now.name !== slugs[i]) return 'unverified'
    if (!replaced.has(i) && !deepEqual(normalize(now), normalize(before[i]!))) return 'unverified'
  }
  if (added.some((a, j) => read[m + j]!.name !== a.slug)) return 'unverified'
  return { contents: bom + merged, next }
}

/**
 * A YAML modes file of the usual shape: a top-level block map whose `customModes` is a block
 * list of one or more block maps, each with a text `slug`, with nothing after the list but a
 * line break and then the end of the file or a top-level line, and no directives.
 */
function yamlLayout(doc: Document.Parsed, text: string): Layout | undefined {
  if (/^%/m.test(text)) return undefined
  const modes = yamlModes(doc, text)
  if (!modes) return undefined
  const { starts, ends } = modes
  const m = starts.length
  // After the list: a line break, then the end of the file or a top-level line.
  if (!/^\r?\n(?:$|[^\s#])/.test(text.slice(ends[m - 1]!))) return undefined
  // Where the next mode after the last one goes: as upsertYaml computes it from the last item.
  let itemColumn = column(text, starts[m - 1]!)
  const dash = dashColumn(text, starts[m - 1]!)
  const crlf = (s: string, eol: string) => (eol === '\r\n' ? s.replace(/\n/g, '\r\n') : s)
  return {
    ...modes,
    replacement: (i, entries, eol) =>
      crlf(indent(renderMode(entries), column(text, starts[i]!)).replace(/\n$/, ''), eol),
    addition(entries, eol) {
      const prefix = `${' '.repeat(dash)}-${' '.repeat(Math.max(1, itemColumn - dash - 1))}`
      const rendered = indent(renderMode(entries), itemColumn).replace(/\n$/, '')
      itemColumn = prefix.length
      // The line break and the dash, then the mode.
      const lead = crlf(`\n${prefix}`, eol)
      return { text: lead + crlf(rendered, eol), lead: lead.length }
    },
    read: (merged, after) => yamlModes(after, merged),
  }
}

/**
 * The modes of a YAML modes file of the usual shape (see {@link yamlLayout}): for each mode,
 * where its text starts and ends (the end of its last line, as upsertYaml splices it) and its
 * slug.
 */
function yamlModes(
  doc: Document.Parsed,
  text: string,
): { starts: number[]; ends: number[]; slugs: string[] } | undefined {
  const root = doc.contents
  if (!isMap(root) || root.flow) return undefined
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'customModes')
  const list = pair?.value
  if (!isSeq(list) || list.flow || list.items.length === 0) return undefined
  const starts: number[] = []
  const ends: number[] = []
  const slugs: string[] = []
  for (const item of list.items) {
    if (!isMap(item) || item.flow || !item.range) return undefined
    const slug = item.items.find((p) => isScalar(p.key) && p.key.value === 'slug' && isScalar(p.value))
      ?.value as Node | undefined
    const value = isScalar(slug) ? slug.value : undefined
    if (typeof value !== 'string') return undefined
    const start = item.range[0]
    const end = lineEnd(text, item.range[1])
    if (end <= start || (ends.length > 0 && start < ends[ends.length - 1]!)) return undefined
    if (text[end - 1] === '\r') return undefined
    starts.push(start)
    ends.push(end)
    slugs.push(value)
  }
  return { starts, ends, slugs }
}

/**
 * A JSON modes file of the usual shape: an object whose `customModes` is an array of one or
 * more objects, each on a line of its own, with the file's indentation unit found before the
 * first of them.
 */
function jsonLayout(text: string): Layout | undefined {
  const modes = jsonModes(text)
  if (!modes) return undefined
  const { starts, ends, list } = modes
  const m = starts.length
  for (let i = 1; i < m; i++) if (!text.slice(ends[i - 1], starts[i]).includes('\n')) return undefined
  const unitAt = /\n(\t|[ ]+)"/.exec(text)
  if (!unitAt || unitAt.index + unitAt[0].length > starts[0]!) return undefined
  const unit = unitAt[1]!
  const json = (value: unknown, base: string, eol: string) =>
    JSON.stringify(value, null, unit)
      .replace(PROBLEMATIC, escapeChar)
      .split('\n')
      .map((line, i) => (i === 0 ? line : base + line))
      .join(eol)
  const keyIndent = lineIndent(text, list.parent?.offset ?? list.offset)
  const last = starts[m - 1]!
  const indentation = onOwnLine(text, last) ? lineIndent(text, last) : keyIndent + unit
  return {
    starts,
    ends,
    slugs: modes.slugs,
    opening: '{',
    replacement: (i, entries, eol) => json(modeObject(entries), lineIndent(text, starts[i]!), eol),
    addition(entries, eol) {
      const lead = `,${eol}${indentation}`
      return { text: lead + json(modeObject(entries), indentation, eol), lead: lead.length }
    },
    read: (merged) => jsonModes(merged),
  }
}

/** The modes of a JSON modes file of the usual shape (see {@link jsonLayout}), as upsertJson finds them. */
function jsonModes(
  text: string,
): { starts: number[]; ends: number[]; slugs: string[]; list: JsonNode } | undefined {
  const root = parseJson(text)
  if ('ok' in root || root.type !== 'object') return undefined
  const list = findNodeAtLocation(root, ['customModes'])
  if (list?.type !== 'array' || !list.children || list.children.length === 0) return undefined
  const starts: number[] = []
  const ends: number[] = []
  const slugs: string[] = []
  for (const item of list.children) {
    const slug = findNodeAtLocation(item, ['slug'])?.value
    if (item.type !== 'object' || typeof slug !== 'string' || text[item.offset] !== '{') return undefined
    starts.push(item.offset)
    ends.push(item.offset + item.length)
    slugs.push(slug)
  }
  return { starts, ends, slugs, list }
}

/** Whether a YAML document uses anchors or aliases (which tie one mode to another). */
function hasAnchors(doc: Document.Parsed): boolean {
  let found = false
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) || node.anchor !== undefined) {
        found = true
        return visit.BREAK
      }
      return undefined
    },
  })
  return found
}

function countCrlf(text: string): number {
  let count = 0
  for (let i = text.indexOf('\r\n'); i !== -1; i = text.indexOf('\r\n', i + 2)) count++
  return count
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
  if (!result.ok) return result
  // A file left with an empty mode list and nothing else (no other key, no comment) held only
  // agentc's modes: it is emptied, so that the last agent's going removes the file.
  if (/^\s*(?:customModes:\s*\[\s*\]|\{\s*"customModes"\s*:\s*\[\s*\]\s*\})\s*$/.test(result.contents))
    return { ok: true, contents: '' }
  return { ok: true, contents: bom + result.contents }
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
