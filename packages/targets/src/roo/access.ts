import {
  type AgentDocument,
  matchWildcard,
  normalize,
  type PermissionRule,
  parseMcpTool,
  wildcardsIntersect,
} from '@agentc/core'
import { describeRules, planAccess } from '../shared/access-plan'
import { deniedByRules } from '../shared/tool-access'
import { ALL_MCP, ALWAYS_AVAILABLE, GROUP_TOOLS } from './mappings'
import { patternsToRegex } from './patterns'

/** A loss found while translating, with the IR field it is about. */
export interface AccessNote {
  readonly code: 'AGC201' | 'AGC202' | 'AGC208'
  readonly field: string
  readonly message: string
  /** The source key to position the report at (`permissions.bash`), when there is one. */
  readonly key?: string
}

/** The `groups` (and Zoo's `allowedMcpServers`) of a mode. */
export interface RooAccess {
  readonly groups: readonly (string | [string, Record<string, unknown>])[]
  readonly servers?: readonly string[]
}

const isCatchAll = (rule: PermissionRule) => rule.pattern === undefined || rule.pattern === '*'
const ROO_TOOLS = new Set([
  ...ALWAYS_AVAILABLE,
  ...Object.values(GROUP_TOOLS)
    .flat()
    .filter((t) => t !== 'webfetch'),
])

/**
 * How a document's tools and ordered permission rules land in a Roo mode, which says only
 * which tool groups it has (plus an `edit` path restriction):
 *
 * - a group is in the mode when one of its tools is available and none is denied (a denial
 *   leaves out the whole group, the safe side; an allow-list entry brings its whole group);
 * - `edit` rules of the form "deny, then allow/ask some path patterns" become `fileRegex`;
 * - other rules cannot be written (Roo decides approvals with its global auto-approve
 *   settings); tools whose rules deny every call but some patterns are left out (nearest safe
 *   form), as for other targets without per-agent rules;
 * - every mode has `question`, `task`, `todowrite` and `skill`; no mode has web fetch (Zoo
 *   Code's `web` group would make Roo Code reject the file), web search, LSP or notebooks.
 */
