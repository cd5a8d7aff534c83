import type { Activation } from '@agentc/core'
import { orFileName } from '../shared/names'

/** Kiro's `inclusion` values. */
export type Inclusion = 'always' | 'fileMatch' | 'manual' | 'auto'

/** The IR activation kind of each inclusion (`auto`: Kiro includes the file when the description matches the request). */
export const INCLUSION_TO_ACTIVATION: Readonly<Record<Inclusion, Activation['kind']>> = {
  always: 'always',
  fileMatch: 'globs',
  manual: 'manual',
  auto: 'model-decision',
}

/** The inclusion of each IR activation kind. */
export const ACTIVATION_TO_INCLUSION: Readonly<Record<Activation['kind'], Inclusion>> = {
  always: 'always',
  globs: 'fileMatch',
  manual: 'manual',
  'model-decision': 'auto',
}

/** Steering keys agentc models; the others are kept as `extensions.kiro-steering`. */
export const STEERING_KEYS = ['inclusion', 'fileMatchPattern', 'name', 'description'] as const

/** The steering name of a path: the file name without `.md`, below `.kiro/steering/`. */
export function steeringName(path: string): string {
  const posix = path.replace(/\\/g, '/')
  const match = /(?:^|\/)\.kiro\/steering\/(.+)\.md$/i.exec(posix)
  if (match) return match[1]!
  const file = posix.split('/').pop() ?? posix
  return orFileName(file.replace(/\.md$/i, ''), posix)
}
