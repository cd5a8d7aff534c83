import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { cursorPath, emitCursor } from './emit'
import { parseCursor } from './parse'

/** Cursor project rules: `.cursor/rules/<name>.mdc`. */
export const cursor = defineTarget({
  id: 'cursor',
  displayName: 'Cursor rules',
  kind: 'rule',
  layout: {
    include: ['.cursor/rules/**/*.mdc', '.cursor/rules/**/*.md'],
    pathFor: (doc) => cursorPath(doc),
  },
  capabilities,
  vocabulary: { paths: { agents: '.cursor/rules/', instructions: '.cursor/rules/', config: '~/.cursor/' } },
  parse: parseCursor,
  emit: emitCursor,
})
