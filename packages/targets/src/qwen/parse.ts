import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type ModelRef,
  type PermissionRule,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { CLAUDE_COLORS } from '../claude/mappings'
import { at, Positions, typeName } from '../shared/markdown-file'
import { CLAUDE_ALIASES } from '../shared/models'
import { validateFrontmatter } from '../shared/validate'
import { lookup } from '../shared/values'
import { readQwenFile } from './header'
import {
  CLAUDE_ONLY_KEYS,
  LEGACY_QWEN_TOOLS,
  PERMISSION_MODES,
  PROVIDER_OF_AUTH,
  QWEN_KEYS,
  RESERVED_NAMES,
  resolveQwenTool,
  toolsFromQwen,
  UNRESOLVED_CLAUDE_TOOLS,
} from './mappings'
import { qwenFrontmatter } from './schema'

const TOOL = 'Qwen Code'

/** The rules an approval mode stands for in the IR (the modes that are not kept as written). */
export const APPROVAL_RULES: Readonly<Record<string, readonly PermissionRule[]>> = {
  yolo: [{ tool: '*', decision: 'allow' }],
  'auto-edit': [{ tool: 'edit', decision: 'allow' }],
}

/**
 * Parses a Qwen Code subagent file (`.qwen/agents/<name>.md`) as Qwen Code's subagent manager
 * reads it: mandatory YAML frontmatter, `name` and `description` required, the trimmed body as
 * the system prompt; most optional values of the wrong shape are dropped (reported as ignored),
 * while a bad `approvalMode`, `runConfig` or `executor` makes Qwen Code refuse the file.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agent, or nothing after an error.
 */
