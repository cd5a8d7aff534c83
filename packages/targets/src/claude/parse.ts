import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type ModelRef,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { nameFromPath } from '../shared/names'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader, stringList } from '../shared/values'
import { CLAUDE_COLORS, CLAUDE_EXTENSION_KEYS, CLAUDE_KNOWN_KEYS, toolFromClaude } from './mappings'
import { claudeFrontmatter } from './schema'

const CLAUDE_EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const

/**
 * Parses a Claude Code subagent file (`.claude/agents/<name>.md`).
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agent, or nothing after an error.
 */
export function parseClaude(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, true)
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  if (!validateFrontmatter(claudeFrontmatter, data, pos, ctx, 'Claude Code', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'Claude Code')
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}

  const name = read.string('name', 'name')
  if (name === undefined || name === '') {
    ctx.report(
      'AGC104',
      `Claude Code skips agent files without a${name === undefined ? '' : ' non-empty'} \`name\`; the name was taken from the file name.`,
      {
        field: 'name',
        ...(name === undefined ? { line: 1, column: 1 } : at(pos.value(['name']))),
      },
    )
  }
  doc.name = name || nameFromPath(file.path)
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  const description = read.string('description', 'description')
  if (description !== undefined) doc.description = description
  else {
    ctx.report('AGC104', 'Claude Code skips agent files without a `description`.', {
      field: 'description',
      line: 1,
      column: 1,
    })
  }

  const allow = readToolList(data, 'tools', 'tools.allow', read, pos)
  const deny = readToolList(data, 'disallowedTools', 'tools.deny', read, pos)
  if (allow || deny) doc.tools = { ...(allow ? { allow } : {}), ...(deny ? { deny } : {}) }

  const model = read.string('model', 'model')
  if (model !== undefined && model.trim() !== '') doc.model = modelFromClaude(model.trim())
  const effort = read.oneOf('effort', 'effort', CLAUDE_EFFORTS)
  if (effort) doc.effort = effort
  const maxTurns = read.number('maxTurns', 'maxSteps')
  if (maxTurns !== undefined) doc.maxSteps = maxTurns
  const color = read.string('color', 'color')
  if (color !== undefined) {
    doc.color = color
    if (!Object.hasOwn(CLAUDE_COLORS, color)) {
      ctx.report(
        'AGC104',
        `Claude Code has no colour \`${color}\`; it uses ${Object.keys(CLAUDE_COLORS).join(', ')}.`,
        {
          field: 'color',
          ...at(pos.fields.color),
        },
      )
    }
  }

  for (const [key, value] of Object.entries(data)) {
    if ((CLAUDE_KNOWN_KEYS as readonly string[]).includes(key)) continue
    extensions[key] = value
    const p = pos.key(`extensions.claude.${key}`, [key])
    if (!CLAUDE_EXTENSION_KEYS.has(key)) {
      ctx.report(
        'AGC102',
        `\`${key}\` is not a Claude Code agent field (Claude Code ignores it); kept for Claude.`,
        {
          field: `extensions.claude.${key}`,
          ...at(p),
        },
      )
    }
  }
  doc.body = createBody(md.split.body)
  doc.extensions = Object.keys(extensions).length > 0 ? { claude: extensions } : {}
  doc.source = { path: file.path, target: 'claude', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/** The IR field a Claude Code frontmatter key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    tools: 'tools.allow',
    disallowedTools: 'tools.deny',
    maxTurns: 'maxSteps',
  }
  return fields[key] ?? key
}

function readToolList(
  data: Record<string, unknown>,
  key: string,
  field: 'tools.allow' | 'tools.deny',
  read: FieldReader,
  pos: Positions,
): string[] | undefined {
  if (!read.has(key) || data[key] === null) return undefined
  pos.key(field, [key])
  const list = stringList(data[key])
  if (!list) {
    read.invalid([key], field, 'a comma-separated list or a YAML list of tool names', data[key])
    return undefined
  }
  return [...new Set(list.map(toolFromClaude))].sort()
}

/** A Claude Code model value as a model reference (every Claude model is Anthropic's). */
export function modelFromClaude(written: string): ModelRef {
  if (written === 'inherit') return { written, id: 'inherit' }
  const slash = written.indexOf('/')
  if (slash > 0) return { written, provider: written.slice(0, slash), id: written.slice(slash + 1) }
  return { written, provider: 'anthropic', id: written }
}
