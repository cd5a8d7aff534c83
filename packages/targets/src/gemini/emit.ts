import {
  type AgentDocument,
  type FrontmatterEntry,
  type OutputFile,
  type TargetContext,
  writeFrontmatterFile,
} from '@agentc/core'
import { type AccessPlan, describeRules, planAccess } from '../shared/access-plan'
import { bareModelId, vendorOf } from '../shared/models'
import { portableSegment, reportRenamed } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import {
  GEMINI_DEFAULT_DECISIONS,
  GEMINI_DEFAULT_TOOLS,
  GEMINI_KNOWN_KEYS,
  GEMINI_LOCAL_KEYS,
  GEMINI_MODELLED_KEYS,
  GEMINI_REMOTE_KEYS,
  GEMINI_REMOTE_ONLY,
  TOOL_TO_GEMINI,
  toolToGemini,
} from './mappings'
import { parseGemini } from './parse'
import { geminiFrontmatter } from './schema'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}
const silent: TargetContext = { report() {}, options: {} }

/** A Gemini CLI agent name: lowercase letters, digits, `-` and `_` (the loader's slug rule). */
export function geminiName(name: string): string {
  if (/^[a-z0-9-_]+$/.test(name)) return name
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
  return safe === '' ? 'agent' : safe
}

/**
 * The file name of a Gemini CLI agent, without `.md`: its name without leading `_` (Gemini skips
 * file names starting with `_`), made portable (`con` → `con-agent`).
 */
function geminiFile(doc: AgentDocument): string {
  return portableSegment(geminiName(doc.name).replace(/^_+/, ''))
}

/** Where a Gemini CLI agent is written. */
export function geminiPath(doc: AgentDocument): string {
  return `.gemini/agents/${geminiFile(doc)}.md`
}

/**
 * Emits a Gemini CLI agent file. A document parsed from a Gemini file of one agent and unchanged
 * is written back byte for byte; anything else in a fixed key order, with only keys Gemini CLI
 * accepts (its loader refuses any other key).
 */
export function emitGemini(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const path = geminiPath(doc)
  const raw = singleAgentSource(doc) ? unchangedRaw(doc, 'gemini', parseGemini) : undefined
  const name = geminiName(doc.name)
  reportRenamed(ctx, doc, {
    ...(raw === undefined ? { named: name } : {}),
    file: geminiFile(doc),
    path,
    rule: 'Gemini CLI agent names use lowercase letters, digits, `-` and `_`',
    tool: 'Gemini CLI',
  })
  if (raw !== undefined) return [{ path, contents: raw }]
  const own = doc.extensions.gemini ?? {}
  // Gemini CLI reads an agent without `kind` as remote when it has only remote keys.
  const remote =
    own.kind === 'remote' || (own.kind === undefined && GEMINI_REMOTE_ONLY.some((k) => Object.hasOwn(own, k)))
  const values: Record<string, unknown> = { name }
  if (doc.description !== undefined && doc.description !== '') values.description = doc.description
  else if (!remote) {
    ctx.report(
      'AGC202',
      'Gemini CLI refuses to load an agent without a description; add one so that it loads this agent.',
      { field: 'description', ...at(fields, 'name') },
    )
  }
  const keys: readonly string[] = remote ? GEMINI_REMOTE_KEYS : GEMINI_LOCAL_KEYS
  for (const [key, value] of Object.entries(own)) {
    const problem = extensionProblem(key, value, keys)
    if (problem) {
      ctx.report('AGC201', `\`${key}\` ${problem}; it is left out.`, {
        field: `extensions.gemini.${key}`,
        ...at(fields, `extensions.gemini.${key}`),
      })
      continue
    }
    values[key] = value
  }
  if (remote) reportLocalFeatures(doc, ctx, fields)
  else {
    values.tools = toolsValue(doc, name, ctx, fields)
    values.model = modelValue(doc, ctx, fields)
    values.temperature = doc.sampling?.temperature
    values.max_turns = doc.maxSteps
  }
  const entries: FrontmatterEntry[] = keys.map((key) => [key, values[key]])
  return [{ path, contents: writeFrontmatterFile(entries, doc.body.text) }]
}

