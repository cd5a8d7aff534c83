import { type Decision, isCanonicalTool, mcpTool, nativeTool, parseMcpTool } from '@agentc/core'
import { lookup } from '../shared/values'

/** Qwen Code tool names by canonical name (a canonical tool may be several Qwen tools). */
export const TOOL_TO_QWEN: Readonly<Record<string, readonly string[]>> = {
  read: ['read_file'],
  write: ['write_file'],
  edit: ['edit'],
  list: ['list_directory'],
  glob: ['glob'],
  grep: ['grep_search'],
  bash: ['run_shell_command'],
  webfetch: ['web_fetch'],
  websearch: ['web_search'],
  task: ['agent'],
  todowrite: ['task_create', 'task_update'],
  todoread: ['task_list', 'task_get'],
  skill: ['skill'],
  question: ['ask_user_question'],
  lsp: ['lsp'],
}

/** Qwen Code tools with no canonical equivalent of their own. */
export const QWEN_ONLY_TOOLS: readonly string[] = [
  'save_memory',
  'exit_plan_mode',
  'task_stop',
  'task_output',
]

/** Every built-in Qwen Code tool name. */
export const QWEN_TOOLS: readonly string[] = [...Object.values(TOOL_TO_QWEN).flat(), ...QWEN_ONLY_TOOLS]

/**
 * Display names Qwen Code also resolves in `tools` (it matches a tool's name first, then its
 * display name, then a legacy display name), and legacy tool names it migrates.
 */
const ALIASES: Readonly<Record<string, string>> = {
  Edit: 'edit',
  WriteFile: 'write_file',
  ReadFile: 'read_file',
  Grep: 'grep_search',
  Glob: 'glob',
  Shell: 'run_shell_command',
  TaskCreate: 'task_create',
  TaskGet: 'task_get',
  TaskList: 'task_list',
  TaskUpdate: 'task_update',
  TaskStop: 'task_stop',
  TaskOutput: 'task_output',
  SaveMemory: 'save_memory',
  Agent: 'agent',
  Skill: 'skill',
  ExitPlanMode: 'exit_plan_mode',
  WebFetch: 'web_fetch',
  WebSearch: 'web_search',
  ListFiles: 'list_directory',
  Lsp: 'lsp',
  AskUserQuestion: 'ask_user_question',
  // Legacy display names.
  SearchFiles: 'grep_search',
  FindFiles: 'glob',
  ReadFolder: 'list_directory',
  Task: 'agent',
  TodoWrite: 'task_list',
}

/** Legacy Qwen Code tool names and the tools Qwen Code reads them as. */
export const LEGACY_QWEN_TOOLS: Readonly<Record<string, string>> = {
  search_file_content: 'grep_search',
  replace: 'edit',
  task: 'agent',
  todo_write: 'task_list',
}

/** Claude Code names Qwen Code does not resolve (they stay dead entries), with the Qwen name meant. */
export const UNRESOLVED_CLAUDE_TOOLS: Readonly<Record<string, string>> = {
  Read: 'read_file',
  Write: 'write_file',
  Bash: 'run_shell_command',
  LS: 'list_directory',
  LSP: 'lsp',
  MultiEdit: 'edit',
  NotebookEdit: '',
  TodoRead: 'task_list',
}

/** The Qwen tool a `tools` entry resolves to (by name, display name or legacy name), if any. */
export function resolveQwenTool(entry: string): string | undefined {
  if (QWEN_TOOLS.includes(entry)) return entry
  return lookup(ALIASES, entry) ?? lookup(LEGACY_QWEN_TOOLS, entry)
}

const FROM_QWEN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(TOOL_TO_QWEN)
    .filter(([, names]) => names.length === 1)
    .map(([canonical, names]) => [names[0]!, canonical]),
)

/**
 * Canonical names of the entries of a Qwen `tools` / `disallowedTools` list. The todo tools are
 * one canonical tool only as a pair (`task_create` + `task_update` = `todowrite`, `task_list` +
 * `task_get` = `todoread`); alone, each is kept as `qwen:<name>`.
 */
