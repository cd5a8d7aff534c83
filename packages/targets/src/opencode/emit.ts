import {
  type AgentDocument,
  type FrontmatterEntry,
  type OutputFile,
  type PermissionRule,
  type TargetContext,
  wildcardsIntersect,
  writeFrontmatterFile,
} from '@agentc/core'
import { CLAUDE_ALIAS_IDS } from '../shared/models'
import { safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { isEffort, lookup, setOwn } from '../shared/values'
import { EDIT_GROUP, EFFORT_KEYS, NAMED_TO_HEX, THEME_COLORS, toolToOpenCode } from './mappings'
import { parseOpenCode } from './parse'

const silent: TargetContext = { report() {}, options: {} }

/**
 * Where an OpenCode agent is written: its name made a safe file name (OpenCode names an agent
 * by its path), reported through `ctx` when that changed it.
 */
export function openCodePath(doc: AgentDocument, ctx: TargetContext = silent): string {
  return `.opencode/agents/${safeFileName(doc.name, ctx, 'OpenCode', { allowSlash: true, allowUpper: true })}.md`
}

/**
 * Emits an OpenCode agent file. A document parsed from OpenCode and unchanged is written back
 * byte for byte; anything else is written in a fixed key order.
 */
export function emitOpenCode(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const path = openCodePath(doc, ctx)
  const raw = unchangedRaw(doc, 'opencode', parseOpenCode)
  if (raw !== undefined) return [{ path, contents: raw }]
  const fields = doc.source?.fields ?? {}
  const entries: FrontmatterEntry[] = []
  entries.push(['description', doc.description])
  entries.push(['mode', doc.role])
  entries.push(['model', modelValue(doc, ctx, fields)])
  entries.push(['temperature', doc.sampling?.temperature])
  entries.push(['top_p', topPValue(doc.sampling?.topP, ctx, fields)])
  entries.push(['steps', doc.maxSteps])
  entries.push(['color', colorValue(doc.color, ctx, fields)])
  entries.push(['hidden', doc.hidden])
  entries.push(['disable', doc.disabled])
  const own = doc.extensions.opencode ?? {}
  entries.push(effortEntry(doc, own, ctx, fields))
  entries.push(['tools', toolsValue(doc, ctx, fields)])
  entries.push(['permission', permissionValue(doc.permissions, ctx, fields)])
  for (const [key, value] of Object.entries(own)) entries.push([key, value])
  return [{ path, contents: writeFrontmatterFile(entries, doc.body.text) }]
}

type Fields = Readonly<Record<string, { line: number; column: number }>>
const pos = (fields: Fields, key: string) => {
  const p = fields[key]
  return p ? { line: p.line, column: p.column } : {}
}

/** `top_p`, which OpenCode reads only from 0 to 1 (a value outside is reported and left out). */
function topPValue(topP: number | undefined, ctx: TargetContext, fields: Fields): number | undefined {
  if (topP === undefined || (topP >= 0 && topP <= 1)) return topP
  ctx.report('AGC201', `OpenCode reads \`top_p\` from 0 to 1; ${topP} was left out.`, {
    field: 'sampling.topP',
    ...pos(fields, 'sampling.topP'),
  })
  return undefined
}

function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model || model.id === 'inherit') return undefined
  if (model.provider) {
    const pinned = model.provider === 'anthropic' ? lookup(CLAUDE_ALIAS_IDS, model.id) : undefined
    if (pinned) {
      ctx.report(
        'AGC202',
        `The model alias \`${model.written}\` has no OpenCode spelling; it was pinned to anthropic/${pinned}, the model it names today.`,
        { field: 'model', ...pos(fields, 'model') },
      )
      return `anthropic/${pinned}`
    }
    return `${model.provider}/${model.id}`
  }
  if (model.written.startsWith('{')) return model.written
  if (model.written.trim() === '') {
    // OpenCode refuses a blank `model` (so does agentc's reader): the default model applies.
    ctx.report(
      'AGC204',
      'The model is blank and names no model; it was left out (OpenCode uses its default).',
      { field: 'model', ...pos(fields, 'model') },
    )
    return undefined
  }
  ctx.report(
    'AGC202',
    `The model \`${model.written}\` names no provider; OpenCode needs \`provider/model-id\`, so it was written as is.`,
    {
      field: 'model',
      ...pos(fields, 'model'),
    },
  )
  return model.written
}

