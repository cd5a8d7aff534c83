import { isCanonicalTool, nativeTool } from '@agentc/core'
import { lookup } from '../shared/values'

/** OpenCode's file-modifying tools (edit, write, apply_patch): one `edit` switch governs all of them. */
export const EDIT_GROUP = ['edit', 'write'] as const

/** OpenCode tool / permission keys that are not canonical names themselves. */
const FROM_OPENCODE: Record<string, string> = {
  apply_patch: 'edit',
  patch: 'edit',
  multiedit: 'edit',
  todoread: 'todoread',
  codesearch: 'opencode:codesearch',
}

/** Canonical name of an OpenCode tool or permission key. */
export function toolFromOpenCode(key: string): string {
  if (key === '*') return '*'
  const mapped = lookup(FROM_OPENCODE, key)
  if (mapped) return mapped
  if (isCanonicalTool(key) && key !== 'notebook') return key
  return nativeTool('opencode', key)
}

/** OpenCode key of a canonical tool name, or undefined when OpenCode has no such tool. */
export function toolToOpenCode(name: string): string | undefined {
  if (name === '*') return '*'
  if (name.startsWith('opencode:')) return name.slice('opencode:'.length)
  const mcp = /^mcp:([^/]+)\/(.+)$/.exec(name)
  if (mcp) return `${sanitizeMcp(mcp[1]!)}_${mcp[2] === '*' ? '*' : sanitizeMcp(mcp[2]!)}`
  if (isCanonicalTool(name) && name !== 'notebook') return name
  return undefined
}

function sanitizeMcp(part: string): string {
  return part.replace(/[^A-Za-z0-9_-]/g, '_')
}

/** Effort spellings OpenCode users write (provider pass-through keys), in preference order. */
export const EFFORT_KEYS = ['reasoningEffort', 'reasoning_effort', 'effort'] as const

/** OpenCode theme colour tokens (besides `#RRGGBB`). */
export const THEME_COLORS = ['primary', 'secondary', 'accent', 'success', 'warning', 'error', 'info'] as const

/** Hex values used when a named colour from another tool must become an OpenCode colour. */
export const NAMED_TO_HEX: Record<string, string> = {
  red: '#E5484D',
  orange: '#F76B15',
  yellow: '#FFC53D',
  green: '#30A46C',
  cyan: '#00A2C7',
  blue: '#0090FF',
  purple: '#8E4EC6',
  pink: '#D6409F',
}
