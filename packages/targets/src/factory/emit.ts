import {
  type AgentDocument,
  ensureFinalNewline,
  type FrontmatterEntry,
  type OutputFile,
  parseMcpTool,
  stringifyYaml,
  type TargetContext,
} from '@agentc/core'
import { bareModelId, vendorOf } from '../shared/models'
import { portableSegment, reportRenamed } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { denialKey, deniedPatterns, rulesByTool, summarizeRules, toolAccess } from '../shared/tool-access'
import { lookup } from '../shared/values'
import {
  CATEGORY_TOOLS,
  FACTORY_ALIAS_IDS,
  FACTORY_DATED_IDS,
  FACTORY_MODELS,
  FACTORY_VENDORS,
  TOOL_CATEGORIES,
  TOOL_ORDER,
  TOOL_TO_FACTORY,
  toolToFactory,
} from './mappings'
import { parseFactory } from './parse'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}

/** A legal droid name: lowercase letters, digits, `-` and `_` (Factory's file names use `-`). */
export function factoryName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
  return safe === '' ? 'droid' : safe
}

/**
 * Where a droid is written: directly in `.factory/droids/` (Factory reads no sub-folders), under
 * its name with `_` as `-`, as Factory itself names droid files.
 */
export function factoryPath(doc: AgentDocument): string {
  return `.factory/droids/${factoryFile(doc)}.md`
}

/** The file name of a droid, without `.md`, made portable (`con` → `con-agent`). */
function factoryFile(doc: AgentDocument): string {
  return portableSegment(factoryName(doc.name).replace(/_/g, '-'), 'droid')
}

/**
 * Emits a Factory custom droid. Per-agent permission rules have no place in a droid (Factory's
 * command rules are global settings); rules that remove a tool outright become the tool list.
 */
export function emitFactory(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const name = factoryName(doc.name)
  const path = factoryPath(doc)
  const raw = unchangedRaw(doc, 'factory', parseFactory)
  reportRenamed(ctx, doc, {
    ...(raw === undefined ? { named: name } : {}),
    file: factoryFile(doc),
    path,
    rule: 'Factory droid names use lowercase letters, digits, `-` and `_`',
    tool: 'Factory',
  })
  if (raw !== undefined) return [{ path, contents: raw }]
  if (doc.description === undefined || doc.description.trim() === '') {
    ctx.report(
      'AGC104',
      'Factory warns about a droid without a description: the parent agent has nothing to choose it by.',
      { field: 'description', ...at(fields, 'name') },
    )
  } else if ([...doc.description].length > 500) {
    ctx.report('AGC104', 'Factory asks for a description of at most 500 characters.', {
      field: 'description',
      ...at(fields, 'description'),
    })
  }
  if (doc.role !== undefined && doc.role !== 'subagent') {
    ctx.report(
      'AGC202',
      `Factory droids only run as subagents (the parent's Task tool starts them); the role \`${doc.role}\` is not carried.`,
      { field: 'role', ...at(fields, 'role') },
    )
  }
  const own = doc.extensions.factory ?? {}
  const model = modelValue(doc, ctx, fields)
  const effort = effortValue(doc, own, model, ctx, fields)
  const { tools, mcpServers } = toolsValue(doc, own, ctx, fields)
  if (doc.body.text.trim() === '') {
    ctx.report('AGC104', 'Factory does not load a droid whose body (its system prompt) is empty.', {
      field: 'body',
      ...at(fields, 'name'),
    })
  }
  const entries: FrontmatterEntry[] = [
    ['name', name],
    ['description', doc.description],
    ['model', model],
    ['reasoningEffort', effort],
    ['tools', tools],
    ['mcpServers', mcpServers],
  ]
  for (const [key, value] of Object.entries(own)) {
    if (key !== 'reasoningEffort' && key !== 'mcpServers') entries.push([key, value])
  }
  return [{ path, contents: `---\n${frontmatter(entries)}---\n${ensureFinalNewline(doc.body.text)}` }]
}

/** YAML frontmatter with the tool and server lists in the flow form Factory's docs use. */
function frontmatter(entries: readonly FrontmatterEntry[]): string {
  let out = ''
  for (const [key, value] of entries) {
    if (value === undefined) continue
    if ((key === 'tools' || key === 'mcpServers') && Array.isArray(value)) {
      out += `${key}: [${value.map((v) => JSON.stringify(v)).join(', ')}]\n`
    } else out += stringifyYaml([[key, value]])
  }
  return out
}

