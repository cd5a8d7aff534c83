import type { Capabilities } from '@agentc/core'

/** A Cursor project rule holds instructions, a description and an activation; nothing about tools or models. */
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
  'activation.model-decision': 'full',
  'activation.manual': 'full',
} as const satisfies Capabilities
