import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { copilotPath, emitCopilot } from './emit'
import { parseCopilot } from './parse'

/** GitHub Copilot custom agents: `.github/agents/<name>.agent.md` (reads legacy chat modes too). */
export const copilot = defineTarget({
  id: 'copilot',
  displayName: 'GitHub Copilot custom agents',
  kind: 'agent',
  layout: {
    include: ['.github/agents/**/*.md', '.github/chatmodes/**/*.chatmode.md'],
    pathFor: copilotPath,
  },
  capabilities,
  parse: parseCopilot,
  emit: emitCopilot,
})
