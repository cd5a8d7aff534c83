import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { cursorAgentPath, emitCursorAgent } from './emit'
import { parseCursorAgent } from './parse'

/** Cursor subagents: `.cursor/agents/<name>.md`. */
export const cursorAgent = defineTarget({
  id: 'cursor-agent',
  displayName: 'Cursor subagents',
  kind: 'agent',
  layout: {
    include: ['.cursor/agents/**/*.md'],
    pathFor: cursorAgentPath,
  },
  capabilities,
  parse: parseCursorAgent,
  emit: emitCursorAgent,
})
