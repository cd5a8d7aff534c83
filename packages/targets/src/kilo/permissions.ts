import { type Decision, matchWildcard, type PermissionRule, wildcardsIntersect } from '@agentc/core'
import { setOwn } from '../shared/values'
import { ACTION_ONLY_KEYS, toolFromKilo, toolToKilo } from './mappings'

/** A Kilo permission value: one action, or patterns to actions (in order). */
export type KiloRule = Decision | Record<string, Decision>

/** A loss found while translating, with the IR field it is about. */
export interface AccessNote {
  readonly code: 'AGC201' | 'AGC202' | 'AGC208'
  readonly field: 'tools.allow' | 'tools.deny' | 'permissions'
  readonly message: string
}

/**
 * Tools that change files, run commands or reach the network: an allow-list brings them back with
 * `ask` (the safe side, and what tools with allow-lists such as Claude Code do by default);
 * the others with `allow`, Kilo's default for them.
 */
const ASK_WHEN_LISTED = new Set(['bash', 'edit', 'webfetch', 'websearch'])

const STRICTNESS: Readonly<Record<Decision, number>> = { allow: 0, ask: 1, deny: 2 }
const isCatchAll = (rule: PermissionRule) => rule.pattern === undefined || rule.pattern === '*'

/**
 * Translates a document's access policy (normalised: final plain denials folded into
 * `tools.deny`) into Kilo's `permission` map, where the last matching rule wins, as in the IR.
 *
 * - Kilo has no availability list: an allow-list becomes `"*": deny` followed by a rule for each
 *   listed tool (`ask` for bash, edit and the web tools, `allow` for the others), and rules of tools the
 *   list leaves out are dropped (they decide nothing in the IR, and would bring the tool back in
 *   Kilo); a rule for every tool is repeated for each listed tool instead.
 * - Denied tools become `deny` rules after everything else.
 * - Kilo decides `write` with `edit`: a `write` denial or `ask` also applies to `edit` (the safe
 *   side), a `write` allow is left out.
 * - `webfetch`, `websearch`, `todowrite`, `question` (and Kilo's `codesearch`, `doom_loop`) take
 *   one action: patterns collapse to the strictest action among them.
 * - The map holds one key per tool, so a tool's later rules join its key; where that lets
 *   another tool's overlapping rule win, it is reported.
 */
export function kiloPermission(
  allow: readonly string[] | undefined,
  deny: readonly string[] | undefined,
  rules: readonly PermissionRule[],
  notes: AccessNote[],
): Record<string, KiloRule> | undefined {
  const combined: PermissionRule[] = []
  const list = allow?.includes('*') ? undefined : allow
  const listed = (tool: string) => list === undefined || list.some((a) => matchWildcard(a, tool))
  if (list !== undefined) {
    combined.push({ tool: '*', decision: 'deny' })
    const edits = list.filter((t) => t === 'edit' || t === 'write')
    if (edits.length === 1) {
      notes.push({
        code: 'AGC202',
        field: 'tools.allow',
        message: `Kilo decides \`write\` with the \`edit\` permission; allowing ${edits[0]} allows both.`,
      })
    }
    const shown: Record<Decision, string[]> = { allow: [], ask: [], deny: [] }
    for (const tool of list) {
      const key = tool === 'write' ? 'edit' : toolToKilo(tool)
      if (key === undefined) {
        notes.push({
          code: 'AGC208',
          field: 'tools.allow',
          message: `The tool \`${tool}\` has no Kilo equivalent; it is left out of the agent's tools.`,
        })
        continue
      }
      const canonical = tool === 'write' ? 'edit' : tool
      if (!combined.some((r) => r.tool === canonical)) {
        const decision = ASK_WHEN_LISTED.has(canonical) ? 'ask' : 'allow'
        combined.push({ tool: canonical, decision })
        shown[decision].push(key)
      }
    }
    const parts = [
      shown.ask.length > 0 ? `\`ask\` for ${shown.ask.join(', ')}` : '',
      shown.allow.length > 0 ? `\`allow\` (Kilo's own default) for ${shown.allow.join(', ')}` : '',
    ].filter((p) => p !== '')
    notes.push({
      code: 'AGC202',
      field: 'tools.allow',
      message: `Kilo has no tool allow-list; it was written as \`"*": deny\` followed by ${parts.join('; ') || 'no rule'}, so the listed tools no longer follow your Kilo config's approval rules.`,
    })
  }
  for (const rule of rules) {
    if (list !== undefined && rule.tool === '*') {
      // A rule for every tool would bring back the tools the list leaves out.
      for (const tool of list) combined.push({ ...rule, tool })
      continue
    }
    const tools = rule.tool === 'edit' ? ['edit', 'write'] : [rule.tool]
    if (!tools.some(listed)) continue
    combined.push(rule)
  }
  if (list === undefined && deny) {
    const edits = deny.filter((t) => t === 'edit' || t === 'write')
    for (const tool of deny) {
      if (tool === 'write' && deny.includes('edit')) continue
      combined.push({ tool: tool === 'write' ? 'edit' : tool, decision: 'deny' })
    }
    if (edits.length === 1) {
      notes.push({
        code: 'AGC202',
        field: 'tools.deny',
        message: `Kilo decides \`write\` with the \`edit\` permission; denying ${edits[0]} denies both.`,
      })
    }
  }
  return toMap(combined, notes)
}

