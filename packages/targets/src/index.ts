import { createRegistry, type Registry } from '@agentc/core'
import { agentsMd } from './agents-md/index'
import { claude } from './claude/index'
import { cursor } from './cursor/index'
import { opencode } from './opencode/index'

export { agentsMd } from './agents-md/index'
export { claude } from './claude/index'
export { cursor } from './cursor/index'
export { opencode } from './opencode/index'

/** Every built-in target, in the order `agentc targets` lists them. */
export const builtinTargets = [opencode, claude, cursor, agentsMd] as const

/** The id of a built-in target. */
export type BuiltinTargetId = (typeof builtinTargets)[number]['id']

/** The target that reads agentc's source files (the OpenCode agent format). */
export const SOURCE_TARGET: BuiltinTargetId = 'opencode'

let registry: Registry | undefined
/** A registry of the built-in targets. */
export function builtinRegistry(): Registry {
  registry ??= createRegistry(builtinTargets)
  return registry
}
