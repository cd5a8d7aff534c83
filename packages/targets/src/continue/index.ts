import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { continuePath, emitContinue } from './emit'
import { parseContinue } from './parse'

/** Continue rules: `.continue/rules/<name>.md`. */
export const continueRules = defineTarget({
  id: 'continue',
  displayName: 'Continue rules',
  kind: 'rule',
  layout: {
    include: ['.continue/rules/**/*.md'],
    pathFor: (doc) => continuePath(doc.name),
  },
  capabilities,
  parse: parseContinue,
  emit: emitContinue,
})
