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
import { TRIGGER_OF, WINDSURF_RULE_LIMIT } from './mappings'
import { parseWindsurf } from './parse'

/** Where agentc writes a Windsurf rule. */
export function windsurfPath(name: string): string {
  return `.windsurf/rules/${name}.md`
}

/**
 * Emits a Windsurf workspace rule (`.windsurf/rules/<name>.md`). An agent (no activation)
 * becomes a `model_decision` rule whose description tells Cascade when to fetch it, or a
 * `manual` rule when it has no description.
 */
export function emitWindsurf(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const path = rulePath(doc, 'windsurf', reparseName(parseWindsurf), () =>
    windsurfPath(safeFileName(doc.name, ctx, 'Windsurf', { allowUpper: true })),
  )
  const raw = unchangedRaw(doc, 'windsurf', parseWindsurf)
  if (raw !== undefined) return [{ path, contents: raw }]
  const activation = defaultActivation(doc)
  const globs =
    activation.kind === 'globs'
      ? globsForFormat(activation.globs, { commaJoined: true, trims: true, tool: 'Windsurf' }, ctx, fields)
      : undefined
  const entries: FrontmatterEntry[] = [
    ['trigger', TRIGGER_OF[activation.kind]],
    ['description', doc.description],
    ['globs', globs !== undefined && globs.length > 0 ? globs.join(',') : undefined],
    ...extensionEntries(doc, 'windsurf'),
  ]
  const contents = ruleFile(headerLines(entries), doc.body.text)
  if (contents.length > WINDSURF_RULE_LIMIT) {
    ctx.report(
      'AGC202',
      `The rule has ${contents.length} characters; Windsurf reads only the first ${WINDSURF_RULE_LIMIT} of a workspace rule and cuts off the rest.`,
      where(fields, 'body'),
    )
  }
  return [{ path, contents }]
}
