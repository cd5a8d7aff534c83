import {
  type AgentDocument,
  createBody,
  type Effort,
  IR_VERSION,
  type ModelRef,
  type PermissionRule,
  type SourceFile,
  type TargetContext,
  type ToolPolicy,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { nameFromPath } from '../shared/names'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader, isDecision, isEffort } from '../shared/values'
import { EDIT_GROUP, EFFORT_KEYS, toolFromOpenCode } from './mappings'
import { openCodeFrontmatter } from './schema'

/** Keys OpenCode models itself (everything else is a provider pass-through option). */
const KNOWN = new Set([
  'name',
  'description',
  'mode',
  'model',
  'temperature',
  'top_p',
  'steps',
  'maxSteps',
  'color',
  'hidden',
  'disable',
  'tools',
  'permission',
  ...EFFORT_KEYS,
])

/**
 * Parses an OpenCode agent file (`.opencode/agents/<name>.md`) as OpenCode V1 reads it: YAML
 * frontmatter (with OpenCode's lenient fallback for plain values containing `: `) and the body
 * as the prompt.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agent, or nothing after an error.
 */
export function parseOpenCode(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  // gray-matter's js-yaml 3 reads a tab-indented key as a top-level key (see tolerant-yaml.ts).
  const md = readMarkdownFile(file, ctx, 'colons', { tool: 'OpenCode', tabIndentedKeys: 'anywhere' })
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  if (!validateFrontmatter(openCodeFrontmatter, data, pos, ctx, 'OpenCode', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'OpenCode')
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}

  // An empty `name` names nothing: the file's name stands for it.
  doc.name = read.string('name', 'name') || nameFromPath(file.path)
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  const description = read.string('description', 'description')
  if (description !== undefined) doc.description = description
  const role = read.oneOf('mode', 'role', ['primary', 'subagent', 'all'] as const)
  if (role) doc.role = role
  const model = readModel(data.model, read, pos)
  if (model) doc.model = model
  const temperature = read.number('temperature', 'sampling.temperature')
  const topP = read.number('top_p', 'sampling.topP')
  if (temperature !== undefined || topP !== undefined) {
    doc.sampling = {
      ...(temperature !== undefined ? { temperature } : {}),
      ...(topP !== undefined ? { topP } : {}),
    }
  }
  const effort = readEffort(data, pos, ctx, extensions)
  if (effort) doc.effort = effort
  const steps = read.number('steps', 'maxSteps')
  const maxSteps = read.number('maxSteps', 'maxSteps')
  if (read.has('maxSteps')) {
    ctx.report('AGC103', '`maxSteps` is deprecated in OpenCode; `steps` is its current name.', {
      field: 'maxSteps',
      ...at(pos.key('maxSteps', ['maxSteps'])),
    })
  }
  if (steps ?? maxSteps) doc.maxSteps = (steps ?? maxSteps)!
  const color = read.string('color', 'color')
  if (color !== undefined) doc.color = color
  const hidden = read.boolean('hidden', 'hidden')
  if (hidden !== undefined) doc.hidden = hidden
  const disabled = read.boolean('disable', 'disabled')
  if (disabled !== undefined) doc.disabled = disabled
  const tools = readTools(data.tools, read, pos)
  if (tools) doc.tools = tools
  const permissions = readPermission(data.permission, read, pos)
  if (permissions) doc.permissions = permissions

  for (const [key, value] of Object.entries(data)) {
    if (KNOWN.has(key)) continue
    extensions[key] = value
    const p = pos.key(`extensions.opencode.${key}`, [key])
    if (key === 'permissions') {
      ctx.report(
        'AGC104',
        'OpenCode does not read `permissions`; the key it reads is `permission`. Kept as written.',
        {
          field: 'extensions.opencode.permissions',
          ...at(p),
        },
      )
    } else if (key === 'prompt') {
      ctx.report(
        'AGC104',
        'In a markdown agent the body is the prompt; OpenCode ignores the `prompt` key. Kept as written.',
        {
          field: 'extensions.opencode.prompt',
          ...at(p),
        },
      )
    } else {
      ctx.report(
        'AGC102',
        `\`${key}\` is not an OpenCode agent field; OpenCode passes it to the provider. Kept for OpenCode.`,
        {
          field: `extensions.opencode.${key}`,
          ...at(p),
        },
      )
    }
  }
  doc.body = createBody(md.split.body)
  // In file order (effort spellings kept as options are read first), so that they are written back in it.
  const ordered = Object.fromEntries(
    Object.keys(data)
      .filter((k) => Object.hasOwn(extensions, k))
      .map((k) => [k, extensions[k]]),
  )
  doc.extensions = Object.keys(ordered).length > 0 ? { opencode: ordered } : {}
  doc.source = { path: file.path, target: 'opencode', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/** The IR field an OpenCode frontmatter key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    mode: 'role',
    temperature: 'sampling.temperature',
    top_p: 'sampling.topP',
    steps: 'maxSteps',
    disable: 'disabled',
    tools: 'tools.deny',
    permission: 'permissions',
  }
  return fields[key] ?? ((EFFORT_KEYS as readonly string[]).includes(key) ? 'effort' : key)
}

function readModel(value: unknown, read: FieldReader, pos: Positions): ModelRef | undefined {
  if (value === undefined || value === null) return undefined
  pos.key('model', ['model'])
  let written: string | undefined
  if (typeof value === 'string') written = value
  else if (isPlaceholder(value)) written = `{${Object.keys(value)[0]}}`
  if (written === undefined || written.trim() === '') {
    read.invalid(['model'], 'model', 'text of the form `provider/model-id`', value)
    return undefined
  }
  const slash = written.indexOf('/')
  if (slash > 0 && !written.startsWith('{')) {
    return { written, provider: written.slice(0, slash), id: written.slice(slash + 1) }
  }
  return { written, id: written }
}

/** `{env:VAR}` written unquoted reads as a YAML map with one key and no value. */
function isPlaceholder(value: unknown): value is Record<string, null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return (
    keys.length === 1 &&
    /^(env|file):/.test(keys[0]!) &&
    (value as Record<string, unknown>)[keys[0]!] === null
  )
}

function readEffort(
  data: Record<string, unknown>,
  pos: Positions,
  ctx: TargetContext,
  extensions: Record<string, unknown>,
): Effort | undefined {
  let effort: Effort | undefined
  for (const key of EFFORT_KEYS) {
    if (!Object.hasOwn(data, key)) continue
    const value = data[key]
    const p = pos.key('effort', [key])
    if (effort === undefined && isEffort(value)) {
      effort = value
      continue
    }
    extensions[key] = value
    pos.key(`extensions.opencode.${key}`, [key])
    ctx.report(
      'AGC102',
      effort === undefined
        ? `\`${key}: ${String(value)}\` is not a reasoning effort agentc knows (minimal, low, medium, high, xhigh, max); kept for OpenCode.`
        : `\`${key}\` repeats the reasoning effort; the first spelling wins and this one is kept for OpenCode.`,
      { field: `extensions.opencode.${key}`, ...at(p) },
    )
  }
  return effort
}

/**
 * OpenCode's legacy `tools` enable-map: `true` enables, `false` disables; the last matching key
 * wins; unlisted tools stay enabled. `write`, `edit` and `apply_patch` share one switch (OpenCode
 * converts them all to the `edit` permission), so any of them switches edit and write.
 */
function readTools(value: unknown, read: FieldReader, pos: Positions): ToolPolicy | undefined {
  if (value === undefined || value === null) return undefined
  pos.key('tools.allow', ['tools'])
  pos.key('tools.deny', ['tools'])
  pos.key('tools', ['tools'])
  if (typeof value !== 'object' || Array.isArray(value)) {
    read.invalid(['tools'], 'tools.deny', 'a map of tool names to `true` or `false`', value)
    return undefined
  }
  let allowAll = true
  const state = new Map<string, boolean>()
  for (const [key, enabled] of Object.entries(value as Record<string, unknown>)) {
    pos.key(`tools.${key}`, ['tools', key])
    if (typeof enabled !== 'boolean') {
      read.invalid(['tools', key], 'tools.deny', '`true` or `false`', enabled)
      continue
    }
    if (key === '*') {
      allowAll = enabled
      state.clear()
      continue
    }
    const name = toolFromOpenCode(key)
    const names = (EDIT_GROUP as readonly string[]).includes(name) ? EDIT_GROUP : [name]
    for (const n of names) state.set(n, enabled)
  }
  const allow = [...state].filter(([, on]) => on).map(([n]) => n)
  const deny = [...state].filter(([, on]) => !on).map(([n]) => n)
  if (!allowAll) return { allow: allow.sort() }
  return deny.length > 0 ? { deny: deny.sort() } : {}
}

/** OpenCode `permission`: an action for everything, or per tool an action or a pattern map. */
function readPermission(value: unknown, read: FieldReader, pos: Positions): PermissionRule[] | undefined {
  if (value === undefined || value === null) return undefined
  pos.key('permissions', ['permission'])
  if (isDecision(value)) return [{ tool: '*', decision: value }]
  if (typeof value !== 'object' || Array.isArray(value)) {
    read.invalid(['permission'], 'permissions', '`allow`, `ask`, `deny` or a map of tools', value)
    return undefined
  }
  const rules: PermissionRule[] = []
  for (const [key, setting] of Object.entries(value as Record<string, unknown>)) {
    const tool = toolFromOpenCode(key)
    pos.key(`permissions.${key}`, ['permission', key])
    if (isDecision(setting)) {
      rules.push({ tool, decision: setting })
      continue
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
      read.invalid(['permission', key], 'permissions', '`allow`, `ask`, `deny` or a map of patterns', setting)
      continue
    }
    for (const [pattern, decision] of Object.entries(setting as Record<string, unknown>)) {
      pos.key(`permissions.${key}.${pattern}`, ['permission', key, pattern])
      if (!isDecision(decision)) {
        read.invalid(['permission', key, pattern], 'permissions', '`allow`, `ask` or `deny`', decision)
        continue
      }
      rules.push(pattern === '*' ? { tool, decision } : { tool, pattern, decision })
    }
  }
  return rules
}