export function rooAccess(
  doc: AgentDocument,
  extOptions: Readonly<Record<string, Record<string, unknown>>>,
  notes: AccessNote[],
): RooAccess {
  const n = normalize(doc)
  const rules = n.permissions ?? []
  const allowList = n.tools?.allow?.includes('*') ? undefined : n.tools?.allow
  const rawDeny = [...(doc.tools?.deny ?? []), ...(n.tools?.deny ?? [])]
  const listed = (t: string) => allowList === undefined || allowList.some((a) => matchWildcard(a, t))
  const restriction = editRestriction(rules, listed('edit') || listed('write'), notes)
  const rest = restriction ? rules.filter((r) => !restriction.consumed.includes(r)) : rules
  const plan = planAccess({ ...n, permissions: rest })
  const narrowed = new Set(plan.narrowed.map((x) => x.tool))
  const planAvailable = (t: string) =>
    (plan.allow === undefined || plan.allow.some((a) => matchWildcard(a, t))) &&
    !plan.deny.some((d) => matchWildcard(d, t))
  const denied = (t: string) =>
    rawDeny.some((d) => matchWildcard(d, t)) || narrowed.has(t) || deniedByRules(rest, t)
  const editTool = (t: string) => t === 'edit' || t === 'write'
  const available = (t: string) => {
    if (restriction && editTool(t)) {
      return restriction.patterns.length > 0 && listed(t) && !rawDeny.some((d) => matchWildcard(d, t))
    }
    return planAvailable(t)
  }
  const isDenied = (t: string) => (restriction && editTool(t) ? restriction.patterns.length === 0 : denied(t))
  const denyField = doc.tools?.deny?.length ? 'tools.deny' : 'permissions'

  const groups: (string | [string, Record<string, unknown>])[] = []
  const inMode = new Set<string>(ALWAYS_AVAILABLE)
  for (const group of ['read', 'edit', 'command']) {
    const members = GROUP_TOOLS[group]!
    const have = members.filter(available)
    if (have.length === 0) continue
    const off = members.filter(isDenied)
    if (off.length > 0) {
      notes.push({
        code: 'AGC202',
        field: denyField,
        message: `Roo Code grants ${list(members)} together (the \`${group}\` group); ${list(off)} ${off.length === 1 ? 'is' : 'are'} denied, so the whole group is left out and the mode cannot use ${list(have)} either.`,
      })
      continue
    }
    if (have.length < members.length) {
      notes.push({
        code: 'AGC202',
        field: 'tools.allow',
        message: `Roo Code grants ${list(members)} together (the \`${group}\` group); the mode also gets ${list(members.filter((t) => !have.includes(t)))}.`,
      })
    }
    for (const t of members) inMode.add(t)
    const options = { ...(extOptions[group] ?? {}) }
    if (group === 'edit' && restriction?.regex) {
      delete options.fileRegex
      groups.push(['edit', { fileRegex: restriction.regex, ...options }])
    } else if (group === 'edit' && options.fileRegex !== undefined) {
      // The kept regex stood for "no edits" in the IR; now edits are allowed without it.
      notes.push({
        code: 'AGC202',
        field: 'extensions.roo.groupOptions',
        message: `The kept \`fileRegex\` ${String(options.fileRegex)} no longer matches the agent's edit rules; it is left out.`,
      })
      delete options.fileRegex
      groups.push(Object.keys(options).length > 0 ? [group, options] : group)
    } else groups.push(Object.keys(options).length > 0 ? [group, options] : group)
  }
  // The edit restriction kept as written (no exact pattern form) stands for "no edits" in the IR.
  const keptRegex = extOptions.edit?.fileRegex
  if (keptRegex !== undefined && !groups.some((g) => g === 'edit' || g[0] === 'edit')) {
    const allEditsDenied = !available('edit') && !available('write')
    if (allEditsDenied && (listed('edit') || listed('write')))
      groups.splice(1, 0, ['edit', { ...extOptions.edit }])
  }

  // MCP: every server, Zoo Code's `allowedMcpServers`, or nothing.
  let servers: string[] | undefined
  const mcpDenied =
    rawDeny.some((d) => d.startsWith('mcp:')) ||
    rules.some((r) => r.tool.startsWith('mcp:') && r.decision === 'deny' && isCatchAll(r))
  const mcpListed = (
    allowList === undefined ? [ALL_MCP] : allowList.filter((t) => t.startsWith('mcp:'))
  ).filter(planAvailable)
  if (mcpListed.length > 0) {
    if (mcpDenied) {
      notes.push({
        code: 'AGC202',
        field: denyField,
        message:
          'Roo Code grants MCP servers as one `mcp` group and cannot leave out some of them; the group is left out.',
      })
    } else if (mcpListed.includes(ALL_MCP) || mcpListed.includes('mcp:*/*')) {
      groups.push('mcp')
    } else {
      const parsed = mcpListed.map((t) => parseMcpTool(t)).filter((m) => m !== undefined)
      servers = [...new Set(parsed.map((m) => m.server))]
      if (parsed.some((m) => m.tool !== '*')) {
        notes.push({
          code: 'AGC202',
          field: 'tools.allow',
          message: `Roo Code grants MCP tools by server; the mode gets every tool of ${servers.join(', ')}.`,
        })
      }
      notes.push({
        code: 'AGC202',
        field: 'tools.allow',
        message: `\`allowedMcpServers\` (${servers.join(', ')}) limits the \`mcp\` group in Zoo Code only; Roo Code ignores it and gives the mode every MCP server.`,
      })
      groups.push('mcp')
    }
  }

  const forced = ALWAYS_AVAILABLE.filter((t) => !available(t))
  if (forced.length > 0) {
    notes.push({
      code: 'AGC202',
      field: forced.some(isDenied) ? denyField : 'tools.allow',
      message: `Every Roo Code mode has ${list(forced.map(roo))}; ${forced.length === 1 ? 'it' : 'they'} cannot be taken away.`,
    })
  }
  const lost = (allowList ?? ['webfetch', 'websearch', 'todoread', 'lsp', 'notebook']).filter(
    (t) =>
      !t.startsWith('mcp:') &&
      !ROO_TOOLS.has(t) &&
      t !== '*' &&
      !isDenied(t) &&
      (allowList !== undefined || planAvailable(t)),
  )
  if (lost.length > 0) {
    notes.push(
      allowList === undefined
        ? {
            code: 'AGC202',
            field: 'tools.allow',
            message: `A Roo Code mode has only the tools of its groups and those every mode has; ${list(lost)} ${lost.length === 1 ? 'is' : 'are'} not among them.`,
          }
        : {
            code: 'AGC208',
            field: 'tools.allow',
            message: `Roo Code modes have no ${list(lost)} tool${lost.length === 1 ? '' : 's'}${lost.includes('webfetch') ? " (Zoo Code's `web` group would make Roo Code reject the file)" : ''}; left out.`,
          },
    )
  }

  // Rules that still decide calls of tools the mode has.
  const star = [...(plan.star ? [plan.star] : []), ...plan.starPatterns]
  if (star.length > 0) {
    notes.push({
      code: 'AGC201',
      field: 'permissions',
      key: 'permissions.*',
      message: `The permission rules for every tool (${describeRules(star)}) cannot live in a Roo Code mode; they are left out, so calls follow Roo Code's auto-approve settings.`,
    })
  }
  for (const { tool, rules: own } of plan.kept) {
    if (!inMode.has(tool) && !(tool.startsWith('mcp:') && groups.includes('mcp'))) continue
    notes.push({
      code: 'AGC201',
      field: 'permissions',
      key: `permissions.${tool}`,
      message: `The ${tool} permission rules (${describeRules(own)}) cannot live in a Roo Code mode; they are left out, so ${tool} calls follow Roo Code's auto-approve settings.`,
    })
  }
  for (const { tool, rules: own } of plan.narrowed) {
    notes.push({
      code: 'AGC201',
      field: 'permissions',
      key: `permissions.${tool}`,
      message: `The ${tool} permission rules deny every call but some patterns (${describeRules(own)}); a Roo Code mode cannot hold patterns${tool === 'edit' || tool === 'write' ? ' of that shape' : ''}, so ${tool} is left out of the mode rather than allowed without limits.`,
    })
  }
  return { groups, ...(servers ? { servers } : {}) }
}