export function parseQwen(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readQwenFile(file, ctx)
  if (!md) return []
  if (!md.split.present) {
    ctx.report(
      'AGC101',
      'Qwen Code agent files must start with YAML frontmatter (`---`, `name:`, `description:`, `---`); Qwen Code skips this file.',
      { field: 'name', line: 1, column: 1 },
    )
    return []
  }
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  let ok = validateFrontmatter(qwenFrontmatter, data, pos, ctx, TOOL, fieldOfKey)
  const present = (key: string) => data[key] !== undefined && data[key] !== null
  const ignored = (key: string, why: string, path: (string | number)[] = [key]) =>
    ctx.report('AGC104', `${why}; Qwen Code ignores it.`, {
      field: fieldOfKey(key),
      ...at(pos.value(path)),
    })
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}
  const consumed = new Set<string>()

  // name
  pos.key('name', ['name'])
  const nameRaw = data.name
  if (nameRaw === undefined || nameRaw === null || nameRaw === '') {
    ok = false
    ctx.report('AGC101', 'Qwen Code agents need a `name`; Qwen Code skips this file.', {
      field: 'name',
      line: 1,
      column: 1,
    })
  } else {
    const problem =
      typeof nameRaw === 'object' ? `must be text, not ${typeName(nameRaw)}` : nameProblem(String(nameRaw))
    if (problem) {
      ok = false
      ctx.report('AGC101', `\`name\` ${problem}; Qwen Code skips this file.`, {
        field: 'name',
        ...at(pos.value(['name'])),
      })
    }
  }
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  doc.name = typeof nameRaw === 'object' || nameRaw === undefined ? '' : String(nameRaw)
  consumed.add('name')

  // description
  const descriptionRaw = data.description
  if (descriptionRaw !== undefined && descriptionRaw !== null && typeof descriptionRaw !== 'object') {
    pos.key('description', ['description'])
    doc.description = String(descriptionRaw)
  }
  consumed.add('description')
  if (doc.description === undefined || doc.description.trim() === '') {
    ctx.report('AGC104', 'Qwen Code skips agent files without a `description`.', {
      field: 'description',
      ...at(pos.fields.description ?? pos.fields.name),
    })
  }
  if (md.split.body.trim().length < 10) {
    ctx.report(
      'AGC104',
      'Qwen Code skips agents whose system prompt (the body) is shorter than 10 characters.',
      { field: 'body', line: md.split.bodyLine <= lineCount(file.text) ? md.split.bodyLine : 1, column: 1 },
    )
  }

  // tools, disallowedTools
  for (const [key, field] of [
    ['tools', 'tools.allow'],
    ['disallowedTools', 'tools.deny'],
  ] as const) {
    if (!present(key)) continue
    pos.key(field, [key])
    const entries = toolEntries(data[key], key, pos, ctx)
    if (entries === undefined) {
      ignored(
        key,
        `\`${key}\` must be a list or a comma-separated text of tool names, not ${typeName(data[key])}`,
      )
      continue
    }
    consumed.add(key)
    if (key === 'tools' && entries.some((e) => e.trim() === '')) {
      ok = false
      ctx.report('AGC101', '`tools` has an empty entry; Qwen Code skips this file.', {
        field,
        ...at(pos.value([key])),
      })
    }
    const names = entries.filter((e) => e.trim() !== '')
    checkToolNames(names, key, field, pos, ctx)
    if (key === 'tools' && names.length === 0) {
      ctx.report('AGC104', 'An empty `tools` list gives the agent every tool in Qwen Code.', {
        field,
        ...at(pos.key(field, [key])),
      })
      continue
    }
    const list = toolsFromQwen(names)
    doc.tools = { ...doc.tools, [key === 'tools' ? 'allow' : 'deny']: list }
  }

  // model (top-level, or the legacy modelConfig.model)
  const modelConfig = data.modelConfig
  const legacyModel =
    typeof modelConfig === 'object' && modelConfig !== null && !Array.isArray(modelConfig)
      ? (modelConfig as Record<string, unknown>).model
      : undefined
  if (present('model') && data.model !== '') {
    pos.key('model', ['model'])
    consumed.add('model')
    const model = modelFromQwen(String(data.model))
    if (model) doc.model = model
    else {
      ok = false
      ctx.report('AGC101', '`model` must name a model after its auth type (`<authType>:<model-id>`).', {
        field: 'model',
        ...at(pos.value(['model'])),
      })
    }
  } else if (typeof legacyModel === 'string' && legacyModel !== '') {
    pos.key('model', ['modelConfig', 'model'])
    const model = modelFromQwen(legacyModel)
    if (model) doc.model = model
  }
  if (
    doc.model &&
    doc.model.provider === undefined &&
    CLAUDE_ALIASES.includes(doc.model.id) &&
    doc.model.id !== 'inherit'
  ) {
    ctx.report(
      'AGC104',
      `Qwen Code has no Claude model aliases: \`${doc.model.id}\` is sent as a model id to the provider of the calling session.`,
      { field: 'model', ...at(pos.fields.model) },
    )
  }
  if (typeof modelConfig === 'object' && modelConfig !== null) {
    const stale = ['temp', 'top_p'].filter((k) => Object.hasOwn(modelConfig, k))
    if (stale.length > 0) {
      ctx.report(
        'AGC104',
        `Qwen Code now reads only \`modelConfig.model\`; ${stale.map((k) => `\`modelConfig.${k}\``).join(' and ')} no longer take effect. Kept as written.`,
        {
          field: 'extensions.qwen.modelConfig',
          ...at(pos.key('extensions.qwen.modelConfig', ['modelConfig'])),
        },
      )
    }
  }

  // color
  if (present('color')) {
    const color = data.color
    if (typeof color === 'string' && Object.hasOwn(CLAUDE_COLORS, color)) {
      pos.key('color', ['color'])
      doc.color = color
      consumed.add('color')
    } else if (color !== 'auto') {
      ignored(
        'color',
        `Qwen Code has no colour ${typeName(color)}; it uses ${Object.keys(CLAUDE_COLORS).join(', ')} or auto`,
      )
    }
  }

  // approvalMode, permissionMode
  const approval =
    typeof data.approvalMode === 'string' && data.approvalMode !== '' ? data.approvalMode : undefined
  const permissionMode = data.permissionMode
  if (approval !== undefined && lookup(APPROVAL_RULES, approval)) {
    pos.key('permissions', ['approvalMode'])
    doc.permissions = lookup(APPROVAL_RULES, approval)!
    consumed.add('approvalMode')
  }
  if (present('permissionMode')) {
    const mode = typeof permissionMode === 'string' ? lookup(PERMISSION_MODES, permissionMode) : undefined
    if (mode === undefined) {
      ignored(
        'permissionMode',
        `\`permissionMode\` must be one of ${Object.keys(PERMISSION_MODES).join(', ')}, not ${typeName(permissionMode)}`,
      )
    } else if (approval !== undefined) {
      ignored('permissionMode', '`approvalMode` is set, and it wins over `permissionMode`')
    } else if (APPROVAL_RULES[mode]) {
      pos.key('permissions', ['permissionMode'])
      doc.permissions = APPROVAL_RULES[mode]
      consumed.add('permissionMode')
    }
  }

  // maxTurns, runConfig.max_turns
  const runConfig = data.runConfig
  const legacyTurns =
    typeof runConfig === 'object' && runConfig !== null
      ? (runConfig as Record<string, unknown>).max_turns
      : undefined
  if (present('maxTurns')) {
    const turns = maxTurnsOf(data.maxTurns)
    if (turns === undefined) ignored('maxTurns', '`maxTurns` must be a whole number of at least 1')
    else {
      pos.key('maxSteps', ['maxTurns'])
      doc.maxSteps = turns
      consumed.add('maxTurns')
    }
  }
  if (doc.maxSteps === undefined && typeof legacyTurns === 'number') {
    pos.key('maxSteps', ['runConfig', 'max_turns'])
    doc.maxSteps = legacyTurns
  }

  // shapes Qwen Code drops
  if (present('background') && ![true, false, 'true', 'false'].includes(data.background as never)) {
    ignored('background', `\`background\` must be true or false, not ${typeName(data.background)}`)
  }
  if (present('mcpServers') && !isRecordOf(data.mcpServers, (v) => isObject(v))) {
    ignored('mcpServers', '`mcpServers` must be a map of server names to server settings')
  }
  if (present('hooks') && !isRecordOf(data.hooks, Array.isArray)) {
    ignored('hooks', '`hooks` must be a map of hook events to lists of matchers')
  }

  for (const [key, value] of Object.entries(data)) {
    if (consumed.has(key) || value === undefined) continue
    extensions[key] = value
    const p = pos.key(`extensions.qwen.${key}`, [key])
    if ((QWEN_KEYS as readonly string[]).includes(key)) continue
    ctx.report(
      'AGC102',
      CLAUDE_ONLY_KEYS.has(key)
        ? `\`${key}\` is a Claude Code agent key that Qwen Code does not read; kept for Qwen Code.`
        : `\`${key}\` is not a Qwen Code agent key (Qwen Code ignores it); kept for Qwen Code.`,
      { field: `extensions.qwen.${key}`, ...at(p) },
    )
  }
  if (!ok) return []
  doc.body = createBody(md.split.body)
  doc.extensions = Object.keys(extensions).length > 0 ? { qwen: extensions } : {}
  doc.source = { path: file.path, target: 'qwen', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/** The IR field a Qwen frontmatter key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    name: 'name',
    description: 'description',
    tools: 'tools.allow',
    disallowedTools: 'tools.deny',
    model: 'model',
    color: 'color',
    maxTurns: 'maxSteps',
    approvalMode: 'permissions',
    permissionMode: 'permissions',
  }
  return fields[key] ?? `extensions.qwen.${key}`
}

/** Why Qwen Code refuses a name, or undefined when it accepts it. */
export function nameProblem(name: string): string | undefined {
  const trimmed = name.trim()
  if (trimmed.length < 2 || trimmed.length > 50) return 'must be 2 to 50 characters long'
  if (!/^[\p{L}\p{N}_-]+$/u.test(trimmed)) return 'may only hold letters, digits, `-` and `_`'
  if (/^[-_]|[-_]$/.test(trimmed)) return 'may not start or end with `-` or `_`'
  if (RESERVED_NAMES.has(trimmed.toLowerCase())) return `"${trimmed}" is a name Qwen Code reserves`
  return undefined
}

/** The entries of a `tools` value (a list, or comma-separated text), or undefined for another shape. */
function toolEntries(value: unknown, key: string, pos: Positions, ctx: TargetContext): string[] | undefined {
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
  }
  if (!Array.isArray(value)) return undefined
  const out: string[] = []
  value.forEach((entry, i) => {
    if (typeof entry === 'string') out.push(entry)
    else if (entry !== null) {
      ctx.report('AGC104', `\`${key}\` entry ${typeName(entry)} is not a tool name; Qwen Code drops it.`, {
        field: fieldOfKey(key),
        ...at(pos.value([key, i])),
      })
    }
  })
  return out
}