function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model) return undefined
  const where = { field: 'model', ...at(fields, 'model') }
  if (model.id === 'inherit') return 'inherit'
  if (model.id.startsWith('custom:')) return model.id
  const anthropic = model.provider === undefined || model.provider === 'anthropic'
  const alias = anthropic ? lookup(FACTORY_ALIAS_IDS, model.id) : undefined
  if (alias) {
    ctx.report(
      'AGC202',
      `Factory droids name a model by id, not by alias: \`${model.written}\` was pinned to \`${alias}\`, the model it names today, and will not follow newer releases.`,
      where,
    )
    return checkListed(alias, ctx, where)
  }
  const vendor = vendorOf(model)
  if (
    ['fast', 'default', 'best', 'opusplan'].includes(model.id) ||
    (model.provider !== undefined && !vendor)
  ) {
    ctx.report(
      'AGC204',
      `Factory has no model \`${model.written}\`; it is left out, so the droid uses its parent session's model (\`inherit\`).`,
      where,
    )
    return undefined
  }
  if (vendor !== undefined && !FACTORY_VENDORS.has(vendor)) {
    ctx.report(
      'AGC204',
      `Factory does not serve ${vendor} models such as \`${model.written}\`; it is left out, so the droid uses its parent session's model. A model of your own can be set up as \`custom:<model>\` (BYOK).`,
      where,
    )
    return undefined
  }
  let id = bareModelId(model.id)
  if (vendor === 'anthropic') {
    // Bedrock/Vertex suffixes and dotted versions (`claude-opus-4.5`) are Factory's hyphenated ids.
    id = id.replace(/-v\d+(:\d+)?$/, '').replace(/@\d{8}$/, '')
    while (/(\d)\.(\d)/.test(id)) id = id.replace(/(\d)\.(\d)/, '$1-$2')
    id = lookup(FACTORY_DATED_IDS, id) ?? id
  }
  if (id !== model.id) {
    ctx.report(
      'AGC202',
      lookup(FACTORY_DATED_IDS, bareModelId(model.id)) === id
        ? `The model \`${model.written}\` is written as \`${id}\`, the dated snapshot it names: Factory lists this model by that id only.`
        : `The model \`${model.written}\` is written as Factory's model id \`${id}\`.`,
      where,
    )
  }
  return checkListed(id, ctx, where)
}

/** Warns when Factory does not list a model: its validator refuses droids with unknown models. */
function checkListed(id: string, ctx: TargetContext, where: { field: string }): string {
  if (!FACTORY_MODELS.has(id)) {
    ctx.report(
      'AGC104',
      `\`${id}\` is not among the models Factory lists (docs.factory.ai/models, checked 2026-11-26); Factory refuses a droid whose model it does not know. Check \`/model\`, or use \`custom:<model>\` for a BYOK model.`,
      where,
    )
  }
  return id
}

function effortValue(
  doc: AgentDocument,
  own: Readonly<Record<string, unknown>>,
  model: string | undefined,
  ctx: TargetContext,
  fields: Fields,
): string | undefined {
  const kept = typeof own.reasoningEffort === 'string' ? own.reasoningEffort : undefined
  if (doc.effort !== undefined && kept !== undefined) {
    ctx.report(
      'AGC202',
      `The reasoning effort \`${doc.effort}\` replaces the Factory setting \`reasoningEffort: ${kept}\`.`,
      { field: 'extensions.factory.reasoningEffort', ...at(fields, 'extensions.factory.reasoningEffort') },
    )
  }
  const effort = doc.effort ?? kept
  if (effort !== undefined && (model === undefined || model === 'inherit')) {
    ctx.report(
      'AGC104',
      `Factory ignores \`reasoningEffort\` when the model is \`inherit\`${model === undefined ? ' (the default)' : ''}; set a model for the effort \`${effort}\` to apply.`,
      { field: 'effort', ...at(fields, 'effort') },
    )
  }
  return effort
}

/** Canonical tools in Factory's writing order, then everything else by name. */
function byToolOrder(a: string, b: string): number {
  const ia = TOOL_ORDER.indexOf(a)
  const ib = TOOL_ORDER.indexOf(b)
  if (ia !== -1 || ib !== -1)
    return (ia === -1 ? TOOL_ORDER.length : ia) - (ib === -1 ? TOOL_ORDER.length : ib)
  return a < b ? -1 : a > b ? 1 : 0
}