interface EditRestriction {
  /** The `fileRegex` (`''` when a pattern matches every path). */
  readonly regex: string | undefined
  /** The path patterns edits are allowed on. */
  readonly patterns: readonly string[]
  /** The rules the restriction stands for. */
  readonly consumed: readonly PermissionRule[]
}

/**
 * The `fileRegex` for `edit` rules of the shape Roo can hold: a tool-wide `edit` deny, then
 * `edit` rules for path patterns. Allowed patterns that a later denied pattern overlaps are left
 * out (the safe side); `allow` becomes Roo's own approval. Undefined for any other shape.
 */
function editRestriction(
  rules: readonly PermissionRule[],
  listed: boolean,
  notes: AccessNote[],
): EditRestriction | undefined {
  if (!listed) return undefined
  const governing = rules.filter((r) => r.tool === 'edit' || r.tool === 'write' || r.tool === '*')
  const last = governing.findLastIndex((r) => isCatchAll(r) && (r.tool === 'edit' || r.tool === '*'))
  if (last === -1 || governing[last]!.decision !== 'deny') return undefined
  const exceptions = governing.slice(last + 1)
  if (exceptions.length === 0 || exceptions.some((r) => r.tool !== 'edit')) return undefined
  const patterns: string[] = []
  const dropped: PermissionRule[] = []
  const approved: string[] = []
  exceptions.forEach((rule, i) => {
    if (rule.decision === 'deny') return
    const overtaken = exceptions
      .slice(i + 1)
      .some((later) => later.decision === 'deny' && wildcardsIntersect(later.pattern!, rule.pattern!))
    if (overtaken) dropped.push(rule)
    else {
      if (!patterns.includes(rule.pattern!)) patterns.push(rule.pattern!)
      if (rule.decision === 'allow') approved.push(rule.pattern!)
    }
  })
  if (dropped.length > 0) {
    notes.push({
      code: 'AGC202',
      field: 'permissions',
      key: 'permissions.edit',
      message: `Roo Code's \`fileRegex\` lists the paths a mode may edit; ${describeRules(dropped)} overlap later denied paths and are left out (the safe side).`,
    })
  }
  if (approved.length > 0) {
    notes.push({
      code: 'AGC202',
      field: 'permissions',
      key: 'permissions.edit',
      message: `Roo Code decides whether edits need approval with its global auto-approve settings; edits of ${approved.join(', ')} are no longer allowed without asking.`,
    })
  }
  return {
    regex: patternsToRegex(patterns),
    patterns,
    consumed: rules.filter((r) => r.tool === 'edit' || r.tool === 'write'),
  }
}

const NAMES: Readonly<Record<string, string>> = {
  question: '`question` (ask_followup_question)',
  task: '`task` (new_task)',
  todowrite: '`todowrite` (update_todo_list)',
  skill: '`skill`',
}

function roo(tool: string): string {
  return NAMES[tool] ?? `\`${tool}\``
}

function list(tools: readonly string[]): string {
  if (tools.length <= 1) return tools.join('')
  return `${tools.slice(0, -1).join(', ')} and ${tools[tools.length - 1]}`
}
