import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitKiroSteering, steeringPath } from './emit'
import { parseKiroSteering } from './parse'

/** Kiro steering files: `.kiro/steering/<name>.md`, included always, by file match, manually or by the agent. */
export const kiroSteering = defineTarget({
  id: 'kiro-steering',
  displayName: 'Kiro steering',
  kind: 'rule',
  layout: {
    include: ['.kiro/steering/**/*.md'],
    pathFor: steeringPath,
  },
  capabilities,
  parse: parseKiroSteering,
  emit: emitKiroSteering,
})
