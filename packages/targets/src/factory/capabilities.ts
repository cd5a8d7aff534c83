import type { Capabilities } from '@agentc/core'

/**
 * What a Factory custom droid can hold. Droids are subagents only; tools are an allow-list (a
 * category or tool ids); per-agent permission rules, sampling, step limits and colours have no
 * field.
 */
export const capabilities = {
  name: 'partial',
  description: 'full',
  role: 'partial',
  model: 'partial',
  'sampling.temperature': 'none',
  'sampling.topP': 'none',
  effort: 'full',
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
