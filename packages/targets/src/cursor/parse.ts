import {
  type AgentDocument,
  checkNesting,
  createBody,
  IR_VERSION,
  type Point,
  type SourceFile,
  splitFrontmatter,
  type TargetContext,
} from '@agentc/core'
import { parseDocument } from 'yaml'
import { typeName } from '../shared/markdown-file'
import { orFileName } from '../shared/names'
import { activationFromCursor, CURSOR_KEYS, splitGlobs } from './mappings'
import { cursorFrontmatter } from './schema'

interface HeaderLine {
  readonly key: string
  value: unknown
  readonly point: Point
}

/**
 * Parses a Cursor project rule (`.cursor/rules/<name>.mdc`). Cursor reads the header line by
 * line as `key: raw value`, so `globs: *.ts` (invalid YAML) is fine; agentc reads it the same
 * way. Quoted values and `[…]` lists are understood as YAML.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The rule as a document, or nothing after an error.
 */
export function parseCursor(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const split = splitFrontmatter(file.text)
  if ('code' in split) {
    ctx.report(split.code, split.message, { line: split.line, column: split.column })
    return []
  }
  const header = readHeader(split.yamlText, split.yamlLine)
  const data: Record<string, unknown> = {}
  const fields: Record<string, Point> = {}
  const extensions: Record<string, unknown> = {}
  for (const line of header) {
    if (Object.hasOwn(data, line.key)) {
      ctx.report('AGC104', `\`${line.key}\` appears twice; the last value is used.`, { ...line.point })
    }
    data[line.key] = line.value
  }
  const parsed = cursorFrontmatter.safeParse(data)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '')
      const line = header.findLast((l) => l.key === key)
      ctx.report('AGC101', `\`${key}\` must be ${issue.message} in Cursor, not ${typeName(data[key])}.`, {
        field: key === 'description' ? 'description' : 'activation.globs',
        ...(line?.point ?? {}),
      })
    }
    return []
  }
  const pointOf = (key: string) => header.findLast((l) => l.key === key)?.point
  const name = ruleName(file.path)
  fields.name = { line: 1, column: 1 }
  const description =
    typeof data.description === 'string' && data.description.trim() !== '' ? data.description : undefined
  if (description !== undefined) fields.description = pointOf('description')!
  let globs: string[] = []
  if (typeof data.globs === 'string') globs = splitGlobs(data.globs)
  else if (Array.isArray(data.globs)) globs = data.globs.flatMap((g) => splitGlobs(String(g)))
  let alwaysApply = false
  if (data.alwaysApply === true) alwaysApply = true
  else if (typeof data.alwaysApply === 'string') {
    ctx.report(
      'AGC104',
      `\`alwaysApply: ${JSON.stringify(data.alwaysApply)}\` is text, not a boolean; Cursor does not apply this rule always.`,
      { field: 'activation.always', ...(pointOf('alwaysApply') ?? {}) },
    )
  }
  const activation = activationFromCursor(alwaysApply, globs, description)
  const activationPoint =
    activation.kind === 'always'
      ? pointOf('alwaysApply')
      : activation.kind === 'globs'
        ? pointOf('globs')
        : (pointOf('description') ?? { line: 1, column: 1 })
  if (activationPoint) fields[`activation.${activation.kind}`] = activationPoint
  for (const line of header) {
    if ((CURSOR_KEYS as readonly string[]).includes(line.key) || Object.hasOwn(extensions, line.key)) continue
    extensions[line.key] = data[line.key]
    fields[`extensions.cursor.${line.key}`] = line.point
    ctx.report(
      'AGC102',
      line.key === 'glob'
        ? 'Cursor reads `globs`, not `glob`; this key has no effect and was kept as written.'
        : `\`${line.key}\` is not a Cursor rule field (Cursor ignores it); kept for Cursor.`,
      { field: `extensions.cursor.${line.key}`, ...line.point },
    )
  }
  const doc: AgentDocument = {
    irVersion: IR_VERSION,
    name,
    ...(description !== undefined ? { description } : {}),
    activation,
    body: createBody(split.body),
    extensions: Object.keys(extensions).length > 0 ? { cursor: extensions } : {},
    source: { path: file.path, target: 'cursor', fields, raw: file.text },
  }
  return [doc]
}

/**
 * The rule name: the path below `.cursor/rules/` without `.mdc`/`.md` (`.cursor/rules/team/sql.mdc`
 * → `team/sql`, as the emitter writes a name with a slash), else the file name; for
 * `<name>/RULE.md` the folder stands for the file.
 */
function ruleName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/')
  if (/^RULE\.md$/i.test(parts[parts.length - 1]!) && parts.length > 1) parts.pop()
  let root = -1
  for (let i = parts.length - 2; i >= 1; i--) {
    if (parts[i] === 'rules' && parts[i - 1] === '.cursor') {
      root = i
      break
    }
  }
  const rest = root === -1 ? [parts[parts.length - 1]!] : parts.slice(root + 1)
  return orFileName(rest.join('/').replace(/\.(mdc|md)$/i, ''), path)
}

/** Reads Cursor's `key: value` header lines, with `- item` lists and indented continuations. */
function readHeader(text: string, firstLine: number): HeaderLine[] {
  const lines: HeaderLine[] = []
  const rows = text.split('\n')
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.replace(/\r$/, '')
    if (row.trim() === '' || row.trimStart().startsWith('#')) continue
    // `s`: a header line ends only at LF; U+2028/U+2029 inside a value are text, not line ends.
    const match = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/s.exec(row)
    const last = lines[lines.length - 1]
    if (!match) {
      const item = /^[ \t]+-[ \t]+(.*?)[ \t]*$/s.exec(row)
      if (item && last) {
        const list = Array.isArray(last.value) ? last.value : last.value === null ? [] : undefined
        if (list) {
          list.push(scalar(item[1]!))
          last.value = list
          continue
        }
      }
      if (/^[ \t]+\S/.test(row) && last && typeof last.value === 'string') {
        last.value = `${last.value} ${row.trim()}`.trim()
      }
      continue
    }
    const raw = match[2] ?? ''
    lines.push({ key: match[1]!, value: value(raw), point: { line: firstLine + i, column: 1 } })
  }
  return lines
}

function value(raw: string): unknown {
  if (raw === '') return null
  if (raw === 'true' || raw === 'false') return raw === 'true'
  if (raw === '|' || raw === '>' || raw === '|-' || raw === '>-') return ''
  if (raw.startsWith('[') && raw.endsWith(']') && !checkNesting(raw)) {
    // A list YAML understands; anything else (or a list nested too deep to parse safely) is
    // text, as Cursor reads it. `toJS` throws on an alias without an anchor (`[*.md]`) and on
    // too many aliases.
    try {
      const doc = parseDocument(raw, { prettyErrors: false })
      const list = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined
      if (Array.isArray(list)) return list.map((v) => String(v))
    } catch {
      // Text, below.
    }
    return raw
  }
  return scalar(raw)
}

function scalar(raw: string): string {
  if (
    (raw.startsWith('"') && raw.endsWith('"')) ||
    (raw.startsWith("'") && raw.endsWith("'") && raw.length > 1)
  ) {
    const doc = parseDocument(raw, { prettyErrors: false })
    if (doc.errors.length === 0 && typeof doc.contents?.toJSON() === 'string') return doc.toJS() as string
  }
  return raw
}
