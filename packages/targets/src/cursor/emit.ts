import type { AgentDocument, OutputFile, TargetContext } from '@agentc/core'
import { ensureFinalNewline } from '@agentc/core'
import { safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { parseCursor } from './parse'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key]
  return p ? { line: p.line, column: p.column } : {}
}

const silent: TargetContext = { report() {}, options: {} }

/**
 * Where a Cursor rule is written: `.cursor/rules/<name>.mdc`, the name made a safe file name
 * (Cursor names a rule by its path), reported through `ctx` when that changed it.
 */
export function cursorPath(doc: AgentDocument, ctx: TargetContext = silent): string {
  return `.cursor/rules/${safeFileName(doc.name, ctx, 'Cursor', { allowSlash: true, allowUpper: true })}.mdc`
}

/**
 * Emits a Cursor project rule. An agent (no activation) becomes an agent-requested rule: its
 * description tells Cursor's agent when to fetch it.
 */
export function emitCursor(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const path = cursorPath(doc, ctx)
  const raw = unchangedRaw(doc, 'cursor', parseCursor)
  if (raw !== undefined) return [{ path, contents: raw }]
  const fields = doc.source?.fields ?? {}
  let description = doc.description?.trim() === '' ? undefined : doc.description
  if (description !== undefined && /[\r\n]/.test(description)) {
    description = description.replace(/\s*[\r\n]+\s*/g, ' ').trim()
    ctx.report('AGC202', 'Cursor reads a one-line description; the line breaks were replaced by spaces.', {
      field: 'description',
      ...at(fields, 'description'),
    })
  }
  const activation =
    doc.activation ??
    (description !== undefined ? { kind: 'model-decision' as const } : { kind: 'manual' as const })
  let globs = ''
  let alwaysApply = false
  if (activation.kind === 'always') alwaysApply = true
  else if (activation.kind === 'globs') {
    globs = activation.globs.join(',')
    if (/[\r\n]/.test(globs)) {
      globs = globs.replace(/[\r\n]+/g, ' ')
      ctx.report(
        'AGC202',
        'Cursor reads the globs on one line; the line breaks in them were replaced by spaces.',
        { field: 'activation.globs', ...at(fields, 'activation.globs') },
      )
    }
  } else if (activation.kind === 'model-decision' && description === undefined) {
    ctx.report(
      'AGC202',
      'An agent-requested Cursor rule needs a description; without one Cursor applies it only when mentioned.',
      {
        field: 'activation.model-decision',
        ...at(fields, 'activation.model-decision'),
      },
    )
  } else if (activation.kind === 'manual' && description !== undefined) {
    ctx.report(
      'AGC202',
      'A Cursor rule with a description is fetched by the agent when relevant; the description was left out to keep the rule manual.',
      { field: 'description', ...at(fields, 'description') },
    )
    description = undefined
  }
  let header = `description:${description !== undefined ? ` ${headerValue(description)}` : ''}\n`
  header += `globs:${globs !== '' ? ` ${globs}` : ''}\n`
  header += `alwaysApply: ${alwaysApply}\n`
  for (const [key, value] of Object.entries(doc.extensions.cursor ?? {})) {
    // Cursor reads `key: value` lines: a key it could not read back is not written.
    if (!/^[A-Za-z_][\w-]*$/.test(key)) {
      ctx.report('AGC201', `${JSON.stringify(key)} cannot be a Cursor header key; it was left out.`, {
        field: `extensions.cursor.${key}`,
        ...at(fields, `extensions.cursor.${key}`),
      })
      continue
    }
    const text =
      value === null || value === undefined
        ? ''
        : typeof value === 'boolean'
          ? String(value)
          : typeof value === 'object'
            ? JSON.stringify(value)
            : headerValue(String(value))
    header += `${key}:${text === '' ? '' : ` ${text}`}\n`
  }
  return [{ path, contents: `---\n${header}---\n${ensureFinalNewline(doc.body.text)}` }]
}

/** A header value as Cursor reads it back: raw, unless it would read as something else. */
function headerValue(text: string): string {
  if (
    text === '' ||
    /^["'[|>]/.test(text) ||
    text === 'true' ||
    text === 'false' ||
    text !== text.trim() ||
    // Control characters (a NUL would make the file binary) only survive quoted and escaped.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is quoted
    /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)
  )
    return JSON.stringify(text)
  return text
}
