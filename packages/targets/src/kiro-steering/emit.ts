import type { AgentDocument, FrontmatterEntry, OutputFile, TargetContext } from '@agentc/core'
import { isSafeRelativePath } from '@agentc/core'
import { writeKiroFile } from '../kiro/yaml'
import { safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { ACTIVATION_TO_INCLUSION, STEERING_KEYS } from './mappings'
import { parseKiroSteering } from './parse'

const ID = 'kiro-steering'
const silent: TargetContext = { report() {}, options: {} }

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key]
  return p ? { line: p.line, column: p.column } : {}
}

/** Where a steering file is written: `.kiro/steering/<name>.md`. */
export function steeringPath(doc: AgentDocument): string {
  return `.kiro/steering/${safeFileName(doc.name, silent, 'Kiro steering', { allowUpper: true })}.md`
}

/**
 * Emits a Kiro steering file. The activation becomes `inclusion`; a document without one (an
 * agent) becomes an `auto` steering file, which Kiro includes when its description matches the
 * request, or a `manual` one (`#name` in chat) when it has no description. A document parsed from
 * Kiro steering and unchanged is written back byte for byte.
 */
export function emitKiroSteering(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const raw = unchangedRaw(doc, ID, parseKiroSteering)
  if (raw !== undefined && doc.source && isSafeRelativePath(doc.source.path)) {
    return [{ path: doc.source.path, contents: raw }]
  }
  const fields = doc.source?.fields ?? {}
  const name = safeFileName(doc.name, ctx, 'Kiro steering', { allowUpper: true })
  const path = `.kiro/steering/${name}.md`
  const described = doc.description !== undefined && doc.description.trim() !== ''
  let kind = doc.activation?.kind ?? (described ? 'model-decision' : 'manual')
  if (kind === 'model-decision' && !described) {
    ctx.report(
      'AGC202',
      "Kiro's `auto` inclusion matches the description against each request, and this file has none; it is written as `manual` (included when mentioned with #" +
        `${name}).`,
      { field: 'activation.model-decision', ...at(fields, 'activation.model-decision') },
    )
    kind = 'manual'
  }
  const entries: FrontmatterEntry[] = [['inclusion', ACTIVATION_TO_INCLUSION[kind]]]
  if (kind === 'globs' && doc.activation?.kind === 'globs') {
    const globs = doc.activation.globs
    entries.push([
      'fileMatchPattern',
      globs.length === 1 ? globs[0] : globs.length > 1 ? [...globs] : undefined,
    ])
  }
  if (kind === 'model-decision') entries.push(['name', name])
  entries.push(['description', doc.description])
  const generated = new Set(entries.filter(([, v]) => v !== undefined).map(([k]) => k))
  for (const [key, value] of Object.entries(doc.extensions[ID] ?? {})) {
    if (key === 'fileMatchPattern' && kind === 'globs') continue
    if (
      generated.has(key) ||
      (key !== 'fileMatchPattern' && (STEERING_KEYS as readonly string[]).includes(key))
    )
      continue
    entries.push([key, value])
  }
  return [{ path, contents: writeKiroFile(entries, doc.body.text) }]
}
