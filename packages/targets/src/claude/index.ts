import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { claudePath, emitClaude } from './emit'
import { parseClaude } from './parse'

/** Claude Code subagents: `.claude/agents/<name>.md`. */
export const claude = defineTarget({
  id: 'claude',
  displayName: 'Claude Code subagents',
  kind: 'agent',
  layout: {
    include: ['.claude/agents/**/*.md'],
    pathFor: claudePath,
  },
  capabilities,
  parse: parseClaude,
  emit: emitClaude,
})
