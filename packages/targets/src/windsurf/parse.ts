import {
  type Activation,
  type AgentDocument,
  createBody,
  IR_VERSION,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { keepExtensions, ruleNameFromPath, splitGlobString } from '../shared/rule-file'
import { validateFrontmatter } from '../shared/validate'
import { KIND_OF_TRIGGER, keyHint, TRIGGER_ALIASES, WINDSURF_KEYS, WINDSURF_RULE_LIMIT } from './mappings'
import { windsurfFrontmatter } from './schema'

/** The folders whose `.md` files are Windsurf workspace rules (`.devin/rules` since Devin Desktop). */
export const WINDSURF_ROOTS = [
  ['.windsurf', 'rules'],
  ['.devin', 'rules'],
] as const

/**
 * Parses a Windsurf (Devin Desktop) workspace rule: `.windsurf/rules/<name>.md` or
 * `.devin/rules/<name>.md`. The header is YAML; unquoted globs such as `globs: *.ts,*tsx`,
 * which Windsurf accepts, are read as text (AGC004).
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The rule as a document, or nothing after an error.
 */
export function parseWindsurf(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, true)
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  const fieldOf = (key: string) =>
    key === 'globs' ? 'activation.globs' : key === 'trigger' ? 'activation' : key
  if (!validateFrontmatter(windsurfFrontmatter, data, pos, ctx, 'Windsurf', fieldOf)) return []
  pos.fields.name = { line: 1, column: 1 }

  const description = typeof data.description === 'string' ? data.description : undefined
  if (description !== undefined) pos.key('description', ['description'])
  let globs: string[] = []
  if (typeof data.globs === 'string') globs = splitGlobString(data.globs)
  else if (Array.isArray(data.globs)) globs = data.globs.map((g) => String(g).trim()).filter((g) => g !== '')

  const activation = readTrigger(data, globs, description, pos, ctx)
  const extensions = keepExtensions(
    data,
    { modelled: WINDSURF_KEYS, hint: keyHint },
    'windsurf',
    'Windsurf',
    pos,
    ctx,
  )
  if (file.text.length > WINDSURF_RULE_LIMIT) {
    ctx.report(
      'AGC104',
      `The rule has ${file.text.length} characters; Windsurf reads only the first ${WINDSURF_RULE_LIMIT} of a workspace rule.`,
      { line: 1, column: 1 },
    )
  }
  const doc: AgentDocument = {
    irVersion: IR_VERSION,
    name: ruleNameFromPath(file.path, WINDSURF_ROOTS, /\.md$/i),
    ...(description !== undefined ? { description } : {}),
    activation,
    body: createBody(md.split.body),
    extensions: Object.keys(extensions).length > 0 ? { windsurf: extensions } : {},
    source: { path: file.path, target: 'windsurf', fields: pos.fields, raw: file.text },
  }
  return [doc]
}

/**
 * The activation of a rule from its `trigger`. Without a trigger the rule is read as Devin
 * infers it: globs make it a glob rule, a description an agent-decided one, else it is manual.
 */
function readTrigger(
  data: Record<string, unknown>,
  globs: readonly string[],
  description: string | undefined,
  pos: Positions,
  ctx: TargetContext,
): Activation {
  const written = typeof data.trigger === 'string' ? data.trigger.trim() : undefined
  const triggerPoint = pos.value(['trigger'])
  const record = (kind: Activation['kind'], key: string | undefined) => {
    const point = key !== undefined ? pos.key(`activation.${kind}`, [key]) : undefined
    if (!point) pos.fields[`activation.${kind}`] = { line: 1, column: 1 }
  }
  let trigger = written
  if (written !== undefined && Object.hasOwn(TRIGGER_ALIASES, written)) {
    trigger = TRIGGER_ALIASES[written]!
    ctx.report(
      'AGC103',
      `\`trigger: ${written}\` is not one of Windsurf's documented triggers; it was read as \`${trigger}\`, the value agentc writes when it rewrites the rule.`,
      { field: 'activation', ...at(triggerPoint) },
    )
  }
  if (trigger === undefined || trigger === '') {
    const kind: Activation['kind'] =
      globs.length > 0
        ? 'globs'
        : description !== undefined && description.trim() !== ''
          ? 'model-decision'
          : 'manual'
    record(kind, kind === 'globs' ? 'globs' : kind === 'model-decision' ? 'description' : undefined)
    return kind === 'globs' ? { kind, globs } : { kind }
  }
  const kind = Object.hasOwn(KIND_OF_TRIGGER, trigger) ? KIND_OF_TRIGGER[trigger] : undefined
  if (kind === undefined) {
    ctx.report(
      'AGC104',
      `Windsurf has no trigger \`${trigger}\` (it knows always_on, glob, model_decision and manual); the rule does not apply by itself and was read as manual.`,
      { field: 'activation', ...at(triggerPoint) },
    )
    record('manual', 'trigger')
    return { kind: 'manual' }
  }
  if (kind === 'globs' && globs.length === 0) {
    ctx.report(
      'AGC104',
      '`trigger: glob` without `globs` never applies by itself; the rule was read as manual.',
      {
        field: 'activation',
        ...at(triggerPoint),
      },
    )
    record('manual', 'trigger')
    return { kind: 'manual' }
  }
  record(kind, 'trigger')
  return kind === 'globs' ? { kind, globs } : { kind }
}
