import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type ModelRef,
  type PermissionRule,
  type Role,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { orFileName } from '../shared/names'
import { VS_CODE_YAML } from '../shared/tolerant-yaml'
import { validateFrontmatter } from '../shared/validate'
import { lookup, stringList } from '../shared/values'
import { KNOWN_EXTENSION_KEYS, MODELLED_KEYS, modelFromCopilot, TARGETS, toolFromCopilot } from './mappings'
import { copilotFrontmatter } from './schema'

const TOOL = 'GitHub Copilot'

/** OpenCode keys seen in Copilot files, with what Copilot uses instead. */
const OPENCODE_KEYS: Readonly<Record<string, string>> = {
  mode: 'it reads `user-invocable` and `disable-model-invocation`',
  hidden: '`user-invocable: false` keeps an agent out of the picker',
  temperature: 'it has no sampling settings',
  permission: 'its `tools` list is its only access control',
}

/**
 * Parses a Copilot custom agent (`.github/agents/<name>.agent.md`) or a legacy chat mode
 * (`.github/chatmodes/<name>.chatmode.md`, which VS Code still loads as a custom agent). Values
 * that are not valid YAML on their own (`description: Use when: …`) are read as text, as VS
 * Code's tolerant reader does (AGC004).
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agent, or nothing after an error.
 */