/** The category a set of canonical tools is exactly, if any. */
function categoryOf(tools: readonly string[]): string | undefined {
  return Object.keys(TOOL_CATEGORIES).find((category) => {
    const members = TOOL_CATEGORIES[category]!
    return members.length === tools.length && members.every((m) => tools.includes(m))
  })
}

function toolsValue(
  doc: AgentDocument,
  own: Readonly<Record<string, unknown>>,
  ctx: TargetContext,
  fields: Fields,
): { tools?: string | string[]; mcpServers?: string[] } {
  const access = toolAccess(doc)
  for (const [tool, rules] of rulesByTool(access.rules)) {
    ctx.report(
      'AGC201',
      `Factory droids have no permission rules (its command rules are global: \`commandAllowlist\` / \`commandDenylist\` in settings.json); the ${tool === '*' ? 'every-tool' : `\`${tool}\``} rules (${summarizeRules(rules)}) are left out.${deniedPatterns(rules, 'add them to `commandDenylist` to have Factory ask before running them')}`,
      {
        field: 'permissions',
        ...at(fields, fields[`permissions.${tool}`] ? `permissions.${tool}` : 'permissions'),
      },
    )
  }
  const kept = Array.isArray(own.mcpServers) ? own.mcpServers.map(String) : undefined
  if (access.allow !== undefined) {
    const where = { field: 'tools.allow', ...at(fields, 'tools.allow') }
    const servers: string[] = []
    const listed: string[] = []
    let everyMcp = false
    if (!access.allow.includes('todowrite')) {
      ctx.report('AGC202', 'Factory gives every droid `TodoWrite`; it stays available.', where)
    }
    for (const tool of [...access.allow].sort(byToolOrder)) {
      if (tool === 'todowrite') continue
      const mcp = parseMcpTool(tool)
      if (mcp?.tool === '*') servers.push(mcp.server)
      else if (tool === 'factory:mcp') everyMcp = true
      else if (toolToFactory(tool) === undefined) {
        ctx.report('AGC208', `Factory has no \`${tool}\` tool; it is left out of \`tools\`.`, where)
      } else listed.push(tool)
    }
    const mcpServers = [...new Set([...(kept ?? []), ...servers])]
    const serversValue = mcpServers.length > 0 ? mcpServers : undefined
    if (everyMcp) {
      if (listed.length === 0 && servers.length === 0)
        return { tools: 'mcp', ...(kept ? { mcpServers: kept } : {}) }
      ctx.report(
        'AGC202',
        'Factory reads the `mcp` category only as the whole `tools` value; next to other tools it is left out, so only the MCP servers and tools listed by name stay available.',
        where,
      )
    }
    const category = servers.length === 0 ? categoryOf(listed) : undefined
    if (category) return { tools: category, ...(serversValue ? { mcpServers: serversValue } : {}) }
    return {
      tools: listed.map((t) => toolToFactory(t)!),
      ...(serversValue ? { mcpServers: serversValue } : {}),
    }
  }
  const deny = access.deny
  const where = { field: 'tools.deny', ...at(fields, denialKey(deny, fields)) }
  for (const tool of deny) {
    if (tool === 'todowrite') {
      ctx.report(
        'AGC202',
        'Factory gives every droid `TodoWrite`; it cannot be denied and stays available.',
        where,
      )
    } else if (toolToFactory(tool) === undefined && !parseMcpTool(tool)) {
      ctx.report('AGC208', `Factory has no \`${tool}\` tool; its denial is left out.`, where)
    }
  }
  const removable = deny.filter(
    (t) => t !== 'todowrite' && (toolToFactory(t) !== undefined || parseMcpTool(t)),
  )
  if (removable.length === 0) return kept ? { mcpServers: kept } : {}
  // No deny-list in Factory: the nearest safe form is an allow-list of the other built-in tools.
  const rest = CATEGORY_TOOLS.filter((t) => !deny.includes(t))
  const lost = ['task', 'question']
    .filter((t) => !deny.includes(t))
    .map((t) => TOOL_TO_FACTORY[t]!)
    .concat(kept && kept.length > 0 ? [] : ['the MCP tools'])
  ctx.report(
    'AGC202',
    `Factory has no deny-list; without ${removable.map((t) => `\`${t}\``).join(', ')} the droid is written with the list of its other built-in tools, so ${lost.join(', ')} and tools Factory adds later are unavailable too.`,
    where,
  )
  const category = kept ? undefined : categoryOf(rest)
  return {
    tools: category ?? [...rest].sort(byToolOrder).map((t) => toolToFactory(t)!),
    ...(kept ? { mcpServers: kept } : {}),
  }
}
