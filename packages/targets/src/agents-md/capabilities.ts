import type { Capabilities } from '@agentc/core'

/**
 * An AGENTS.md section holds a name, a description and instructions. AGENTS.md readers load the
 * whole file into every request, so activations other than "always" are written as guidance.
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
  'activation.globs': 'partial',
  'activation.model-decision': 'partial',
  'activation.manual': 'partial',
} as const satisfies Capabilities
