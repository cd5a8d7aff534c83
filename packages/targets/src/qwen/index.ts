import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitQwen, qwenPath } from './emit'
import { parseQwen } from './parse'

/** Qwen Code subagents: `.qwen/agents/<name>.md`, Claude-Code-compatible frontmatter and a prompt. */
export const qwen = defineTarget({
  id: 'qwen',
  displayName: 'Qwen Code subagents',
  kind: 'agent',
  layout: {
    include: ['.qwen/agents/*.md'],
    pathFor: qwenPath,
  },
  capabilities,
  impliedRoles: ['subagent'],
  parse: parseQwen,
  emit: emitQwen,
})
