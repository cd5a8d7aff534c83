import {
  type AgentDocument,
  ensureFinalNewline,
  type MergeResult,
  type OutputFile,
  type TargetContext,
} from '@agentc/core'
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
  const raw = unchangedRaw(doc, 'agents-md', parseAgentsMd)
  const wholeFile = raw !== undefined && findRegion(raw.replace(/\r\n/g, '\n').split('\n')) === undefined
  if (raw !== undefined && wholeFile) return [{ path: AGENTS_PATH, contents: raw }]
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
  return [
    {
      path: AGENTS_PATH,
      contents: raw ?? renderRegion([section]),
      key: name,
      merge: (existing) => upsertSection(existing, name, section),
    },
  ]
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
