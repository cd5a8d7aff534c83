import { type Effort, isCanonicalTool, mcpTool, nativeTool, parseMcpTool } from '@agentc/core'
import { lookup } from '../shared/values'

/**
 * Factory tool ids by canonical name (docs `cli/configuration/custom-droids`, 2026-11-26). Tool
 * ids are case-sensitive. `ApplyPatch` comes with `Edit` for OpenAI models, so `edit` is written
 * as `Edit` alone. `TodoWrite` is given to every droid whatever its list says.
 */
export const TOOL_TO_FACTORY: Readonly<Record<string, string>> = {
  read: 'Read',
  list: 'LS',
  grep: 'Grep',
  glob: 'Glob',
  write: 'Create',
  edit: 'Edit',
  bash: 'Execute',
  websearch: 'WebSearch',
  webfetch: 'FetchUrl',
  task: 'Task',
  todowrite: 'TodoWrite',
  question: 'AskUser',
}

/** Factory tool ids (current and legacy) by which canonical tool they are. */
const FROM_FACTORY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(TOOL_TO_FACTORY).map(([canonical, id]) => [id, canonical])),
  ApplyPatch: 'edit',
  MultiEdit: 'edit',
}

/** Whether a name is a Factory built-in tool id. */
export function isFactoryTool(name: string): boolean {
  return Object.hasOwn(FROM_FACTORY, name)
}

/**
 * Canonical name of a Factory tool id (`Execute` → `bash`, `mcp__gh__issue` → `mcp:gh/issue`);
 * an id Factory does not document becomes `factory:<id>`.
 */
export function toolFromFactory(name: string): string {
  const canonical = lookup(FROM_FACTORY, name)
  if (canonical) return canonical
  const mcp = /^mcp__([^_]+(?:_[^_]+)*?)__(.+)$/.exec(name)
  if (mcp) return mcpTool(mcp[1]!, mcp[2]!)
  return nativeTool('factory', name)
}

/** The Factory id of a canonical tool, or undefined when Factory has no such tool. */
export function toolToFactory(name: string): string | undefined {
  if (name.startsWith('factory:')) return name.slice('factory:'.length)
  const mcp = parseMcpTool(name)
  if (mcp && mcp.tool !== '*') return `mcp__${mcp.server}__${mcp.tool}`
  if (isCanonicalTool(name)) return TOOL_TO_FACTORY[name]
  return undefined
}

/**
 * Factory's tool categories (a category string is a whole `tools` value) and the canonical tools
 * each stands for. `mcp` stands for every MCP tool, kept as the native tool `factory:mcp`.
 */
export const TOOL_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  'read-only': ['glob', 'grep', 'list', 'read'],
  edit: ['edit', 'write'],
  execute: ['bash'],
  web: ['webfetch', 'websearch'],
  mcp: ['factory:mcp'],
}

/**
 * The built-in tools every category together names: what a droid with a deny-list is written
 * with (Factory has no deny-list, only an allow-list).
 */
export const CATEGORY_TOOLS: readonly string[] = [
  'read',
  'list',
  'grep',
  'glob',
  'write',
  'edit',
  'bash',
  'websearch',
  'webfetch',
]

/** Canonical tools in the order their Factory ids are written. */
export const TOOL_ORDER: readonly string[] = [...CATEGORY_TOOLS, 'task', 'question', 'todowrite']

/** `reasoningEffort` values Factory reads; `off` and `none` switch reasoning off (no IR level). */
export const FACTORY_EFFORTS = ['off', 'none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const

/** The IR effort of a Factory level, or undefined for `off` / `none`. */
export function effortFromFactory(value: string): Effort | undefined {
  return value === 'off' || value === 'none' ? undefined : (value as Effort)
}

/**
 * The model ids Factory offers natively (docs `models`, checked 2026-11-26). A droid whose model
 * Factory does not know fails validation; BYOK models are `custom:<id>`.
 */
export const FACTORY_MODELS: ReadonlySet<string> = new Set([
  'claude-fable-5',
  'claude-opus-5',
  'claude-opus-5-fast',
  'claude-opus-4-8',
  'claude-opus-4-7',
  'claude-opus-4-6',
  'claude-sonnet-5',
  'claude-sonnet-4-6',
  'claude-opus-4-5-20251101',
  'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5-20251001',
  'gpt-5.6-sol',
  'gpt-5.6-terra',
  'gpt-5.6-luna',
  'gpt-5.5',
  'gpt-5.5-fast',
  'gpt-5.5-pro',
  'gpt-5.4',
  'gpt-5.4-fast',
  'gpt-5.4-mini',
  'gpt-5.3-codex',
  'gpt-5.3-codex-fast',
  'gpt-5.2',
  'gemini-3.7-flash',
  'gemini-3.6-flash',
  'gemini-3.1-pro-preview',
  'gemini-3.5-flash',
  'gemini-3-flash-preview',
  'grok-4.5',
  'glm-5.2',
  'glm-5.2-fast',
  'glm-5.1',
  'nemotron-3-ultra',
  'kimi-k2.7-code',
  'kimi-k2.6',
  'kimi-k2.5',
  'deepseek-v4-pro',
  'minimax-m3',
  'minimax-m2.7',
  'minimax-m2.5',
])

/** Factory lists the Claude 4.5 generation (and Opus 4.1) by dated snapshot id only. */
export const FACTORY_DATED_IDS: Readonly<Record<string, string>> = {
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
  'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-opus-4-1': 'claude-opus-4-1-20250805',
}

/**
 * Claude Code aliases and the Factory model each names today (Factory has no aliases in droid
 * files; its own Claude import picks "the first available model of that family").
 */
export const FACTORY_ALIAS_IDS: Readonly<Record<string, string>> = {
  sonnet: 'claude-sonnet-5',
  'sonnet[1m]': 'claude-sonnet-5',
  opus: 'claude-opus-5',
  'opus[1m]': 'claude-opus-5',
  haiku: 'claude-haiku-4-5-20251001',
  fable: 'claude-fable-5',
}

/** Model vendors whose models Factory serves itself. */
export const FACTORY_VENDORS: ReadonlySet<string> = new Set([
  'anthropic',
  'openai',
  'google',
  'xai',
  'deepseek',
])

/** Keys of a droid's frontmatter that agentc reads. */
export const FACTORY_KEYS = [
  'name',
  'description',
  'model',
  'reasoningEffort',
  'tools',
  'mcpServers',
] as const
