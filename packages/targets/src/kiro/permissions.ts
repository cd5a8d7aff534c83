import {
  type Decision,
  deepEqual,
  type PermissionRule,
  type Point,
  parseMcpTool,
  wildcardsIntersect,
} from '@agentc/core'
import {
  CAPABILITIES,
  CAPABILITY_ORDER,
  capabilityOf,
  KIRO_DEFAULT,
  own as ownEntry,
  PATH_CAPABILITIES,
  STRICTNESS,
  toolsOfCapability,
} from './mappings'
import { pathGlobFromWildcard, plainPattern, wildcardsFromPathGlob } from './patterns'

/** One Kiro permission rule as written in an agent's `permissions`. */
export interface KiroRule {
  /** Where the rule is written (for diagnostics about it). */
  readonly at?: Point
  readonly capability: string
  readonly effect: Decision
  readonly match?: readonly string[]
  readonly exclude?: readonly string[]
}

/**
 * Reports a loss: the message, the IR tool it is about, the code. Warnings about how Kiro reads
 * what is written as it is (path globs) go to `advise`.
 */
export type Report = (message: string, tool: string, code?: 'AGC202' | 'AGC208') => void

/** One rule of a capability, in the IR's pattern language (`undefined` = every call). */
interface Step {
  readonly pattern?: string | undefined
  readonly decision: Decision
}

/** A Kiro rule before its patterns are written as globs: disjoint from every other rule of its capability. */
interface Disjoint {
  readonly effect: Decision
  readonly match: string[] | undefined
  readonly exclude: string[]
}

const isAll = (pattern: string | undefined) => pattern === undefined || pattern.replace(/\*+/g, '*') === '*'

/**
 * Translates ordered rules for one capability (the last match decides) into Kiro rules that are
 * pairwise disjoint: each rule excludes the patterns of the later rules with another decision
 * that can match the same calls, so exactly one rule decides every call and Kiro's precedence
 * (deny > ask > allow) never comes into play. Rules a later catch-all or an identical later
 * pattern overrides are dropped.
 */
export function disjointRules(steps: readonly Step[], floor?: Decision): Disjoint[] {
  const normalized = steps.map((s) => ({
    pattern: isAll(s.pattern) ? undefined : s.pattern,
    decision: s.decision,
  }))
  const lastAll = normalized.findLastIndex((s) => s.pattern === undefined)
  let live = lastAll === -1 ? normalized : normalized.slice(lastAll)
  // A rule a later rule covers decides nothing.
  for (let changed = true; changed; ) {
    const before = live.length
    live = live.filter((rule, i) => !live.slice(i + 1).some((later) => covers(later.pattern, rule.pattern)))
    changed = live.length !== before
  }
  // Nor does a rule that repeats what an earlier rule (every call, or the same pattern) already
  // decides when no rule in between decides those calls otherwise.
  live = live.filter((rule, i) => {
    for (let k = i - 1; k >= 0; k--) {
      const earlier = live[k]!
      if (earlier.decision !== rule.decision) {
        if (earlier.pattern === undefined || rule.pattern === undefined) return true
        if (wildcardsIntersect(earlier.pattern, rule.pattern)) return true
        continue
      }
      if (covers(earlier.pattern, rule.pattern)) return false
    }
    return true
  })
  const out: Disjoint[] = []
  for (let i = 0; i < live.length; i++) {
    const rule = live[i]!
    const exclude: string[] = []
    for (const later of live.slice(i + 1)) {
      if (later.decision === rule.decision) continue
      if (rule.pattern === undefined || wildcardsIntersect(rule.pattern, later.pattern!)) {
        if (!exclude.some((x) => key(x) === key(later.pattern!))) exclude.push(later.pattern!)
      }
    }
    // Under a rule for every tool (`floor`), a rule no stricter than it never decides a call.
    if (floor && STRICTNESS[rule.decision] <= STRICTNESS[floor]) continue
    // Neighbours with the same decision become one rule when neither's exclusions touch the
    // other's patterns.
    const previous = out[out.length - 1]
    if (
      previous &&
      rule.pattern !== undefined &&
      previous.match !== undefined &&
      previous.effect === rule.decision &&
      exclude.every(
        (x) => previous.exclude.includes(x) || !previous.match!.some((m) => wildcardsIntersect(m, x)),
      ) &&
      previous.exclude.every((x) => exclude.includes(x) || !wildcardsIntersect(rule.pattern!, x))
    ) {
      if (!previous.match.some((m) => key(m) === key(rule.pattern!))) previous.match.push(rule.pattern)
      for (const x of exclude) if (!previous.exclude.includes(x)) previous.exclude.push(x)
      continue
    }
    out.push({
      effect: rule.decision,
      match: rule.pattern === undefined ? undefined : [rule.pattern],
      exclude,
    })
  }
  return out
}

