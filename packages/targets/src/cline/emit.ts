import type { AgentDocument, OutputFile, TargetContext } from '@agentc/core'
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
import { parseCline } from './parse'

/** Where agentc writes a Cline rule. */
export function clinePath(name: string): string {
  return `.clinerules/${name}.md`
}

/**
 * Emits a Cline rule (`.clinerules/<name>.md`). Cline evaluates only `paths`: always-on rules
 * have no header, glob rules list their globs, manual rules are `paths: []` (never applied by
 * itself; mention the file to use it). Cline has no agent-decided rules: an agent becomes an
 * always-on rule (AGC202).
 */
export function emitCline(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const path = rulePath(doc, 'cline', reparseName(parseCline), () =>
    clinePath(safeFileName(doc.name, ctx, 'Cline', { allowSlash: true, allowUpper: true })),
  )
  const raw = unchangedRaw(doc, 'cline', parseCline)
  if (raw !== undefined) return [{ path, contents: raw }]
  const activation = defaultActivation(doc)
  let paths: string[] | undefined
  if (activation.kind === 'model-decision') {
    ctx.report(
      'AGC202',
      `Cline has no agent-decided rules (it evaluates only \`paths\`); ${doc.activation ? 'the rule' : 'the agent'} was written as an always-on rule, loaded into every task.`,
      where(fields, 'activation.model-decision'),
    )
  } else if (activation.kind === 'globs') {
    paths = globsForFormat(activation.globs, { commaJoined: false, trims: true, tool: 'Cline' }, ctx, fields)
  } else if (activation.kind === 'manual') {
    paths = []
  }
  let header = headerLines([['description', doc.description]])
  if (paths !== undefined) {
    header +=
      paths.length === 0
        ? 'paths: []\n'
        : `paths:\n${paths.map((p) => `  - ${JSON.stringify(p)}\n`).join('')}`
  }
  const extensions = extensionEntries(doc, 'cline').filter(
    ([key]) =>
      (paths === undefined || key !== 'paths') && (doc.description === undefined || key !== 'description'),
  )
  header += headerLines(extensions)
  return [{ path, contents: ruleFile(header, doc.body.text, '---\n\n---\n') }]
}
