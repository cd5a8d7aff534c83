import { type AgentDocument, createBody, IR_VERSION, type SourceFile, type TargetContext } from '@agentc/core'
import {
  at,
  keepExtensions,
  lineOf,
  Positions,
  parseHeaderYaml,
  ruleNameFromPath,
  stripBom,
} from '../shared/rule-file'
import { activationFromPaths, CLINE_KEYS, keyHint } from './mappings'

/** The folders whose files are Cline workspace rules. */
export const CLINE_ROOTS = [['.clinerules'], ['.cline', 'rules']] as const

/**
 * Cline's header pattern (`frontmatter.ts`), applied to the file with its leading whitespace (and
 * byte-order mark) removed: `---`, the YAML, a line starting with `---`, the body.
 */
const HEADER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/

/**
 * Parses a Cline rule (`.clinerules/<name>.md`, also `.txt` and `.cline/rules/`) the way Cline
 * reads it: no header = always on; `paths: [globs]` = applies when a file in context matches;
 * `paths: []` = never applies by itself (agentc: manual); a `paths` of another shape is ignored;
 * a header that is not valid YAML is not an error: Cline then uses the whole file, header
 * included, as an always-on rule.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The rule as a document (Cline never refuses a rule for its header).
 */
export function parseCline(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const lead = file.text.length - file.text.trimStart().length
  const match = HEADER.exec(file.text.slice(lead))
  const name = ruleNameFromPath(file.path, CLINE_ROOTS, /\.(md|markdown|txt)$/i)
  const base = { irVersion: IR_VERSION, name } as const
  const whole = (): AgentDocument => ({
    ...base,
    activation: { kind: 'always' },
    body: createBody(stripBom(file.text)),
    extensions: {},
    source: { path: file.path, target: 'cline', fields: { name: { line: 1, column: 1 } }, raw: file.text },
  })
  if (!match) return [whole()]
  const yamlLine = lineOf(file.text, lead) + 1
  const header = parseHeaderYaml(match[1]!, yamlLine)
  if (header.kind === 'invalid') {
    ctx.report(
      'AGC104',
      `The header is not valid YAML (${header.message}); Cline then ignores its \`paths\` and uses the whole file, header included, as an always-on rule.`,
      { field: 'activation.always', line: header.line, column: header.column },
    )
    return [whole()]
  }
  const body = createBody(match[2]!)
  if (header.kind === 'not-a-map') {
    ctx.report(
      'AGC104',
      'The header is not a map of `key: value` lines; Cline ignores it and always applies the rule.',
      {
        field: 'activation.always',
        line: header.line,
        column: header.column,
      },
    )
    return [{ ...whole(), body }]
  }
  const data = header.yaml.data
  const pos = new Positions(header.yaml)
  pos.fields.name = { line: 1, column: 1 }
  const description = typeof data.description === 'string' ? data.description : undefined
  if (description !== undefined) pos.key('description', ['description'])
  const { activation, ignored } = activationFromPaths(data.paths)
  const extensions = keepExtensions(data, { modelled: CLINE_KEYS, hint: keyHint }, 'cline', 'Cline', pos, ctx)
  if (data.description !== undefined && data.description !== null && description === undefined) {
    // Cline ignores `description`; one that is not text is kept as written.
    extensions.description = data.description
    pos.key('extensions.cline.description', ['description'])
  }
  if (ignored) {
    extensions.paths = data.paths
    pos.key('extensions.cline.paths', ['paths'])
    ctx.report(
      'AGC104',
      'Cline reads `paths` only as a list of non-empty glob strings; this value is ignored, so the rule is always on.',
      { field: 'activation.always', ...at(pos.value(['paths'])) },
    )
  }
  const point = activation.kind === 'always' ? undefined : pos.key(`activation.${activation.kind}`, ['paths'])
  if (!point) pos.fields[`activation.${activation.kind}`] = { line: 1, column: 1 }
  return [
    {
      ...base,
      ...(description !== undefined ? { description } : {}),
      activation,
      body,
      extensions: Object.keys(extensions).length > 0 ? { cline: extensions } : {},
      source: { path: file.path, target: 'cline', fields: pos.fields, raw: file.text },
    },
  ]
}
