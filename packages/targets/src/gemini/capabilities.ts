import type { Capabilities } from '@agentc/core'

/**
 * What a Gemini CLI agent file can hold. Per-command rules live in policy files (not written);
 * deny-lists become allow-lists; role, top_p, effort, colour, hidden and disabled have no key.
 */
export const capabilities = {
  name: 'partial',
  description: 'partial',
  role: 'none',
  model: 'partial',
  'sampling.temperature': 'full',
  'sampling.topP': 'none',
  effort: 'none',
  'tools.allow': 'partial',
  'tools.deny': 'partial',
  permissions: 'partial',
  maxSteps: 'full',
  color: 'none',
  hidden: 'none',
  disabled: 'none',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
