import type { Capabilities } from '@agentc/core'

/**
 * What a Copilot custom agent can hold: a name, a description, a model (Copilot's own models),
 * a tool allow-list of categories and the subagents it may call, and who may invoke it.
 */
export const capabilities = {
  name: 'full',
  description: 'full',
  role: 'partial',
  model: 'partial',
  'sampling.temperature': 'none',
  'sampling.topP': 'none',
  effort: 'none',
  'tools.allow': 'partial',
  'tools.deny': 'partial',
  permissions: 'partial',
  maxSteps: 'none',
  color: 'none',
  hidden: 'partial',
  disabled: 'partial',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
