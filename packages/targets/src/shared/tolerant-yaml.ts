/**
 * Frontmatter that strict YAML refuses but some tools' readers take: a top-level key indented
 * with a tab, a key written twice. Each tolerance is the documented behaviour of one reader:
 *
 * - gray-matter's js-yaml 3 (OpenCode) does not count tabs as indentation, so `\tkey: value` is a
 *   top-level key wherever it stands (`js-yaml` 3.14 `readBlockMapping`; checked with
 *   gray-matter 4.0.3: `name: a\n\tmode: b` reads `{name: 'a', mode: 'b'}`).
 * - VS Code's own YAML reader (`src/vs/base/common/yaml.ts`, used by `promptFileParser.ts`) counts
 *   a tab as one column of indentation: after a key with a value on its line, a tab-indented key
 *   is reported (`unexpected-indentation`) and read as a key of the same map; a repeated key is
 *   reported (`duplicate-key`) and both are kept, and `PromptHeader.getAttribute` uses the first.
 *
 * The file is rewritten so that strict YAML reads it as the tool does, keeping every line and
 * column of the keys that stay: a tab-indented key line is moved to column 1 (its tabs go to the
 * end of the line, where YAML ignores them, and positions on it are shifted back), the lines of
 * an ignored duplicate are turned into comments.
 *
 * @module
 */
import {
  type FrontmatterSplit,
  type ParsedYaml,
  type Point,
  parseYamlFrontmatter,
  type TargetContext,
} from '@agentc/core'

/** What a tool's reader tolerates beyond strict YAML. */
export interface Tolerance {
  /** The tool, for messages (`OpenCode`, `VS Code`). */
  readonly tool: string
  /**
   * A `key: value` line indented with tabs only: `'anywhere'` it is a top-level key (js-yaml 3);
   * `'after-value'` only right after a top-level key whose value is on its own line (VS Code,
   * which otherwise reads it as nested).
   */
  readonly tabIndentedKeys?: 'anywhere' | 'after-value'
  /** Which occurrence of a top-level key written more than once the tool uses. */
  readonly duplicateKeys?: 'first' | 'last'
}

/** A change made so strict YAML reads the header as the tool does. */
export type Tolerated =
  | { readonly kind: 'tab-key'; readonly key: string; readonly line: number; readonly column: number }
  | {
      readonly kind: 'duplicate'
      readonly key: string
      readonly line: number
      readonly column: number
      readonly kept: number
    }

/** The rewritten header text, what was tolerated, and the column shift of each moved line. */
export interface Rewrite {
  readonly text: string
  readonly tolerated: readonly Tolerated[]
  /** File line → how many columns the line's keys moved left. */
  readonly shifts: ReadonlyMap<number, number>
}

