import type { Capabilities } from '@agentc/core'

/**
 * What a Codex custom agent file can hold. Tools and permissions are partial: an agent file can
 * only switch off the shell, file edits (read-only sandbox) and web search, and the tools of MCP
 * servers it defines; per-command rules exist only globally (`.rules`).
 */
export const capabilities = {
  name: 'partial',
  description: 'full',
  role: 'none',
  model: 'partial',
  'sampling.temperature': 'none',
  'sampling.topP': 'none',
  effort: 'partial',
  'tools.allow': 'partial',
  'tools.deny': 'partial',
  permissions: 'partial',
  maxSteps: 'none',
  color: 'none',
  hidden: 'none',
  disabled: 'none',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
