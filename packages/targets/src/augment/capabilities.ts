import type { Capabilities } from '@agentc/core'

/**
 * An Augment rule holds instructions, a description and a type (always, agent-requested,
 * manual); it has no globs (approximated, AGC202) and nothing about tools, models or permissions.
 */
export const capabilities = {
  name: 'full',
  description: 'partial',
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
  'activation.globs': 'partial',
  'activation.model-decision': 'full',
  'activation.manual': 'full',
} as const satisfies Capabilities
