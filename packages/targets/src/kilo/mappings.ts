import { isCanonicalTool, nativeTool, parseMcpTool } from '@agentc/core'

/**
 * `tools` keys Kilo folds into its `edit` permission when it converts the deprecated `tools`
 * map (`packages/opencode/src/config/agent.ts` `normalize`). Unlike OpenCode's loader it leaves
 * `apply_patch` and `multiedit` alone: those become permission keys of their own, which no tool
 * checks.
 */
export const TOOLS_EDIT_KEYS: readonly string[] = ['write', 'edit', 'patch']

/**
 * Permission keys that take a single action and no pattern map in Kilo's permission schema
 * (`packages/opencode/src/config/permission.ts`): a pattern map there makes the agent invalid.
 */
export const ACTION_ONLY_KEYS: ReadonlySet<string> = new Set([
  'todowrite',
  'question',
  'webfetch',
  'websearch',
  'codesearch',
  'doom_loop',
])

/**
 * Permission keys no Kilo tool asks about: file changes (write, patches, multi-edits) are all
 * decided by `edit`, so a rule under one of these keys has no effect.
 */
export const DEAD_EDIT_KEYS: ReadonlySet<string> = new Set(['write', 'patch', 'apply_patch', 'multiedit'])

/** Canonical name of a Kilo permission key (after the `tools` fold). */
export function toolFromKilo(key: string): string {
  if (key === '*') return '*'
  if (isCanonicalTool(key) && key !== 'notebook' && key !== 'write') return key
  return nativeTool('kilo', key)
}

/**
 * Kilo permission key of a canonical tool name, or undefined when Kilo has no such tool.
 * `write` has no key of its own (Kilo decides writes with `edit`); callers handle it.
 */
export function toolToKilo(name: string): string | undefined {
  if (name === '*') return '*'
  if (name.startsWith('kilo:')) return name.slice('kilo:'.length)
  // Kilo is an OpenCode fork: OpenCode's own tool ids are Kilo's.
  if (name.startsWith('opencode:')) return name.slice('opencode:'.length)
  const mcp = parseMcpTool(name)
  if (mcp) {
    if (mcp.server.includes('*')) return undefined
    return `${sanitizeMcp(mcp.server)}_${mcp.tool === '*' ? '*' : sanitizeMcp(mcp.tool)}`
  }
  if (isCanonicalTool(name) && name !== 'notebook' && name !== 'write') return name
  return undefined
}

function sanitizeMcp(part: string): string {
  return part.replace(/[^A-Za-z0-9_-]/g, '_')
}

/** Effort spellings (provider pass-through keys, collected into `options`), in preference order. */
export const EFFORT_KEYS = ['reasoningEffort', 'reasoning_effort', 'effort'] as const

/** Kilo theme colour tokens (besides `#RRGGBB`). */
export const THEME_COLORS = ['primary', 'secondary', 'accent', 'success', 'warning', 'error', 'info'] as const

/** Hex values used when a named colour from another tool must become a Kilo colour. */
export const NAMED_TO_HEX: Readonly<Record<string, string>> = {
  red: '#E5484D',
  orange: '#F76B15',
  yellow: '#FFC53D',
  green: '#30A46C',
  cyan: '#00A2C7',
  blue: '#0090FF',
  purple: '#8E4EC6',
  pink: '#D6409F',
}

/**
 * Agent keys Kilo knows but the IR does not model: kept under `extensions.kilo` without a
 * diagnostic. `variant` (default model variant), `options` (provider parameters), and Kilo's own
 * `displayName`, `source` and `requirements`.
 */
export const KNOWN_EXTENSION_KEYS: ReadonlySet<string> = new Set([
  'variant',
  'options',
  'displayName',
  'source',
  'requirements',
])

/** The extension key holding `permission.disabled` (a list of disabled rule patterns). */
export const DISABLED_KEY = 'permission.disabled'

/** Model providers Kilo resolves for a vendor when a model id names none. */
export const VENDOR_PROVIDERS: Readonly<Record<string, string>> = {
  anthropic: 'anthropic',
  openai: 'openai',
  google: 'google',
  xai: 'xai',
  mistral: 'mistral',
  deepseek: 'deepseek',
}
