import { defineTarget, type TargetContext } from '@agentc/core'
import { safeFileName } from '../shared/names'
import { capabilities } from './capabilities'
import { augmentPath, emitAugment } from './emit'
import { parseAugment } from './parse'

const silent: TargetContext = { report() {}, options: {} }

/** Augment rules: `.augment/rules/<name>.md`. */
export const augment = defineTarget({
  id: 'augment',
  displayName: 'Augment rules',
  kind: 'rule',
  layout: {
    include: ['.augment/rules/**/*.md', '.augment/rules/**/*.mdx'],
    pathFor: (doc) =>
      augmentPath(safeFileName(doc.name, silent, 'Augment', { allowSlash: true, allowUpper: true })),
  },
  capabilities,
  parse: parseAugment,
  emit: emitAugment,
})
