import type { Capabilities } from '@agentc/core'

/**
 * What a Kiro custom agent can hold: name, description, prompt, a model (Claude ids), tool tags
 * and capability permissions. No sampling, effort, step limit, colour, role or visibility.
 */
export const capabilities = {
  name: 'full',
  description: 'full',
  role: 'none',
  model: 'partial',
  'sampling.temperature': 'none',
  'sampling.topP': 'none',
  effort: 'none',
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
