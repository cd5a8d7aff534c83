import type { Capabilities } from '@agentc/core'

/**
 * A Continue rule holds a name, instructions, a description, globs and `alwaysApply`; nothing about
 * tools, models or permissions.
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
  'activation.globs': 'full',
  'activation.model-decision': 'partial',
  'activation.manual': 'full',
} as const satisfies Capabilities
