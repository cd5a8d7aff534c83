import { type AgentDocument, CANONICAL_TOOLS, type PermissionRule } from '@agentc/core'

/**
 * The access policy of a document as a target without per-agent permission rules sees it:
 * which tools the agent has (`allow` / `deny`, with tools whose every call the rules deny folded
 * into `deny`), and the rules that still decide something and that such a target cannot carry.
 */
export interface ToolAccess {
  /** Exhaustive allow-list (denied tools removed), or undefined for every tool. */
  readonly allow?: readonly string[]
  /** Tools removed from the agent (only meaningful without `allow`). */
  readonly deny: readonly string[]
  /** Rules that decide calls of tools the agent has and are not expressed by `allow`/`deny`. */
  readonly rules: readonly PermissionRule[]
}

const CANONICAL = Object.keys(CANONICAL_TOOLS)

/** Whether `rule` governs calls of `tool` (a rule for `edit` also governs `write`). */
export function governs(rule: PermissionRule, tool: string): boolean {
  return rule.tool === tool || rule.tool === '*' || (tool === 'write' && rule.tool === 'edit')
}

/**
 * Whether the ordered rules (last match wins) deny every call of `tool`: the last rule for all of
 * its calls is a deny and no later rule lets some calls through.
 */
export function deniedByRules(rules: readonly PermissionRule[], tool: string): boolean {
  let denied = false
  for (const rule of rules) {
    if (!governs(rule, tool)) continue
    if (rule.pattern === undefined || rule.pattern === '*') denied = rule.decision === 'deny'
    else if (rule.decision !== 'deny') denied = false
  }
  return denied
}

/**
 * Folds the permission rules that remove a tool outright into the tool lists and keeps the rest:
 * the view of targets whose only access control is the set of tools an agent has.
 */
export function toolAccess(doc: AgentDocument): ToolAccess {
  const rules = doc.permissions ?? []
  let allow = doc.tools?.allow
  if (allow?.includes('*')) allow = undefined
  const named = rules.map((r) => r.tool).filter((t) => t !== '*')
  const candidates = [...new Set([...CANONICAL, ...named, ...(allow ?? []), ...(doc.tools?.deny ?? [])])]
  const folded = rules.length === 0 ? [] : candidates.filter((t) => deniedByRules(rules, t))
  const deny = [...new Set([...(doc.tools?.deny ?? []), ...folded])].sort()
  if (allow) allow = [...new Set(allow.filter((t) => !deny.includes(t)))].sort()
  const available = (tool: string) => (allow === undefined || allow.includes(tool)) && !deny.includes(tool)
  const everyToolDenied = CANONICAL.every((t) => !available(t))
  const live = rules.filter((rule) => {
    const plainDeny = rule.decision === 'deny' && (rule.pattern === undefined || rule.pattern === '*')
    if (rule.tool === '*') return !(plainDeny && everyToolDenied)
    const tools = rule.tool === 'edit' ? ['edit', 'write'] : [rule.tool]
    // A rule about tools the agent does not have decides nothing; a plain deny of a tool that
    // is removed is what removed it.
    return tools.some(available) && !(plainDeny && tools.every((t) => !available(t)))
  })
  return { ...(allow !== undefined ? { allow } : {}), deny: allow === undefined ? deny : [], rules: live }
}

/** `"*": ask, "git *": allow, … 5 rules in all`: a tool's rules for messages. */
export function summarizeRules(rules: readonly PermissionRule[]): string {
  const shown = rules
    .slice(0, 3)
    .map((r) => `${JSON.stringify(r.pattern ?? '*')}: ${r.decision}`)
    .join(', ')
  return rules.length > 3 ? `${shown}, … ${rules.length} rules in all` : shown
}

/** The rules grouped by the tool they name, in order of first appearance. */
export function rulesByTool(rules: readonly PermissionRule[]): Map<string, PermissionRule[]> {
  const groups = new Map<string, PermissionRule[]>()
  for (const rule of rules) {
    const list = groups.get(rule.tool)
    if (list) list.push(rule)
    else groups.set(rule.tool, [rule])
  }
  return groups
}

/**
 * Where the denial of one of `tools` was written: its own key (`tools.webfetch`, or the
 * permission rule `permissions.webfetch` that removed it), else the `tools` key, else the
 * permission rules.
 */
export function denialKey(tools: readonly string[], fields: Readonly<Record<string, unknown>>): string {
  for (const prefix of ['tools', 'permissions']) {
    const tool = tools.find((t) => fields[`${prefix}.${t}`])
    if (tool) return `${prefix}.${tool}`
  }
  return fields['tools.deny'] || fields.tools ? 'tools.deny' : 'permissions'
}

/**
 * ` The calls they deny (`rm *`) are no longer blocked; <advice>.` for rules with patterned
 * denies, or nothing: a loss worth its own sentence.
 */
export function deniedPatterns(rules: readonly PermissionRule[], advice?: string): string {
  const denied = rules.filter((r) => r.decision === 'deny' && r.pattern !== undefined && r.pattern !== '*')
  if (denied.length === 0) return ''
  const list = denied.map((r) => `\`${r.pattern}\``).join(', ')
  return ` The calls they deny (${list}) are no longer blocked${advice ? `; ${advice}` : ''}.`
}
