import {
  type AgentDocument,
  ensureFinalNewline,
  type MergeResult,
  type OutputFile,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { batchedMerges } from '../shared/batch'
import { unchangedRaw } from '../shared/raw'
import {
  AGENTS_PATH,
  markerAttributes,
  REGION_BEGIN,
  REGION_END,
  REGION_NOTE,
  SECTION_BEGIN,
  SECTION_END,
  sectionMarker,
} from './mappings'
import { parseAgentsMd } from './parse'
import { findRegion, isProblem, type Region } from './region'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key]
  return p ? { line: p.line, column: p.column } : {}
}

/**
 * Emits an agent as a section of the agentc region in `AGENTS.md`. The output carries a
 * `merge` that inserts or replaces the section in an existing file, leaving every byte outside
 * the section as it was.
 */
export function emitAgentsMd(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const raw = unchangedRaw(doc, 'agents-md', parseRemembered)
  if (raw !== undefined && hasNoRegion(raw)) return [{ path: AGENTS_PATH, contents: raw }]
  const name = doc.name
  const fields = doc.source?.fields ?? {}
  const activation = doc.activation
  if (activation && activation.kind !== 'always' && raw === undefined) {
    const what =
      activation.kind === 'globs'
        ? `the globs (${activation.globs.join(', ')}) are written as guidance`
        : activation.kind === 'manual'
          ? 'manual use is written as guidance'
          : 'the description tells the model when the section applies'
    ctx.report('AGC202', `Tools that read AGENTS.md load every section into every request; ${what}.`, {
      field: `activation.${activation.kind}`,
      ...at(fields, `activation.${activation.kind}`),
    })
  }
  // A body line that reads as one of the region's markers would end or break the region.
  const body = escapeMarkers(doc.body.text)
  if (body !== doc.body.text) {
    ctx.report(
      'AGC202',
      'A line of the body reads as an agentc marker of AGENTS.md; a backslash was put before its `<` so that it does not end the region (markdown shows the line the same).',
      { field: 'body', ...at(fields, 'body') },
    )
  }
  const section = renderSection(body === doc.body.text ? doc : { ...doc, body: { text: body } }, name)
  const merge = sections.record((existing: string) => upsertSection(existing, name, section), {
    name,
    section,
  })
  return [
    {
      path: AGENTS_PATH,
      contents: raw ?? renderRegion([section]),
      key: name,
      merge,
      mergeAll: sections.mergeAll,
    },
  ]
}

/** Every section of one build merged into AGENTS.md in one pass (`mergeAll`). */
const sections = batchedMerges(upsertSections)

/**
 * Whether an AGENTS.md text holds no agentc region, found once per text: every section read
 * from one AGENTS.md brings that whole file as its source.
 */
function hasNoRegion(raw: string): boolean {
  let known = regionless.get(raw)
  if (known === undefined) {
    known = findRegion(raw.replace(/\r\n/g, '\n').split('\n')) === undefined
    remember(regionless, raw, known)
  }
  return known
}
const regionless = new Map<string, boolean>()

/** parseAgentsMd, remembering the last few files read (see {@link hasNoRegion}). */
function parseRemembered(file: SourceFile, ctx: TargetContext): readonly AgentDocument[] {
  const known = recentlyParsed.get(file.text)
  if (known?.path === file.path) return known.docs
  const docs = parseAgentsMd(file, ctx)
  remember(recentlyParsed, file.text, { path: file.path, docs })
  return docs
}
const recentlyParsed = new Map<string, { path: string; docs: readonly AgentDocument[] }>()

/** Remembers a value in a small cache that forgets the oldest entries. */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  cache.delete(key)
  cache.set(key, value)
  if (cache.size > 8) cache.delete(cache.keys().next().value!)
}

/** The text with a backslash before the `<` of each line that reads as a region or section marker. */
function escapeMarkers(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const t = line.trim()
      const marker = t === REGION_BEGIN || t === REGION_END || t === SECTION_END || SECTION_BEGIN.test(t)
      return marker ? line.replace('<', '\\<') : line
    })
    .join('\n')
}

