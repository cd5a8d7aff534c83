import { type AgentDocument, createBody, IR_VERSION, type SourceFile, type TargetContext } from '@agentc/core'
import {
  at,
  keepExtensions,
  lineOf,
  Positions,
  parseHeaderYaml,
  ruleNameFromPath,
  splitGlobString,
  stripBom,
} from '../shared/rule-file'
import { validateFrontmatter } from '../shared/validate'
import { activationFromContinue, CONTINUE_KEYS, CONTINUE_KNOWN_KEYS, keyHint } from './mappings'
import { continueFrontmatter } from './schema'

/** The folder of Continue workspace rules. */
export const CONTINUE_ROOTS = [['.continue', 'rules']] as const

/** Continue's header fence (`parseMarkdownRule`): any line that is `---` and blanks, anywhere. */
const FENCE = /^---\s*$/gm

/**
 * Parses a Continue rule (`.continue/rules/<name>.md`) the way Continue reads it
 * (`parseMarkdownRule`): the text between the first two `---` lines is the header, wherever they
 * are; a header that is not valid YAML is not an error: Continue then uses the whole file as an
 * always-applied rule.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The rule as a document, or nothing when a header value has the wrong type.
 */
export function parseContinue(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const text = stripBom(file.text).replace(/\r\n/g, '\n')
  const fallbackName = ruleNameFromPath(file.path, CONTINUE_ROOTS, /\.md$/i)
  const whole = (body: string): AgentDocument => ({
    irVersion: IR_VERSION,
    name: fallbackName,
    activation: { kind: 'always' },
    body: createBody(body),
    extensions: {},
    source: { path: file.path, target: 'continue', fields: { name: { line: 1, column: 1 } }, raw: file.text },
  })
  FENCE.lastIndex = 0
  const open = FENCE.exec(text)
  const close = open ? FENCE.exec(text) : null
  if (!open || !close) return [whole(text)]
  const openLine = lineOf(text, open.index)
  const closeLine = lineOf(text, close.index)
  const lineEnd = (index: number) => {
    const end = text.indexOf('\n', index)
    return end === -1 ? text.length : end + 1
  }
  const yamlText = text.slice(lineEnd(open.index), close.index).replace(/\n$/, '')
  const body = text.slice(lineEnd(close.index))
  const header = parseHeaderYaml(yamlText, openLine + 1)
  if (header.kind === 'invalid') {
    ctx.report(
      'AGC104',
      `The header is not valid YAML (${header.message}); Continue then ignores it and applies the whole file, header included, to every request.`,
      { field: 'activation.always', line: header.line, column: header.column },
    )
    return [whole(text)]
  }
  if (text.slice(0, open.index).trim() !== '') {
    ctx.report(
      'AGC104',
      `Continue reads the lines between the first two \`---\` lines (${openLine} and ${closeLine}) as the rule's header, so the text before line ${closeLine + 1} is not part of the rule. Start the file with a \`---\` header.`,
      { line: 1, column: 1 },
    )
  }
  if (header.kind === 'not-a-map') {
    ctx.report('AGC104', 'The header is not a map of `key: value` lines; Continue ignores it.', {
      field: 'activation.always',
      line: header.line,
      column: header.column,
    })
    return [whole(body)]
  }
  const data = header.yaml.data
  const pos = new Positions(header.yaml)
  const fieldOf = (key: string) =>
    key === 'globs'
      ? 'activation.globs'
      : key === 'alwaysApply'
        ? 'activation.always'
        : key === 'regex'
          ? 'extensions.continue.regex'
          : key
  if (!validateFrontmatter(continueFrontmatter, data, pos, ctx, 'Continue', fieldOf)) return []

  const written = typeof data.name === 'string' && data.name.trim() !== '' ? data.name : undefined
  if (written === undefined || !pos.key('name', ['name'])) pos.fields.name = { line: 1, column: 1 }
  const description = typeof data.description === 'string' ? data.description : undefined
  if (description !== undefined) pos.key('description', ['description'])
  const globs = readGlobs(data.globs, pos, ctx)
  const alwaysApply = typeof data.alwaysApply === 'boolean' ? data.alwaysApply : undefined
  const activation = activationFromContinue(alwaysApply, globs, description)
  const key = activation.kind === 'globs' ? 'globs' : alwaysApply !== undefined ? 'alwaysApply' : undefined
  if (key === undefined || !pos.key(`activation.${activation.kind}`, [key]))
    pos.fields[`activation.${activation.kind}`] = { line: 1, column: 1 }
  const extensions = keepExtensions(
    data,
    { modelled: CONTINUE_KEYS, known: CONTINUE_KNOWN_KEYS, hint: keyHint },
    'continue',
    'Continue',
    pos,
    ctx,
  )
  return [
    {
      irVersion: IR_VERSION,
      name: written ?? fallbackName,
      ...(description !== undefined ? { description } : {}),
      activation,
      body: createBody(body),
      extensions: Object.keys(extensions).length > 0 ? { continue: extensions } : {},
      source: { path: file.path, target: 'continue', fields: pos.fields, raw: file.text },
    },
  ]
}

/**
 * Continue's globs: a list of globs, or one glob as a string (Continue matches the whole string
 * as one pattern, so a comma in it is part of the pattern).
 */
function readGlobs(value: unknown, pos: Positions, ctx: TargetContext): string[] {
  if (typeof value === 'string') {
    if (value.trim() === '') return []
    if (splitGlobString(value).length > 1) {
      ctx.report(
        'AGC104',
        'Continue matches a `globs` string as one pattern, so its commas are part of the pattern; write a list to give several globs.',
        { field: 'activation.globs', ...at(pos.value(['globs'])) },
      )
    }
    return [value]
  }
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string' && g !== '')
  return []
}
