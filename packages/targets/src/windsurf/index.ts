import { defineTarget, type TargetContext } from '@agentc/core'
import { safeFileName } from '../shared/names'
import { capabilities } from './capabilities'
import { emitWindsurf, windsurfPath } from './emit'
import { parseWindsurf } from './parse'

const silent: TargetContext = { report() {}, options: {} }

/** Windsurf (Devin Desktop) workspace rules: `.windsurf/rules/<name>.md`. */
export const windsurf = defineTarget({
  id: 'windsurf',
  displayName: 'Windsurf rules',
  kind: 'rule',
  layout: {
    include: ['.windsurf/rules/**/*.md', '.devin/rules/**/*.md'],
    pathFor: (doc) => windsurfPath(safeFileName(doc.name, silent, 'Windsurf', { allowUpper: true })),
  },
  capabilities,
  parse: parseWindsurf,
  emit: emitWindsurf,
})
