/**
 * The tools Cursor's `readonly: true` takes away from a subagent: every tool that changes files
 * or runs commands. The IR spells that as a denial of `bash`, `edit` and `write`.
 */
export const MUTATING_TOOLS = ['bash', 'edit', 'write'] as const

/** Model values with a meaning of their own in Cursor: the parent's model, or Cursor's fast one. */
export const CURSOR_MODEL_WORDS = ['inherit', 'fast'] as const

/** Model vendors whose models Cursor offers. */
export const CURSOR_VENDORS: ReadonlySet<string> = new Set(['anthropic', 'openai', 'google', 'xai'])

/** Subagent keys agentc reads; `is_background` is kept as a Cursor extension. */
export const CURSOR_AGENT_KEYS = ['name', 'description', 'model', 'readonly'] as const

/** Cursor subagent keys agentc keeps as extensions without a report. */
export const CURSOR_AGENT_EXTENSION_KEYS: ReadonlySet<string> = new Set(['is_background'])
