import { type PermissionRule, wildcardsIntersect } from '@agentc/core'
import { PATTERN_TOOLS, toolToClaude } from './mappings'

/** Claude Code settings permission lists. */
export interface ClaudeRules {
  readonly allow: string[]
  readonly ask: string[]
  readonly deny: string[]
}

/** What the IR's permission rules become in Claude Code. */
export interface ClaudePermissions {
  /** Tools denied outright: `disallowedTools` in the agent file (faithful, per agent). */
  readonly disallowed: string[]
  /** Rules that only `.claude/settings.json` can hold (project-wide). */
  readonly settings: ClaudeRules
  /** Source keys (`permissions.<key>`) of the rules in `settings`, with a summary of each tool's rules. */
  readonly settingsSources: { readonly tool: string; readonly summary: string; readonly count: number }[]
}

/** Tools Claude Code asks about by default (in its default permission mode). */
const ASKS_BY_DEFAULT = new Set(['bash', 'edit', 'write', 'webfetch', 'websearch', 'notebook'])
const PRECEDENCE = { allow: 1, ask: 2, deny: 3 } as const

type Report = (message: string, tool: string, code?: 'AGC202' | 'AGC208') => void

/**
 * Translates ordered, last-match-wins rules into Claude Code's model, where deny beats ask
 * beats allow whatever the order. A tool whose last rule is a plain deny becomes a
 * `disallowedTools` entry; everything else needs settings rules. Where Claude's precedence would
 * decide an overlapping pair of rules differently from the source, or where no faithful
 * rendering exists (a catch-all deny with exceptions), an AGC202 names the difference.
 */
export function translatePermissions(rules: readonly PermissionRule[], report: Report): ClaudePermissions {
  const disallowed: string[] = []
  const settings: ClaudeRules = { allow: [], ask: [], deny: [] }
  const settingsSources: { tool: string; summary: string; count: number }[] = []
  const tools = [...new Set(rules.map((r) => r.tool))]
  for (const tool of tools) {
    if (tool === '*') {
      const global = rules.filter((r) => r.tool === '*')
      report(
        `A permission rule for every tool (${global.map((r) => `${r.pattern ?? '*'}: ${r.decision}`).join(', ')}) has no Claude Code equivalent; it is left out.`,
        '*',
      )
      continue
    }
    // A rule for `edit` also governs `write` calls (see PermissionRule).
    const applicable = rules.filter(
      (r) => r.tool === tool || r.tool === '*' || (tool === 'write' && r.tool === 'edit'),
    )
    let lastCatchAll = -1
    applicable.forEach((r, i) => {
      if (r.pattern === undefined) lastCatchAll = i
    })
    const fallback = lastCatchAll === -1 ? undefined : applicable[lastCatchAll]!.decision
    const specifics = applicable
      .slice(lastCatchAll + 1)
      .filter((r) => r.tool === tool && r.pattern !== undefined)
    // `write` rules of their own decide `write` calls in the pass for `write`.
    const names =
      tool === 'edit' && !tools.includes('write')
        ? ['Edit', 'Write']
        : [toolToClaude(tool)].filter((n): n is string => !!n)
    if (names.length === 0) {
      report(
        `The permission rules for \`${tool}\` have no Claude Code tool to apply to; they are left out.`,
        tool,
        'AGC208',
      )
      continue
    }
    // Patterned `edit` rules after the fallback decide some `write` calls too.
    const exceptions = applicable
      .slice(lastCatchAll + 1)
      .filter((r) => r.tool !== '*' && r.pattern !== undefined)
    if (fallback === 'deny' && exceptions.every((r) => r.decision === 'deny')) {
      disallowed.push(...names)
      continue
    }
    const own: ClaudeRules = { allow: [], ask: [], deny: [] }
    const claude = PATTERN_TOOLS[tool]?.claude ?? names[0]!
    if (fallback === 'allow') own.allow.push(claude)
    if (fallback === 'ask' && !ASKS_BY_DEFAULT.has(tool)) {
      own.ask.push(claude)
      if (specifics.some((r) => r.decision === 'allow')) {
        report(
          `Claude Code's \`ask: ${claude}\` would override the allowed \`${tool}\` patterns; those calls will be asked about too.`,
          tool,
        )
      }
    }
    if (fallback === 'deny') {
      report(
        `\`${tool}\` denies everything except some patterns; Claude Code cannot deny a tool with exceptions, so calls outside the allowed patterns will be asked about instead of refused.`,
        tool,
      )
    }
    const pattern = PATTERN_TOOLS[tool]
    for (const rule of specifics) {
      if (!pattern) {
        report(
          `Claude Code cannot restrict \`${tool}\` by pattern; the rule "${rule.pattern}": ${rule.decision} is left out.`,
          tool,
        )
        continue
      }
      own[rule.decision].push(`${pattern.claude}(${rule.pattern})`)
    }
    if (pattern && pattern.semantics === 'path' && specifics.length > 0) {
      report(
        `Claude Code matches \`${pattern.claude}(…)\` paths with gitignore rules, where \`*\` stops at \`/\`; the \`${tool}\` patterns may match fewer paths.`,
        tool,
      )
    }
    for (let i = 0; i < specifics.length; i++) {
      for (let j = i + 1; j < specifics.length; j++) {
        const earlier = specifics[i]!
        const later = specifics[j]!
        if (
          PRECEDENCE[earlier.decision] > PRECEDENCE[later.decision] &&
          wildcardsIntersect(earlier.pattern!, later.pattern!)
        ) {
          report(
            `"${later.pattern}": ${later.decision} comes after "${earlier.pattern}": ${earlier.decision} and wins where both match, but in Claude Code ${earlier.decision} always beats ${later.decision}.`,
            tool,
          )
        }
      }
    }
    const count = own.allow.length + own.ask.length + own.deny.length
    if (count > 0) {
      settings.allow.push(...own.allow)
      settings.ask.push(...own.ask)
      settings.deny.push(...own.deny)
      const listed = applicable.filter((r) => r.tool === tool)
      const shown = listed
        .slice(0, 3)
        .map((r) => `"${r.pattern ?? '*'}": ${r.decision}`)
        .join(', ')
      settingsSources.push({
        tool,
        count: listed.length,
        summary: listed.length > 3 ? `${shown}, … ${listed.length} rules in all` : shown,
      })
    }
  }
  return { disallowed, settings, settingsSources }
}
