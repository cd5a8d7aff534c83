import { InternalError } from '../errors'
import { FEATURES } from '../ir/features'
import type { Target } from './target'

/**
 * Declares a target. Returns it unchanged after checking its shape (an id that is a lowercase
 * word, a capability for every feature), so a mistake shows at load time, not in a user's run.
 * @param target The target object.
 * @returns The same object.
 */
export function defineTarget<const T extends Target>(target: T): T {
  if (!/^[a-z][a-z0-9-]*$/.test(target.id))
    throw new InternalError(`target id "${target.id}" is not a lowercase word`)
  for (const feature of FEATURES) {
    if (!(feature in target.capabilities)) {
      throw new InternalError(`target "${target.id}" declares no capability for "${feature}"`)
    }
  }
  return Object.freeze(target)
}
