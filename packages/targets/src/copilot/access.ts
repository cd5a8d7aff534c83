import {
  type AgentDocument,
  CANONICAL_TOOLS,
  matchWildcard,
  type PermissionRule,
  wildcardsIntersect,
} from '@agentc/core'
import { namedToolToCopilot, QUESTION_TOOL, TOOL_GROUPS } from './mappings'

/** A loss found while translating tools and permissions, for the emitter to report. */
export interface AccessNote {
  readonly code: 'AGC201' | 'AGC202' | 'AGC208'
  /** The IR field (`tools.allow`, `tools.deny`, `permissions`, `permissions.<tool>`). */
  readonly field: string
  readonly message: string
}

/** What a document's tools and permissions become in a Copilot agent. */
export interface CopilotAccess {
  /** The `tools` list; undefined = no `tools` key (every tool). */
  readonly tools?: readonly string[]
  /** The `agents` list (subagents the agent may call); undefined = no `agents` key (all). */
  readonly agents?: readonly string[]
  readonly notes: readonly AccessNote[]
}

const CANONICAL = Object.keys(CANONICAL_TOOLS)

/** How a tool's permission rules come out in Copilot, which can only give or withhold a tool. */
type Outcome =
  | { readonly kind: 'open' }
  /** Every call is denied: the tool is left out, which is exactly that. */
  | { readonly kind: 'denied' }
  /** Denied but for some inputs: the tool is left out (the safe side); the exceptions are lost. */
  | { readonly kind: 'denied-lossy'; readonly lost: readonly PermissionRule[] }
  /** `task` denied but for some subagents named literally: Copilot's `agents` list. */
  | { readonly kind: 'agents'; readonly names: readonly string[]; readonly lost: readonly PermissionRule[] }
  /** Approvals (`ask`/`allow`) or patterns Copilot cannot hold; the tool stays. */
  | { readonly kind: 'unexpressed'; readonly live: readonly PermissionRule[] }

/** Whether a rule decides calls of `tool` (a rule for `edit` also decides `write`). */
function applies(rule: PermissionRule, tool: string): boolean {
  return rule.tool === '*' || matchWildcard(rule.tool, tool) || (tool === 'write' && rule.tool === 'edit')
}

const isCatchAll = (rule: PermissionRule) => rule.pattern === undefined || rule.pattern === '*'
const isLiteral = (pattern: string) => !/[*?]/.test(pattern)

/** The last-match-wins rules of one tool, read as Copilot can express them. */
function outcomeOf(rules: readonly PermissionRule[], tool: string): Outcome {
  const applicable = rules.filter((r) => applies(r, tool))
  if (applicable.length === 0) return { kind: 'open' }
  const last = applicable.findLastIndex(isCatchAll)
  const fallback = last === -1 ? undefined : applicable[last]!.decision
  const exceptions = applicable.slice(last + 1)
  if (fallback !== 'deny') return { kind: 'unexpressed', live: applicable.slice(Math.max(last, 0)) }
  if (exceptions.every((r) => r.decision === 'deny')) return { kind: 'denied' }
  if (tool === 'task') {
    const names = [...new Set(exceptions.map((r) => r.pattern!).filter((p) => isLiteral(p)))].filter(
      (name) => exceptions.findLast((r) => matchWildcard(r.pattern!, name))?.decision === 'allow',
    )
    const lost = exceptions.filter(
      (r) => r.decision === 'ask' || (r.decision === 'allow' && !isLiteral(r.pattern!)),
    )
    if (names.length > 0) return { kind: 'agents', names, lost }
  }
  return { kind: 'denied-lossy', lost: exceptions.filter((r) => r.decision !== 'deny') }
}

/** `"git *": allow, "*": ask` — rules as people write them, for messages. */
function showRules(rules: readonly PermissionRule[]): string {
  const shown = rules.slice(0, 3).map((r) => `"${r.pattern ?? '*'}": ${r.decision}`)
  return rules.length > 3 ? `${shown.join(', ')}, … ${rules.length} rules in all` : shown.join(', ')
}

const list = (names: readonly string[]) => names.join(', ')

