import type { Capabilities } from '@agentc/core'

/**
 * A Cline rule holds instructions and an optional `paths` condition (and an inert `description`
 * agentc keeps); Cline has no agent-decided rules, and nothing about tools, models or permissions.
 */
export const capabilities = {
  name: 'full',
  description: 'full',
  role: 'none',
  model: 'none',
  'sampling.temperature': 'none',
  'sampling.topP': 'none',
  effort: 'none',
  'tools.allow': 'none',
  'tools.deny': 'none',
  permissions: 'none',
  maxSteps: 'none',
  color: 'none',
  hidden: 'none',
  disabled: 'none',
  'activation.always': 'full',
  'activation.globs': 'full',
  'activation.model-decision': 'partial',
  'activation.manual': 'full',
} as const satisfies Capabilities
