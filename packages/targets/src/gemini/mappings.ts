import { type Decision, isCanonicalTool, mcpTool, nativeTool, parseMcpTool } from '@agentc/core'
import { lookup } from '../shared/values'

/** Gemini CLI tool names by canonical name. */
export const TOOL_TO_GEMINI: Readonly<Record<string, string>> = {
  read: 'read_file',
  write: 'write_file',
  edit: 'replace',
  list: 'list_directory',
  glob: 'glob',
  grep: 'grep_search',
  bash: 'run_shell_command',
  webfetch: 'web_fetch',
  websearch: 'google_web_search',
  todowrite: 'write_todos',
  skill: 'activate_skill',
  question: 'ask_user',
}

/** Canonical names of Gemini CLI tool names (current names and the legacy alias). */
const FROM_GEMINI: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(TOOL_TO_GEMINI).map(([canonical, gemini]) => [gemini, canonical])),
  search_file_content: 'grep',
}

/** Legacy Gemini tool names and their current names (Gemini CLI still accepts them). */
export const LEGACY_GEMINI_TOOLS: Readonly<Record<string, string>> = {
  search_file_content: 'grep_search',
}

/**
 * Built-in Gemini CLI tools with no canonical equivalent. The loader validates every `tools`
 * entry against its built-in list, which differs between releases; a name any recent release
 * accepts is accepted here and kept as `gemini:<name>`.
 */
export const GEMINI_ONLY_TOOLS: ReadonlySet<string> = new Set([
  'read_many_files',
  'save_memory',
  'get_internal_docs',
  'enter_plan_mode',
  'exit_plan_mode',
  'update_topic',
  'complete_task',
  'invoke_agent',
  'read_mcp_resource',
  'list_mcp_resources',
  'tracker_create_task',
  'tracker_update_task',
  'tracker_get_task',
  'tracker_list_tasks',
  'tracker_add_dependency',
  'tracker_visualize',
])

/** A server or tool part of a Gemini MCP tool name (`mcp_<server>_<tool>`). */
const MCP_PART = /^[a-z0-9_.:-]+$/i

/** Why a `tools` entry is not a name Gemini CLI accepts, or undefined when it is one. */
export function invalidGeminiTool(name: string): string | undefined {
  if (Object.hasOwn(FROM_GEMINI, name) || GEMINI_ONLY_TOOLS.has(name) || name === '*') return undefined
  if (name.startsWith('discovered_tool_') || name === 'mcp_*') return undefined
  if (name.startsWith('mcp_')) {
    const rest = name.slice(4)
    const split = rest.indexOf('_')
    const server = split > 0 ? rest.slice(0, split) : ''
    const tool = split > 0 ? rest.slice(split + 1) : ''
    if (server === '' || tool === '') return 'an MCP tool name of the form `mcp_<server>_<tool>`'
    if (!MCP_PART.test(server) || (tool !== '*' && (!MCP_PART.test(tool) || /^_*$/.test(tool)))) {
      return 'an MCP tool name of letters, digits, `_`, `.`, `:` and `-`'
    }
    return undefined
  }
  return 'a Gemini CLI tool name'
}

/** Canonical name of a Gemini CLI tool name (`read_file` → `read`, `mcp_gh_issue` → `mcp:gh/issue`). */
export function toolFromGemini(name: string): string {
  if (name === '*') return '*'
  const canonical = lookup(FROM_GEMINI, name)
  if (canonical) return canonical
  if (name !== 'mcp_*' && name.startsWith('mcp_')) {
    const rest = name.slice(4)
    const split = rest.indexOf('_')
    if (split > 0) return mcpTool(rest.slice(0, split), rest.slice(split + 1))
  }
  return nativeTool('gemini', name)
}

/** Gemini CLI name of a canonical tool, or undefined when Gemini CLI has none. */
export function toolToGemini(name: string): string | undefined {
  if (name === '*') return '*'
  if (name.startsWith('gemini:')) return name.slice('gemini:'.length)
  const mcp = parseMcpTool(name)
  if (mcp) {
    if (!MCP_PART.test(mcp.server) || mcp.server.includes('_')) return undefined
    if (mcp.tool !== '*' && !MCP_PART.test(mcp.tool)) return undefined
    return `mcp_${mcp.server}_${mcp.tool}`
  }
  if (isCanonicalTool(name)) return TOOL_TO_GEMINI[name]
  return undefined
}

/**
 * The tools an agent written with a deny-list gets instead: every built-in tool that maps to a
 * canonical name, `read_many_files` (a reading tool), and all MCP tools. Gemini CLI has no deny
 * list; this is the allow-list nearest to "every tool but these".
 */
export const GEMINI_DEFAULT_TOOLS: readonly string[] = [
  ...Object.keys(TOOL_TO_GEMINI),
  'gemini:read_many_files',
  'gemini:mcp_*',
]

/** Gemini's own model aliases (they follow the newest release of their family). */
export const GEMINI_MODEL_ALIASES: readonly string[] = [
  'auto',
  'pro',
  'flash',
  'flash-lite',
  'auto-gemini-3',
  'auto-gemini-2.5',
]

/** Keys of a local Gemini CLI agent, in the order agentc writes them. */
export const GEMINI_LOCAL_KEYS = [
  'name',
  'description',
  'kind',
  'display_name',
  'tools',
  'mcp_servers',
  'model',
  'temperature',
  'max_turns',
  'timeout_mins',
] as const

/** Keys of a remote (A2A) Gemini CLI agent, in the order agentc writes them. */
export const GEMINI_REMOTE_KEYS = [
  'name',
  'description',
  'kind',
  'display_name',
  'agent_card_url',
  'agent_card_json',
  'auth',
] as const

/** Keys only a remote (A2A) agent has. */
export const GEMINI_REMOTE_ONLY: readonly string[] = ['agent_card_url', 'agent_card_json', 'auth']

/** Gemini keys agentc models as IR features (the rest are kept under `extensions.gemini`). */
export const GEMINI_MODELLED_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'tools',
  'model',
  'temperature',
  'max_turns',
])

/** Every key Gemini CLI accepts in an agent file. */
export const GEMINI_KNOWN_KEYS: ReadonlySet<string> = new Set([...GEMINI_LOCAL_KEYS, ...GEMINI_REMOTE_KEYS])

/**
 * What Gemini CLI's default policies decide for calls of each canonical tool in its default
 * approval mode (policies/read-only.toml allows the read-only tools; write.toml asks for the rest).
 */
export const GEMINI_DEFAULT_DECISIONS: Readonly<Record<string, Decision>> = {
  read: 'allow',
  glob: 'allow',
  grep: 'allow',
  list: 'allow',
  websearch: 'allow',
  edit: 'ask',
  write: 'ask',
  bash: 'ask',
  webfetch: 'ask',
  skill: 'ask',
}
