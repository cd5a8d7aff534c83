import {
  type Activation,
  type AgentDocument,
  createBody,
  IR_VERSION,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { keepExtensions, ruleNameFromPath } from '../shared/rule-file'
import { validateFrontmatter } from '../shared/validate'
import { AUGMENT_KEYS, DEFAULT_TYPE, KIND_OF_TYPE, keyHint } from './mappings'
import { augmentFrontmatter } from './schema'

/** The folder of Augment workspace rules. */
export const AUGMENT_ROOTS = [['.augment', 'rules']] as const

/**
 * Parses an Augment rule (`.augment/rules/<name>.md` or `.mdx`): `type: always_apply |
 * agent_requested | manual` (absent = always_apply, Augment's documented default) and
 * `description`.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The rule as a document, or nothing after an error.
 */
export function parseAugment(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, true)
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  const fieldOf = (key: string) => (key === 'type' ? 'activation' : key)
  if (!validateFrontmatter(augmentFrontmatter, data, pos, ctx, 'Augment', fieldOf)) return []
  pos.fields.name = { line: 1, column: 1 }
  const description = typeof data.description === 'string' ? data.description : undefined
  if (description !== undefined) pos.key('description', ['description'])

  const written = typeof data.type === 'string' && data.type.trim() !== '' ? data.type.trim() : undefined
  const known = Object.hasOwn(KIND_OF_TYPE, written ?? DEFAULT_TYPE)
  let kind: Activation['kind'] = known ? KIND_OF_TYPE[written ?? DEFAULT_TYPE]! : 'always'
  if (written !== undefined && !known) {
    ctx.report(
      'AGC104',
      `Augment has no rule type \`${written}\` (it knows always_apply, agent_requested and manual); the rule was read with the default, always_apply.`,
      { field: 'activation', ...at(pos.value(['type'])) },
    )
    kind = 'always'
  }
  if (written === undefined || !pos.key(`activation.${kind}`, ['type']))
    pos.fields[`activation.${kind}`] = { line: 1, column: 1 }
  const extensions = keepExtensions(
    data,
    { modelled: AUGMENT_KEYS, hint: keyHint },
    'augment',
    'Augment',
    pos,
    ctx,
  )
  const doc: AgentDocument = {
    irVersion: IR_VERSION,
    name: ruleNameFromPath(file.path, AUGMENT_ROOTS, /\.mdx?$/i),
    ...(description !== undefined ? { description } : {}),
    activation: { kind } as Activation,
    body: createBody(md.split.body),
    extensions: Object.keys(extensions).length > 0 ? { augment: extensions } : {},
    source: { path: file.path, target: 'augment', fields: pos.fields, raw: file.text },
  }
  return [doc]
}
