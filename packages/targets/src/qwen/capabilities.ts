import type { Capabilities } from '@agentc/core'

/**
 * What a Qwen Code subagent file can hold. Permission rules become tool lists and, where they
 * mean exactly that, `approvalMode: yolo` or `auto-edit`; the rest has no place in the file.
 */
export const capabilities = {
  name: 'partial',
  description: 'full',
  role: 'none',
  model: 'partial',
  'sampling.temperature': 'none',
  'sampling.topP': 'none',
  effort: 'none',
  'tools.allow': 'partial',
  'tools.deny': 'partial',
  permissions: 'partial',
  maxSteps: 'full',
  color: 'partial',
  hidden: 'none',
  disabled: 'none',
  'activation.always': 'none',
  'activation.globs': 'none',
  'activation.model-decision': 'none',
  'activation.manual': 'none',
} as const satisfies Capabilities
