import type { Capabilities } from '@agentc/core'

/** What a Claude Code subagent file can hold (settings.json holds per-command rules, on request). */
export const capabilities = {
  name: 'partial',
  description: 'full',
  role: 'none',
  model: 'partial',
  'sampling.temperature': 'none',
  'sampling.topP': 'none',
  effort: 'partial',
  'tools.allow': 'full',
  'tools.deny': 'full',
  permissions: 'partial',
  maxSteps: 'full',
  color: 'partial',
  hidden: 'none',
  disabled: 'none',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
