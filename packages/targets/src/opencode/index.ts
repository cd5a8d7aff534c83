import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitOpenCode, openCodePath } from './emit'
import { parseOpenCode } from './parse'

/** OpenCode agents: `.opencode/agents/<name>.md`, YAML frontmatter and a markdown prompt. */
export const opencode = defineTarget({
  id: 'opencode',
  displayName: 'OpenCode agents',
  kind: 'agent',
  layout: {
    include: ['.opencode/agent/**/*.md', '.opencode/agents/**/*.md'],
    pathFor: (doc) => openCodePath(doc),
  },
  capabilities,
  vocabulary: {
    tools: Object.fromEntries(
      [
        'read',
        'write',
        'edit',
        'list',
        'glob',
        'grep',
        'bash',
        'webfetch',
        'websearch',
        'task',
        'todowrite',
        'todoread',
        'skill',
        'question',
        'lsp',
      ].map((t) => [t, t]),
    ),
    paths: { agents: '.opencode/agents/', instructions: 'AGENTS.md', config: '~/.config/opencode/' },
  },
  parse: parseOpenCode,
  emit: emitOpenCode,
})
