import {
  type AgentDocument,
  deepEqual,
  isSafeRelativePath,
  normalize,
  type OutputFile,
  type TargetContext,
} from '@agentc/core'
import { batchedMerges } from '../shared/batch'
import { type AccessNote, rooAccess } from './access'
import { ROOMODES, rooSlug } from './mappings'
import { type ModeUpsert, upsertMode, upsertModes } from './merge'
import { parseRoo } from './parse'
import { type ModeEntries, renderModesFile } from './render'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const silent: TargetContext = { report() {}, options: {} }

/** Extension keys the emitter writes in their own places. */
const PLACED = new Set(['name', 'description', 'source', 'groupOptions', 'allowedMcpServers'])

/**
 * Where a mode is written: the file it was read from when it came from a Roo modes file (a
 * `custom_modes.yaml` or a shared one-mode file stays one), else the project's `.roomodes`.
 */
export function rooPath(doc: AgentDocument): string {
  const source = doc.source
  if (source?.target === 'roo' && isSafeRelativePath(source.path)) return source.path
  return ROOMODES
}

/**
 * Emits one mode. `.roomodes` is shared by every mode (and by people): the output carries a
 * `merge` that inserts or replaces this mode by slug and keeps the rest of the file byte for
 * byte. When the file does not exist yet, `contents` is a new file with just this mode; a mode
 * read from a Roo file and unchanged brings back that file's exact text instead.
 */
export function emitRoo(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const path = rooPath(doc)
  const fields = doc.source?.fields ?? {}
  const raw = unchangedSource(doc)
  const report = raw === undefined ? ctx : silent
  const slug = rooSlug(doc.name)
  if (slug !== doc.name) {
    report.report(
      'AGC207',
      `Roo Code mode slugs use letters, digits and dashes; "${doc.name}" became "${slug}".`,
      { field: 'name', ...at(fields, 'name') },
    )
  }
  const entries = modeEntries(doc, slug, report, fields)
  const contents = raw ?? renderModesFile(entries)
  let wanted: AgentDocument | undefined | null = null
  const reading = () => {
    wanted ??= readSilently(path, contents).get(slug)
    return wanted
  }
  const merge = modes.record((existing: string) => upsertMode(existing, path, slug, entries, reading()), {
    path,
    slug,
    entries,
    wanted: reading,
  })
  return [{ path, contents, key: slug, merge, mergeAll: modes.mergeAll }]
}

/** Every mode of one build merged into a modes file in one pass (`mergeAll`). */
const modes = batchedMerges(upsertModes)

/** The mode an output of {@link emitRoo} writes (for tests). */
export function modePart(output: OutputFile): ModeUpsert | undefined {
  return modes.partOf(output)
}

/**
 * The modes of a modes file by slug, read without diagnostics. The last few files read are
 * remembered: every mode of a file read from Roo brings that whole file (as its source), and
 * reading it again for each of them would cost time in the square of the file's size.
 */
function readSilently(path: string, text: string): ReadonlyMap<string, AgentDocument> {
  const known = recentlyRead.get(text)
  if (known?.path === path) return known.modes
  const modes = new Map(parseRoo({ path, text }, silent).map((d) => [d.name, d]))
  recentlyRead.delete(text)
  recentlyRead.set(text, { path, modes })
  if (recentlyRead.size > 8) recentlyRead.delete(recentlyRead.keys().next().value!)
  return modes
}
const recentlyRead = new Map<string, { path: string; modes: ReadonlyMap<string, AgentDocument> }>()

/** The mode's keys in Roo's usual order, then the kept keys Roo does not know. */
function modeEntries(doc: AgentDocument, slug: string, ctx: TargetContext, fields: Fields): ModeEntries {
  const own = doc.extensions.roo ?? {}
  const notes: AccessNote[] = []
  const options = (own.groupOptions ?? {}) as Record<string, Record<string, unknown>>
  const access = rooAccess(doc, options, notes)
  for (const note of notes) {
    ctx.report(note.code, note.message, { field: note.field, ...at(fields, note.key ?? note.field) })
  }
  for (const group of Object.keys(options)) {
    if (access.groups.some((g) => g === group || g[0] === group)) continue
    ctx.report(
      'AGC202',
      `The kept options of the \`${group}\` group are left out: the mode no longer has that group.`,
      {
        field: 'extensions.roo.groupOptions',
        ...at(fields, 'extensions.roo.groupOptions'),
      },
    )
  }
  const role = doc.body.text.replace(/\n+$/, '')
  const entries: [string, unknown][] = [
    ['slug', slug],
    ['name', typeof own.name === 'string' && own.name !== '' ? own.name : slug],
    // Roo requires a role definition; an empty prompt is written as a blank line.
    ['roleDefinition', role === '' ? '\n' : role],
    ['whenToUse', doc.description],
    ['description', own.description],
    ['groups', access.groups],
    ['allowedMcpServers', access.servers ?? own.allowedMcpServers],
    ['source', own.source],
  ]
  for (const [key, value] of Object.entries(own)) if (!PLACED.has(key)) entries.push([key, value])
  return entries
}

/**
 * The text of the file a document was read from, when the document came from a Roo modes file
 * and its mode is unchanged (the file may hold other modes: they come back as they were).
 */
function unchangedSource(doc: AgentDocument): string | undefined {
  const source = doc.source
  if (source?.target !== 'roo' || source.raw === undefined) return undefined
  const original = readSilently(source.path, source.raw).get(doc.name)
  return original && deepEqual(normalize(original), normalize(doc)) ? source.raw : undefined
}

function at(fields: Fields, key: string): { line?: number; column?: number } {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}
