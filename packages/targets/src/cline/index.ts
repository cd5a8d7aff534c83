import { defineTarget, type TargetContext } from '@agentc/core'
import { safeFileName } from '../shared/names'
import { capabilities } from './capabilities'
import { clinePath, emitCline } from './emit'
import { parseCline } from './parse'

const silent: TargetContext = { report() {}, options: {} }

/** Cline rules: `.clinerules/<name>.md`. */
export const cline = defineTarget({
  id: 'cline',
  displayName: 'Cline rules',
  kind: 'rule',
  layout: {
    include: [
      '.clinerules/*.{md,txt}',
      '.clinerules/!(workflows)/**/*.{md,txt}',
      '.cline/rules/**/*.{md,txt}',
    ],
    pathFor: (doc) =>
      clinePath(safeFileName(doc.name, silent, 'Cline', { allowSlash: true, allowUpper: true })),
  },
  capabilities,
  parse: parseCline,
  emit: emitCline,
})
