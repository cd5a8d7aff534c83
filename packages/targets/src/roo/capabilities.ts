import type { Capabilities } from '@agentc/core'

/**
 * What a Roo Code / Zoo Code custom mode can hold: a slug (name), a description (`whenToUse`),
 * tool groups (allow- and deny-lists, by whole group) and an `edit` path restriction
 * (permissions, partly). Model (Roo remembers one per mode in its UI state, not in the file),
 * sampling, effort, steps, colour and visibility have no place in a mode.
 */
export const capabilities = {
  name: 'partial',
  description: 'full',
  role: 'none',
  model: 'none',
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
