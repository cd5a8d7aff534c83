import {
  type AgentDocument,
  type FrontmatterEntry,
  normalize,
  type OutputFile,
  type TargetContext,
  writeFrontmatterFile,
} from '@agentc/core'
import { CLAUDE_ALIAS_IDS, vendorOf } from '../shared/models'
import { reportRenamed, safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { isEffort, lookup } from '../shared/values'
import { DISABLED_KEY, EFFORT_KEYS, NAMED_TO_HEX, THEME_COLORS, VENDOR_PROVIDERS } from './mappings'
import { parseKilo } from './parse'
import { kiloPermission } from './permissions'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const pos = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}
const quiet: TargetContext = { report() {}, options: {} }

/** The file name (below `.kilo/agents/`, without `.md`) of an agent. */
function fileName(name: string): string {
  return safeFileName(name, quiet, 'Kilo', { allowSlash: true, allowUpper: true })
}

/** Where a Kilo agent is written: `.kilo/agents/<name>.md` (nested folders for `a/b`). */
export function kiloPath(doc: AgentDocument): string {
  return `.kilo/agents/${fileName(doc.name)}.md`
}

/**
 * Emits a Kilo agent file. A document parsed from Kilo and unchanged is written back byte for
 * byte; anything else is written in a fixed key order. A name that is not a safe file name is
 * kept exactly in a `name` key (Kilo takes the agent's name from it), the file named after its
 * safe form.
 */
export function emitKilo(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const path = kiloPath(doc)
  const raw = unchangedRaw(doc, 'kilo', parseKilo)
  reportRenamed(ctx, doc, { file: fileName(doc.name), path, tool: 'Kilo' })
  if (raw !== undefined) return [{ path, contents: raw }]
  const fields = doc.source?.fields ?? {}
  const own = doc.extensions.kilo ?? {}
  const entries: FrontmatterEntry[] = []
  entries.push(['name', fileName(doc.name) === doc.name ? undefined : doc.name])
  entries.push(['description', doc.description])
  entries.push(['mode', doc.role])
  entries.push(['model', modelValue(doc, ctx, fields)])
  entries.push(['temperature', doc.sampling?.temperature])
  entries.push(['top_p', doc.sampling?.topP])
  entries.push(['steps', doc.maxSteps])
  entries.push(['color', colorValue(doc.color, ctx, fields)])
  entries.push(['hidden', doc.hidden])
  entries.push(['disable', doc.disabled])
  entries.push(effortEntry(doc, own, ctx, fields))
  entries.push(['permission', permissionValue(doc, own, ctx, fields)])
  for (const [key, value] of Object.entries(own)) if (key !== DISABLED_KEY) entries.push([key, value])
  return [{ path, contents: writeFrontmatterFile(entries, doc.body.text) }]
}

/**
 * `provider/model-id`. Kilo resolves a model only by provider, so a model written without one
 * gets the provider of its vendor (reported), and a Claude alias the model it names today.
 */
function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model || model.id === 'inherit') return undefined
  const where = { field: 'model', ...pos(fields, 'model') }
  const pinned =
    model.provider === undefined || model.provider === 'anthropic'
      ? lookup(CLAUDE_ALIAS_IDS, model.id)
      : undefined
  if (pinned) {
    ctx.report(
      'AGC202',
      `The model alias \`${model.written}\` has no Kilo spelling; it was pinned to anthropic/${pinned}, the model it names today.`,
      where,
    )
    return `anthropic/${pinned}`
  }
  if (model.provider) return `${model.provider}/${model.id}`
  if (model.written.startsWith('{')) return model.written
  const vendor = vendorOf(model)
  const provider = vendor ? lookup(VENDOR_PROVIDERS, vendor) : undefined
  if (provider) {
    ctx.report(
      'AGC202',
      `The model \`${model.written}\` names no provider; Kilo needs \`provider/model-id\`, so it was written as ${provider}/${model.id}.`,
      where,
    )
    return `${provider}/${model.id}`
  }
  ctx.report(
    'AGC204',
    `Kilo needs \`provider/model-id\` and the provider of \`${model.written}\` is unknown; the model is left out, so the agent uses Kilo's default (a subagent its caller's model).`,
    where,
  )
  return undefined
}

/**
 * The effort under the first spelling the parser reads that no extension holds (an extension
 * keeps an effort key whose value is not a level). When every spelling is taken, or an earlier
 * one holds a level the parser would read first, the effort cannot be written.
 */
function effortEntry(
  doc: AgentDocument,
  own: Readonly<Record<string, unknown>>,
  ctx: TargetContext,
  fields: Fields,
): FrontmatterEntry {
  if (doc.effort === undefined) return ['reasoningEffort', undefined]
  for (const key of EFFORT_KEYS) {
    if (!Object.hasOwn(own, key)) return [key, doc.effort]
    if (isEffort(own[key])) break
  }
  const taken = EFFORT_KEYS.filter((k) => Object.hasOwn(own, k)).join(', ')
  ctx.report(
    'AGC202',
    `The reasoning effort \`${doc.effort}\` is left out: the Kilo options ${taken} already use its spellings.`,
    { field: 'effort', ...pos(fields, 'effort') },
  )
  return ['reasoningEffort', undefined]
}

function colorValue(color: string | undefined, ctx: TargetContext, fields: Fields): string | undefined {
  if (color === undefined) return undefined
  if (/^#[0-9a-fA-F]{6}$/.test(color) || (THEME_COLORS as readonly string[]).includes(color)) return color
  const hex = lookup(NAMED_TO_HEX, color.toLowerCase())
  if (hex) {
    ctx.report('AGC202', `Kilo rejects colour names; \`${color}\` was written as ${hex}.`, {
      field: 'color',
      ...pos(fields, 'color'),
    })
    return hex
  }
  ctx.report('AGC201', `The colour \`${color}\` has no Kilo equivalent; it is left out.`, {
    field: 'color',
    ...pos(fields, 'color'),
  })
  return undefined
}

function permissionValue(
  doc: AgentDocument,
  own: Readonly<Record<string, unknown>>,
  ctx: TargetContext,
  fields: Fields,
): Record<string, unknown> | string | undefined {
  const access = normalize(doc)
  const notes: Parameters<typeof kiloPermission>[3] = []
  const map = kiloPermission(access.tools?.allow, access.tools?.deny, access.permissions ?? [], notes)
  for (const note of notes)
    ctx.report(note.code, note.message, { field: note.field, ...pos(fields, note.field) })
  const disabled = own[DISABLED_KEY]
  if (disabled !== undefined) return { disabled, ...(map ?? {}) }
  if (!map) return undefined
  const keys = Object.keys(map)
  if (keys.length === 1 && keys[0] === '*' && typeof map['*'] === 'string') return map['*']
  return map
}