/**
 * The effort under the first spelling the parser reads that no extension holds (an extension
 * keeps an effort key whose value is not a level, e.g. `reasoningEffort: auto`). When every
 * spelling is taken, or an earlier one holds a level the parser would read first, the effort
 * cannot be written.
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
    `The reasoning effort \`${doc.effort}\` is left out: the OpenCode options ${taken} already use its spellings.`,
    { field: 'effort', ...pos(fields, 'effort') },
  )
  return ['reasoningEffort', undefined]
}

function colorValue(color: string | undefined, ctx: TargetContext, fields: Fields): string | undefined {
  if (color === undefined) return undefined
  if (/^#[0-9a-fA-F]{6}$/.test(color) || (THEME_COLORS as readonly string[]).includes(color)) return color
  const hex = lookup(NAMED_TO_HEX, color.toLowerCase())
  if (hex) {
    ctx.report('AGC202', `OpenCode rejects colour names; \`${color}\` was written as ${hex}.`, {
      field: 'color',
      ...pos(fields, 'color'),
    })
    return hex
  }
  ctx.report('AGC201', `The colour \`${color}\` has no OpenCode equivalent; it is left out.`, {
    field: 'color',
    ...pos(fields, 'color'),
  })
  return undefined
}

function toolsValue(
  doc: AgentDocument,
  ctx: TargetContext,
  fields: Fields,
): Record<string, boolean> | undefined {
  const tools = doc.tools
  if (!tools || (tools.allow === undefined && tools.deny === undefined)) return undefined
  const map: Record<string, boolean> = {}
  const add = (names: readonly string[], enabled: boolean, field: 'tools.allow' | 'tools.deny') => {
    const group = names.filter((n) => (EDIT_GROUP as readonly string[]).includes(n))
    if (group.length > 0 && group.length < EDIT_GROUP.length) {
      ctx.report(
        'AGC202',
        `OpenCode switches write and edit together; ${enabled ? 'allowing' : 'denying'} ${group.join(', ')} ${enabled ? 'allows' : 'denies'} both.`,
        { field, ...pos(fields, field) },
      )
    }
    // In name order, `write` sorting as the `edit` it is written as, so that what is read back
    // (edit and write) is written in the same order.
    const inGroup = (name: string) => (EDIT_GROUP as readonly string[]).includes(name)
    const sortKey = (name: string) => (inGroup(name) ? 'edit' : name)
    const keys = new Set<string>()
    for (const name of [...names].sort((a, b) =>
      sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0,
    )) {
      const key = inGroup(name) ? 'edit' : toolToOpenCode(name)
      if (key === undefined) {
        ctx.report(
          'AGC208',
          `The tool \`${name}\` has no OpenCode equivalent; it is left out of \`tools\`.`,
          {
            field,
            ...pos(fields, field),
          },
        )
        continue
      }
      keys.add(key)
    }
    for (const key of keys) map[key] = enabled
  }
  if (tools.allow !== undefined) {
    // An allow-list makes every unlisted tool unavailable, so only denials of listed tools matter.
    map['*'] = false
    add(
      tools.allow.filter((t) => !tools.deny?.includes(t)),
      true,
      'tools.allow',
    )
  } else if (tools.deny !== undefined) add(tools.deny, false, 'tools.deny')
  // An empty map says nothing (and reads back as no tools at all).
  return Object.keys(map).length > 0 ? map : undefined
}

function permissionValue(
  rules: readonly PermissionRule[] | undefined,
  ctx: TargetContext,
  fields: Fields,
): string | Record<string, unknown> | undefined {
  if (!rules || rules.length === 0) return undefined
  // A rule for every call overrides every earlier rule: those decide nothing and are not written.
  const lastForAll = rules.findLastIndex(
    (r) => r.tool === '*' && (r.pattern === undefined || r.pattern === '*'),
  )
  const live = lastForAll === -1 ? rules : rules.slice(lastForAll)
  const map: Record<string, string | Record<string, string>> = {}
  let placed: { key: string; rule: PermissionRule }[] = []
  let writeReported = false
  for (const rule of live) {
    // OpenCode has no `write` permission: its `edit` permission governs writes, so a rule for
    // `write` can only be written under `edit`, where it decides edits too.
    const key = rule.tool === 'write' ? 'edit' : toolToOpenCode(rule.tool)
    if (rule.tool === 'write' && !writeReported) {
      writeReported = true
      ctx.report(
        'AGC202',
        'OpenCode decides writes with its `edit` permission; the `write` rules were written under `edit`, where they decide edits too.',
        { field: 'permissions', ...pos(fields, 'permissions') },
      )
    }
    if (key === undefined) {
      ctx.report(
        'AGC208',
        `The permission rule for \`${rule.tool}\` has no OpenCode tool to apply to; it is left out.`,
        {
          field: 'permissions',
          ...pos(fields, 'permissions'),
        },
      )
      continue
    }
    const current = Object.hasOwn(map, key) ? map[key] : undefined
    if (rule.pattern === undefined || rule.pattern === '*') {
      // A tool-wide rule overrides the tool's earlier rules, so the key can move to the end,
      // after the rules of other tools (`*`) that came before it; its earlier patterns are gone.
      delete map[key]
      setOwn(map, key, rule.decision)
      placed = [...placed.filter((p) => p.key !== key), { key, rule }]
      continue
    }
    if (current !== undefined) {
      // The rule joins its key where the key first appeared, before the rules of later keys:
      // one of those that can match the same calls now wins over it instead of losing.
      const later = Object.keys(map).slice(Object.keys(map).indexOf(key) + 1)
      const overtaken = placed.find(
        (p) => later.includes(p.key) && p.rule.decision !== rule.decision && rulesOverlap(p.rule, rule),
      )
      if (overtaken) {
        ctx.report(
          'AGC202',
          `OpenCode keeps a tool's rules together: "${rule.pattern}": ${rule.decision} for ${rule.tool} now comes before the ${overtaken.rule.tool} rule ${overtaken.rule.pattern === undefined ? '' : `"${overtaken.rule.pattern}" `}(${overtaken.rule.decision}), which wins where both match.`,
          { field: 'permissions', ...pos(fields, 'permissions') },
        )
      }
    }
    const patterns: Record<string, string> =
      current === undefined ? {} : typeof current === 'string' ? { '*': current } : current
    delete patterns[rule.pattern]
    setOwn(patterns, rule.pattern, rule.decision)
    setOwn(map, key, patterns)
    placed.push({ key, rule })
  }
  const keys = Object.keys(map)
  if (keys.length === 1 && keys[0] === '*' && typeof map['*'] === 'string') return map['*']
  return keys.length > 0 ? map : undefined
}

/** Whether some call matches both rules (a rule for `edit` also governs `write`). */
function rulesOverlap(a: PermissionRule, b: PermissionRule): boolean {
  const governs = (r: PermissionRule) => (r.tool === 'edit' ? ['edit', 'write'] : [r.tool])
  const tools = a.tool === '*' || b.tool === '*' || governs(a).some((t) => governs(b).includes(t))
  return (
    tools && (a.pattern === undefined || b.pattern === undefined || wildcardsIntersect(a.pattern, b.pattern))
  )
}
