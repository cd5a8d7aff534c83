import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitKilo, kiloPath } from './emit'
import { parseKilo } from './parse'

/** Kilo agents: `.kilo/agents/<name>.md`, OpenCode-style YAML frontmatter and a markdown prompt. */
export const kilo = defineTarget({
  id: 'kilo',
  displayName: 'Kilo agents',
  kind: 'agent',
  layout: {
    include: ['.kilo/agent/**/*.md', '.kilo/agents/**/*.md'],
    pathFor: (doc) => kiloPath(doc),
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
    paths: { agents: '.kilo/agents/', instructions: 'AGENTS.md', config: '~/.config/kilo/' },
  },
  parse: parseKilo,
  emit: emitKilo,
})
