/**
 * Qwen Code's frontmatter reader, as `subagent-manager.ts` (`parseSubagentContent`) and
 * `utils/yaml-parser.ts` implement it (QwenLM/qwen-code, the newest version in the index):
 *
 * - The file is normalised (`normalizeContent`: byte-order mark and CR line ends removed —
 *   `utils/textUtils.ts` is not in the index; assumed from how the result is matched), then
 *   matched against `/^---\n([\s\S]*?)\n---\n([\s\S]*)$/`: the fences must be exactly `---` and the
 *   closing one must end with a line break, else "Invalid format: missing YAML frontmatter".
 * - The header is read with `yaml.parse(…, {schema: 'core'})`; when that throws (or does not give a
 *   map), with `parseSimple`, a line-based reader: `key: value` split at the first colon (the key
 *   trimmed, so a tab-indented key is a key), a repeated key overwrites the earlier one,
 *   `  - item` lists and two-space-indented `key: value` maps under an empty key, `true` / `false`
 *   / `null` / numbers / double-quoted text as values, everything else as plain text.
 *
 * @module
 */
import {
  type ParsedYaml,
  type Point,
  parseYamlFrontmatter,
  type SourceFile,
  splitFrontmatter,
  type TargetContext,
  toLf,
} from '@agentc/core'
import type { MarkdownFile } from '../shared/markdown-file'
import { locateYamlProblem, yamlProblemMessage } from '../shared/tolerant-yaml'

const QWEN_FILE = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/

/**
 * Reads a Qwen Code subagent file's frontmatter as Qwen Code does; reports what it refuses.
 * @returns The parts (a file without frontmatter has `split.present` false), or undefined after
 * an error diagnostic.
 */
export function readQwenFile(file: SourceFile, ctx: TargetContext): MarkdownFile | undefined {
  const split = splitFrontmatter(file.text)
  if ('code' in split) {
    ctx.report(split.code, split.message, { line: split.line, column: split.column })
    return undefined
  }
  if (!split.present) return { split, yaml: simpleYaml('', split.yamlLine).yaml }
  const normalized = toLf(file.text.replace(/^\ufeff/, '')).replace(/\r/g, '\n')
  const match = QWEN_FILE.exec(normalized)
  if (!match || match[1] !== toLf(split.yamlText)) {
    const lines = normalized.split('\n')
    const opening = lines[0] !== '---'
    const empty = !opening && split.yamlText === ''
    const line = opening ? 1 : split.bodyLine - 1
    const why = opening
      ? 'the first line has more after `---`'
      : empty
        ? 'there is no line between the fences'
        : lines[line - 1] === '---'
          ? 'the closing `---` is the last line, without a line break'
          : 'the closing line has more after `---`'
    ctx.report(
      'AGC101',
      `Qwen Code finds no frontmatter: the file must start with a line that is exactly \`---\` and the header must end with a line that is exactly \`---\` followed by a line break (${why}); Qwen Code skips this file.`,
      { field: 'name', line, column: empty ? 1 : 4 },
    )
    return undefined
  }
  const strict = parseYamlFrontmatter(split)
  if (!('code' in strict)) return { split, yaml: strict }
  if (strict.code === 'AGC007') {
    ctx.report(strict.code, strict.message, { line: strict.line, column: strict.column })
    return undefined
  }
  const simple = simpleYaml(match[1]!, split.yamlLine)
  const at = locateYamlProblem(split.yamlText, split.yamlLine, strict)
  ctx.report(
    'AGC004',
    `${yamlProblemMessage(strict.message, at.key).replace(/\.$/, '')}; Qwen Code then reads the header with its simple \`key: value\` reader, and so does agentc.`,
    {
      line: at.line,
      column: at.column,
      note: 'Fix the YAML: the simple reader takes only `key: value` lines, `  - item` lists and two-space-indented maps.',
    },
  )
  for (const d of simple.duplicates) {
    ctx.report(
      'AGC104',
      `\`${d.key}\` is written twice; Qwen Code uses the one on line ${d.kept} and ignores this one.`,
      {
        line: d.line,
        column: d.column,
      },
    )
  }
  return { split, yaml: simple.yaml }
}

