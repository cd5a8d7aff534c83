import {
  type AgentDocument,
  createBody,
  type Decision,
  type Effort,
  IR_VERSION,
  type ModelRef,
  type PermissionRule,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { nameFromPath, orFileName } from '../shared/names'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader, isDecision, isEffort } from '../shared/values'
import {
  ACTION_ONLY_KEYS,
  DEAD_EDIT_KEYS,
  DISABLED_KEY,
  EFFORT_KEYS,
  KNOWN_EXTENSION_KEYS,
  TOOLS_EDIT_KEYS,
  toolFromKilo,
} from './mappings'
import { kiloFrontmatter } from './schema'

/** Keys Kilo models itself that map to IR fields. */
const MODELLED = new Set([
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
 * Parses a Kilo agent file (`.kilo/agents/<name>.md`) as Kilo's loader reads it: YAML frontmatter
 * with the OpenCode-style fallback for plain values containing `: `, the body as the prompt, and
 * the deprecated `tools` map folded into the permission rules the way Kilo folds it.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agent, or nothing after an error.
 */
export function parseKilo(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, 'colons')
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  if (!validateFrontmatter(kiloFrontmatter, data, pos, ctx, 'Kilo', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'Kilo')
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}

  // An empty `name` names nothing: the file's name stands for it.
  doc.name = read.string('name', 'name') || kiloNameFromPath(file.path)
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  const description = read.string('description', 'description')
  if (description !== undefined) doc.description = description
  const role = read.oneOf('mode', 'role', ['primary', 'subagent', 'all'] as const)
  if (role) doc.role = role
  const model = readModel(read.string('model', 'model'))
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
    ctx.report('AGC103', '`maxSteps` is deprecated in Kilo; `steps` is its current name.', {
      field: 'maxSteps',
      ...at(pos.key('maxSteps', ['maxSteps'])),
    })
  }
  // Kilo takes `steps` when the key is there at all (`null` included), else `maxSteps`.
  const limit = Object.hasOwn(data, 'steps') ? steps : maxSteps
  if (limit !== undefined) doc.maxSteps = limit
  const color = read.string('color', 'color')
  if (color !== undefined) doc.color = color
  const hidden = read.boolean('hidden', 'hidden')
  if (hidden !== undefined) doc.hidden = hidden
  const disabled = read.boolean('disable', 'disabled')
  if (disabled !== undefined) doc.disabled = disabled
  const permissions = readAccess(data, pos, ctx, extensions)
  if (permissions === undefined) return []
  if (permissions.length > 0) doc.permissions = permissions

  for (const [key, value] of Object.entries(data)) {
    if (MODELLED.has(key)) continue
    extensions[key] = value
    const p = pos.key(`extensions.kilo.${key}`, [key])
    if (KNOWN_EXTENSION_KEYS.has(key)) continue
    if (key === 'permissions') {
      ctx.report(
        'AGC104',
        'Kilo does not read `permissions`; the key it reads is `permission`. Kept as written.',
        {
          field: 'extensions.kilo.permissions',
          ...at(p),
        },
      )
    } else if (key === 'prompt') {
      ctx.report(
        'AGC104',
        'In a markdown agent the body is the prompt; Kilo ignores the `prompt` key. Kept as written.',
        { field: 'extensions.kilo.prompt', ...at(p) },
      )
    } else {
      ctx.report(
        'AGC102',
        `\`${key}\` is not a Kilo agent field; Kilo passes it to the model provider. Kept for Kilo.`,
        { field: `extensions.kilo.${key}`, ...at(p) },
      )
    }
  }
  doc.body = createBody(md.split.body)
  // In file order, so that they are written back in it; `permission.disabled` last.
  const ordered = Object.fromEntries(
    [...Object.keys(data), DISABLED_KEY]
      .filter((k) => Object.hasOwn(extensions, k))
      .map((k) => [k, extensions[k]]),
  )
  doc.extensions = Object.keys(ordered).length > 0 ? { kilo: ordered } : {}
  doc.source = { path: file.path, target: 'kilo', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/**
 * The agent name Kilo gives a file: the path below `agent/` or `agents/` of the config folder
 * (`.kilo/agents/backend/sql.md` → `backend/sql`), without `.md`.
 */
export function kiloNameFromPath(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/')
  for (let i = 1; i < parts.length - 1; i++) {
    if ((parts[i] === 'agent' || parts[i] === 'agents') && parts[i - 1] === '.kilo') {
      return orFileName(
        parts
          .slice(i + 1)
          .join('/')
          .replace(/\.md$/, ''),
        path,
      )
    }
  }
  return nameFromPath(path, /\.md$/)
}

/** The IR field a Kilo frontmatter key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    mode: 'role',
    temperature: 'sampling.temperature',
    top_p: 'sampling.topP',
    steps: 'maxSteps',
    disable: 'disabled',
    tools: 'permissions',
    permission: 'permissions',
  }
  if (fields[key]) return fields[key]
  if ((EFFORT_KEYS as readonly string[]).includes(key)) return 'effort'
  return MODELLED.has(key) ? key : `extensions.kilo.${key}`
}

function readModel(written: string | undefined): ModelRef | undefined {
  if (written === undefined || written.trim() === '') return undefined
  const slash = written.indexOf('/')
  if (slash > 0 && !written.startsWith('{')) {
    return { written, provider: written.slice(0, slash), id: written.slice(slash + 1) }
  }
  return { written, id: written }
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
    pos.key(`extensions.kilo.${key}`, [key])
    ctx.report(
      'AGC102',
      effort === undefined
        ? `\`${key}: ${String(value)}\` is not a reasoning effort agentc knows (minimal, low, medium, high, xhigh, max); kept for Kilo.`
        : `\`${key}\` repeats the reasoning effort; the first spelling wins and this one is kept for Kilo.`,
      { field: `extensions.kilo.${key}`, ...at(p) },
    )
  }
  return effort
}

/** One entry of the permission map Kilo builds from `tools` and `permission`. */
interface MergedEntry {
  value: unknown
  /** Where the value came from: the key path in the file. */
  path: readonly string[]
}

/**
 * Kilo's access rules: the deprecated `tools` map becomes permission entries first (`true` →
 * allow, `false` → deny; `write`, `edit` and `patch` → `edit`), then the `permission` map is
 * assigned over them, so a key in both keeps the place of its `tools` entry and the value of its
 * `permission` entry. The merged map is read in order, last match wins. Returns undefined after
 * an error.
 */
function readAccess(
  data: Record<string, unknown>,
  pos: Positions,
  ctx: TargetContext,
  extensions: Record<string, unknown>,
): PermissionRule[] | undefined {
  const merged = new Map<string, MergedEntry>()
  const tools = data.tools
  if (tools && typeof tools === 'object') {
    pos.key('permissions', ['tools'])
    ctx.report(
      'AGC103',
      '`tools` is deprecated in Kilo; it was read as the permission rules Kilo turns it into, and is written as `permission`.',
      { field: 'permissions', ...at(pos.key('tools', ['tools'])) },
    )
    for (const [key, enabled] of Object.entries(tools as Record<string, boolean>)) {
      const permission = TOOLS_EDIT_KEYS.includes(key) ? 'edit' : key
      pos.key(`permissions.${permission}`, ['tools', key])
      merged.set(permission, { value: enabled ? 'allow' : 'deny', path: ['tools', key] })
    }
  }
  const permission = data.permission
  if (permission !== undefined && permission !== null) {
    pos.key('permissions', ['permission'])
    if (typeof permission === 'string') merged.set('*', { value: permission, path: ['permission'] })
    else {
      for (const [key, value] of Object.entries(permission as Record<string, unknown>)) {
        pos.key(`permissions.${key}`, ['permission', key])
        if (key === DISABLED_KEY.slice('permission.'.length) && Array.isArray(value)) {
          extensions[DISABLED_KEY] = value
          pos.key(`extensions.kilo.${DISABLED_KEY}`, ['permission', key])
          continue
        }
        if (Array.isArray(value)) {
          invalid(ctx, pos, ['permission', key], '`allow`, `ask`, `deny` or a map of patterns', 'a list')
          return undefined
        }
        if (ACTION_ONLY_KEYS.has(key) && value !== null && typeof value === 'object') {
          invalid(ctx, pos, ['permission', key], '`allow`, `ask` or `deny` (it takes no patterns)', 'a map')
          return undefined
        }
        // Like Object.assign: a key already there keeps its place and takes the new value.
        merged.set(key, { value, path: ['permission', key] })
      }
    }
  }
  const rules: PermissionRule[] = []
  for (const [key, { value, path }] of merged) {
    // `null` is Kilo's delete sentinel: it removes a rule another config layer set.
    if (value === null) continue
    const tool = toolFromKilo(key)
    if (DEAD_EDIT_KEYS.has(key)) {
      ctx.report(
        'AGC104',
        `Kilo decides every file change with the \`edit\` permission; a \`${key}\` rule has no effect. Kept as written.`,
        { field: 'permissions', ...at(pos.key(`permissions.${key}`, path)) },
      )
    }
    if (isDecision(value)) {
      rules.push({ tool, decision: value })
      continue
    }
    for (const [pattern, decision] of Object.entries(value as Record<string, Decision | null>)) {
      pos.key(`permissions.${key}.${pattern}`, ['permission', key, pattern])
      if (decision === null) continue
      rules.push(pattern === '*' ? { tool, decision } : { tool, pattern, decision })
    }
  }
  return rules
}

function invalid(
  ctx: TargetContext,
  pos: Positions,
  path: readonly string[],
  expected: string,
  shown: string,
): void {
  ctx.report('AGC101', `\`${path.join('.')}\` must be ${expected} in Kilo, not ${shown}.`, {
    field: 'permissions',
    ...at(pos.value(path)),
  })
}
