import { defineTarget } from '@agentc/core'
import { capabilities } from './capabilities'
import { emitRoo, rooPath } from './emit'
import { removeMode } from './merge'
import { parseRoo } from './parse'

/** Roo Code / Zoo Code custom modes: every agent is one mode in the shared `.roomodes` file. */
export const roo = defineTarget({
  id: 'roo',
  displayName: 'Roo Code modes',
  kind: 'agent',
  layout: {
    include: ['.roomodes', 'custom_modes.yaml'],
    pathFor: (doc) => rooPath(doc),
  },
  capabilities,
  vocabulary: {
    tools: {
      read: 'read_file',
      grep: 'search_files',
      list: 'list_files',
      write: 'write_to_file',
      edit: 'apply_diff',
      bash: 'execute_command',
      task: 'new_task',
      todowrite: 'update_todo_list',
      question: 'ask_followup_question',
      skill: 'skill',
    },
    paths: { agents: '.roomodes', instructions: '.roo/rules/', config: '~/.roo/' },
  },
  parse: parseRoo,
  emit: emitRoo,
  unmerge: (_path, existing, key) => removeMode(existing, key),
})
