import type { Capabilities } from '@agentc/core'

/** OpenCode agents carry every agent feature; they have no rule activation. */
export const capabilities = {
  name: 'full',
  description: 'full',
  role: 'full',
  model: 'full',
  'sampling.temperature': 'full',
  'sampling.topP': 'full',
  effort: 'full',
  'tools.allow': 'full',
  'tools.deny': 'full',
  permissions: 'full',
  maxSteps: 'full',
  color: 'partial',
  hidden: 'full',
  disabled: 'full',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