/**
 * Translates the IR's tools (an allow-list and a deny-list) and ordered permission rules into
 * Copilot's only access control: the `tools` allow-list of short names (each a category of
 * tools), plus `agents` for the subagents the agent may call.
 *
 * - An allow-list keeps the tools it names: a category with an allowed member is written
 *   whole, so the other members come along (reported as widened).
 * - A denied tool (deny-list, or a tool whose rules deny every call) is left out with its
 *   whole category (reported as narrowed); since Copilot has no deny-list, a document without
 *   an allow-list gets one listing every other category, which leaves out MCP and extension
 *   tools too (reported).
 * - A tool denied except for some inputs is left out (the safe side, reported); `task` denied
 *   except for named subagents becomes `agents`.
 * - Approvals (`ask`/`allow`) and other patterns cannot be written (AGC201).
 */
export function translateAccess(doc: AgentDocument): CopilotAccess {
  const notes: AccessNote[] = []
  const rules = doc.permissions ?? []
  const allowList = doc.tools?.allow?.includes('*') ? undefined : doc.tools?.allow
  const denyList = doc.tools?.deny ?? []
  const ruleField = (tool: string) => `permissions.${tool}`

  const named = [...new Set([...(allowList ?? []), ...denyList, ...rules.map((r) => r.tool)])].filter(
    (t) => t !== '*' && !t.includes('*') && !CANONICAL.includes(t),
  )
  const outcomes = new Map<string, Outcome>()
  for (const tool of [...CANONICAL, ...named]) outcomes.set(tool, outcomeOf(rules, tool))
  const outcome = (tool: string) => outcomes.get(tool) ?? outcomeOf(rules, tool)

  const allowed = (tool: string) => !allowList || allowList.some((a) => matchWildcard(a, tool))
  const deniedByList = (tool: string) => denyList.some((d) => matchWildcard(d, tool))
  const deniedByRules = (tool: string) => {
    const kind = outcome(tool).kind
    return kind === 'denied' || kind === 'denied-lossy'
  }
  const removed = (tool: string) => deniedByList(tool) || deniedByRules(tool)
  const available = (tool: string) => allowed(tool) && !removed(tool)
  const removalField = (tool: string) => (deniedByList(tool) ? 'tools.deny' : 'permissions')

  // No `tools` key: every tool, when nothing is taken away.
  const restricts = allowList !== undefined || [...CANONICAL, ...named].some(removed) || denyList.length > 0
  const granted = new Set<string>()
  const tools: string[] = []
  if (restricts) {
    const widened: string[] = []
    for (const [group, members] of TOOL_GROUPS) {
      const open = members.filter(available)
      if (open.length === 0) continue
      const blockers = members.filter((m) => removed(m) && allowed(m))
      if (blockers.length > 0) {
        notes.push({
          code: 'AGC202',
          field: removalField(blockers[0]!),
          message: `Copilot grants \`${group}\` as one category; since ${list(blockers)} ${blockers.length === 1 ? 'is' : 'are'} denied, \`${group}\` is left out and the agent loses ${list(open)} as well.`,
        })
        continue
      }
      tools.push(group)
      for (const m of members) granted.add(m)
      const extra = members.filter((m) => !allowed(m))
      if (extra.length > 0) widened.push(`\`${group}\` also grants ${list(extra)}`)
    }
    if (widened.length > 0) {
      notes.push({
        code: 'AGC202',
        field: 'tools.allow',
        message: `Copilot grants tools by category: ${widened.join('; ')}, which the allow-list leaves out.`,
      })
    }
    const vscodeSet = allowList?.includes('copilot:vscode') && !removed('copilot:vscode')
    if (available('question') && !vscodeSet) {
      tools.push(QUESTION_TOOL)
      granted.add('question')
    }
    const leftOut: string[] = []
    if (available('skill')) {
      if (allowList !== undefined) {
        notes.push({
          code: 'AGC208',
          field: 'tools.allow',
          message: 'Copilot custom agents have no tool for loading skills; `skill` is left out of `tools`.',
        })
      } else leftOut.push('`skill` (no Copilot tool loads skills)')
    }
    // MCP tools and Copilot's own tools named in the allow-list, as Copilot spells them.
    const unmapped: string[] = []
    for (const name of allowList ?? []) {
      if (CANONICAL.includes(name)) continue
      const spelled = namedToolToCopilot(name)
      if (spelled === undefined) {
        // A wildcard over canonical names is covered by the categories above.
        if (!(name.includes('*') && CANONICAL.some((t) => matchWildcard(name, t)))) unmapped.push(name)
        continue
      }
      if (removed(name)) continue // denied as well as allowed: not available, as written
      if (name.includes('*') && denyList.some((d) => d !== name && wildcardsIntersect(d, name))) {
        notes.push({
          code: 'AGC202',
          field: 'tools.deny',
          message: `Some tools of \`${spelled}\` are denied and Copilot cannot take them out of it; \`${spelled}\` is left out.`,
        })
        continue
      }
      if (name === 'copilot:vscode' && removed('question')) {
        notes.push({
          code: 'AGC202',
          field: removalField('question'),
          message: "VS Code's `vscode` tool set includes question, which is denied; `vscode` is left out.",
        })
        continue
      }
      if (name === 'copilot:vscode') {
        granted.add('question')
        if (!allowed('question')) {
          notes.push({
            code: 'AGC202',
            field: 'tools.allow',
            message:
              "VS Code's `vscode` tool set also grants question (`vscode/askQuestions`), which the allow-list leaves out.",
          })
        }
      }
      // `read/problems` and the like come with the `read` tool set when that is written.
      const set = /^([^/]+)\//.exec(spelled)?.[1]
      if (name.startsWith('copilot:') && set !== undefined && tools.includes(set)) continue
      if (!tools.includes(spelled)) tools.push(spelled)
    }
    if (unmapped.length > 0) {
      notes.push({
        code: 'AGC208',
        field: 'tools.allow',
        message: `${list(unmapped.map((n) => `\`${n}\``))} ${unmapped.length === 1 ? 'has' : 'have'} no Copilot equivalent; left out of \`tools\`.`,
      })
    }
    if (allowList === undefined && outcome('\u0000other').kind !== 'denied') {
      leftOut.push("every MCP server and extension tool and VS Code's `vscode` and `browser` tool sets")
    }
    if (leftOut.length > 0) {
      notes.push({
        code: 'AGC202',
        field: denyList.length > 0 ? 'tools.deny' : 'permissions',
        message: `Copilot has no deny-list, so the agent gets a \`tools\` list of the categories it keeps; that leaves out ${leftOut.join(' as well as ')}.`,
      })
    }
  } else {
    for (const t of CANONICAL) granted.add(t)
  }

  // Permission rules: what the tool list could not hold.
  let agents: string[] | undefined
  const reportedKeys = new Set<string>()
  for (const tool of [...CANONICAL, ...named]) {
    const result = outcome(tool)
    if (result.kind === 'open' || result.kind === 'denied') continue
    if (!allowed(tool) || deniedByList(tool)) continue // dead: the agent does not have the tool
    if (result.kind === 'denied-lossy') {
      const key = result.lost[0]?.tool
      if (key === undefined || reportedKeys.has(`lossy:${key}`)) continue
      reportedKeys.add(`lossy:${key}`)
      const who = key === '*' ? 'Every tool' : `\`${key}\``
      notes.push({
        code: 'AGC202',
        field: key === '*' ? 'permissions' : ruleField(key),
        message: `${who} is denied except for ${showRules(result.lost)}; Copilot cannot give a tool for some inputs only, so it is left out (the safe side).`,
      })
      continue
    }
    if (result.kind === 'agents') {
      if (!granted.has('task') && restricts) continue
      agents = [...result.names]
      if (result.lost.length > 0) {
        notes.push({
          code: 'AGC202',
          field: ruleField('task'),
          message: `Copilot's \`agents\` lists the subagents the agent may call by name; ${showRules(result.lost)} cannot be listed, so those subagents are not allowed.`,
        })
      }
      continue
    }
    const inOutput = CANONICAL.includes(tool)
      ? granted.has(tool)
      : tools.includes(namedToolToCopilot(tool) ?? '')
    if (!inOutput && restricts) continue
    for (const key of [...new Set(result.live.map((r) => r.tool))]) {
      if (reportedKeys.has(key)) continue
      reportedKeys.add(key)
      const own = rules.filter((r) => r.tool === key)
      const denied = own
        .filter((r) => r.decision === 'deny' && r.pattern !== undefined)
        .map((r) => `"${r.pattern}"`)
      const unenforced =
        denied.length > 0 ? ` ${list(denied)} ${denied.length === 1 ? 'is' : 'are'} no longer denied.` : ''
      notes.push({
        code: 'AGC201',
        field: key === '*' ? 'permissions' : ruleField(key),
        message: `${key === '*' ? 'The permission rules for every tool' : `The \`${key}\` permission rules`} (${showRules(own)}) cannot be expressed in a Copilot custom agent, which only chooses its tools; they are left out, and Copilot's own approval settings decide.${unenforced}`,
      })
    }
  }
  return { ...(restricts ? { tools } : {}), ...(agents ? { agents } : {}), notes }
}
