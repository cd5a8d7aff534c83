import {
  type Activation,
  type AgentDocument,
  createBody,
  IR_VERSION,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader } from '../shared/values'
import { type Inclusion, STEERING_KEYS, steeringName } from './mappings'
import { kiroSteeringFrontmatter } from './schema'

const ID = 'kiro-steering'

/**
 * Parses a Kiro steering file (`.kiro/steering/<name>.md`): optional YAML frontmatter (a file
 * without one, or without `inclusion`, is always included; a leading BOM is fine) and the body.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The steering file as a document, or nothing after an error.
 */
export function parseKiroSteering(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, false)
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  if (!validateFrontmatter(kiroSteeringFrontmatter, data, pos, ctx, 'Kiro', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'Kiro')
  const extensions: Record<string, unknown> = {}

  // An empty `name` names nothing: the file's name stands for it.
  const name = read.string('name', 'name') || steeringName(file.path)
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  const description = read.string('description', 'description')
  const inclusion: Inclusion =
    read.oneOf('inclusion', 'activation', ['always', 'fileMatch', 'manual', 'auto'] as const) ?? 'always'
  const inclusionAt = pos.fields.activation ?? { line: 1, column: 1 }
  delete pos.fields.activation
  let activation: Activation
  if (inclusion === 'fileMatch') {
    const value = data.fileMatchPattern
    const globs = (typeof value === 'string' ? [value] : Array.isArray(value) ? value : [])
      .map((g) => String(g).trim())
      .filter((g) => g !== '')
    pos.key('activation.globs', ['fileMatchPattern'])
    activation = { kind: 'globs', globs }
    if (globs.length === 0) {
      ctx.report('AGC104', '`inclusion: fileMatch` without a `fileMatchPattern` never includes this file.', {
        field: 'activation.globs',
        ...at(inclusionAt),
      })
    }
  } else if (inclusion === 'auto') {
    activation = { kind: 'model-decision' }
    if (description === undefined || description.trim() === '' || !read.has('name')) {
      ctx.report(
        'AGC104',
        '`inclusion: auto` needs a `name` and a `description`: Kiro matches the description against each request.',
        { field: 'activation.model-decision', ...at(inclusionAt) },
      )
    }
  } else {
    activation = { kind: inclusion === 'manual' ? 'manual' : 'always' }
  }
  if (!pos.fields[`activation.${activation.kind}`]) pos.fields[`activation.${activation.kind}`] = inclusionAt

  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue
    const known = (STEERING_KEYS as readonly string[]).includes(key)
    if (known && !(key === 'fileMatchPattern' && inclusion !== 'fileMatch')) continue
    extensions[key] = value
    const p = pos.key(`extensions.${ID}.${key}`, [key])
    if (key === 'fileMatchPattern') {
      ctx.report(
        'AGC104',
        `\`fileMatchPattern\` only takes effect with \`inclusion: fileMatch\` (this file is ${inclusion}); kept as written.`,
        { field: `extensions.${ID}.${key}`, ...at(p) },
      )
    } else {
      ctx.report('AGC102', `\`${key}\` is not a Kiro steering field (Kiro ignores it); kept for Kiro.`, {
        field: `extensions.${ID}.${key}`,
        ...at(p),
      })
    }
  }
  const doc: AgentDocument = {
    irVersion: IR_VERSION,
    name,
    ...(description !== undefined ? { description } : {}),
    activation,
    body: createBody(md.split.body),
    extensions: Object.keys(extensions).length > 0 ? { [ID]: extensions } : {},
    source: { path: file.path, target: ID, fields: pos.fields, raw: file.text },
  }
  return [doc]
}

/** The IR field a steering key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = { inclusion: 'activation', fileMatchPattern: 'activation.globs' }
  return Object.hasOwn(fields, key) ? fields[key]! : key
}
