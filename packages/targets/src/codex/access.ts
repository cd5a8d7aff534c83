import { type AgentDocument, CANONICAL_TOOLS, matchWildcard, parseMcpTool } from '@agentc/core'
import { deniedByRules, rulesByTool, summarizeRules } from '../shared/tool-access'
import { lookup } from '../shared/values'
import { FIXED_TOOLS, SHELL_TOOLS, SWITCHABLE_TOOLS } from './mappings'

/** What a Codex agent file switches off (see `SWITCHABLE_TOOLS`). */
export interface CodexSwitches {
  /** `sandbox_mode = "read-only"`: no edits or new files (and no writing shell commands). */
  readonly readOnly: boolean
  /** `[features] shell_tool = false`. */
  readonly shellOff: boolean
  /** `web_search = "disabled"`. */
  readonly webSearchOff: boolean
  /** Per MCP server the agent file defines: `*` (the whole server) or the tools switched off. */
  readonly mcp: ReadonlyMap<string, readonly string[]>
}

/**
 * A report: code, message, the IR field it is about (none for advice about Codex's behaviour
 * that the IR cannot show), and the source field to position it at (default: the field).
 */
export type AccessReport = (
  code: 'AGC201' | 'AGC202' | 'AGC208',
  message: string,
  field: string | undefined,
  where?: string,
) => void

const CANONICAL = Object.keys(CANONICAL_TOOLS)
const SWITCHABLE: readonly string[] = SWITCHABLE_TOOLS
const SHELL: readonly string[] = SHELL_TOOLS

/**
 * Translates the IR's tools and permission rules into the switches of a Codex agent file and
 * reports what they cannot say. Codex has no tool lists and no per-agent approval rules: an
 * agent file can only switch off the shell, file edits (the read-only sandbox, which covers edit
 * and write together) and web search, and the tools of MCP servers it defines itself. A tool is
 * switched off when the document makes it unavailable: left out of `tools.allow`, listed in
 * `tools.deny`, or denied outright by its last permission rule.
 *
 * Codex reads, searches and lists files with its shell. An agent that may read but not run
 * commands and not edit (a reviewer with `read`, `grep`, `glob`) keeps the shell in the
 * read-only sandbox, which is how Codex writes a read-only agent; the wider shell is reported.
 * An agent that may edit but not run commands loses the shell (the safe side) and is told that
 * it cannot read files then.
 * @param doc The (projected) document.
 * @param servers The MCP servers the agent file defines (`extensions.codex.mcp_servers`).
 * @param report Receives every loss and every side effect of a switch.
 */
