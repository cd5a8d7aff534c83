import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { claudePath, emitClaude } from './emit'
import { TOOL_TO_CLAUDE } from './mappings'
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
  impliedRoles: ['subagent', 'all'],
  vocabulary: {
    tools: TOOL_TO_CLAUDE,
    paths: { agents: '.claude/agents/', instructions: 'CLAUDE.md', config: '~/.claude/' },
  },
  parse: parseClaude,
  emit: emitClaude,
})