/** Whether the document did not come from a Gemini file holding several agents (a list of remote agents). */
function singleAgentSource(doc: AgentDocument): boolean {
  const source = doc.source
  if (source?.target !== 'gemini' || source.raw === undefined) return true
  return parseGemini({ path: source.path, text: source.raw }, silent).length <= 1
}

/** Why an own extension key cannot be written, or undefined when it can. */
function extensionProblem(key: string, value: unknown, keys: readonly string[]): string | undefined {
  if (!GEMINI_KNOWN_KEYS.has(key) || GEMINI_MODELLED_KEYS.has(key)) {
    return 'is not a Gemini CLI agent key (Gemini CLI refuses files with keys it does not know)'
  }
  if (!keys.includes(key)) {
    return keys === GEMINI_REMOTE_KEYS
      ? 'belongs to local agents and this is a remote (A2A) agent'
      : 'belongs to remote (A2A) agents and this is a local agent'
  }
  const schema = geminiFrontmatter.shape[key as keyof typeof geminiFrontmatter.shape]
  if (schema && !schema.safeParse(value).success) return 'holds a value Gemini CLI refuses'
  return undefined
}

function reportLocalFeatures(doc: AgentDocument, ctx: TargetContext, fields: Fields): void {
  const local: [string, unknown][] = [
    ['tools.allow', doc.tools?.allow],
    ['tools.deny', doc.tools?.deny],
    ['permissions', doc.permissions],
    ['model', doc.model],
    ['sampling.temperature', doc.sampling?.temperature],
    ['maxSteps', doc.maxSteps],
  ]
  for (const [field, value] of local) {
    if (value === undefined) continue
    ctx.report(
      'AGC201',
      `A remote (A2A) Gemini CLI agent runs elsewhere and has no ${field === 'maxSteps' ? 'turn limit' : field.replace(/^sampling\./, '').replace(/\..*$/, '')} of its own; it is left out.`,
      { field, ...at(fields, field) },
    )
  }
}

function toolsValue(
  doc: AgentDocument,
  name: string,
  ctx: TargetContext,
  fields: Fields,
): string[] | undefined {
  const plan = planAccess(doc, GEMINI_DEFAULT_DECISIONS)
  reportRules(plan, name, ctx, fields)
  if (plan.allow !== undefined) {
    const field = doc.tools?.allow !== undefined ? 'tools.allow' : 'permissions'
    return geminiNames(plan.allow, field, ctx, fields)
  }
  if (plan.deny.length === 0) return undefined
  const field = doc.tools?.deny?.length ? 'tools.deny' : 'permissions'
  if (plan.deny.includes('*')) return []
  const excluded = new Set<string>()
  for (const tool of plan.deny) {
    if (tool.startsWith('mcp:')) excluded.add('gemini:mcp_*')
    else if (Object.hasOwn(TOOL_TO_GEMINI, tool) || GEMINI_DEFAULT_TOOLS.includes(tool)) {
      excluded.add(tool)
      if (tool === 'read') excluded.add('gemini:read_many_files')
    } else {
      ctx.report(
        'AGC208',
        `The tool \`${tool}\` has no Gemini CLI equivalent${tool === 'task' ? ' (Gemini CLI subagents cannot start other agents)' : ''}; there is nothing to remove.`,
        { field, ...at(fields, field) },
      )
    }
  }
  if (excluded.size === 0) return undefined
  const kept = GEMINI_DEFAULT_TOOLS.filter((t) => !excluded.has(t))
  const left = [...excluded].map((t) => `\`${toolToGemini(t)}\``).join(', ')
  ctx.report(
    'AGC202',
    `Gemini CLI agent files cannot deny tools; to leave out ${left}, \`tools\` lists the agent's other tools instead. Tools outside that list (${excluded.has('gemini:mcp_*') ? 'MCP tools, ' : ''}discovered tools and Gemini CLI's memory, plan-mode and tracker tools) are no longer available to it.`,
    { field, ...at(fields, field) },
  )
  return geminiNames(kept, field, ctx, fields)
}

