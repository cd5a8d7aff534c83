import {
  type AgentDocument,
  CANONICAL_TOOLS,
  type FrontmatterEntry,
  type OutputFile,
  type TargetContext,
  writeFrontmatterFile,
} from '@agentc/core'
import { bareModelId, CLAUDE_ALIAS_IDS, CLAUDE_ALIASES, vendorOf } from '../shared/models'
import { portableSegment, reportRenamed } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { denialKey, deniedPatterns, rulesByTool, summarizeRules, toolAccess } from '../shared/tool-access'
import { lookup } from '../shared/values'
import { CURSOR_VENDORS, MUTATING_TOOLS } from './mappings'
import { parseCursorAgent } from './parse'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}

const CANONICAL = Object.keys(CANONICAL_TOOLS)
const MUTATING: readonly string[] = MUTATING_TOOLS

/** A Cursor subagent name: lowercase letters, digits and hyphens. */
export function cursorAgentName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return safe === '' ? 'agent' : safe
}

/** Where a Cursor subagent is written: its name, made portable (`con` → `con-agent.md`). */
export function cursorAgentPath(doc: AgentDocument): string {
  return `.cursor/agents/${portableSegment(cursorAgentName(doc.name))}.md`
}

/**
 * Emits a Cursor subagent. Cursor's one tool switch is `readonly`: an agent without any of the
 * tools that change files or run commands gets `readonly: true`; one that lacks only some of them
 * gets it too (the nearest safe form), and the emitter says which tools that also removes.
 */
export function emitCursorAgent(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const name = cursorAgentName(doc.name)
  const path = cursorAgentPath(doc)
  const raw = unchangedRaw(doc, 'cursor-agent', parseCursorAgent)
  reportRenamed(ctx, doc, {
    ...(raw === undefined ? { named: name } : {}),
    file: portableSegment(name),
    path,
    rule: 'Cursor subagent names use lowercase letters, digits and hyphens',
    tool: 'Cursor',
  })
  if (raw !== undefined) return [{ path, contents: raw }]
  if (doc.description === undefined || doc.description.trim() === '') {
    ctx.report(
      'AGC104',
      "Cursor's agent decides when to delegate from the description; without one this subagent runs only when invoked by name.",
      { field: 'description', ...at(fields, 'name') },
    )
  }
  if (doc.role !== undefined && doc.role !== 'subagent') {
    ctx.report(
      'AGC202',
      `Cursor subagents only run as subagents of Cursor's agent; the role \`${doc.role}\` is not carried.`,
      { field: 'role', ...at(fields, 'role') },
    )
  }
  const own = doc.extensions['cursor-agent'] ?? {}
  const entries: FrontmatterEntry[] = [
    ['name', name],
    ['description', doc.description],
    ['model', modelValue(doc, ctx, fields)],
    ['readonly', readonlyValue(doc, ctx, fields)],
    ['is_background', own.is_background],
  ]
  for (const [key, value] of Object.entries(own)) if (key !== 'is_background') entries.push([key, value])
  return [{ path, contents: writeFrontmatterFile(entries, doc.body.text) }]
}

function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model) return undefined
  const where = { field: 'model', ...at(fields, 'model') }
  if (model.id === 'inherit') return 'inherit'
  if (model.id === 'fast' && model.provider === undefined) return 'fast'
  const anthropic = model.provider === undefined || model.provider === 'anthropic'
  const pinned = anthropic ? lookup(CLAUDE_ALIAS_IDS, model.id) : undefined
  if (pinned) {
    ctx.report(
      'AGC202',
      `Cursor takes a model id, not a Claude Code alias: \`${model.written}\` was pinned to \`${pinned}\`, the model it names today, and will not follow newer releases.`,
      where,
    )
    return pinned
  }
  const vendor = vendorOf(model)
  const unknown =
    model.id.startsWith('custom:') ||
    (anthropic && CLAUDE_ALIASES.includes(model.id)) ||
    (model.provider !== undefined && !vendor) ||
    (vendor !== undefined && !CURSOR_VENDORS.has(vendor))
  if (unknown) {
    ctx.report(
      'AGC204',
      `Cursor does not offer the model \`${model.written}\`; it is left out, so the subagent uses the model of the agent that calls it.`,
      where,
    )
    return undefined
  }
  const id = bareModelId(model.id)
  if (id !== model.id) {
    ctx.report('AGC202', `The model \`${model.written}\` is written as the model id \`${id}\`.`, where)
  }
  return id
}

/**
 * `readonly` from the tools the agent has. Reports the tools `readonly` cannot express: an
 * allow-list or denial of anything other than the mutating tools, and every permission rule.
 */
function readonlyValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): true | undefined {
  const access = toolAccess(doc)
  for (const [tool, rules] of rulesByTool(access.rules)) {
    ctx.report(
      'AGC201',
      `Cursor subagents have no permission rules; the ${tool === '*' ? 'every-tool' : `\`${tool}\``} rules (${summarizeRules(rules)}) are left out.${deniedPatterns(rules)}`,
      {
        field: 'permissions',
        ...at(fields, fields[`permissions.${tool}`] ? `permissions.${tool}` : 'permissions'),
      },
    )
  }
  const available = (tool: string) =>
    (access.allow === undefined || access.allow.includes(tool)) && !access.deny.includes(tool)
  const kept = MUTATING.filter(available)
  const field = access.allow !== undefined ? 'tools.allow' : 'tools.deny'
  const removed = MUTATING.filter((t) => !kept.includes(t))
  const where = { field, ...at(fields, field === 'tools.allow' ? field : denialKey(removed, fields)) }
  const readonly = kept.length < MUTATING.length
  if (readonly && kept.length > 0) {
    ctx.report(
      'AGC202',
      `Cursor's only tool switch is \`readonly\`, which takes away ${MUTATING.join(', ')} together; it is set, so the subagent also loses ${kept.join(', ')}.`,
      where,
    )
  }
  // Beyond the mutating tools, a subagent has every tool.
  const others = (list: readonly string[]) => list.filter((t) => !MUTATING.includes(t))
  if (access.allow !== undefined) {
    const gained = others(CANONICAL).filter((t) => !access.allow!.includes(t))
    const extra = others(access.allow).filter((t) => !CANONICAL.includes(t))
    if (gained.length > 0 || extra.length > 0) {
      ctx.report(
        'AGC202',
        `Cursor subagents have no tool list${readonly ? ' (`readonly: true` keeps every read-only tool)' : ''}; ${gained.length > 0 ? `${gained.join(', ')} become available` : 'the list is left out'}.`,
        { field: 'tools.allow', ...at(fields, 'tools.allow') },
      )
    }
  } else {
    const stays = others(access.deny)
    if (stays.length > 0) {
      ctx.report(
        'AGC202',
        `Cursor subagents cannot take away single tools; ${stays.join(', ')} ${stays.length === 1 ? 'stays' : 'stay'} available.`,
        { field: 'tools.deny', ...at(fields, denialKey(stays, fields)) },
      )
    }
  }
  return readonly ? true : undefined
}
