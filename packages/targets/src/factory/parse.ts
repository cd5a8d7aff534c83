import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type ModelRef,
  mcpTool,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { vendorOf } from '../shared/models'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader, splitTopLevelCommas } from '../shared/values'
import {
  effortFromFactory,
  FACTORY_EFFORTS,
  FACTORY_KEYS,
  isFactoryTool,
  TOOL_CATEGORIES,
  toolFromFactory,
} from './mappings'
import { factoryFrontmatter } from './schema'

/** Legal droid names: lowercase letters, digits, `-` and `_`. */
export const FACTORY_NAME = /^[a-z0-9_-]+$/

/**
 * Parses a Factory custom droid (`.factory/droids/<name>.md`): YAML frontmatter with at least
 * `name`, and the body as the droid's system prompt. Factory's validator refuses a droid without
 * frontmatter or a legal `name`, a model or effort it does not know, and values of the wrong type;
 * those are errors here too.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The droid, or nothing after an error.
 */
export function parseFactory(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, true)
  if (!md) return []
  if (!md.split.present) {
    const looksLikeKeys = /^\s*name\s*:/m.test(md.split.body.split('\n').slice(0, 8).join('\n'))
    ctx.report(
      'AGC101',
      'A Factory droid must start with YAML frontmatter (`---` lines) holding at least `name`; this file has none, so Factory does not load it.',
      {
        field: 'name',
        line: 1,
        column: 1,
        ...(looksLikeKeys ? { note: 'The keys are there but the `---` lines around them are missing.' } : {}),
      },
    )
    return []
  }
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  if (!validateFrontmatter(factoryFrontmatter, data, pos, ctx, 'Factory', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'Factory')
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}

  const name = read.string('name', 'name')
  if (name === undefined || name.trim() === '') {
    ctx.report(
      'AGC101',
      'Factory requires a `name` (lowercase letters, digits, `-` and `_`); it does not load this droid.',
      {
        field: 'name',
        ...at(pos.fields.name ?? { line: 1, column: 1 }),
      },
    )
    return []
  }
  if (!FACTORY_NAME.test(name)) {
    read.invalid(['name'], 'name', 'lowercase letters, digits, `-` and `_`', name)
    return []
  }
  doc.name = name
  doc.role = 'subagent'
  const description = read.string('description', 'description')
  if (description !== undefined) doc.description = description

  const model = read.string('model', 'model')
  if (model !== undefined && model.trim() !== '') doc.model = modelFromFactory(model.trim())
  const effort = read.oneOf('reasoningEffort', 'effort', FACTORY_EFFORTS)
  if (effort !== undefined) {
    const level = effortFromFactory(effort)
    if (level) doc.effort = level
    else {
      extensions.reasoningEffort = effort
      pos.key('extensions.factory.reasoningEffort', ['reasoningEffort'])
    }
    if (doc.model === undefined || doc.model.id === 'inherit') {
      ctx.report(
        'AGC104',
        `Factory ignores \`reasoningEffort\` when the model is \`inherit\`${doc.model ? '' : ' (the default)'}; the droid reasons as its parent session does.`,
        { field: 'effort', ...at(pos.fields.effort ?? pos.fields['extensions.factory.reasoningEffort']) },
      )
    }
  }

  const allow = readTools(data, read, pos, ctx)
  const servers = read.has('mcpServers') ? (data.mcpServers as string[]) : undefined
  if (allow) {
    if (servers) {
      pos.key('tools.mcpServers', ['mcpServers'])
      for (const server of servers) allow.add(mcpTool(server, '*'))
    }
    doc.tools = { allow: [...allow].sort() }
  } else if (servers) {
    // Without `tools`, the droid has every built-in tool and only these MCP servers: the IR has
    // no such policy, so the list is kept as written.
    extensions.mcpServers = servers
    pos.key('extensions.factory.mcpServers', ['mcpServers'])
  }

  for (const [key, value] of Object.entries(data)) {
    if ((FACTORY_KEYS as readonly string[]).includes(key)) continue
    extensions[key] = value
    const p = pos.key(`extensions.factory.${key}`, [key])
    ctx.report('AGC102', `\`${key}\` is not a Factory droid field; kept for Factory.`, {
      field: `extensions.factory.${key}`,
      ...at(p),
    })
  }
  if (md.split.body.trim() === '') {
    ctx.report('AGC104', 'Factory does not load a droid whose body (its system prompt) is empty.', {
      line: Math.min(md.split.bodyLine, file.text.split(/\r\n|\r|\n/).length),
      column: 1,
    })
  }
  if (/(^|\/)\.factory\/droids\/[^/]+\/.+/.test(file.path.replace(/\\/g, '/'))) {
    ctx.report(
      'AGC104',
      'Factory loads only the files directly in `.factory/droids/`, not in its sub-folders.',
      {
        line: 1,
        column: 1,
      },
    )
  }
  doc.body = createBody(md.split.body)
  // File order, so that a droid is written back with its keys where they were.
  const ordered = Object.fromEntries(
    Object.keys(data)
      .filter((k) => Object.hasOwn(extensions, k))
      .map((k) => [k, extensions[k]]),
  )
  doc.extensions = Object.keys(ordered).length > 0 ? { factory: ordered } : {}
  doc.source = { path: file.path, target: 'factory', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/** The IR field a droid frontmatter key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    reasoningEffort: 'effort',
    tools: 'tools.allow',
    mcpServers: 'tools.allow',
  }
  return fields[key] ?? key
}

/**
 * `tools`: a category string, or a list of tool ids (a comma-separated string, as older Factory
 * examples wrote it, is read as a list). Every droid also has `TodoWrite`. Returns the canonical
 * allow-list, or undefined when `tools` is absent (every tool).
 */
function readTools(
  data: Record<string, unknown>,
  read: FieldReader,
  pos: Positions,
  ctx: TargetContext,
): Set<string> | undefined {
  if (!read.has('tools')) return undefined
  pos.key('tools.allow', ['tools'])
  pos.key('tools', ['tools'])
  const value = data.tools as string | string[]
  const allow = new Set<string>(['todowrite'])
  if (typeof value === 'string' && Object.hasOwn(TOOL_CATEGORIES, value.trim())) {
    for (const tool of TOOL_CATEGORIES[value.trim()]!) allow.add(tool)
    return allow
  }
  const ids =
    typeof value === 'string'
      ? splitTopLevelCommas(value).map((id, i) => ({
          id: id.trim(),
          path: ['tools'] as (string | number)[],
          i,
        }))
      : value.map((id, i) => ({ id: id.trim(), path: ['tools', i] as (string | number)[], i }))
  for (const { id, path } of ids) {
    if (id === '') continue
    const tool = toolFromFactory(id)
    if (!isFactoryTool(id) && tool.startsWith('factory:')) {
      ctx.report(
        'AGC104',
        Object.hasOwn(TOOL_CATEGORIES, id)
          ? `\`${id}\` is a tool category, which Factory reads only as the whole \`tools\` value, not inside a list; kept as written.`
          : `\`${id}\` is not a Factory tool id (Factory's validator reports unknown ids as invalid); kept as written.`,
        { field: 'tools.allow', ...at(pos.value(path)) },
      )
    }
    allow.add(tool)
  }
  return allow
}

/** A droid's `model` as a model reference; Factory ids are bare, the vendor is read from the id. */
export function modelFromFactory(written: string): ModelRef {
  if (written === 'inherit' || written.startsWith('custom:')) return { written, id: written }
  const vendor = vendorOf({ id: written })
  return { written, ...(vendor ? { provider: vendor } : {}), id: written }
}
