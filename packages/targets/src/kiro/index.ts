import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitKiro, kiroPath } from './emit'
import { parseKiro } from './parse'

/**
 * Kiro custom agents: `.kiro/agents/<name>.md` (Kiro IDE 1.x, CLI v3), and the JSON form
 * `.kiro/agents/<name>.json` (CLI 1.x/2.x and v3), which is read too.
 */
export const kiro = defineTarget({
  id: 'kiro',
  displayName: 'Kiro custom agents',
  kind: 'agent',
  layout: {
    include: ['.kiro/agents/**/*.md', '.kiro/agents/**/*.json'],
    pathFor: kiroPath,
  },
  capabilities,
  parse: parseKiro,
  emit: emitKiro,
})