interface SimpleResult {
  readonly yaml: ParsedYaml
  readonly duplicates: readonly { key: string; line: number; column: number; kept: number }[]
}

/** `parseSimple` of Qwen Code's `yaml-parser.ts`, with the positions of the top-level keys. */
function simpleYaml(text: string, firstLine: number): SimpleResult {
  const lines = text
    .split('\n')
    .map((t, i) => ({ t, line: firstLine + i }))
    .filter(({ t }) => t.trim() !== '' && !t.trim().startsWith('#'))
  const result = new Map<string, unknown>()
  const keys = new Map<string, { key: Point; value: Point }>()
  const duplicates: { key: string; line: number; column: number; kept: number }[] = []
  const set = (key: string, value: unknown, at: { key: Point; value: Point }) => {
    const before = keys.get(key)
    if (before) duplicates.push({ key, ...before.key, kept: 0 })
    result.set(key, value)
    keys.set(key, at)
  }
  const pointsOf = (row: { t: string; line: number }) => {
    const keyColumn = row.t.length - row.t.trimStart().length + 1
    const colon = row.t.indexOf(':')
    const rest = row.t.slice(colon + 1)
    const valueColumn = colon + 2 + (rest.length - rest.trimStart().length)
    return { key: { line: row.line, column: keyColumn }, value: { line: row.line, column: valueColumn } }
  }
  let currentKey = ''
  let currentAt = { key: { line: firstLine, column: 1 }, value: { line: firstLine, column: 1 } }
  let currentArray: unknown[] = []
  let inArray = false
  let currentObject = new Map<string, unknown>()
  let inObject = false
  let objectKey = ''
  let objectAt = currentAt
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i]!
    const line = row.t
    if (line.startsWith('  - ')) {
      if (!inArray) {
        inArray = true
        currentArray = []
      }
      currentArray.push(simpleValue(line.substring(4).trim()))
      continue
    }
    if (inArray) {
      set(currentKey, currentArray, currentAt)
      inArray = false
      currentArray = []
      currentKey = ''
    }
    if (line.startsWith('  ') && inObject) {
      const [key, ...rest] = line.trim().split(':')
      currentObject.set(key!.trim(), simpleValue(rest.join(':').trim()))
      continue
    }
    if (inObject) {
      set(objectKey, Object.fromEntries(currentObject), objectAt)
      inObject = false
      currentObject = new Map()
      objectKey = ''
    }
    if (!line.includes(':')) continue
    const [key, ...rest] = line.split(':')
    const value = rest.join(':').trim()
    if (value === '') {
      currentKey = key!.trim()
      currentAt = pointsOf(row)
      const next = lines[i + 1]?.t
      if (next?.startsWith('  - ')) continue
      if (next?.startsWith('  ')) {
        inObject = true
        objectKey = currentKey
        objectAt = currentAt
        currentObject = new Map()
        currentKey = ''
      }
      continue
    }
    set(key!.trim(), simpleValue(value), pointsOf(row))
  }
  if (inArray) set(currentKey, currentArray, currentAt)
  if (inObject) set(objectKey, Object.fromEntries(currentObject), objectAt)
  const data = Object.fromEntries(result) as Record<string, unknown>
  const find = (path: readonly (string | number)[]) =>
    path.length > 0 ? keys.get(String(path[0])) : undefined
  return {
    yaml: {
      data,
      lenient: true,
      lenientLines: [],
      keyPosition: (path) => find(path)?.key,
      valuePosition: (path) => (path.length === 1 ? find(path)?.value : find(path)?.key),
    },
    duplicates: duplicates.map((d) => ({ ...d, kept: keys.get(d.key)!.key.line })),
  }
}

/** `parseValue` of Qwen Code's simple reader. */
function simpleValue(value: string): unknown {
  if (value === 'true') return true
  if (value === 'false') return false
  if (value === 'null') return null
  if (value === '') return ''
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    return value.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\')
  }
  const num = Number(value)
  if (!Number.isNaN(num) && Number.isFinite(num)) return num
  return value
}