export function toolsFromQwen(entries: readonly string[]): string[] {
  const out = new Set<string>()
  const resolved = entries.map((e) => ({ entry: e, tool: resolveQwenTool(e) }))
  const present = new Set(resolved.map((r) => r.tool).filter((t): t is string => t !== undefined))
  for (const { entry, tool } of resolved) {
    if (entry === '*') out.add('*')
    else if (tool === undefined) {
      const mcp = /^mcp__(.+?)(?:__(.+))?$/.exec(entry)
      out.add(mcp ? mcpTool(mcp[1]!, mcp[2] ?? '*') : nativeTool('qwen', entry))
    } else if (FROM_QWEN[tool]) out.add(FROM_QWEN[tool]!)
    else {
      const group = Object.entries(TOOL_TO_QWEN).find(([, names]) => names.length > 1 && names.includes(tool))
      out.add(group?.[1].every((n) => present.has(n)) ? group[0] : nativeTool('qwen', tool))
    }
  }
  return [...out].sort()
}

/** Qwen Code names of a canonical tool, or undefined when Qwen Code has none. */
export function toolToQwen(name: string): readonly string[] | undefined {
  if (name === '*') return ['*']
  if (name.startsWith('qwen:')) return [name.slice('qwen:'.length)]
  const mcp = parseMcpTool(name)
  if (mcp) return [mcp.tool === '*' ? `mcp__${mcp.server}` : `mcp__${mcp.server}__${mcp.tool}`]
  if (isCanonicalTool(name)) return TOOL_TO_QWEN[name]
  return undefined
}

/** Qwen auth types (`<authType>:<model-id>`) and the provider each reaches. */
export const PROVIDER_OF_AUTH: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex-ai': 'google-vertex',
  'qwen-oauth': 'qwen',
}

/** The Qwen auth type of a provider. */
export const AUTH_OF_PROVIDER: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PROVIDER_OF_AUTH).map(([auth, provider]) => [provider, auth]),
)

/** Values of `approvalMode` a Qwen Code subagent may have. */
export const APPROVAL_MODES = ['default', 'plan', 'auto-edit', 'auto', 'yolo', 'bubble'] as const

/** Claude Code `permissionMode` values Qwen Code accepts, and the approval mode each becomes. */
export const PERMISSION_MODES: Readonly<Record<string, string>> = {
  default: 'default',
  plan: 'plan',
  acceptEdits: 'auto-edit',
  auto: 'auto-edit',
  bypassPermissions: 'yolo',
  dontAsk: 'default',
}

/** Names Qwen Code reserves for itself (case-insensitive). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'self',
  'system',
  'user',
  'model',
  'tool',
  'config',
  'default',
])

/** Keys Qwen Code reads from an agent file, in the order agentc writes them. */
export const QWEN_KEYS = [
  'name',
  'description',
  'tools',
  'disallowedTools',
  'model',
  'color',
  'approvalMode',
  'permissionMode',
  'maxTurns',
  'background',
  'mcpServers',
  'hooks',
  'executor',
  'modelConfig',
  'runConfig',
] as const

/** Claude Code agent keys that Qwen Code (as checked) does not read. */
export const CLAUDE_ONLY_KEYS: ReadonlySet<string> = new Set([
  'effort',
  'skills',
  'memory',
  'isolation',
  'initialPrompt',
])

/**
 * What Qwen Code decides for calls of a tool no rule matches, where that does not depend on the
 * agent's approval mode: read-only tools run without asking, shell commands are asked about
 * (outside yolo). File edits depend on the mode and folder trust, so they are not listed.
 */
export const QWEN_DEFAULT_DECISIONS: Readonly<Record<string, Decision>> = {
  read: 'allow',
  glob: 'allow',
  grep: 'allow',
  list: 'allow',
  bash: 'ask',
}