function geminiNames(tools: readonly string[], field: string, ctx: TargetContext, fields: Fields): string[] {
  const out = new Set<string>()
  for (const tool of tools) {
    const gemini = toolToGemini(tool)
    if (gemini === undefined) {
      ctx.report('AGC208', `The tool \`${tool}\` ${unmappedReason(tool)}; it is left out of \`tools\`.`, {
        field,
        ...at(fields, field),
      })
      continue
    }
    out.add(gemini)
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

function unmappedReason(tool: string): string {
  if (tool === 'task') return 'has no Gemini CLI equivalent: Gemini CLI subagents cannot start other agents'
  if (tool.startsWith('mcp:')) {
    return 'cannot be written as a Gemini CLI MCP tool name (`mcp_<server>_<tool>`, server names without `_`)'
  }
  return 'has no Gemini CLI equivalent'
}

const POLICY_NOTE =
  'Gemini CLI keeps such rules in policy files (e.g. ~/.gemini/policies/<name>.toml): one [[rule]] per rule with subagent = "<agent>", toolName, commandPrefix or argsPattern, decision (allow, deny or ask_user) and a priority; the highest priority wins.'

function reportRules(plan: AccessPlan, name: string, ctx: TargetContext, fields: Fields): void {
  const note = POLICY_NOTE.replace('<agent>', name)
  const where = (tool: string) => {
    const key = `permissions.${tool}`
    return fields[key]
      ? { field: 'permissions', ...at(fields, key) }
      : { field: 'permissions', ...at(fields, 'permissions') }
  }
  const star = [...(plan.star ? [plan.star] : []), ...plan.starPatterns]
  if (star.length > 0) {
    ctx.report(
      'AGC201',
      `The permission rules for every tool (${describeRules(star)}) cannot live in a Gemini CLI agent file; they are left out, so calls follow Gemini CLI's approval mode.`,
      { ...where('*'), note },
    )
  }
  for (const { tool, rules } of plan.kept) {
    ctx.report(
      'AGC201',
      `The ${tool} permission rules (${describeRules(rules)}) cannot live in a Gemini CLI agent file; they are left out, so ${toolLabel(tool)} calls follow Gemini CLI's approval mode.`,
      { ...where(tool), note },
    )
  }
  for (const { tool, rules } of plan.narrowed) {
    ctx.report(
      'AGC201',
      `The ${tool} permission rules deny every call but some patterns (${describeRules(rules)}); a Gemini CLI agent file cannot hold patterns, so ${toolLabel(tool)} is left out of the agent's tools rather than allowed without limits.`,
      { ...where(tool), note },
    )
  }
}

function toolLabel(tool: string): string {
  const gemini = toolToGemini(tool)
  return gemini ? `\`${gemini}\`` : `\`${tool}\``
}

function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model) return undefined
  const where = { field: 'model', ...at(fields, 'model') }
  if (model.id === 'inherit') return 'inherit'
  const vendor = vendorOf(model)
  if (
    (model.provider === undefined || model.provider === 'google') &&
    (vendor === undefined || vendor === 'google')
  ) {
    return model.id
  }
  if (vendor === 'google') {
    const id = bareModelId(model.id)
    ctx.report(
      'AGC202',
      `The model ${model.written} became \`${id}\`: Gemini CLI reaches Gemini models through its own Google sign-in or API key, not through ${model.provider}.`,
      where,
    )
    return id
  }
  ctx.report(
    'AGC204',
    `Gemini CLI runs only Gemini models and cannot run ${model.written}; it is left out, so the agent uses the model of the session that calls it.`,
    where,
  )
  return undefined
}
