import { isCanonicalTool, mcpTool, nativeTool, parseMcpTool } from '@agentc/core'
import { lookup } from '../shared/values'

/** Claude Code tool names by canonical name. */
export const TOOL_TO_CLAUDE: Readonly<Record<string, string>> = {
  read: 'Read',
  write: 'Write',
  edit: 'Edit',
  glob: 'Glob',
  grep: 'Grep',
  bash: 'Bash',
  webfetch: 'WebFetch',
  websearch: 'WebSearch',
  task: 'Agent',
  todowrite: 'TodoWrite',
  skill: 'Skill',
  question: 'AskUserQuestion',
  lsp: 'LSP',
  notebook: 'NotebookEdit',
}

/** Claude Code names (current and legacy) by which canonical tool they are. */
const FROM_CLAUDE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(TOOL_TO_CLAUDE).map(([canonical, claude]) => [claude, canonical])),
  Task: 'task',
  MultiEdit: 'edit',
  LS: 'list',
}

/** Canonical name of a Claude Code tool name (`Read` → `read`, `mcp__gh__issue` → `mcp:gh/issue`). */
export function toolFromClaude(name: string): string {
  const canonical = lookup(FROM_CLAUDE, name)
  if (canonical) return canonical
  const mcp = /^mcp__([^_]+(?:_[^_]+)*?)(?:__(.+))?$/.exec(name)
  if (mcp) return mcpTool(mcp[1]!, mcp[2] ?? '*')
  return nativeTool('claude', name)
}

/** Claude Code name of a canonical tool, or undefined when Claude Code has none. */
export function toolToClaude(name: string): string | undefined {
  if (name.startsWith('claude:')) return name.slice('claude:'.length)
  const mcp = parseMcpTool(name)
  if (mcp) return mcp.tool === '*' ? `mcp__${mcp.server}` : `mcp__${mcp.server}__${mcp.tool}`
  if (isCanonicalTool(name)) return TOOL_TO_CLAUDE[name]
  return undefined
}

/** The colours a Claude Code agent may have, with the hue (degrees) each stands for. */
export const CLAUDE_COLORS: Readonly<Record<string, number>> = {
  red: 0,
  orange: 30,
  yellow: 55,
  green: 120,
  cyan: 185,
  blue: 220,
  purple: 275,
  pink: 325,
}

/** OpenCode theme tokens and the Claude colour nearest their usual rendering. */
export const THEME_TO_CLAUDE: Readonly<Record<string, string>> = {
  primary: 'blue',
  secondary: 'purple',
  accent: 'pink',
  success: 'green',
  warning: 'yellow',
  error: 'red',
  info: 'cyan',
}

/** The Claude colour nearest a `#RRGGBB` value, by hue. */
export function nearestClaudeColor(hex: string): string {
  const r = Number.parseInt(hex.slice(1, 3), 16) / 255
  const g = Number.parseInt(hex.slice(3, 5), 16) / 255
  const b = Number.parseInt(hex.slice(5, 7), 16) / 255
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  let hue = 0
  if (max !== min) {
    const d = max - min
    if (max === r) hue = ((g - b) / d) % 6
    else if (max === g) hue = (b - r) / d + 2
    else hue = (r - g) / d + 4
    hue = (hue * 60 + 360) % 360
  }
  let best = 'blue'
  let bestDistance = Number.POSITIVE_INFINITY
  for (const [name, h] of Object.entries(CLAUDE_COLORS)) {
    const d = Math.min(Math.abs(hue - h), 360 - Math.abs(hue - h))
    if (d < bestDistance) {
      best = name
      bestDistance = d
    }
  }
  return best
}

/** Claude Code agent keys agentc models; other known keys are kept as Claude extensions. */
export const CLAUDE_KNOWN_KEYS = [
  'name',
  'description',
  'tools',
  'disallowedTools',
  'model',
  'effort',
  'maxTurns',
  'color',
] as const

/** Claude Code agent keys kept as extensions (they have no IR field yet). */
export const CLAUDE_EXTENSION_KEYS = new Set([
  'permissionMode',
  'skills',
  'mcpServers',
  'hooks',
  'memory',
  'background',
  'isolation',
  'initialPrompt',
])

/** Canonical tools whose permission patterns Claude Code settings can express, with the rule name. */
export const PATTERN_TOOLS: Readonly<
  Record<string, { claude: string; semantics: 'command' | 'path' | 'name' }>
> = {
  bash: { claude: 'Bash', semantics: 'command' },
  read: { claude: 'Read', semantics: 'path' },
  edit: { claude: 'Edit', semantics: 'path' },
  write: { claude: 'Edit', semantics: 'path' },
  task: { claude: 'Agent', semantics: 'name' },
  skill: { claude: 'Skill', semantics: 'name' },
}
