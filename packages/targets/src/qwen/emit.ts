import {
  type AgentDocument,
  type FrontmatterEntry,
  type OutputFile,
  type TargetContext,
  writeFrontmatterFile,
} from '@agentc/core'
import { CLAUDE_COLORS, nearestClaudeColor, THEME_TO_CLAUDE } from '../claude/mappings'
import { type AccessPlan, describeRules, planAccess, type ToolRules } from '../shared/access-plan'
import { bareModelId, CLAUDE_ALIAS_IDS, CLAUDE_ALIASES, vendorOf } from '../shared/models'
import { portableSegment, reportRenamed } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { lookup } from '../shared/values'
import {
  AUTH_OF_PROVIDER,
  PERMISSION_MODES,
  QWEN_DEFAULT_DECISIONS,
  QWEN_KEYS,
  QWEN_TOOLS,
  RESERVED_NAMES,
  toolToQwen,
} from './mappings'
import { nameProblem, parseQwen } from './parse'
import { qwenFrontmatter } from './schema'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}

/**
 * A Qwen Code agent name: 2 to 50 letters, digits, `-` and `_`, not starting or ending with
 * `-` or `_`, and not one of the names Qwen Code reserves.
 */
export function qwenName(name: string): string {
  if (nameProblem(name) === undefined && name === name.trim()) return name
  let safe = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
  if (safe.length > 50) safe = safe.slice(0, 50).replace(/[-_]+$/, '')
  if (safe === '') safe = 'agent'
  if (safe.length < 2 || RESERVED_NAMES.has(safe.toLowerCase())) safe = `${safe}-agent`
  return safe
}

/** Where a Qwen Code agent is written: its name, made portable (`con` → `con-agent.md`). */
export function qwenPath(doc: AgentDocument): string {
  return `.qwen/agents/${portableSegment(qwenName(doc.name))}.md`
}

/**
 * Emits a Qwen Code subagent file. A document parsed from Qwen Code and unchanged is written back
 * byte for byte; anything else in a fixed key order (Qwen's own keys first, then kept unknown keys
 * in their original order).
 */
