import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { copilotInstructionsPath, emitCopilotInstructions } from './emit'
import { parseCopilotInstructions } from './parse'

/** GitHub Copilot path-specific instructions: `.github/instructions/<name>.instructions.md`. */
export const copilotInstructions = defineTarget({
  id: 'copilot-instructions',
  displayName: 'Copilot instructions',
  kind: 'rule',
  layout: {
    include: ['.github/instructions/**/*.instructions.md'],
    pathFor: (doc) => copilotInstructionsPath(doc.name),
  },
  capabilities,
  parse: parseCopilotInstructions,
  emit: emitCopilotInstructions,
})