function toMap(rules: readonly PermissionRule[], notes: AccessNote[]): Record<string, KiloRule> | undefined {
  if (rules.length === 0) return undefined
  // A rule for every call overrides every earlier rule: those decide nothing and are not written.
  const lastForAll = rules.findLastIndex((r) => r.tool === '*' && isCatchAll(r))
  const live = lastForAll === -1 ? rules : rules.slice(lastForAll)
  const map: Record<string, KiloRule> = {}
  let placed: { key: string; rule: PermissionRule }[] = []
  for (const original of live) {
    let rule = original
    if (rule.tool === 'write') {
      if (rule.decision === 'allow') {
        notes.push({
          code: 'AGC202',
          field: 'permissions',
          message: `Kilo decides \`write\` with the \`edit\` permission; the write rule ${describe(rule)} is left out, so edit rules decide writes.`,
        })
        continue
      }
      notes.push({
        code: 'AGC202',
        field: 'permissions',
        message: `Kilo decides \`write\` with the \`edit\` permission; the write rule ${describe(rule)} was written for edit, so it applies to edits too.`,
      })
      rule = { ...rule, tool: 'edit' }
    }
    const key = toolToKilo(rule.tool)
    if (key === undefined) {
      notes.push({
        code: 'AGC208',
        field: 'permissions',
        message: `The permission rule for \`${rule.tool}\` has no Kilo tool to apply to; it is left out.`,
      })
      continue
    }
    const current = Object.hasOwn(map, key) ? map[key] : undefined
    if (isCatchAll(rule)) {
      // A tool-wide rule overrides the tool's earlier rules, so the key can move to the end.
      delete map[key]
      setOwn(map, key, rule.decision)
      placed = [...placed.filter((p) => p.key !== key), { key, rule }]
      continue
    }
    if (current !== undefined) {
      // The rule joins its key where the key first appeared, before the rules of later keys: one
      // of those that can match the same calls now wins over it instead of losing.
      const later = Object.keys(map).slice(Object.keys(map).indexOf(key) + 1)
      const overtaken = placed.find(
        (p) => later.includes(p.key) && p.rule.decision !== rule.decision && rulesOverlap(p.rule, rule),
      )
      if (overtaken) {
        notes.push({
          code: 'AGC202',
          field: 'permissions',
          message: `Kilo keeps a tool's rules together: ${describe(rule)} for ${rule.tool} now comes before the ${overtaken.rule.tool} rule ${describe(overtaken.rule)}, which wins where both match.`,
        })
      }
    }
    const patterns: Record<string, Decision> =
      current === undefined ? {} : typeof current === 'string' ? { '*': current } : current
    delete patterns[rule.pattern!]
    setOwn(patterns, rule.pattern!, rule.decision)
    setOwn(map, key, patterns)
    placed.push({ key, rule })
  }
  for (const [key, value] of Object.entries(map)) {
    if (typeof value === 'string' || !ACTION_ONLY_KEYS.has(key)) continue
    const strictest = Object.values(value).reduce((a, b) => (STRICTNESS[b] > STRICTNESS[a] ? b : a))
    map[key] = strictest
    notes.push({
      code: 'AGC202',
      field: 'permissions',
      message: `Kilo's \`${key}\` permission takes one action, not patterns; its rules (${Object.entries(
        value,
      )
        .map(([p, d]) => `"${p}": ${d}`)
        .join(', ')}) became \`${strictest}\`, the strictest of them.`,
    })
  }
  return Object.keys(map).length > 0 ? finalDenialsLast(map) : undefined
}

/**
 * Tool-wide denials that no later key can override (no `*` key after them) decide the same
 * wherever they stand: they go last, in canonical-name order, the order in which a document read
 * back (its denials folded into `tools.deny`) writes them, so that emitting is a fixpoint.
 */
function finalDenialsLast(map: Record<string, KiloRule>): Record<string, KiloRule> {
  const keys = Object.keys(map)
  const star = keys.lastIndexOf('*')
  const last = keys.filter((k, i) => i > star && k !== '*' && map[k] === 'deny')
  if (last.length === 0) return map
  const sorted = [...last].sort((a, b) => {
    const x = toolFromKilo(a)
    const y = toolFromKilo(b)
    return x < y ? -1 : x > y ? 1 : 0
  })
  const out: Record<string, KiloRule> = {}
  for (const k of keys) if (!last.includes(k)) out[k] = map[k]!
  for (const k of sorted) out[k] = 'deny'
  return out
}

function describe(rule: PermissionRule): string {
  return `"${rule.pattern ?? '*'}": ${rule.decision}`
}

/** Whether some call matches both rules (a rule for `edit` also governs `write`). */
function rulesOverlap(a: PermissionRule, b: PermissionRule): boolean {
  const governs = (r: PermissionRule) => (r.tool === 'edit' ? ['edit', 'write'] : [r.tool])
  const tools = a.tool === '*' || b.tool === '*' || governs(a).some((t) => governs(b).includes(t))
  return (
    tools && (a.pattern === undefined || b.pattern === undefined || wildcardsIntersect(a.pattern, b.pattern))
  )
}