function checkToolNames(
  names: readonly string[],
  key: string,
  field: string,
  pos: Positions,
  ctx: TargetContext,
): void {
  const where = { field, ...at(pos.key(field, [key])) }
  for (const name of names) {
    if (Object.hasOwn(LEGACY_QWEN_TOOLS, name)) {
      ctx.report(
        'AGC103',
        `\`${name}\` is a legacy Qwen Code tool name; Qwen Code reads it as \`${LEGACY_QWEN_TOOLS[name]}\`.`,
        where,
      )
    } else if (Object.hasOwn(UNRESOLVED_CLAUDE_TOOLS, name)) {
      const meant = UNRESOLVED_CLAUDE_TOOLS[name]
      ctx.report(
        'AGC104',
        `Qwen Code does not resolve Claude Code's \`${name}\`${meant ? ` (its tool is \`${meant}\`)` : ''}; the entry names no tool.`,
        where,
      )
    } else if (name !== '*' && !name.startsWith('mcp__') && resolveQwenTool(name) === undefined) {
      ctx.report(
        'AGC104',
        `Qwen Code has no built-in tool \`${name}\`; the entry only matters if such a tool is registered.`,
        where,
      )
    }
  }
}

/** A Qwen model selector as a model reference, or undefined for `<authType>:` without a model. */
export function modelFromQwen(written: string): ModelRef | undefined {
  const trimmed = written.trim()
  if (trimmed === 'inherit') return { written, id: 'inherit' }
  const colon = trimmed.indexOf(':')
  if (colon !== -1) {
    const auth = trimmed.slice(0, colon).trim()
    const id = trimmed.slice(colon + 1).trim()
    const provider = lookup(PROVIDER_OF_AUTH, auth)
    if (provider) return id === '' ? undefined : { written, provider, id }
  }
  return { written, id: trimmed }
}

function maxTurnsOf(value: unknown): number | undefined {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : Number.NaN
  return Number.isInteger(n) && n > 0 ? n : undefined
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isRecordOf(value: unknown, check: (v: unknown) => boolean): boolean {
  return isObject(value) && Object.values(value as Record<string, unknown>).some(check)
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length
}
