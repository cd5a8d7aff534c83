/**
 * Helpers shared by the rule-file targets (`windsurf`, `cline`, `copilot-instructions`,
 * `continue`, `augment`): markdown files whose small header says when the instructions apply.
 * Reading the header (strictly, or fail-open as Cline and Continue do), naming a rule from its
 * path, keeping unknown keys, preparing globs for a format and reporting activation fallbacks.
 *
 * @module
 */
import {
  type AgentDocument,
  type FrontmatterEntry,
  isSafeRelativePath,
  type ParsedYaml,
  type Point,
  parseYamlFrontmatter,
  type SourceFile,
  stringifyYaml,
  type TargetContext,
} from '@agentc/core'
import { at, Positions } from './markdown-file'
import { locateYamlProblem } from './tolerant-yaml'
import { splitTopLevelCommas } from './values'

/** Field positions of a document (`source.fields`). */
export type Fields = Readonly<Record<string, Point>>

/**
 * `{field, line, column}` for a diagnostic about `field`, positioned where the source wrote it.
 * An activation the source did not write (an agent's) is positioned at the description it
 * derives from, then at the name.
 */
export function where(fields: Fields, field: string): { field: string; line?: number; column?: number } {
  const derived = field.startsWith('activation.') ? fields.description : undefined
  const point = fields[field] ?? fields[field.split('.')[0]!] ?? derived ?? fields.name
  return { field, ...at(point) }
}

/** The text without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * The rule name a path implies: the path below the rules folder (`.clinerules/team/sql.md` →
 * `team/sql` with root `['.clinerules']`), without the extension; the file name alone when the
 * path is not below one of the roots.
 * @param path The file's project-relative path.
 * @param roots Folder paths (as segment lists) whose content are rules, e.g. `['.windsurf', 'rules']`.
 * @param extension The extension to drop (`/\.instructions\.md$/i`).
 */
export function ruleNameFromPath(
  path: string,
  roots: readonly (readonly string[])[],
  extension: RegExp,
): string {
  const parts = path.replace(/\\/g, '/').split('/')
  let best = -1
  for (const root of roots) {
    for (let i = parts.length - 1 - root.length; i >= 0; i--) {
      if (root.every((segment, j) => parts[i + j] === segment)) {
        best = Math.max(best, i + root.length)
        break
      }
    }
  }
  const rest = best === -1 ? [parts[parts.length - 1]!] : parts.slice(best)
  const name = rest.join('/').replace(extension, '')
  return name === '' ? 'rule' : name
}

/**
 * Where a document is written: the file it was read from when it comes from this very target
 * and its name is still the one that file gives (a re-emit overwrites the same file, even when
 * the file name is not the one agentc would choose, as long as it is a safe, portable path);
 * otherwise `fresh()`.
 */
export function rulePath(
  doc: AgentDocument,
  targetId: string,
  nameOf: (path: string, text: string) => string | undefined,
  fresh: () => string,
): string {
  const source = doc.source
  if (source && source.target === targetId && source.raw !== undefined && isSafeRelativePath(source.path)) {
    if (nameOf(source.path, source.raw) === doc.name) return source.path
  }
  return fresh()
}

/** The result of reading a header leniently: data and positions, or why it could not be read. */
export type FailOpenYaml =
  | { readonly kind: 'map'; readonly yaml: ParsedYaml }
  | { readonly kind: 'not-a-map'; readonly message: string; readonly line: number; readonly column: number }
  | { readonly kind: 'invalid'; readonly message: string; readonly line: number; readonly column: number }

/**
 * Parses header YAML for a tool that does not refuse a file with a broken header (Cline,
 * Continue): the caller decides what the tool does instead. Strict YAML (duplicate keys and
 * unquoted `*…` values are errors), as `js-yaml` and `yaml` read it.
 * @param yamlText The header text.
 * @param yamlLine The file line on which `yamlText` starts.
 */
export function parseHeaderYaml(yamlText: string, yamlLine: number): FailOpenYaml {
  const parsed = parseYamlFrontmatter({ present: true, yamlText, yamlLine, body: '', bodyLine: yamlLine })
  if (!('code' in parsed)) return { kind: 'map', yaml: parsed }
  const { line, column } = locateYamlProblem(yamlText, yamlLine, parsed)
  const message = parsed.message
    .replace(/^The frontmatter is not valid YAML: /, '')
    .replace(/(^|: )[A-Z]\w*Error: /, '$1')
    .replace(/\.$/, '')
  return { kind: parsed.code === 'AGC003' ? 'not-a-map' : 'invalid', message, line, column }
}

/** Describes a header key that agentc keeps but does not model. */
export interface KeptKeys {
  /** Keys the target models (never kept). */
  readonly modelled: readonly string[]
  /** Keys the tool knows but the IR does not model: kept without AGC102. */
  readonly known?: readonly string[]
  /** A note for an unknown key (e.g. "Cline reads `paths`, not `globs`"), or undefined. */
  readonly hint?: (key: string) => string | undefined
}