/** The text of one agent section, marker to end marker, LF, ending with a newline. */
export function renderSection(doc: AgentDocument, name: string): string {
  const described = doc.description !== undefined
  let out = `${sectionMarker(name, doc.activation, described)}\n## ${name.replace(/\s+/g, ' ').trim() || 'agent'}\n\n`
  const activation = doc.activation
  if (activation?.kind === 'globs')
    // Guidance on one line (the marker keeps the globs exactly): a line break in a glob would
    // end the line and the reader would no longer find it.
    out += `_Applies when working on files matching ${activation.globs.map((g) => `\`${g.replace(/\s+/g, ' ')}\``).join(', ')}._\n\n`
  if (activation?.kind === 'manual') out += '_Use only when asked for by name._\n\n'
  if (described) {
    out += `${doc
      .description!.split(/\r\n?|\n/)
      .map((line) => (line === '' ? '>' : `> ${line}`))
      .join('\n')}\n\n`
  }
  out += ensureFinalNewline(doc.body.text)
  return `${out}${SECTION_END}\n`
}

function renderRegion(sections: readonly string[]): string {
  return `${REGION_BEGIN}\n${REGION_NOTE}\n\n${sections.join('\n')}${REGION_END}\n`
}

/**
 * An existing AGENTS.md split for editing: each piece one line with its own terminator (the
 * last may have none), the lines without them, and the agentc region; a broken region is the
 * merge failure to return.
 */
function openFile(
  existing: string,
):
  | { bom: string; text: string; pieces: string[]; lines: string[]; region: Region | undefined }
  | MergeResult {
  const bom = existing.charCodeAt(0) === 0xfeff ? '\ufeff' : ''
  const text = bom ? existing.slice(1) : existing
  const pieces = text === '' ? [] : text.split(/(?<=\n)/)
  const lines = pieces.map((piece) => piece.replace(/\r?\n$/, ''))
  const region = findRegion(lines)
  if (isProblem(region))
    return {
      ok: false,
      message: `its agentc region is broken (${region.message})`,
      line: region.line,
      column: 1,
    }
  return { bom, text, pieces, lines, region }
}

/**
 * Inserts or replaces the section of `name` in an existing AGENTS.md, keeping sections sorted by
 * name; appends a new region when the file has none. Every byte outside the replaced section
 * stays as it was (line endings included, even mixed ones); the new lines take the line ending
 * of the region's first line, or of the file's first line.
 */
export function upsertSection(existing: string, name: string, section: string): MergeResult {
  const opened = openFile(existing)
  if ('ok' in opened) return opened
  const { bom, text, pieces, region } = opened
  const eolOf = (piece: string | undefined) => (piece?.endsWith('\r\n') ? '\r\n' : '\n')
  if (!region) {
    const eol = eolOf(pieces[0])
    const prefix =
      text === '' ? '' : /\r?\n\r?\n$/.test(text) ? text : text.endsWith('\n') ? text + eol : text + eol + eol
    return { ok: true, contents: bom + prefix + renderRegion([section]).replace(/\n/g, eol) }
  }
  const eol = eolOf(pieces[region.begin])
  const sectionLines = section.replace(/\n$/, '').split('\n')
  const names = region.sections.map((s) => markerAttributes(s.attrs).name ?? '')
  const same = names.indexOf(name)
  let from: number
  let to: number
  if (same !== -1) {
    from = region.sections[same]!.begin
    to = region.sections[same]!.end + 1
  } else {
    const next = region.sections.find((_, i) => names[i]! > name)
    from = to = next ? next.begin : region.end
    if (!next && region.sections.length > 0) sectionLines.unshift('')
    if (next) sectionLines.push('')
  }
  const middle = sectionLines.map((line) => line + eol).join('')
  return {
    ok: true,
    contents: bom + pieces.slice(0, from).join('') + middle + pieces.slice(to).join(''),
  }
}

/** One section to write into AGENTS.md: what {@link upsertSection} takes. */
export interface SectionUpsert {
  readonly name: string
  readonly section: string
}

/**
 * Inserts or replaces several sections in AGENTS.md: exactly what {@link upsertSection} gives
 * for each part in turn (the same bytes, or the same failure), in time linear in the file and
 * the parts (plus sorting the new names), where folding it costs O(N²).
 *
 * Sections are plain (each a marker line, its name read back from it, lines that read as no
 * other marker, an end marker), so inserting one never changes how the region reads: the file
 * is split once, and where each part goes follows from the names alone. A name already in the
 * region replaces the first section of that name. Any other goes before the first section
 * whose name sorts after it: before an original section j when j is the first whose name, or
 * an earlier one's, sorts after it (`after[j]` below); there the new sections end up sorted,
 * each followed by a blank line. The others go at the end of the region, where a part that
 * sorts after every section added there before it is appended (after a blank line when the
 * region has sections) and any other is put before the first of those that sorts after it.
 */
export function upsertSections(existing: string, parts: readonly SectionUpsert[]): MergeResult {
  const fold = (text: string, from: number): MergeResult => {
    for (let i = from; i < parts.length; i++) {
      const merged = upsertSection(text, parts[i]!.name, parts[i]!.section)
      if (!merged.ok) return merged
      text = merged.contents
    }
    return { ok: true, contents: text }
  }
  const names = new Set(parts.map((p) => p.name))
  if (parts.length < 2 || names.size < parts.length) return fold(existing, 0)
  const split = parts.map((p) => plainSection(p))
  if (split.some((lines) => lines === undefined)) return fold(existing, 0)
  let opened = openFile(existing)
  if ('ok' in opened) return opened
  let from = 0
  if (!opened.region) {
    // The first part adds the region.
    const first = upsertSection(existing, parts[0]!.name, parts[0]!.section)
    if (!first.ok) return first
    opened = openFile(first.contents)
    if ('ok' in opened || !opened.region) return fold(first.contents, 1)
    from = 1
  }
  const { bom, pieces, region } = opened
  const eol = pieces[region.begin]!.endsWith('\r\n') ? '\r\n' : '\n'
  const sections = region.sections
  const count = sections.length
  const sectionNames = sections.map((s) => markerAttributes(s.attrs).name ?? '')
  const firstNamed = new Map<string, number>()
  sectionNames.forEach((name, i) => {
    if (!firstNamed.has(name)) firstNamed.set(name, i)
  })
  // after[j]: the greatest of the names of sections 0..j (they never decrease).
  const after: string[] = []
  for (const name of sectionNames)
    after.push(after.length > 0 && after[after.length - 1]! > name ? after[after.length - 1]! : name)
  /** Part i's lines, and a blank line after them when `blank`. */
  const lines = (i: number, blank: boolean) =>
    `${split[i]!.map((line) => line + eol).join('')}${blank ? eol : ''}`

  const replaced = new Map<number, string>()
  /** New sections by the original section they go before (`count`: the end of the region). */
  const inserted = new Map<number, { name: string; part: number; added: number; last: boolean }[]>()
  let added = 0
  let endMax: string | undefined
  for (let i = from; i < parts.length; i++) {
    const name = parts[i]!.name
    const same = firstNamed.get(name)
    if (same !== undefined) {
      replaced.set(same, lines(i, false))
      continue
    }
    // The first original section whose name, or an earlier one's, sorts after this one.
    let lo = 0
    let hi = count
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (after[mid]! > name) hi = mid
      else lo = mid + 1
    }
    let last = false
    if (lo === count && (endMax === undefined || name > endMax)) {
      last = true
      endMax = name
    }
    const list = inserted.get(lo) ?? []
    list.push({ name, part: i, added, last })
    inserted.set(lo, list)
    added++
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1)
  const out: string[] = [bom]
  let line = 0
  const copy = (to: number) => {
    for (; line < to; line++) out.push(pieces[line]!)
  }
  for (let j = 0; j < count; j++) {
    const section = sections[j]!
    copy(section.begin)
    for (const item of (inserted.get(j) ?? []).sort(byName)) out.push(lines(item.part, true))
    const replacement = replaced.get(j)
    if (replacement === undefined) copy(section.end + 1)
    else {
      out.push(replacement)
      line = section.end + 1
    }
  }
  copy(region.end)
  // At the end of the region, the sections put before a later one come after its blank line.
  let waiting: string[] = []
  for (const item of (inserted.get(count) ?? []).sort(byName)) {
    if (!item.last) {
      waiting.push(lines(item.part, true))
      continue
    }
    // Appended: after a blank line when the region had sections by then.
    out.push(count + item.added > 0 ? eol : '', ...waiting, lines(item.part, false))
    waiting = []
  }
  copy(pieces.length)
  return { ok: true, contents: out.join('') }
}

/**
 * The lines of a section when it is plain (see {@link upsertSections}): LF split, as
 * {@link upsertSection} writes them; undefined otherwise.
 */
function plainSection(part: SectionUpsert): string[] | undefined {
  const lines = part.section.replace(/\n$/, '').split('\n')
  if (lines.length < 2) return undefined
  const marker = SECTION_BEGIN.exec(lines[0]!.trim())
  if (!marker || (markerAttributes(marker[1] ?? '').name ?? '') !== part.name) return undefined
  if (lines[lines.length - 1]!.trim() !== SECTION_END) return undefined
  for (let i = 1; i < lines.length - 1; i++) {
    const t = lines[i]!.trim()
    if (t === REGION_BEGIN || t === REGION_END || t === SECTION_END || SECTION_BEGIN.test(t)) return undefined
  }
  return lines
}

/**
 * Removes the section of `name` from an existing AGENTS.md (the agent is gone). Every other byte
 * stays; the blank line that separated the section from the previous one goes with it. When the
 * region is left without sections, the region goes too, with the blank line agentc put before
 * it. A file without that section is returned unchanged.
 */
export function removeSection(existing: string, name: string): MergeResult {
  const opened = openFile(existing)
  if ('ok' in opened) return opened
  const { bom, pieces, lines, region } = opened
  if (!region) return { ok: true, contents: existing }
  const names = region.sections.map((s) => markerAttributes(s.attrs).name ?? '')
  const index = names.indexOf(name)
  if (index === -1) return { ok: true, contents: existing }
  const section = region.sections[index]!
  let from = section.begin
  let to = section.end + 1
  const blank = (i: number) => lines[i] !== undefined && lines[i]!.trim() === ''
  if (region.sections.length === 1) {
    from = region.begin
    to = region.end + 1
    // A region at the end of the file: the blank line agentc put before it goes too.
    if (to === lines.length && blank(from - 1)) from--
  } else if (index > 0 && blank(from - 1)) from--
  else if (index === 0 && blank(to)) to++
  return { ok: true, contents: bom + pieces.slice(0, from).join('') + pieces.slice(to).join('') }
}