export function parseCopilot(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const md = readMarkdownFile(file, ctx, true, VS_CODE_YAML)
  if (!md) return []
  const data = md.yaml.data
  const pos = new Positions(md.yaml)
  if (!validateFrontmatter(copilotFrontmatter, data, pos, ctx, TOOL, fieldOfKey)) return []
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}
  const has = (key: string) => data[key] !== undefined && data[key] !== null
  const text = (key: string, field: string): string | undefined => {
    if (!has(key)) return undefined
    pos.key(field, [key])
    return String(data[key])
  }

  if (file.path.endsWith('.chatmode.md')) {
    ctx.report(
      'AGC103',
      `Chat modes (\`.chatmode.md\`) are the legacy form of Copilot custom agents; agentc writes this one as \`.github/agents/${nameFromCopilotPath(file.path)}.agent.md\`.`,
      { line: 1, column: 1 },
    )
  }

  // An empty `name` names nothing: the file's name stands for it.
  doc.name = text('name', 'name') || nameFromCopilotPath(file.path)
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  const description = text('description', 'description')
  if (description !== undefined) doc.description = description
  else {
    ctx.report(
      'AGC104',
      'The agent has no `description`: VS Code loads it, but GitHub (cloud agent, Copilot CLI) requires one.',
      { field: 'description', line: 1, column: 1 },
    )
  }

  const model = readModel(data, pos, extensions)
  if (model) doc.model = model
  const allow = readTools(data, pos, ctx)
  if (allow) doc.tools = { allow }
  const permissions = readAgents(data, pos)
  if (permissions) doc.permissions = permissions
  const invocation = readInvocation(data, pos, ctx)
  if (invocation.role) doc.role = invocation.role
  if (invocation.disabled) doc.disabled = true

  if (has('target') && !(TARGETS as readonly string[]).includes(String(data.target))) {
    ctx.report(
      'AGC104',
      `\`target: ${String(data.target)}\` is neither \`vscode\` nor \`github-copilot\`; the agent is treated as for both.`,
      { field: 'extensions.copilot.target', ...at(pos.value(['target'])) },
    )
  }
  checkHandoffs(data, pos, ctx)

  for (const [key, value] of Object.entries(data)) {
    if (MODELLED_KEYS.has(key)) continue
    extensions[key] = value
    const p = pos.key(`extensions.copilot.${key}`, [key])
    if (!KNOWN_EXTENSION_KEYS.has(key)) {
      const opencode = lookup(OPENCODE_KEYS, key)
      ctx.report(
        'AGC102',
        opencode
          ? `\`${key}\` is an OpenCode agent key; Copilot ignores it (${opencode}). Kept for Copilot.`
          : `\`${key}\` is not a Copilot custom agent field (Copilot ignores it); kept for Copilot.`,
        { field: `extensions.copilot.${key}`, ...at(p) },
      )
    }
  }
  doc.body = createBody(md.split.body)
  // In file order (the model's fallbacks first), so that they are written back in it.
  doc.extensions = Object.keys(extensions).length > 0 ? { copilot: extensions } : {}
  doc.source = { path: file.path, target: 'copilot', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/** The agent name a Copilot file gets from its path: the file name without `.agent.md` / `.chatmode.md` / `.md`. */
export function nameFromCopilotPath(path: string): string {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? path
  return orFileName(base.replace(/\.(agent|chatmode)\.md$/i, '').replace(/\.md$/i, ''), path)
}

/** The IR field a Copilot key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    tools: 'tools.allow',
    agents: 'permissions',
    'user-invocable': 'role',
    'user-invokable': 'role',
    'disable-model-invocation': 'role',
    infer: 'role',
  }
  return fields[key] ?? (MODELLED_KEYS.has(key) ? key : `extensions.copilot.${key}`)
}

/**
 * `model`: one model, or (VS Code) a list tried in order. The first is the agent's model; the
 * rest, its fallbacks, are kept as written in `extensions.copilot.model`.
 */
function readModel(
  data: Record<string, unknown>,
  pos: Positions,
  extensions: Record<string, unknown>,
): ModelRef | undefined {
  const value = data.model
  if (value === undefined || value === null) return undefined
  pos.key('model', ['model'])
  const names = (Array.isArray(value) ? value : [value]).map((v) => String(v)).filter((v) => v.trim() !== '')
  if (Array.isArray(value) && names.length > 1) {
    extensions.model = names.slice(1)
    pos.key('extensions.copilot.model', ['model'])
  }
  return names.length > 0 ? modelFromCopilot(names[0]!) : undefined
}

/**
 * `tools`: a list or a comma-separated string of tool names. Short names and aliases expand to
 * their category; legacy chat-mode names are read as their current names (AGC103). `*` (or no
 * `tools` key) is every tool.
 */
function readTools(data: Record<string, unknown>, pos: Positions, ctx: TargetContext): string[] | undefined {
  const value = data.tools
  if (value === null) {
    ctx.report(
      'AGC104',
      '`tools` is empty: GitHub reads that as every tool, but VS Code may read it as none; remove the key or write `tools: []`.',
      { field: 'tools.allow', ...at(pos.key('tools.allow', ['tools'])) },
    )
  }
  if (value === undefined || value === null) return undefined
  const p = pos.key('tools.allow', ['tools'])
  pos.key('tools', ['tools'])
  const names = (
    Array.isArray(value) ? value.map((v) => String(v).trim()) : (stringList(value) ?? [])
  ).filter((n) => n !== '')
  if (names.includes('*')) return undefined
  const tools = new Set<string>()
  const legacy: string[] = []
  for (const name of names) {
    const read = toolFromCopilot(name)
    for (const t of read.tools) tools.add(t)
    if (read.legacy) legacy.push(`\`${read.legacy.from}\` → \`${read.legacy.to}\``)
  }
  if (legacy.length > 0) {
    ctx.report(
      'AGC103',
      `Legacy tool names were read as VS Code's current ones: ${[...new Set(legacy)].join(', ')}.`,
      { field: 'tools.allow', ...at(p) },
    )
  }
  return [...tools].sort()
}

/**
 * `agents`: the subagents the agent may call, by name (`*` = all, `[]` = none). In the IR these
 * are `task` permission rules: deny every subagent, allow each listed name.
 */
function readAgents(data: Record<string, unknown>, pos: Positions): PermissionRule[] | undefined {
  const value = data.agents
  if (!Array.isArray(value)) return undefined
  pos.key('permissions', ['agents'])
  pos.key('permissions.task', ['agents'])
  const names = [...new Set(value.map((v) => String(v).trim()).filter((v) => v !== ''))]
  if (names.includes('*')) return undefined
  return [
    { tool: 'task', decision: 'deny' },
    ...names.map((name): PermissionRule => ({ tool: 'task', pattern: name, decision: 'allow' })),
  ]
}

const flagValue = (value: unknown): boolean | undefined =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined

/**
 * Who may invoke the agent: `user-invocable` (shown in the agent picker, default true) and
 * `disable-model-invocation` (not callable as a subagent, default false). Both ways → role
 * `all`; only the user → `primary`; only other agents → `subagent`; neither → disabled. The
 * deprecated `user-invokable` spelling and `infer` are read too (AGC103).
 */
function readInvocation(
  data: Record<string, unknown>,
  pos: Positions,
  ctx: TargetContext,
): { role?: Role; disabled?: boolean } {
  let user = flagValue(data['user-invocable'])
  let model = flagValue(data['disable-model-invocation'])
  model = model === undefined ? undefined : !model
  if (user === undefined && data['user-invokable'] !== undefined) {
    user = flagValue(data['user-invokable'])
    ctx.report(
      'AGC103',
      '`user-invokable` is the earlier spelling of `user-invocable`, which agentc writes.',
      {
        field: 'role',
        ...at(pos.key('role', ['user-invokable'])),
      },
    )
  }
  if (data.infer !== undefined && data.infer !== null) {
    const infer = flagValue(data.infer)
    ctx.report(
      'AGC103',
      model === undefined
        ? '`infer` is retired; it was read as `disable-model-invocation` (its current form), which agentc writes.'
        : '`infer` is retired and `disable-model-invocation` takes precedence over it; it is not written back.',
      { field: 'role', ...at(pos.key('role', ['infer'])) },
    )
    if (model === undefined && infer !== undefined) model = infer
  }
  for (const key of ['user-invocable', 'disable-model-invocation', 'user-invokable', 'infer']) {
    if (data[key] === undefined || data[key] === null) continue
    pos.key('role', [key])
    if (typeof data[key] === 'string') {
      ctx.report(
        'AGC104',
        `\`${key}: "${String(data[key])}"\` is quoted text; VS Code reads it as a boolean, but other Copilot readers may not.`,
        { field: 'role', ...at(pos.value([key])) },
      )
    }
  }
  if (user === undefined && model === undefined) return {}
  const byUser = user ?? true
  const byModel = model ?? true
  if (!byUser && !byModel) {
    if (pos.fields.role) pos.fields.disabled = pos.fields.role
    return { disabled: true }
  }
  return { role: byUser && byModel ? 'all' : byUser ? 'primary' : 'subagent' }
}

/** VS Code skips handoffs without an `agent`, a `label` and a `prompt`; say which. */
function checkHandoffs(data: Record<string, unknown>, pos: Positions, ctx: TargetContext): void {
  if (!Array.isArray(data.handoffs)) return
  data.handoffs.forEach((item, i) => {
    const entry =
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? (item as Record<string, unknown>)
        : {}
    const missing = ['agent', 'label', 'prompt'].filter((k) => entry[k] === undefined || entry[k] === null)
    if (missing.length === 0 && String(entry.label).trim() !== '') return
    ctx.report(
      'AGC104',
      `Handoff ${i + 1} has no ${missing.length > 0 ? missing.map((k) => `\`${k}\``).join(', ') : 'label text'}; VS Code shows no button for it.`,
      { field: 'extensions.copilot.handoffs', ...at(pos.value(['handoffs', i])) },
    )
  })
}