/** A pattern's meaning as text: runs of `*` are one `*` (`src/**` means what `src/*` does). */
function key(pattern: string): string {
  return pattern.replace(/\*+/g, '*')
}

/**
 * Whether every call `inner` matches is matched by `outer` (`undefined` = every call). A
 * sufficient check: the same pattern, or `outer` is a literal prefix or suffix and a `*`.
 */
function covers(outer: string | undefined, inner: string | undefined): boolean {
  if (outer === undefined) return true
  if (inner === undefined) return false
  const o = key(outer)
  const i = key(inner)
  if (o === i) return true
  const prefix = /^([^*?]*)\*$/.exec(o)
  if (prefix && i.startsWith(prefix[1]!)) return true
  const suffix = /^\*([^*?]*)$/.exec(o)
  return !!suffix && i.endsWith(suffix[1]!)
}

/** Whether IR rule `rule` decides calls of `tool` (a rule for `edit` also governs `write`). */
function governs(rule: PermissionRule, tool: string): boolean {
  return rule.tool === tool || (tool === 'write' && rule.tool === 'edit')
}

/**
 * Translates the IR's ordered, last-match-wins rules into Kiro permission rules, where the
 * strictest matching rule decides (deny > ask > allow) whatever the order, and `exclude` exempts
 * calls from a rule. Per capability the rules are made disjoint ({@link disjointRules}), which
 * renders last-match-wins exactly. What Kiro cannot hold is reported: rules for tools without a
 * capability (AGC208), capabilities that govern several IR tools alike (`fs_read`, `fs_write`),
 * rules for every tool that a later, more permissive rule overrides (Kiro's `all` rule cannot be
 * overridden), and path patterns whose glob reading differs (AGC202).
 */
