import type { Capabilities } from '@agentc/core'

/** A Kiro steering file holds instructions, a name, a description and an inclusion; nothing about tools or models. */
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
