import type { AgentDocument, FrontmatterEntry, OutputFile, TargetContext } from '@agentc/core'
import { safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import {
  defaultActivation,
  extensionEntries,
  globsForFormat,
  headerLines,
  reparseName,
  ruleFile,
  rulePath,
  where,
} from '../shared/rule-file'
import { describeGlobs, TYPE_OF } from './mappings'
import { parseAugment } from './parse'

/** Where agentc writes an Augment rule. */
export function augmentPath(name: string): string {
  return `.augment/rules/${name}.md`
}

/**
 * Emits an Augment rule (`.augment/rules/<name>.md`) with its `type` always written (Augment's
 * default for a rule without one is documented inconsistently). Augment has no glob rules: a
 * glob rule becomes an agent-requested rule whose description names the globs (AGC202). An
 * agent becomes an agent-requested rule.
 */
export function emitAugment(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const path = rulePath(doc, 'augment', reparseName(parseAugment), () =>
    augmentPath(safeFileName(doc.name, ctx, 'Augment', { allowSlash: true, allowUpper: true })),
  )
  const raw = unchangedRaw(doc, 'augment', parseAugment)
  if (raw !== undefined) return [{ path, contents: raw }]
  const activation = defaultActivation(doc)
  let description = doc.description
  let type: string
  if (activation.kind === 'globs') {
    const globs = globsForFormat(
      activation.globs,
      { commaJoined: false, trims: true, tool: 'Augment' },
      ctx,
      fields,
    )
    type = TYPE_OF['model-decision']
    if (globs.length > 0) description = describeGlobs(doc.description, globs)
    ctx.report(
      'AGC202',
      'Augment rules cannot apply by file globs; the rule was written as an agent-requested rule whose description names the globs, so the agent decides when it applies.',
      where(fields, 'activation.globs'),
    )
    if (globs.length > 0)
      ctx.report(
        'AGC202',
        'The description was extended with the rule’s globs, so that the agent can tell when the rule applies.',
        where(fields, 'description'),
      )
  } else {
    type = TYPE_OF[activation.kind]
  }
  const entries: FrontmatterEntry[] = [
    ['type', type],
    ['description', description],
    ...extensionEntries(doc, 'augment'),
  ]
  return [{ path, contents: ruleFile(headerLines(entries), doc.body.text) }]
}
