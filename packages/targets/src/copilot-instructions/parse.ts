import { type AgentDocument, createBody, IR_VERSION, type SourceFile, type TargetContext } from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { keepExtensions, ruleNameFromPath, splitGlobString } from '../shared/rule-file'
import { VS_CODE_YAML } from '../shared/tolerant-yaml'
import { validateFrontmatter } from '../shared/validate'
import { activationFromCopilot, COPILOT_KEYS, COPILOT_KNOWN_KEYS, keyHint } from './mappings'
import { copilotInstructionsFrontmatter } from './schema'

/** The folder of path-specific instructions files. */
export const COPILOT_ROOTS = [['.github', 'instructions']] as const

/** The file name of an instructions file without its `.instructions.md` ending. */
export const INSTRUCTIONS_EXTENSION = /\.instructions\.md$/i

/**
 * Parses a Copilot path-specific instructions file (`.github/instructions/<name>.instructions.md`).
 * The header is YAML; unquoted globs (`applyTo: **\/*.ts`), which Copilot reads, are read as text
 * (AGC004). `applyTo` is one string of comma-separated globs (commas inside `{…}` stay); a YAML
 * list is read too, with a warning (VS Code ignores it).
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The instructions as a document, or nothing after an error.
 */
export function parseCopilotInstructions(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, true, VS_CODE_YAML)
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  const fieldOf = (key: string) =>
    key === 'applyTo'
      ? 'activation.globs'
      : key === 'excludeAgent'
        ? `extensions.copilot-instructions.${key}`
        : key
  if (!validateFrontmatter(copilotInstructionsFrontmatter, data, pos, ctx, 'Copilot', fieldOf)) return []

  const written = typeof data.name === 'string' && data.name.trim() !== '' ? data.name : undefined
  if (written === undefined || !pos.key('name', ['name'])) pos.fields.name = { line: 1, column: 1 }
  const description = typeof data.description === 'string' ? data.description : undefined
  if (description !== undefined) pos.key('description', ['description'])

  let globs: string[] = []
  if (typeof data.applyTo === 'string') globs = splitGlobString(data.applyTo)
  else if (Array.isArray(data.applyTo)) {
    globs = data.applyTo.flatMap((g) => splitGlobString(String(g)))
    ctx.report(
      'AGC104',
      'VS Code reads `applyTo` only as a string and ignores a list (other Copilot readers may not); write the globs comma-separated in one string.',
      { field: 'activation.globs', ...at(pos.value(['applyTo'])) },
    )
  }
  const activation = activationFromCopilot(globs, description)
  const key = activation.kind === 'always' || activation.kind === 'globs' ? 'applyTo' : 'description'
  if (activation.kind === 'manual' || !pos.key(`activation.${activation.kind}`, [key]))
    pos.fields[`activation.${activation.kind}`] = { line: 1, column: 1 }

  const extensions = keepExtensions(
    data,
    { modelled: COPILOT_KEYS, known: COPILOT_KNOWN_KEYS, hint: keyHint },
    'copilot-instructions',
    'Copilot',
    pos,
    ctx,
  )
  const doc: AgentDocument = {
    irVersion: IR_VERSION,
    name: written ?? ruleNameFromPath(file.path, COPILOT_ROOTS, INSTRUCTIONS_EXTENSION),
    ...(description !== undefined ? { description } : {}),
    activation,
    body: createBody(md.split.body),
    extensions: Object.keys(extensions).length > 0 ? { 'copilot-instructions': extensions } : {},
    source: { path: file.path, target: 'copilot-instructions', fields: pos.fields, raw: file.text },
  }
  return [doc]
}