export function emitQwen(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const path = qwenPath(doc)
  const raw = unchangedRaw(doc, 'qwen', parseQwen)
  const name = qwenName(doc.name)
  reportRenamed(ctx, doc, {
    ...(raw === undefined ? { named: name } : {}),
    file: portableSegment(name),
    path,
    rule: 'Qwen Code agent names are 2 to 50 letters, digits, `-` and `_` (not at either end, not a reserved word)',
    tool: 'Qwen Code',
  })
  if (raw !== undefined) return [{ path, contents: raw }]
  const own: Record<string, unknown> = { ...(doc.extensions.qwen ?? {}) }
  const values: Record<string, unknown> = { name, description: doc.description }
  if (doc.description === undefined || doc.description.trim() === '') {
    ctx.report(
      'AGC202',
      'Qwen Code skips agents without a description; add one so that it loads this agent.',
      {
        field: 'description',
        ...at(fields, 'name'),
      },
    )
  }
  if (doc.body.text.trim().length < 10) {
    ctx.report(
      'AGC202',
      'Qwen Code skips agents whose system prompt (the body) is shorter than 10 characters; write a longer prompt so that it loads this agent.',
      { field: 'body', ...at(fields, 'name') },
    )
  }
  const access = accessValues(doc, name, ctx, fields)
  values.tools = access.tools
  values.disallowedTools = access.disallowedTools
  if (access.approvalMode !== undefined) {
    values.approvalMode = access.approvalMode
    if (own.approvalMode !== undefined && own.approvalMode !== access.approvalMode) {
      ctx.report(
        'AGC202',
        `\`approvalMode: ${String(own.approvalMode)}\` was replaced by \`${access.approvalMode}\`, which the permission rules mean.`,
        { field: 'extensions.qwen.approvalMode', ...at(fields, 'extensions.qwen.approvalMode') },
      )
    }
    delete own.approvalMode
  }
  // A permission mode that grants more than the rules say would be read back as rules.
  const bridged =
    typeof own.permissionMode === 'string' ? lookup(PERMISSION_MODES, own.permissionMode) : undefined
  const approvalWritten = values.approvalMode !== undefined || typeof own.approvalMode === 'string'
  if (!approvalWritten && (bridged === 'yolo' || bridged === 'auto-edit')) {
    ctx.report(
      'AGC201',
      `\`permissionMode: ${String(own.permissionMode)}\` would make Qwen Code approve calls the permission rules do not allow; it is left out.`,
      { field: 'extensions.qwen.permissionMode', ...at(fields, 'extensions.qwen.permissionMode') },
    )
    delete own.permissionMode
  }
  const model = modelValue(doc, ctx, fields)
  const modelConfig = own.modelConfig
  if (isObject(modelConfig) && typeof modelConfig.model === 'string') {
    if (model === undefined) {
      const { model: _dropped, ...rest } = modelConfig
      if (Object.keys(rest).length > 0) own.modelConfig = rest
      else delete own.modelConfig
    } else if (model !== modelConfig.model) values.model = model
  } else values.model = model
  values.color = colorValue(doc.color, ctx, fields)
  const runConfig = own.runConfig
  const legacyTurns = isObject(runConfig) ? runConfig.max_turns : undefined
  if (doc.maxSteps !== undefined && legacyTurns !== doc.maxSteps) values.maxTurns = doc.maxSteps
  if (doc.maxSteps === undefined && isObject(runConfig) && legacyTurns !== undefined) {
    const { max_turns: _dropped, ...rest } = runConfig
    own.runConfig = rest
  }

  const extra: FrontmatterEntry[] = []
  for (const [key, value] of Object.entries(own)) {
    if (!(QWEN_KEYS as readonly string[]).includes(key)) {
      extra.push([key, value])
      continue
    }
    if (values[key] !== undefined) continue
    const schema = qwenFrontmatter.shape[key as keyof typeof qwenFrontmatter.shape]
    if (schema && !schema.safeParse(value).success) {
      ctx.report('AGC201', `\`${key}\` holds a value Qwen Code refuses; it is left out.`, {
        field: `extensions.qwen.${key}`,
        ...at(fields, `extensions.qwen.${key}`),
      })
      continue
    }
    values[key] = value
  }
  const entries: FrontmatterEntry[] = [...QWEN_KEYS.map((key) => [key, values[key]] as const), ...extra]
  return [{ path, contents: writeFrontmatterFile(entries, doc.body.text) }]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

interface AccessValues {
  readonly tools?: string[]
  readonly disallowedTools?: string[]
  readonly approvalMode?: string
}

const isCatchAll = (pattern: string | undefined) => pattern === undefined || pattern === '*'

/** Whether a tool's rules say exactly "every call runs without asking". */
const plainAllow = (k: ToolRules) =>
  k.rules.every((r) => isCatchAll(r.pattern)) && k.rules[k.rules.length - 1]!.decision === 'allow'

/**
 * Whether the `edit` rules left over say exactly "file edits run without asking" (`auto-edit`,
 * which lets every file edit through and changes nothing for other tools).
 */
function isAutoEdit(kept: readonly ToolRules[]): boolean {
  const edit = kept.find((k) => k.tool === 'edit')
  const write = kept.find((k) => k.tool === 'write')
  return edit !== undefined && plainAllow(edit) && (write === undefined || plainAllow(write))
}

function accessValues(doc: AgentDocument, name: string, ctx: TargetContext, fields: Fields): AccessValues {
  // yolo only when every call of every tool is allowed: a later tool-wide rule, even one that
  // says what the tool does by default, makes an exception yolo would not keep.
  const strict = planAccess(doc)
  const plan = planAccess(doc, QWEN_DEFAULT_DECISIONS)
  let approvalMode: string | undefined
  if (
    strict.star?.decision === 'allow' &&
    strict.starPatterns.length === 0 &&
    strict.narrowed.length === 0 &&
    strict.kept.length === 0
  ) {
    approvalMode = 'yolo'
  } else if (plan.star?.decision !== 'allow' && isAutoEdit(plan.kept)) {
    approvalMode = 'auto-edit'
    reportRules(
      { ...plan, kept: plan.kept.filter((k) => k.tool !== 'edit' && k.tool !== 'write') },
      name,
      ctx,
      fields,
    )
  } else reportRules(plan, name, ctx, fields)
  if (plan.allow !== undefined) {
    const field = doc.tools?.allow !== undefined ? 'tools.allow' : 'permissions'
    const tools = qwenNames(plan.allow, field, 'tools', ctx, fields)
    if (tools.length > 0) return { tools, ...(approvalMode ? { approvalMode } : {}) }
    ctx.report(
      'AGC202',
      'Qwen Code reads an empty `tools` list as every tool; every built-in tool is listed in `disallowedTools` instead (tools registered by MCP servers are not covered).',
      { field, ...at(fields, field) },
    )
    return { disallowedTools: [...QWEN_TOOLS].sort(), ...(approvalMode ? { approvalMode } : {}) }
  }
  if (plan.deny.length === 0) return approvalMode ? { approvalMode } : {}
  const field = doc.tools?.deny?.length ? 'tools.deny' : 'permissions'
  if (plan.deny.includes('*')) {
    ctx.report(
      'AGC202',
      'Qwen Code cannot deny every tool at once; every built-in tool is listed in `disallowedTools` instead (tools registered by MCP servers are not covered).',
      { field, ...at(fields, field) },
    )
    return { disallowedTools: [...QWEN_TOOLS].sort(), ...(approvalMode ? { approvalMode } : {}) }
  }
  const disallowed = qwenNames(plan.deny, field, 'disallowedTools', ctx, fields)
  return {
    ...(disallowed.length > 0 ? { disallowedTools: disallowed } : {}),
    ...(approvalMode ? { approvalMode } : {}),
  }
}

function qwenNames(
  tools: readonly string[],
  field: string,
  key: string,
  ctx: TargetContext,
  fields: Fields,
): string[] {
  const out = new Set<string>()
  for (const tool of tools) {
    const names = toolToQwen(tool)
    if (names === undefined) {
      ctx.report(
        'AGC208',
        key === 'tools'
          ? `The tool \`${tool}\` has no Qwen Code equivalent; it is left out of \`tools\`.`
          : `The tool \`${tool}\` has no Qwen Code equivalent; there is nothing to remove.`,
        { field, ...at(fields, field) },
      )
      continue
    }
    for (const n of names) out.add(n)
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

const APPROVAL_NOTE =
  'A Qwen Code agent file holds no per-tool or per-command rules, only one approval mode for the whole agent: `approvalMode: yolo` (every call runs without asking), `auto-edit` (file edits run without asking), `default`, `plan` or `bubble`.'

function reportRules(plan: AccessPlan, _name: string, ctx: TargetContext, fields: Fields): void {
  const where = (tool: string) => {
    const key = `permissions.${tool}`
    return { field: 'permissions', ...at(fields, fields[key] ? key : 'permissions') }
  }
  const note = APPROVAL_NOTE
  const star = [...(plan.star ? [plan.star] : []), ...plan.starPatterns]
  if (star.length > 0) {
    ctx.report(
      'AGC201',
      `The permission rules for every tool (${describeRules(star)}) cannot live in a Qwen Code agent file; they are left out.`,
      { ...where('*'), note },
    )
  }
  for (const { tool, rules } of plan.kept) {
    ctx.report(
      'AGC201',
      `The ${tool} permission rules (${describeRules(rules)}) cannot live in a Qwen Code agent file; they are left out, so ${tool} calls follow the agent's approval mode.`,
      { ...where(tool), note },
    )
  }
  for (const { tool, rules } of plan.narrowed) {
    ctx.report(
      'AGC201',
      `The ${tool} permission rules deny every call but some patterns (${describeRules(rules)}); a Qwen Code agent file cannot hold patterns, so ${tool} is taken away from the agent rather than allowed without limits.`,
      { ...where(tool), note },
    )
  }
}

function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model) return undefined
  const where = { field: 'model', ...at(fields, 'model') }
  if (model.id === 'inherit') return 'inherit'
  // A bare id read from a Qwen file means "this id, on the calling session's provider": kept.
  if (model.provider === undefined && doc.source?.target === 'qwen') return model.id
  const anthropic =
    model.provider === 'anthropic' || (model.provider === undefined && vendorOf(model) === 'anthropic')
  if (anthropic && CLAUDE_ALIASES.includes(model.id)) {
    const pinned = lookup(CLAUDE_ALIAS_IDS, model.id)
    if (pinned) {
      ctx.report(
        'AGC202',
        `The Claude alias \`${model.written}\` has no Qwen Code spelling; it was pinned to anthropic:${pinned}, the model it names today.`,
        where,
      )
      return `anthropic:${pinned}`
    }
    ctx.report(
      'AGC204',
      `Qwen Code cannot resolve the Claude alias \`${model.written}\`; it is left out.`,
      where,
    )
    return undefined
  }
  if (model.provider === undefined) return model.id
  const auth = lookup(AUTH_OF_PROVIDER, model.provider)
  if (auth) return `${auth}:${model.id}`
  if (vendorOf(model) === 'qwen') {
    const id = bareModelId(model.id)
    ctx.report(
      'AGC202',
      `Qwen Code has no auth type for ${model.provider}; the model was written as \`${id}\`, which Qwen Code runs with the auth type of the session that calls the agent.`,
      where,
    )
    return id
  }
  ctx.report(
    'AGC204',
    `Qwen Code reaches models through its auth types (${Object.keys(AUTH_OF_PROVIDER)
      .map((p) => lookup(AUTH_OF_PROVIDER, p))
      .join(
        ', ',
      )}) and has none for ${model.provider}; the model ${model.written} is left out, so the agent uses the model of the session that calls it.`,
    where,
  )
  return undefined
}

function colorValue(color: string | undefined, ctx: TargetContext, fields: Fields): string | undefined {
  if (color === undefined) return undefined
  if (Object.hasOwn(CLAUDE_COLORS, color)) return color
  const nearest =
    lookup(THEME_TO_CLAUDE, color) ??
    (/^#[0-9a-fA-F]{6}$/.test(color) ? nearestClaudeColor(color) : undefined)
  const where = { field: 'color', ...at(fields, 'color') }
  if (nearest) {
    ctx.report(
      'AGC202',
      `Qwen Code has eight colour names; \`${color}\` became \`${nearest}\`, the nearest.`,
      where,
    )
    return nearest
  }
  ctx.report('AGC201', `The colour \`${color}\` has no Qwen Code equivalent; it is left out.`, where)
  return undefined
}
