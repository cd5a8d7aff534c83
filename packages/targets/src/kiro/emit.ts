import type { AgentDocument, FrontmatterEntry, OutputFile, TargetContext } from '@agentc/core'
import { isSafeRelativePath, matchWildcard } from '@agentc/core'
import { bareModelId, CLAUDE_ALIAS_IDS, vendorOf } from '../shared/models'
import { reportRenamed, safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { lookup } from '../shared/values'
import { claudeToKiro, EXTENSION_ORDER, modelFromKiro, TAGS, toolsFromKiro, toolsToKiro } from './mappings'
import { agentNameFromPath, parseKiro } from './parse'
import { toKiroPermissions } from './permissions'
import { writeKiroFile } from './yaml'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}

/** Keys the emitter writes itself; an extension with one of these names is not written over them. */
const GENERATED = new Set(['name', 'description', 'model', 'tools', 'excludedTools', 'permissions'])

const silent: TargetContext = { report() {}, options: {} }

/**
 * Where a Kiro agent is written: `.kiro/agents/<name>.md`, folders for `/` in the name (Kiro
 * names nested agents by their path). The name itself is kept in `name` when the file name
 * cannot hold it.
 */
export function kiroPath(doc: AgentDocument): string {
  return `.kiro/agents/${kiroFile(doc)}.md`
}

/** The file of a Kiro agent below `.kiro/agents/`, without `.md`: its name made a safe file name. */
function kiroFile(doc: AgentDocument): string {
  return safeFileName(doc.name, silent, 'Kiro', { allowSlash: true, allowUpper: true })
}

/**
 * Emits a Kiro custom agent in the current Markdown format. A document parsed from Kiro and
 * unchanged is written back byte for byte, at its own path (a legacy `.json` agent stays JSON);
 * any other document is written as `.kiro/agents/<name>.md`.
 */
export function emitKiro(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const raw = unchangedRaw(doc, 'kiro', parseKiro)
  if (raw !== undefined && doc.source && isSafeRelativePath(doc.source.path)) {
    return [{ path: doc.source.path, contents: raw }]
  }
  const fields = doc.source?.fields ?? {}
  const path = kiroPath(doc)
  reportRenamed(ctx, doc, { file: kiroFile(doc), path, tool: 'Kiro' })
  const entries: FrontmatterEntry[] = []
  entries.push(['name', agentNameFromPath(path) === doc.name ? undefined : doc.name])
  entries.push(['description', doc.description])
  entries.push(['model', modelValue(doc, ctx, fields)])
  const { tools, excludedTools } = toolsValue(doc, ctx, fields)
  entries.push(['tools', tools])
  entries.push(['excludedTools', excludedTools])
  entries.push(['permissions', permissionsValue(doc, { tools, excludedTools }, ctx, fields)])
  const own = doc.extensions.kiro ?? {}
  const keys = [
    ...EXTENSION_ORDER.filter((k) => Object.hasOwn(own, k)),
    ...Object.keys(own).filter((k) => !(EXTENSION_ORDER as readonly string[]).includes(k)),
  ]
  for (const key of keys) if (!GENERATED.has(key)) entries.push([key, own[key]])
  return [{ path, contents: writeKiroFile(entries, doc.body.text) }]
}

function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model) return undefined
  const where = { field: 'model', ...at(fields, 'model') }
  if (model.id === 'inherit') {
    ctx.report(
      'AGC204',
      'Kiro has no `inherit` model; the model is left out, so the agent runs on the model selected in Kiro.',
      where,
    )
    return undefined
  }
  // A model read from Kiro that is not Anthropic's (`auto`, Kiro-hosted models) is Kiro's own id.
  if (model.provider === undefined && (doc.source?.target === 'kiro' || model.id === 'auto'))
    return model.written
  if (vendorOf(model) !== 'anthropic') {
    ctx.report(
      'AGC204',
      `Kiro cannot run the model ${model.written}; it is left out, so the agent runs on the model selected in Kiro.`,
      where,
    )
    return undefined
  }
  const bare = bareModelId(model.id)
  const pinned = lookup(CLAUDE_ALIAS_IDS, bare)
  if (pinned) {
    const kiro = claudeToKiro(pinned)
    ctx.report(
      'AGC202',
      `Kiro has no model aliases; \`${model.written}\` was pinned to ${kiro}, the model it names today.`,
      where,
    )
    return kiro
  }
  if (!/^claude-/.test(bare)) {
    ctx.report(
      'AGC204',
      `Kiro has no model \`${model.written}\`; it is left out, so the agent runs on the model selected in Kiro.`,
      where,
    )
    return undefined
  }
  const kiro = claudeToKiro(bare)
  const back = modelFromKiro(kiro)
  if (back.id !== model.id || (model.provider !== undefined && model.provider !== 'anthropic')) {
    ctx.report(
      'AGC202',
      `Kiro names models by version; ${model.written} became \`${kiro}\`${model.provider && model.provider !== 'anthropic' ? `, served by Kiro instead of ${model.provider}` : ''}.`,
      where,
    )
  }
  return kiro
}