/**
 * Keeps the keys the target does not model as `extensions.<target>`, records their positions and
 * reports the unknown ones (AGC102).
 * @returns The kept keys and values, in file order.
 */
export function keepExtensions(
  data: Record<string, unknown>,
  keys: KeptKeys,
  targetId: string,
  tool: string,
  pos: Positions | undefined,
  ctx: TargetContext,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data)) {
    if (keys.modelled.includes(key)) continue
    kept[key] = value
    const field = `extensions.${targetId}.${key}`
    const point = pos?.key(field, [key])
    if (keys.known?.includes(key)) continue
    const hint = keys.hint?.(key)
    ctx.report(
      'AGC102',
      hint ?? `\`${key}\` is not a key of ${tool} rules (${tool} ignores it); kept for ${tool}.`,
      {
        field,
        ...at(point),
      },
    )
  }
  return kept
}

/** Header entries for a target's own extensions (in their original order). */
export function extensionEntries(doc: AgentDocument, targetId: string): FrontmatterEntry[] {
  return Object.entries(doc.extensions[targetId] ?? {}).map(([k, v]) => [k, v] as const)
}

/**
 * A rule file: `---`, the header, `---`, the body (exactly one final newline). Without header
 * lines the body is written alone, unless its first line would read as a header fence; then an
 * empty header keeps it body text.
 * @param header The header text (YAML lines, each ending with a newline), maybe empty.
 * @param body The body (LF).
 * @param emptyHeader The header to write when one is needed but there are no lines (`---\n---\n`
 * for most readers; Cline's reader needs a line between the fences).
 */
export function ruleFile(header: string, body: string, emptyHeader = '---\n---\n'): string {
  const text = finalNewline(body)
  if (header !== '') return `---\n${header}---\n${text}`
  return /^\s*---/.test(text) ? `${emptyHeader}${text}` : text
}

/** YAML header lines for entries (undefined values are skipped). */
export function headerLines(entries: readonly FrontmatterEntry[]): string {
  return stringifyYaml(entries)
}

function finalNewline(text: string): string {
  const trimmed = text.replace(/\n+$/, '')
  return trimmed === '' ? '' : `${trimmed}\n`
}

/** Splits a comma-separated glob string, keeping commas inside `{a,b}` braces. */
export function splitGlobString(text: string): string[] {
  return splitTopLevelCommas(text, '{', '}')
    .map((g) => g.trim())
    .filter((g) => g !== '')
}

/** How a format writes and reads back its globs. */
export interface GlobShape {
  /** The globs are joined with commas into one string (split again on read). */
  readonly commaJoined: boolean
  /** The reader trims each glob. */
  readonly trims: boolean
  /** The tool's name, for messages. */
  readonly tool: string
}

/**
 * The activation globs as the format can hold them: blank globs dropped, globs trimmed where the
 * reader trims, and each change reported (AGC202) — a glob with a comma outside braces cannot
 * live in a comma-joined string, so it is reported as read back split.
 */
export function globsForFormat(
  globs: readonly string[],
  shape: GlobShape,
  ctx: TargetContext,
  fields: Fields,
): string[] {
  const out: string[] = []
  const changed: string[] = []
  for (const glob of globs) {
    const trimmed = shape.trims || shape.commaJoined ? glob.trim() : glob
    if (trimmed.trim() === '') {
      changed.push(JSON.stringify(glob))
      continue
    }
    if (trimmed !== glob) changed.push(JSON.stringify(glob))
    else if (shape.commaJoined && splitGlobString(glob).length !== 1) changed.push(JSON.stringify(glob))
    out.push(trimmed)
  }
  if (changed.length > 0) {
    ctx.report(
      'AGC202',
      `${shape.tool} cannot hold the glob${changed.length === 1 ? '' : 's'} ${changed.join(', ')} as written${shape.commaJoined ? ' (globs are one comma-separated string, trimmed)' : ' (globs are trimmed, blank ones dropped)'}; ${changed.length === 1 ? 'it was' : 'they were'} written as ${shape.tool} reads ${changed.length === 1 ? 'it' : 'them'} back.`,
      where(fields, 'activation.globs'),
    )
  }
  return out
}

/** Whether a description is present and not blank. */
export function describes(description: string | undefined): description is string {
  return description !== undefined && description.trim() !== ''
}

/**
 * The activation a rule format gives a document without one: an agent becomes an agent-decided
 * rule when it has a description to decide with, else a manual one (as for Cursor).
 */
export function defaultActivation(doc: AgentDocument): NonNullable<AgentDocument['activation']> {
  return doc.activation ?? (describes(doc.description) ? { kind: 'model-decision' } : { kind: 'manual' })
}

/** The name a target's parser gives a file, read silently (for {@link rulePath}). */
export function reparseName(
  parse: (file: SourceFile, ctx: TargetContext) => readonly AgentDocument[],
): (path: string, text: string) => string | undefined {
  const silent: TargetContext = { report() {}, options: {} }
  return (path, text) => parse({ path, text }, silent)[0]?.name
}

export { at, Positions }
