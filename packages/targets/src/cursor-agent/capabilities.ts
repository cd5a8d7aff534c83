import type { Capabilities } from '@agentc/core'

/**
 * What a Cursor subagent can hold: a name, a description, a model and one tool switch
 * (`readonly`). Subagents only run as subagents; there are no tool lists, permission rules,
 * sampling, effort, step limits or colours.
 */
export const capabilities = {
  name: 'partial',
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
  hidden: 'none',
  disabled: 'none',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