function toolsValue(
  doc: AgentDocument,
  ctx: TargetContext,
  fields: Fields,
): { tools: string[]; excludedTools: string[] | undefined } {
  const policy = doc.tools
  const denied = policy?.deny ?? []
  if (policy?.allow !== undefined && !policy.allow.includes('*')) {
    // With an allow-list, a denial only removes listed tools.
    const allow = policy.allow.filter((t) => !denied.includes(t))
    const { selectors, widened, unmapped } = toolsToKiro(allow)
    for (const w of widened) {
      ctx.report(
        'AGC202',
        `Kiro grants tools by tag: \`${w.tag}\` stands for ${TAGS[w.tag]!.join(', ')}, so granting ${w.listed.join(', ')} also grants ${w.added.join(', ')}.`,
        { field: 'tools.allow', ...at(fields, 'tools.allow') },
      )
    }
    for (const tool of unmapped) {
      ctx.report('AGC208', `The tool \`${tool}\` has no Kiro equivalent; it is left out of \`tools\`.`, {
        field: 'tools.allow',
        ...at(fields, 'tools.allow'),
      })
    }
    return { tools: selectors, excludedTools: undefined }
  }
  if (denied.length === 0) return { tools: ['*'], excludedTools: undefined }
  const { selectors, widened, unmapped } = toolsToKiro(denied)
  for (const w of widened) {
    ctx.report(
      'AGC202',
      `Kiro removes tools by tag: \`${w.tag}\` stands for ${TAGS[w.tag]!.join(', ')}, so removing ${w.listed.join(', ')} also removes ${w.added.join(', ')}.`,
      { field: 'tools.deny', ...at(fields, 'tools.deny') },
    )
  }
  for (const tool of unmapped) {
    ctx.report(
      'AGC208',
      `The tool \`${tool}\` has no Kiro equivalent; it cannot be removed and stays available.`,
      { field: 'tools.deny', ...at(fields, 'tools.deny') },
    )
  }
  return { tools: ['*'], excludedTools: selectors.length > 0 ? selectors : undefined }
}

function permissionsValue(
  doc: AgentDocument,
  selectors: { tools: string[]; excludedTools: string[] | undefined },
  ctx: TargetContext,
  fields: Fields,
): unknown {
  // Rules of tools the agent does not have (in Kiro, as written) decide nothing: they are left out.
  const allow = selectors.tools.includes('*') ? undefined : selectors.tools.flatMap(toolsFromKiro)
  const deny = (selectors.excludedTools ?? []).flatMap(toolsFromKiro)
  const rules = doc.permissions?.filter((r) => r.tool === '*' || available(allow, deny, r.tool))
  if (!rules || rules.length === 0) return undefined
  const fieldKey = (tool: string) => (fields[`permissions.${tool}`] ? `permissions.${tool}` : 'permissions')
  const kiro = toKiroPermissions(
    rules,
    (message, tool, code = 'AGC202') => {
      ctx.report(code, message, { field: 'permissions', ...at(fields, fieldKey(tool)) })
    },
    // How Kiro reads a pattern written as it is: the IR keeps the pattern (field marks it).
    (message) =>
      ctx.report('AGC202', message, { field: 'permissions.patterns', ...at(fields, 'permissions') }),
  )
  if (kiro.length === 0) return undefined
  return kiro.map((r) => ({
    capability: r.capability,
    effect: r.effect,
    ...(r.match ? { match: [...r.match] } : {}),
    ...(r.exclude ? { exclude: [...r.exclude] } : {}),
  }))
}

/** Whether the agent has a tool (a rule for `edit` also governs `write`, so it lives while either does). */
function available(allow: readonly string[] | undefined, deny: readonly string[], tool: string): boolean {
  const has = (name: string) =>
    (allow === undefined || allow.some((a) => matchWildcard(a, name))) &&
    !deny.some((d) => matchWildcard(d, name))
  return has(tool) || (tool === 'edit' && has('write'))
}