export function codexSwitches(
  doc: AgentDocument,
  servers: ReadonlySet<string>,
  report: AccessReport,
): CodexSwitches {
  const rules = doc.permissions ?? []
  const allow = doc.tools?.allow
  const deny = doc.tools?.deny ?? []
  const listed = (tool: string) => allow === undefined || allow.some((a) => matchWildcard(a, tool))
  const byPolicy = (tool: string) => listed(tool) && !deny.some((d) => matchWildcard(d, tool))
  const available = (tool: string) => byPolicy(tool) && !deniedByRules(rules, tool)
  const cause = (tool: string) =>
    byPolicy(tool) ? 'permissions' : listed(tool) ? 'tools.deny' : 'tools.allow'

  const mcp = new Map<string, string[]>()
  const carryMcp = (name: string) => {
    const tool = parseMcpTool(name)
    if (!tool || !servers.has(tool.server)) return false
    const list = mcp.get(tool.server) ?? []
    if (!list.includes(tool.tool)) list.push(tool.tool)
    mcp.set(tool.server, list)
    return true
  }

  const edit = available('edit')
  const write = available('write')
  const readOnly = !edit || !write
  if (readOnly && (edit || write)) {
    const [off, on] = edit ? ['write', 'edit'] : ['edit', 'write']
    report(
      'AGC202',
      `Codex cannot remove \`${off}\` alone: the read-only sandbox that removes it removes \`${on}\` too (Codex edits and creates files with one tool).`,
      cause(off),
    )
  }
  // Codex reads, searches and lists files with its shell: switching the shell off removes those
  // too (the parser reads `shell_tool = false` as all five denied).
  const readers = SHELL.filter(available)
  let shellOff = !available('bash')
  if (shellOff && readers.length > 0) {
    if (readOnly) {
      shellOff = false
      report(
        'AGC202',
        `Codex reads, searches and lists files with its shell, so the shell stays on for ${list(readers)}: the read-only sandbox keeps it from changing files, but the agent can run other commands too (\`bash\` is not available to it in the source).`,
        cause('bash'),
        'tools.bash',
      )
    } else {
      report(
        'AGC202',
        `Codex reads, searches and lists files with its shell: switching the shell off (\`bash\` is not available) removes ${list(readers)} too, so this agent cannot read files.`,
        cause('bash'),
        'tools.bash',
      )
    }
  }
  const webSearchOff = !available('websearch')
  /** Whether a switch of the file decides the tool (reading tools go with the shell). */
  const switched = (tool: string) => SWITCHABLE.includes(tool) || (shellOff && SHELL.includes(tool))

  for (const entry of deny) {
    if (switched(entry) || carryMcp(entry)) continue
    // With an allow-list, a denial only narrows the list: the allow-list report covers it.
    if (allow !== undefined) continue
    const covered = CANONICAL.filter((t) => matchWildcard(entry, t))
    const lost = covered.length > 0 ? covered.filter((t) => !switched(t)) : [entry]
    if (lost.length > 0) report('AGC208', denialMessage(entry, lost, 'the denial'), 'tools.deny')
  }

  if (allow !== undefined) {
    const kept = CANONICAL.filter((t) => !switched(t) && !byPolicy(t))
    const fixed = kept.filter((t) => FIXED_TOOLS[t] !== undefined)
    const viaShell = shellOff ? [] : kept.filter((t) => SHELL.includes(t))
    const absent = kept.filter((t) => FIXED_TOOLS[t] === undefined && !SHELL.includes(t))
    const parts = [
      fixed.length > 0
        ? `its ${join(fixed.map((t) => `\`${FIXED_TOOLS[t]}\` (${t})`))} ${fixed.length === 1 ? 'tool stays' : 'tools stay'} available to this agent`
        : '',
      viaShell.length > 0 ? `its shell still does what ${list(viaShell)} would` : '',
      absent.length > 0 ? `it has no ${list(absent).replace(/ and (?=[^ ]+$)/, ' or ')} tool to remove` : '',
    ].filter((p) => p !== '')
    if (kept.length > 0) {
      report(
        'AGC202',
        `Codex has no tool allow-list (an agent file can only switch off the shell, file edits and web search): ${parts.join('; ')}.`,
        'tools.allow',
      )
    }
  }

  for (const [tool, group] of rulesByTool(rules)) {
    const summary = summarizeRules(group)
    if (tool === '*') {
      if (CANONICAL.every((t) => !byPolicy(t))) continue
      const allDenied = CANONICAL.every((t) => deniedByRules(rules, t))
      report(
        allDenied ? 'AGC208' : 'AGC201',
        allDenied
          ? `A deny rule for every tool (${summary}) switches off the shell, file edits and web search in Codex; its other tools cannot be switched off for one agent.`
          : `A permission rule for every tool (${summary}) has no per-agent form in Codex; left out.`,
        'permissions',
      )
      continue
    }
    const governed = tool === 'edit' ? ['edit', 'write'] : [tool]
    // Rules about a tool the agent does not have decide nothing.
    if (governed.every((t) => !byPolicy(t))) continue
    if (deniedByRules(rules, tool)) {
      if (switched(tool) || carryMcp(tool)) continue
      report('AGC208', denialMessage(tool, [tool], 'the deny rule'), 'permissions', `permissions.${tool}`)
      continue
    }
    report(
      'AGC201',
      tool === 'bash'
        ? `The bash permission rules (${summary}) cannot be written per agent in Codex: its command rules (\`prefix_rule\` in \`.rules\` files) apply to every session; left out.`
        : `Codex has no per-agent approval rules for \`${tool}\` (${summary}); left out.`,
      'permissions',
      `permissions.${tool}`,
    )
  }

  if (readOnly && available('bash')) {
    report(
      'AGC202',
      "Codex's read-only sandbox also keeps this agent's shell commands from writing files.",
      undefined,
      'tools.edit',
    )
  }
  return { readOnly, shellOff, webSearchOff, mcp }
}

/** Why a denial (of `lost`, named by `entry`) cannot be written in a Codex agent file. */
function denialMessage(entry: string, lost: readonly string[], what: string): string {
  const mcp = parseMcpTool(entry)
  if (mcp) {
    return `Codex switches off MCP tools only of a server the agent file defines (\`[mcp_servers.${mcp.server}]\` with \`enabled\` or \`disabled_tools\`); ${what} of \`${entry}\` is left out.`
  }
  if (lost.length > 1 || lost[0] !== entry) {
    return `\`${entry}\` covers ${list(lost)}, which a Codex agent file cannot switch off; ${what} of those is left out.`
  }
  if (SHELL.includes(entry)) {
    return `Codex has no separate \`${entry}\` tool (it reads, searches and lists files with the shell); ${what} is left out.`
  }
  const fixed = lookup(FIXED_TOOLS, entry)
  if (fixed)
    return `Codex cannot switch off its \`${fixed}\` tool (\`${entry}\`) for one agent; ${what} is left out.`
  return `Codex has no \`${entry}\` tool, so there is nothing to switch off; ${what} is not written.`
}

/** `` `a`, `b` and `c` ``. */
function list(tools: readonly string[]): string {
  return join(tools.map((t) => `\`${t}\``))
}

/** `a, b and c`. */
function join(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
