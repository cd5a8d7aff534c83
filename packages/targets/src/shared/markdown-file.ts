import {
  type FrontmatterSplit,
  type ParsedYaml,
  type Point,
  parseYamlFrontmatter,
  type SourceFile,
  splitFrontmatter,
  type TargetContext,
} from '@agentc/core'
import { locateYamlProblem, readTolerated, type Tolerance, yamlProblemMessage } from './tolerant-yaml'

/** A markdown file with YAML frontmatter, read for a target. */
export interface MarkdownFile {
  readonly split: FrontmatterSplit
  readonly yaml: ParsedYaml
}

/**
 * Reads a markdown file's frontmatter as YAML, reporting syntax problems as diagnostics.
 * @param file The file.
 * @param ctx The target context (for diagnostics).
 * @param lenient How the tool reads invalid plain values (see `ParseYamlOptions.lenient`; AGC004 info).
 * @param tolerance What else the tool's reader takes that strict YAML refuses (tab-indented keys,
 * repeated keys); see `tolerant-yaml.ts`.
 * @returns The parts, or undefined after an error diagnostic.
 */
export function readMarkdownFile(
  file: SourceFile,
  ctx: TargetContext,
  lenient: boolean | 'colons',
  tolerance?: Tolerance,
): MarkdownFile | undefined {
  const split = splitFrontmatter(file.text)
  if ('code' in split) {
    ctx.report(split.code, split.message, { line: split.line, column: split.column })
    return undefined
  }
  const strict = parseYamlFrontmatter(split, { lenient })
  const yaml =
    'code' in strict && strict.code === 'AGC002' && tolerance
      ? (readTolerated(split, lenient, tolerance, ctx) ?? strict)
      : strict
  if ('code' in yaml) {
    const at = locateYamlProblem(split.yamlText, split.yamlLine, yaml)
    ctx.report(yaml.code, yamlProblemMessage(yaml.message, at.key), { line: at.line, column: at.column })
    return undefined
  }
  for (const { line, key } of yaml.lenientLines) {
    ctx.report(
      'AGC004',
      `The value of \`${key}\` is not valid YAML; it was read as plain text, as the tool does.`,
      {
        line,
        column: key.length + 3,
        note: 'Quote the value to make the file readable by strict YAML parsers.',
      },
    )
  }
  return { split, yaml }
}

/** Field positions recorded while mapping a file to the IR. */
export class Positions {
  readonly fields: Record<string, Point> = {}
  constructor(private readonly yaml: ParsedYaml) {}
  /** Records the position of the key at `path` under `field`, if the key exists. */
  key(field: string, path: readonly (string | number)[]): Point | undefined {
    const p = this.yaml.keyPosition(path)
    if (p && !(field in this.fields)) this.fields[field] = p
    return p
  }
  /** The position of the value at `path` (for value errors). */
  value(path: readonly (string | number)[]): Point | undefined {
    return this.yaml.valuePosition(path)
  }
}

/** `{line, column}` spread-ready, or nothing. */
export function at(point: Point | undefined): { line?: number; column?: number } {
  return point ? { line: point.line, column: point.column } : {}
}

/** The type of a YAML value as people call it (`a number`, `a list`, `a map`). */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map'
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`
}
