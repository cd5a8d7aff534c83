import type { Capabilities } from '@agentc/core'

/**
 * Kilo agents carry every agent feature OpenCode does. Access is `partial`: Kilo has no tool
 * availability list (an allow-list becomes `"*": deny` plus `allow` rules), decides `write` with
 * `edit`, and takes no patterns for `webfetch`/`websearch`. Models need a provider.
 */
export const capabilities = {
  name: 'full',
  description: 'full',
  role: 'full',
  model: 'partial',
  'sampling.temperature': 'full',
  'sampling.topP': 'full',
  effort: 'full',
  'tools.allow': 'partial',
  'tools.deny': 'partial',
  permissions: 'partial',
  maxSteps: 'full',
  color: 'partial',
  hidden: 'full',
  disabled: 'full',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
