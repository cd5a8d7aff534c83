import type { AgentDocument, OutputFile, TargetContext } from '@agentc/core'
import { reportRenamed, safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import {
  defaultActivation,
  describes,
  extensionEntries,
  globsForFormat,
  headerLines,
  reparseName,
  ruleFile,
  ruleNameFromPath,
  rulePath,
  where,
} from '../shared/rule-file'
import { APPLY_TO_ALL } from './mappings'
import { COPILOT_ROOTS, INSTRUCTIONS_EXTENSION, parseCopilotInstructions } from './parse'

const silent: TargetContext = { report() {}, options: {} }

/** Where agentc writes a Copilot instructions file (the file name is the name made safe). */
export function copilotInstructionsPath(name: string): string {
  return `.github/instructions/${instructionsFile(name)}.instructions.md`
}

/** The file of instructions below `.github/instructions/`, without `.instructions.md`. */
function instructionsFile(name: string): string {
  return safeFileName(name, silent, 'Copilot', { allowSlash: true, allowUpper: true })
}

/**
 * Emits a Copilot path-specific instructions file (`.github/instructions/<name>.instructions.md`).
 * Always-on = `applyTo: "**"`; globs = `applyTo: "a,b"`; agent-decided = a description without
 * `applyTo` (VS Code); manual = neither. An agent becomes agent-decided instructions. The name is
 * the file name; when that had to change, `name:` keeps the original.
 */
export function emitCopilotInstructions(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const path = rulePath(doc, 'copilot-instructions', reparseName(parseCopilotInstructions), () =>
    copilotInstructionsPath(doc.name),
  )
  // A blank `name` reads back as none: the instructions are named after their file.
  const file = instructionsFile(doc.name)
  reportRenamed(ctx, doc, { file, path, tool: 'Copilot', ...(doc.name.trim() === '' ? { named: file } : {}) })
  const raw = unchangedRaw(doc, 'copilot-instructions', parseCopilotInstructions)
  if (raw !== undefined) return [{ path, contents: raw }]
  const activation = defaultActivation(doc)
  let description = doc.description
  let applyTo: string | undefined
  if (activation.kind === 'always') applyTo = APPLY_TO_ALL
  else if (activation.kind === 'globs') {
    const globs = globsForFormat(
      activation.globs,
      { commaJoined: true, trims: true, tool: 'Copilot' },
      ctx,
      fields,
    )
    if (globs.length === 1 && globs[0] === APPLY_TO_ALL) {
      ctx.report(
        'AGC202',
        '`applyTo: "**"` is how Copilot writes always-on instructions; the glob `**` alone reads back as always-on.',
        where(fields, 'activation.globs'),
      )
    }
    if (globs.length > 0) applyTo = globs.join(',')
  } else if (activation.kind === 'model-decision' && !describes(description)) {
    ctx.report(
      'AGC202',
      'Copilot decides on instructions from their description; without one they are only attached by hand.',
      where(fields, 'activation.model-decision'),
    )
  } else if (activation.kind === 'manual' && describes(description)) {
    ctx.report(
      'AGC202',
      'VS Code attaches instructions with a description by itself when relevant; the description was left out to keep them manual.',
      where(fields, 'description'),
    )
    description = undefined
  }
  const stem = ruleNameFromPath(path, COPILOT_ROOTS, INSTRUCTIONS_EXTENSION)
  let header = headerLines([
    ['name', stem === doc.name ? undefined : doc.name],
    ['description', description],
  ])
  if (applyTo !== undefined) header += `applyTo: ${JSON.stringify(applyTo)}\n`
  header += headerLines(extensionEntries(doc, 'copilot-instructions'))
  return [{ path, contents: ruleFile(header, doc.body.text) }]
}
