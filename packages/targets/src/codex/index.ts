import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { codexPath, emitCodex } from './emit'
import { parseCodex } from './parse'

/** OpenAI Codex CLI custom agents: `.codex/agents/<name>.toml`. */
export const codex = defineTarget({
  id: 'codex',
  displayName: 'Codex custom agents',
  kind: 'agent',
  layout: {
    include: ['.codex/agents/**/*.toml'],
    pathFor: codexPath,
  },
  capabilities,
  impliedRoles: ['subagent'],
  parse: parseCodex,
  emit: emitCodex,
})
