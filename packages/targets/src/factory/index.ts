import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitFactory, factoryPath } from './emit'
import { parseFactory } from './parse'

/** Factory custom droids: `.factory/droids/<name>.md`. */
export const factory = defineTarget({
  id: 'factory',
  displayName: 'Factory droids',
  kind: 'agent',
  layout: {
    include: ['.factory/droids/*.md'],
    pathFor: factoryPath,
  },
  capabilities,
  parse: parseFactory,
  emit: emitFactory,
})
