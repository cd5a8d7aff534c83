import type { AgentDocument, FrontmatterEntry, OutputFile, TargetContext } from '@agentc/core'
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
  rulePath,
  where,
} from '../shared/rule-file'
import { parseContinue } from './parse'

const silent: TargetContext = { report() {}, options: {} }

/** Where agentc writes a Continue rule (the file name is the name made safe; `name:` keeps it). */
export function continuePath(name: string): string {
  return `.continue/rules/${continueFile(name)}.md`
}

/** The file name of a Continue rule, without `.md`. */
function continueFile(name: string): string {
  return safeFileName(name, silent, 'Continue', { allowUpper: true })
}

/**
 * Emits a Continue rule (`.continue/rules/<name>.md`) with `name` always set. Always =
 * `alwaysApply: true`; globs = a `globs` list (no `alwaysApply`, so only matching files pull it
 * in); agent-decided = `alwaysApply: false` with a description; manual = `alwaysApply: false`
 * without one. An agent becomes an agent-decided rule.
 */
export function emitContinue(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const path = rulePath(doc, 'continue', reparseName(parseContinue), () => continuePath(doc.name))
  // Continue reads a blank `name` as none and names the rule after its file.
  const file = continueFile(doc.name)
  reportRenamed(ctx, doc, {
    file,
    path,
    tool: 'Continue',
    ...(doc.name.trim() === '' ? { named: file } : {}),
  })
  const raw = unchangedRaw(doc, 'continue', parseContinue)
  if (raw !== undefined) return [{ path, contents: raw }]
  const activation = defaultActivation(doc)
  const own = doc.extensions.continue ?? {}
  let description = doc.description
  let globs: string[] | undefined
  let alwaysApply: boolean | undefined
  if (activation.kind === 'always') {
    // With a `regex`, an absent `alwaysApply` keeps the rule always applied where the regex is
    // not evaluated and scoped by it where it is, as the file it was read from.
    alwaysApply = own.regex === undefined ? true : undefined
  } else if (activation.kind === 'globs') {
    globs = globsForFormat(
      activation.globs,
      { commaJoined: false, trims: false, tool: 'Continue' },
      ctx,
      fields,
    )
  } else {
    alwaysApply = false
    if (activation.kind === 'model-decision' && !describes(description)) {
      ctx.report(
        'AGC202',
        'Continue fetches an `alwaysApply: false` rule by its description; without one the rule is only used when attached by hand.',
        where(fields, 'activation.model-decision'),
      )
    } else if (activation.kind === 'manual' && describes(description)) {
      ctx.report(
        'AGC202',
        'Continue lets the agent fetch an `alwaysApply: false` rule that has a description; the description was left out to keep the rule manual.',
        where(fields, 'description'),
      )
      description = undefined
    }
  }
  const entries: FrontmatterEntry[] = [
    ['name', doc.name],
    ['description', description],
    ['globs', globs !== undefined && globs.length > 0 ? globs : undefined],
    ['alwaysApply', alwaysApply],
    ...extensionEntries(doc, 'continue'),
  ]
  return [{ path, contents: ruleFile(headerLines(entries), doc.body.text) }]
}
