import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitAgentsMd, removeSection } from './emit'
import { AGENTS_PATH } from './mappings'
import { parseAgentsMd } from './parse'

/** AGENTS.md: each agent a section inside an agentc-managed region; text outside it is never touched. */
export const agentsMd = defineTarget({
  id: 'agents-md',
  displayName: 'AGENTS.md',
  kind: 'rule',
  layout: {
    include: ['AGENTS.md', '**/AGENTS.md', 'AGENTS.override.md'],
    pathFor: () => AGENTS_PATH,
  },
  capabilities,
  vocabulary: { paths: { instructions: 'AGENTS.md' } },
  parse: parseAgentsMd,
  emit: emitAgentsMd,
  unmerge: (_path, existing, key) => removeSection(existing, key),
})
