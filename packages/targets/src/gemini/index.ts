import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitGemini, geminiPath } from './emit'
import { parseGemini } from './parse'

/** Gemini CLI subagents: `.gemini/agents/<name>.md`, strict YAML frontmatter and a prompt. */
export const gemini = defineTarget({
  id: 'gemini',
  displayName: 'Gemini CLI subagents',
  kind: 'agent',
  layout: {
    include: ['.gemini/agents/*.md'],
    pathFor: geminiPath,
  },
  capabilities,
  impliedRoles: ['subagent'],
  parse: parseGemini,
  emit: emitGemini,
})
