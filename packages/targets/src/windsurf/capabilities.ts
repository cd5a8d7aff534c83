import type { Capabilities } from '@agentc/core'

/**
 * A Windsurf rule holds instructions, a description and one of four triggers; nothing about
 * tools, models or permissions.
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
  'activation.model-decision': 'full',
  'activation.manual': 'full',
} as const satisfies Capabilities