const KEY = /^([A-Za-z_$][\w$.-]*)[ \t]*:(?=[ \t]|$)/
const TAB_KEY = /^(\t+)([A-Za-z_$][\w$.-]*[ \t]*:(?:[ \t].*)?)$/
/** A top-level key whose value is on the same line (and is not a block scalar header). */
const INLINE_VALUE = /^[A-Za-z_$][\w$.-]*[ \t]*:[ \t]+(?![|>][-+0-9]*[ \t]*(?:#.*)?$)\S/

/**
 * Rewrites header text the way `tolerance` says the tool reads it.
 * @param yamlText The text between the fences (original line endings).
 * @param firstLine The file line of the first header line.
 * @param tolerance What the tool tolerates.
 * @returns The rewritten text; `tolerated` is empty when nothing applied.
 */
export function tolerate(yamlText: string, firstLine: number, tolerance: Tolerance): Rewrite {
  const lines = yamlText.split('\n')
  const crs = lines.map((l) => l.endsWith('\r'))
  const body = lines.map((l, i) => (crs[i] ? l.slice(0, -1) : l))
  const tolerated: Tolerated[] = []
  const shifts = new Map<number, number>()
  if (tolerance.tabIndentedKeys) {
    let previous = ''
    for (let i = 0; i < body.length; i++) {
      const line = body[i]!
      const match = TAB_KEY.exec(line)
      if (match && (tolerance.tabIndentedKeys === 'anywhere' || INLINE_VALUE.test(previous))) {
        const tabs = match[1]!
        body[i] = `${match[2]}${tabs}`
        shifts.set(firstLine + i, tabs.length)
        const key = KEY.exec(body[i]!)![1]!
        tolerated.push({ kind: 'tab-key', key, line: firstLine + i, column: tabs.length + 1 })
      }
      if (body[i]!.trim() !== '' && !body[i]!.trimStart().startsWith('#')) previous = body[i]!
    }
  }
  if (tolerance.duplicateKeys) {
    const seen = new Map<string, number[]>()
    for (let i = 0; i < body.length; i++) {
      const key = KEY.exec(body[i]!)?.[1]
      if (key !== undefined) seen.set(key, [...(seen.get(key) ?? []), i])
    }
    for (const [key, at] of seen) {
      if (at.length < 2) continue
      const kept = tolerance.duplicateKeys === 'first' ? at[0]! : at[at.length - 1]!
      for (const i of at) {
        if (i === kept) continue
        for (let j = i; j === i || (j < body.length && continues(body[j]!)); j++) {
          if (body[j] !== '') body[j] = `#${body[j]!.slice(1)}`
        }
        const column = (shifts.get(firstLine + i) ?? 0) + 1
        tolerated.push({ kind: 'duplicate', key, line: firstLine + i, column, kept: firstLine + kept })
      }
    }
  }
  const text = body.map((l, i) => (crs[i] ? `${l}\r` : l)).join('\n')
  return { text, tolerated: tolerated.sort((a, b) => a.line - b.line), shifts }
}

/** Whether a line belongs to the value of the top-level key above it. */
function continues(line: string): boolean {
  return line.trim() === '' || /^[ \t]/.test(line) || /^-(?:[ \t]|$)/.test(line)
}

/** A position on a line moved by {@link tolerate}, mapped back to the original line. */
export function unshift(point: Point | undefined, shifts: ReadonlyMap<number, number>): Point | undefined {
  const shift = point ? shifts.get(point.line) : undefined
  return point && shift ? { line: point.line, column: point.column + shift } : point
}

/**
 * Reads a header that strict YAML refused the way the tool's reader takes it, reporting what was
 * tolerated: a tab-indented key as AGC004 (read as the tool reads it), an ignored repeated key as
 * AGC104 (the tool ignores it). Nothing is reported when the header still does not parse.
 * @returns The parsed header with positions in the original file, or undefined.
 */
export function readTolerated(
  split: FrontmatterSplit,
  lenient: boolean | 'colons',
  tolerance: Tolerance,
  ctx: TargetContext,
): ParsedYaml | undefined {
  const rewrite = tolerate(split.yamlText, split.yamlLine, tolerance)
  if (rewrite.tolerated.length === 0) return undefined
  const yaml = parseYamlFrontmatter({ ...split, yamlText: rewrite.text }, { lenient })
  if ('code' in yaml) return undefined
  for (const t of rewrite.tolerated) {
    if (t.kind === 'tab-key') {
      ctx.report(
        'AGC004',
        `\`${t.key}\` is indented with a tab, which YAML does not allow; ${tolerance.tool} reads it as a top-level key, and so does agentc.`,
        { line: t.line, column: t.column, note: 'Remove the tab before the key.' },
      )
    } else {
      ctx.report(
        'AGC104',
        `\`${t.key}\` is written twice; ${tolerance.tool} uses the one on line ${t.kept} and ignores this one.`,
        { line: t.line, column: t.column },
      )
    }
  }
  const { shifts } = rewrite
  return {
    ...yaml,
    keyPosition: (path) => unshift(yaml.keyPosition(path), shifts),
    valuePosition: (path) => unshift(yaml.valuePosition(path), shifts),
    lenientLines: yaml.lenientLines,
  }
}

/** VS Code's YAML reader (custom agents, prompt and instructions files). */
export const VS_CODE_YAML: Tolerance = {
  tool: 'VS Code',
  tabIndentedKeys: 'after-value',
  duplicateKeys: 'first',
}

/**
 * The position of a YAML syntax problem (as the core reports it) and the key written on that
 * line, if any.
 * @param yamlText The header text.
 * @param yamlLine The file line of the first header line.
 * @param problem The problem as the core reported it.
 */
export function locateYamlProblem(
  yamlText: string,
  yamlLine: number,
  problem: { readonly message: string; readonly line: number; readonly column: number },
): { line: number; column: number; key?: string } {
  const lines = yamlText.split('\n').map((l) => l.replace(/\r$/, ''))
  const { line, column } = problem
  const key = /^[ \t]*(?:-[ \t]+)?["']?([^\s"'#:][^"'#:]*?)["']?[ \t]*:(?:[ \t]|$)/.exec(
    lines[line - yamlLine] ?? '',
  )
  return { line, column, ...(key ? { key: key[1]! } : {}) }
}

/** The core's YAML syntax message, named after the key it concerns and without JS error names. */
export function yamlProblemMessage(message: string, key: string | undefined): string {
  const clean = message.replace(/(^|: )[A-Z]\w*Error: /, '$1')
  const prefix = 'The frontmatter is not valid YAML: '
  return key !== undefined && clean.startsWith(prefix)
    ? `The frontmatter is not valid YAML at \`${key}\`: ${clean.slice(prefix.length)}`
    : clean
}