export function toKiroPermissions(
  rules: readonly PermissionRule[],
  report: Report,
  advise: (message: string) => void = (message) => report(message, '*'),
): KiroRule[] {
  const out: KiroRule[] = []
  const lastGlobal = rules.findLastIndex((r) => r.tool === '*' && isAll(r.pattern))
  const patternedGlobal = rules.filter((r, i) => r.tool === '*' && !isAll(r.pattern) && i > lastGlobal)
  if (patternedGlobal.length > 0) {
    report(
      `Kiro has no pattern rule for every tool; ${patternedGlobal.map((r) => `"${r.pattern}": ${r.decision}`).join(', ')} for \`*\` is left out.`,
      '*',
    )
  }
  const global = lastGlobal === -1 ? undefined : rules[lastGlobal]!.decision
  if (global) out.push({ capability: 'all', effect: global })
  const after = rules.slice(lastGlobal + 1).filter((r) => r.tool !== '*')

  // Tools without a Kiro capability.
  const unmapped = [...new Set(after.map((r) => r.tool).filter((t) => capabilityOf(t) === undefined))]
  for (const tool of unmapped) {
    report(`Kiro has no permission capability for \`${tool}\`; its rules are left out.`, tool, 'AGC208')
  }

  const byCapability = new Map<string, PermissionRule[]>()
  for (const rule of after) {
    const capability = capabilityOf(rule.tool)
    if (capability === undefined) continue
    const list = byCapability.get(capability)
    if (list) list.push(rule)
    else byCapability.set(capability, [rule])
  }
  const order = [
    ...CAPABILITY_ORDER.filter((c) => byCapability.has(c)),
    ...[...byCapability.keys()].filter((c) => !(CAPABILITY_ORDER as readonly string[]).includes(c)).sort(),
  ]
  for (const capability of order) {
    const own = byCapability.get(capability)!
    let disjoint: Disjoint[]
    let effective: Disjoint[]
    let perMember: { tool: string; rules: Disjoint[]; effective: Disjoint[] }[] = []
    if (capability === 'mcp') {
      const patterned = own.filter((r) => r.pattern !== undefined)
      if (patterned.length > 0) {
        report(
          `Kiro matches MCP rules by server and tool only; the input patterns of ${[...new Set(patterned.map((r) => r.tool))].join(', ')} are left out.`,
          patterned[0]!.tool,
        )
      }
      const steps = own
        .filter((r) => r.pattern === undefined)
        .map((r) => {
          const mcp = parseMcpTool(r.tool)!
          const all = mcp.server === '*' && mcp.tool === '*'
          return { pattern: all ? undefined : `${mcp.server}/${mcp.tool}`, decision: r.decision }
        })
      disjoint = disjointRules(steps)
      effective = disjointRules(steps, global)
    } else {
      const steps = own.map((r) => ({ pattern: r.pattern, decision: r.decision }))
      disjoint = disjointRules(steps)
      effective = disjointRules(steps, global)
      perMember = (ownEntry(CAPABILITIES, capability) ?? []).map((m) => {
        const mine = own.filter((r) => governs(r, m))
        return { tool: m, rules: disjointRules(mine), effective: disjointRules(mine, global) }
      })
    }
    // Under Kiro's `all` rule, a rule no stricter than it never decides a call: it is left out
    // (its exclusions stay on the stricter rules, so those calls fall to `all`).
    if (global) {
      const shown = new Set<string>()
      for (const d of [...disjoint, ...perMember.flatMap((m) => m.rules)]) {
        if (STRICTNESS[d.effect] >= STRICTNESS[global]) continue
        shown.add(`${d.match ? d.match.map((m) => `"${m}"`).join(', ') : '*'}: ${d.effect}`)
      }
      if (shown.size > 0) {
        report(
          `The rule for every tool (${global}) comes first, but Kiro's \`all\` rule beats the more permissive \`${capability}\` rules after it (${[...shown].join('; ')}): those calls get ${global}, and the rules are left out.`,
          own[0]!.tool,
        )
      }
    }
    if (perMember.length > 1) {
      // One Kiro capability governs several IR tools: they must have the same rules.
      const differing = perMember.filter((m) => !deepEqual(m.effective, effective)).map((m) => m.tool)
      if (differing.length > 0) {
        const ruled = [...new Set(own.map((r) => r.tool))]
        report(
          `Kiro's \`${capability}\` governs ${perMember.map((m) => m.tool).join(', ')} alike; the ${ruled.join(', ')} rules now decide ${differing.join(', ')} calls as well.`,
          ruled[0]!,
        )
      }
    }
    const approximated = new Set<string>()
    // Globs for a list of patterns. `name` and `*/name` together are exactly Kiro's `**/name`.
    const globs = (patterns: readonly string[]): (string | undefined)[] => {
      if (!PATH_CAPABILITIES.has(capability)) return [...patterns]
      const out: (string | undefined)[] = []
      const nestedName = (p: string) => /^\*+\/([^*?/]+)$/.exec(p)?.[1]
      for (const pattern of patterns) {
        // `name` is written with its `*/name` as one `**/name`.
        if (patterns.some((p) => p !== pattern && nestedName(p) === pattern)) continue
        const converted = pathGlobFromWildcard(pattern)
        const nested = nestedName(pattern)
        const glob = nested !== undefined && patterns.includes(nested) ? `**/${nested}` : converted.glob
        if (!converted.exact) approximated.add(pattern)
        if (!out.includes(glob)) out.push(glob)
      }
      return out
    }
    for (const rule of effective) {
      const match = rule.match ? globs(rule.match) : undefined
      // In code-unit order: the order of exclusions means nothing, and so reads back the same.
      const exclude = globs(rule.exclude)
        .filter((g): g is string => g !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      out.push({
        capability,
        effect: rule.effect,
        ...(match && !match.includes(undefined) ? { match: match as string[] } : {}),
        ...(exclude.length > 0 ? { exclude } : {}),
      })
    }
    if (approximated.size > 0) {
      advise(
        `Kiro matches \`${capability}\` patterns as globs (\`*\` stops at \`/\`, \`**\` spans folders); ${[...approximated].map((p) => `"${p}"`).join(', ')} may not match the same paths as before.`,
      )
    }
  }
  return out
}

/** A Kiro rule read back: its IR tools, patterns (`undefined` = every call) and exclusions. */
interface Node {
  readonly index: number
  /** The IR tools the rule governs (MCP rules: one `mcp:server/tool` per `match` entry). */
  readonly tools: readonly string[]
  /** What the rule matches: IR patterns, or for MCP rules the `server/tool` names (`undefined` = all). */
  readonly keys: readonly (string | undefined)[]
  readonly exclude: readonly string[]
  readonly effect: Decision
  readonly mcp: boolean
  /** For a rule standing for Kiro's default: the rule whose exclusions it decides. */
  readonly origin?: Node
}

/**
 * The IR rules a list of Kiro rules means. Kiro applies the strictest rule that matches a call
 * (deny > ask > allow) and skips rules whose `exclude` covers it; the IR lets the last matching
 * rule decide. The rules are ordered so that every overlap is decided as Kiro decides it: a rule
 * that excludes another's pattern comes before it, otherwise the stricter comes later. What
 * applies to calls a rule excludes (the strictest other rule matching them all, else Kiro's
 * default, ask) is written as a rule after it. When no order satisfies every overlap,
 * `conflict` names the rules.
 * @param rules The Kiro rules, in file order.
 * @returns The IR rules and the rules whose overlaps could not all be ordered.
 */
export function fromKiroPermissions(rules: readonly KiroRule[]): {
  rules: PermissionRule[]
  conflict: KiroRule[]
} {
  const nodes: Node[] = []
  rules.forEach((rule, index) => {
    const mcp = rule.capability === 'mcp'
    const path = PATH_CAPABILITIES.has(rule.capability) || rule.capability === 'filesystem'
    // The IR patterns of a glob; `[]` = every call.
    const read = (p: string): string[] => {
      if (path) return wildcardsFromPathGlob(p)
      const plain = plainPattern(p)
      return plain === undefined ? [] : [plain]
    }
    const excluded = (rule.exclude ?? []).map(read)
    // A rule that excludes everything decides nothing.
    if (excluded.some((x) => x.length === 0)) return
    const exclude = [...new Set(excluded.flat())]
    const matched = rule.match && rule.match.length > 0 ? rule.match.map(read) : [[]]
    const keys: (string | undefined)[] = matched.some((m) => m.length === 0)
      ? [undefined]
      : [...new Set(matched.flat())]
    nodes.push({
      index,
      tools: mcp ? keys.map(mcpToolOf) : toolsOfCapability(rule.capability),
      keys,
      exclude,
      effect: rule.effect,
      mcp,
    })
  })
  // Calls a rule excludes are decided by the other rules that match them all (the strictest),
  // else by Kiro's default. Unless a rule for exactly the excluded pattern follows anyway, that
  // decision is written as a rule right after the excluding one.
  const original = [...nodes]
  const decidedWithout = (node: Node, x: string): Decision => {
    let effect: Decision | undefined
    for (const other of original) {
      if (other === node) continue
      const everyTool = other.tools.includes('*')
      if (!everyTool && other.mcp !== node.mcp) continue
      if (!everyTool && !node.mcp && !node.tools.every((t) => other.tools.includes(t))) continue
      // A rule for every tool matches every call; its patterns are not about MCP names.
      const matches =
        everyTool && node.mcp
          ? other.keys.includes(undefined) && other.exclude.length === 0
          : other.keys.some((k) => covers(k, x)) && !other.exclude.some((e) => covers(e, x))
      if (matches && (effect === undefined || STRICTNESS[other.effect] > STRICTNESS[effect]))
        effect = other.effect
    }
    return effect ?? KIRO_DEFAULT
  }
  for (const node of original) {
    for (const x of node.exclude) {
      const followed = original.some(
        (other) =>
          other !== node &&
          other.mcp === node.mcp &&
          (node.mcp || sameTools(other, node)) &&
          other.keys.includes(x),
      )
      if (followed) continue
      const effect = decidedWithout(node, x)
      if (effect === node.effect) continue
      nodes.push({
        index: node.index + 0.5,
        tools: node.mcp ? [mcpToolOf(x)] : node.tools,
        keys: [x],
        exclude: [],
        effect,
        mcp: node.mcp,
        origin: node,
      })
    }
  }
  nodes.sort((a, b) => a.index - b.index)
  // before[i]: the nodes that must come before node i.
  const before = nodes.map(() => new Set<number>())
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      const x = nodes[a]!
      const y = nodes[b]!
      if (x.effect === y.effect || !overlaps(x, y)) continue
      const xExcludesY = y.keys.some((k) => k !== undefined && x.exclude.includes(k))
      const yExcludesX = x.keys.some((k) => k !== undefined && y.exclude.includes(k))
      // What applies without a rule overrides that rule for the calls it excludes.
      if (y.origin === x) before[b]!.add(a)
      else if (x.origin === y) before[a]!.add(b)
      else if (xExcludesY && !yExcludesX) before[b]!.add(a)
      else if (yExcludesX && !xExcludesY) before[a]!.add(b)
      else if (STRICTNESS[x.effect] < STRICTNESS[y.effect]) before[b]!.add(a)
      else before[a]!.add(b)
    }
  }
  const placed: number[] = []
  const done = new Set<number>()
  const conflict: KiroRule[] = []
  while (placed.length < nodes.length) {
    let next = nodes.findIndex((_, i) => !done.has(i) && [...before[i]!].every((j) => done.has(j)))
    if (next === -1) {
      next = nodes.findIndex((_, i) => !done.has(i))
      const rule = rules[Math.floor(nodes[next]!.index)]
      if (rule && !conflict.includes(rule)) conflict.push(rule)
    }
    placed.push(next)
    done.add(next)
  }
  const out: PermissionRule[] = []
  for (const i of placed) {
    const node = nodes[i]!
    if (node.mcp) {
      for (const tool of node.tools) out.push({ tool, decision: node.effect })
      continue
    }
    for (const tool of node.tools) {
      for (const pattern of node.keys) {
        out.push(
          pattern === undefined ? { tool, decision: node.effect } : { tool, pattern, decision: node.effect },
        )
      }
    }
  }
  return { rules: out, conflict }
}

function mcpToolOf(match: string | undefined): string {
  if (match === undefined || match === '*/*') return 'mcp:*/*'
  const slash = match.indexOf('/')
  if (slash === -1) return `mcp:${match}/*`
  return `mcp:${match.slice(0, slash)}/${match.slice(slash + 1)}`
}

function sameTools(a: Node, b: Node): boolean {
  return a.tools.length === b.tools.length && a.tools.every((t) => b.tools.includes(t))
}

/** Whether two Kiro rules can match the same call (exclusions aside). */
function overlaps(a: Node, b: Node): boolean {
  if (a.tools.includes('*') || b.tools.includes('*')) return true
  if (a.mcp || b.mcp) {
    if (!(a.mcp && b.mcp)) return false
    return a.keys.some((p) =>
      b.keys.some((q) => p === undefined || q === undefined || wildcardsIntersect(p, q)),
    )
  }
  if (!a.tools.some((t) => b.tools.includes(t))) return false
  return a.keys.some((p) =>
    b.keys.some((q) => p === undefined || q === undefined || wildcardsIntersect(p, q)),
  )
}
