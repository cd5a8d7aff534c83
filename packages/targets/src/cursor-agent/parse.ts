import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type ModelRef,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { vendorOf } from '../shared/models'
import { orFileName } from '../shared/names'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader } from '../shared/values'
import { CURSOR_AGENT_EXTENSION_KEYS, CURSOR_AGENT_KEYS, MUTATING_TOOLS } from './mappings'
import { cursorAgentFrontmatter } from './schema'

/**
 * Parses a Cursor subagent (`.cursor/agents/<name>.md`): YAML frontmatter (`name`, defaulting to
 * the file name, `description`, `model`, `readonly`, `is_background`) and the body as the
 * subagent's prompt. `readonly: true` is read as the denial of the tools that change files or
 * run commands (`bash`, `edit`, `write`).
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The subagent, or nothing after an error.
 */
export function parseCursorAgent(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, true)
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  if (!validateFrontmatter(cursorAgentFrontmatter, data, pos, ctx, 'Cursor', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'Cursor')
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}

  const name = read.string('name', 'name')
  doc.name = name !== undefined && name.trim() !== '' ? name : fileStem(file.path)
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  doc.role = 'subagent'
  const description = read.string('description', 'description')
  if (description !== undefined) doc.description = description
  const model = read.string('model', 'model')
  if (model !== undefined && model.trim() !== '') doc.model = modelFromCursor(model.trim())
  if (read.boolean('readonly', 'tools.deny') === true) {
    pos.key('tools', ['readonly'])
    doc.tools = { deny: [...MUTATING_TOOLS] }
  }

  for (const [key, value] of Object.entries(data)) {
    if ((CURSOR_AGENT_KEYS as readonly string[]).includes(key)) continue
    extensions[key] = value
    const p = pos.key(`extensions.cursor-agent.${key}`, [key])
    if (CURSOR_AGENT_EXTENSION_KEYS.has(key)) continue
    const message =
      key === 'tools' || key === 'disallowedTools'
        ? `Cursor subagents have no tool list and ignore \`${key}\` (only \`readonly\` restricts their tools); kept for Cursor.`
        : `\`${key}\` is not a Cursor subagent field (Cursor ignores it); kept for Cursor.`
    ctx.report('AGC102', message, {
      field: `extensions.cursor-agent.${key}`,
      ...at(p),
    })
  }
  doc.body = createBody(md.split.body)
  doc.extensions = Object.keys(extensions).length > 0 ? { 'cursor-agent': extensions } : {}
  doc.source = { path: file.path, target: 'cursor-agent', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/** The IR field a subagent frontmatter key holds. */
function fieldOfKey(key: string): string {
  if (key === 'readonly') return 'tools.deny'
  if (key === 'is_background') return 'extensions.cursor-agent.is_background'
  return key
}

/** The file name without `.md`: Cursor's default subagent name. */
function fileStem(path: string): string {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? path
  return orFileName(base.replace(/\.md$/i, ''), path)
}

/** A subagent's `model`: `inherit`, `fast`, or a bare model id whose vendor is read from the id. */
export function modelFromCursor(written: string): ModelRef {
  if (written === 'inherit' || written === 'fast') return { written, id: written }
  const vendor = vendorOf({ id: written })
  return { written, ...(vendor ? { provider: vendor } : {}), id: written }
}
