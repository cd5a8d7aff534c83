import { type AgentDocument, CANONICAL_TOOLS, type Decision, type PermissionRule } from '@agentc/core'

/**
 * How a document's tools and ordered permission rules (last match wins) land in a target whose
 * agent files only say which tools an agent has (Gemini CLI, Qwen Code): the tools the agent
 * keeps, and the rules such a file cannot hold, tool by tool.
 */
export interface AccessPlan {
  /** Exhaustive allow-list (canonical, native or `mcp:` names), or undefined for every tool. */
  readonly allow?: readonly string[]
  /** Tools removed from the agent; only used when `allow` is undefined. */
  readonly deny: readonly string[]
  /**
   * Tools the agent keeps whose own rules still decide some calls (ask, allow, or deny some
   * inputs): an availability list cannot say that.
   */
  readonly kept: readonly ToolRules[]
  /**
   * Tools whose rules deny every call but some patterns: removed from the agent, the nearest safe
   * form, so that no call the rules deny can run (the allowed patterns are lost).
   */
  readonly narrowed: readonly ToolRules[]
  /** The live rule for every call of every tool (`*` with no pattern), when it is not a deny. */
  readonly star?: PermissionRule
  /** Patterned rules for every tool (`*` with a pattern), which no availability list can hold. */
  readonly starPatterns: readonly PermissionRule[]
}

/** The rules (as written, in order) of one tool. */
export interface ToolRules {
  readonly tool: string
  readonly rules: readonly PermissionRule[]
}

const CANONICAL = Object.keys(CANONICAL_TOOLS)

/** Whether `rule` decides calls of `tool` (a rule for `edit` also decides `write`). */
function governs(rule: PermissionRule, tool: string): boolean {
  return rule.tool === tool || rule.tool === '*' || (tool === 'write' && rule.tool === 'edit')
}

const isCatchAll = (rule: PermissionRule) => rule.pattern === undefined || rule.pattern === '*'

/**
 * Plans the access policy of `doc` for a target without per-agent permission rules.
 * @param doc The (projected) document.
 * @param defaults What the target decides for calls of a tool no rule matches (in its default
 *   approval mode); a tool-wide rule that says the same is the target's default, not a loss.
 * @returns The tools to list and the rules left over.
 */
export function planAccess(
  doc: AgentDocument,
  defaults: Readonly<Record<string, Decision>> = {},
): AccessPlan {
  const rules = doc.permissions ?? []
  // A rule for every call of every tool overrides every rule before it.
  const lastStar = rules.findLastIndex((r) => r.tool === '*' && isCatchAll(r))
  const live = lastStar === -1 ? rules : rules.slice(lastStar)
  const starRule = lastStar === -1 ? undefined : live[0]
  const starPatterns = live.filter((r) => r.tool === '*' && !isCatchAll(r))
  let baseAllow = doc.tools?.allow
  if (baseAllow?.includes('*')) baseAllow = undefined
  const baseDeny = doc.tools?.deny ?? []
  const universe = [
    ...new Set([
      ...CANONICAL,
      ...live.map((r) => r.tool).filter((t) => t !== '*'),
      ...(baseAllow ?? []),
      ...baseDeny,
    ]),
  ]
  const removed = new Set<string>()
  const narrowedTools = new Set<string>()
  const decided: string[] = []
  for (const tool of universe) {
    const applicable = live.filter((r) => governs(r, tool))
    if (applicable.length === 0) continue
    const lastCatchAll = applicable.findLastIndex(isCatchAll)
    const fallback = lastCatchAll === -1 ? undefined : applicable[lastCatchAll]!.decision
    const exceptions = applicable.slice(lastCatchAll + 1)
    if (fallback === 'deny') {
      removed.add(tool)
      if (exceptions.some((r) => r.decision !== 'deny')) narrowedTools.add(tool)
    } else decided.push(tool)
  }
  let allow: string[] | undefined
  let deny: string[] = []
  if (starRule?.decision === 'deny') {
    // Every tool is denied but those whose later rules let some calls through.
    allow = (baseAllow ?? universe).filter((t) => !baseDeny.includes(t) && !removed.has(t))
    allow = allow.filter((t) => live.some((r) => r.tool !== '*' && governs(r, t)))
  } else if (baseAllow) {
    allow = baseAllow.filter((t) => !baseDeny.includes(t) && !removed.has(t))
  } else {
    deny = [...new Set([...baseDeny, ...removed])]
  }
  const available = (tool: string) =>
    (allow === undefined || allow.includes(tool)) && !deny.includes(tool) && !removed.has(tool)
  // A tool the agent would have without its rules (the rules that remove it decide something).
  const live0 = (tool: string) =>
    (baseAllow === undefined || baseAllow.includes(tool)) && !baseDeny.includes(tool)
  // Rules are reported under the tool they name (an `edit` rule that decides `write` calls is an
  // `edit` rule), each once; `*` rules are reported on their own.
  const group = (tools: readonly string[]): ToolRules[] => {
    const picked = new Set<PermissionRule>()
    for (const tool of tools) {
      for (const rule of live) if (rule.tool !== '*' && governs(rule, tool)) picked.add(rule)
    }
    const byTool = new Map<string, PermissionRule[]>()
    for (const rule of live) {
      if (!picked.has(rule)) continue
      const list = byTool.get(rule.tool)
      if (list) list.push(rule)
      else byTool.set(rule.tool, [rule])
    }
    return [...byTool].map(([tool, rules]) => ({ tool, rules }))
  }
  const narrowed = group([...narrowedTools].filter(live0))
  // A tool's own tool-wide rules that end on what the target does anyway decide nothing there
  // (a rule for `edit` also decides `write`).
  const isDefault = (k: ToolRules) =>
    k.rules.every((r) => r.pattern === undefined) &&
    (k.tool === 'edit' ? ['edit', 'write'] : [k.tool]).every(
      (t) => defaults[t] !== undefined && defaults[t] === k.rules[k.rules.length - 1]!.decision,
    )
  const kept = group(decided.filter(available)).filter(
    (k) => !narrowed.some((n) => n.tool === k.tool) && !isDefault(k),
  )
  return {
    ...(allow !== undefined ? { allow: sorted(allow) } : {}),
    deny: sorted(deny),
    kept,
    narrowed,
    ...(starRule && starRule.decision !== 'deny' ? { star: starRule } : {}),
    starPatterns,
  }
}

function sorted(list: readonly string[]): string[] {
  return [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** `"*": ask, "git *": allow, … 5 rules in all`: rules for messages. */
export function describeRules(rules: readonly PermissionRule[]): string {
  const shown = rules
    .slice(0, 3)
    .map((r) => `${JSON.stringify(r.pattern ?? '*')}: ${r.decision}`)
    .join(', ')
  return rules.length > 3 ? `${shown}, … ${rules.length} rules in all` : shown
}
