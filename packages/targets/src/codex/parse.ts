import {
  type AgentDocument,
  createBody,
  type Effort,
  IR_VERSION,
  mcpTool,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions } from '../shared/markdown-file'
import { nameFromPath } from '../shared/names'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader, isEffort } from '../shared/values'
import { DEFAULT_PROVIDER, isCodexKey } from './mappings'
import { codexAgentSchema } from './schema'
import { endedEarly, isPlainObject, readToml } from './toml'

/**
 * Parses a Codex custom agent file (`.codex/agents/<name>.toml`) as Codex reads it: a TOML
 * config layer with the agent's `name`, `description` and `developer_instructions` (the prompt,
 * which becomes the body). Codex ignores a file it cannot read (a warning at start-up); agentc
 * reports why, with the position.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agent, or nothing after an error.
 */
export function parseCodex(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const toml = readToml(file.text)
  if ('message' in toml && toml.code === 'AGC007') {
    ctx.report('AGC007', toml.message, { line: toml.line, column: toml.column })
    return []
  }
  if ('message' in toml) {
    const early = endedEarly(file.text.replace(/^\ufeff/, ''), toml.line)
    const cause = early
      ? `: the \`"""\` on line ${early.closed} ends the multi-line string that opens on line ${early.opened}, and the text after it is read as TOML (write \`""\\"\` inside the string, or use a \`'''\` string)`
      : ''
    ctx.report(
      'AGC002',
      `The file is not valid TOML (${toml.message})${cause}. Codex skips agent files it cannot read.`,
      { line: toml.line, column: toml.column },
    )
    return []
  }
  const data = toml.data
  const pos = new Positions(toml)
  if (!validateFrontmatter(codexAgentSchema, data, pos, ctx, 'Codex', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'Codex')
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}
  const top = { line: 1, column: 1 }

  // Codex trims the name and skips a file whose name is blank (unless config.toml declares it).
  const written = read.string('name', 'name')
  const name = written === undefined ? undefined : trimWhiteSpace(written)
  if (name === undefined || name === '') {
    ctx.report(
      'AGC104',
      `Codex skips agent files without a ${written === undefined ? '' : 'non-blank '}\`name\` (the file name does not name the agent); the name was taken from the file name.`,
      { field: 'name', ...(pos.fields.name ? at(pos.fields.name) : top) },
    )
  }
  doc.name = name || nameFromPath(file.path)
  if (!pos.fields.name) pos.fields.name = top

  const description = read.string('description', 'description')
  if (description !== undefined) doc.description = description
  if (description === undefined || isBlank(description)) {
    ctx.report(
      'AGC104',
      description === undefined
        ? 'Codex skips an agent without a `description` (unless config.toml gives one under `[agents.<name>]`).'
        : 'Codex refuses a blank `description` and skips this agent.',
      { field: 'description', ...(pos.fields.description ? at(pos.fields.description) : top) },
    )
  }

  const instructions = read.string('developer_instructions', 'body')
  doc.body = createBody(instructions ?? '')
  if (instructions === undefined || isBlank(instructions)) {
    ctx.report(
      'AGC104',
      instructions === undefined
        ? "Codex skips an agent file without `developer_instructions` (the agent's prompt)."
        : 'Codex refuses blank `developer_instructions` and skips this agent.',
      { field: 'body', ...(pos.fields.body ? at(pos.fields.body) : top) },
    )
  }

  // The model runs on the agent's `model_provider`, else on the caller's (Codex's default: openai).
  const model = read.string('model', 'model')
  const provider = typeof data.model_provider === 'string' ? data.model_provider : undefined
  const consumed = new Set(['name', 'description', 'developer_instructions'])
  if (model !== undefined && model.trim() !== '') {
    doc.model = { written: model, provider: provider ?? DEFAULT_PROVIDER, id: model }
    consumed.add('model')
    if (provider !== undefined) consumed.add('model_provider')
  } else if (model !== undefined) {
    ctx.report('AGC104', 'An empty `model` names no model; it was ignored.', {
      field: 'model',
      ...at(pos.fields.model),
    })
    consumed.add('model')
  }

  const effort = data.model_reasoning_effort
  if (isEffort(effort)) {
    doc.effort = effort as Effort
    pos.key('effort', ['model_reasoning_effort'])
    consumed.add('model_reasoning_effort')
  }

  const deny = readSwitches(data, pos, consumed, extensions)
  if (deny.length > 0) doc.tools = { deny }

  const unknown: string[] = []
  for (const [key, value] of Object.entries(data)) {
    if (consumed.has(key)) continue
    if (!Object.hasOwn(extensions, key)) extensions[key] = value
    const p = pos.key(`extensions.codex.${key}`, [key])
    if (!isCodexKey(key)) {
      unknown.push(key)
      ctx.report('AGC102', `\`${key}\` is not a Codex agent or config key; kept for Codex as written.`, {
        field: `extensions.codex.${key}`,
        ...at(p),
      })
    }
  }
  if (unknown.length > 0) {
    ctx.report(
      'AGC104',
      `Codex refuses an agent file with a key it does not know (${unknown.map((k) => `\`${k}\``).join(', ')}: "unknown field") and skips this agent.`,
      { field: `extensions.codex.${unknown[0]}`, ...at(pos.fields[`extensions.codex.${unknown[0]}`]) },
    )
  }
  // In file order, so that they are written back in it.
  const ordered = Object.keys(data)
    .filter((k) => Object.hasOwn(extensions, k))
    .map((k) => [k, extensions[k]] as const)
  doc.extensions = ordered.length > 0 ? { codex: Object.fromEntries(ordered) } : {}
  doc.source = { path: file.path, target: 'codex', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/**
 * The tools the file switches off, as IR denials: `sandbox_mode = "read-only"` (or
 * `default_permissions = ":read-only"`) removes edit and write, `web_search = "disabled"` web
 * search, `[features] shell_tool = false` the shell (and with it reading, searching and listing
 * files, which Codex does with the shell), and an MCP server the file defines with
 * `enabled = false` or `disabled_tools` its tools. What the switches do not use stays in the
 * extensions (the rest of `features`, each server's other keys).
 */
function readSwitches(
  data: Record<string, unknown>,
  pos: Positions,
  consumed: Set<string>,
  extensions: Record<string, unknown>,
): string[] {
  const deny = new Set<string>()
  const record = (tools: readonly string[], path: readonly string[]) => {
    for (const tool of tools) {
      deny.add(tool)
      pos.key(`tools.${tool}`, path)
    }
    pos.key('tools.deny', path)
  }
  if (data.sandbox_mode === 'read-only') {
    record(['edit', 'write'], ['sandbox_mode'])
    consumed.add('sandbox_mode')
  }
  if (data.default_permissions === ':read-only') {
    record(['edit', 'write'], ['default_permissions'])
    consumed.add('default_permissions')
  }
  if (data.web_search === 'disabled') {
    record(['websearch'], ['web_search'])
    consumed.add('web_search')
  }
  if (isPlainObject(data.features) && data.features.shell_tool === false) {
    // Codex reads, searches and lists files with its shell: without it the agent can do none of it.
    record(['bash', 'glob', 'grep', 'list', 'read'], ['features', 'shell_tool'])
    const { shell_tool: _off, ...rest } = data.features
    if (Object.keys(rest).length > 0) extensions.features = rest
    else consumed.add('features')
  }
  if (isPlainObject(data.mcp_servers)) {
    const servers: Record<string, unknown> = {}
    for (const [server, config] of Object.entries(data.mcp_servers)) {
      if (!isPlainObject(config)) {
        servers[server] = config
        continue
      }
      const { enabled, disabled_tools, ...rest } = config
      const kept: Record<string, unknown> = { ...rest }
      if (enabled === false) record([mcpTool(server, '*')], ['mcp_servers', server, 'enabled'])
      else if (enabled !== undefined) kept.enabled = enabled
      if (Array.isArray(disabled_tools)) {
        const tools = disabled_tools.filter((t): t is string => typeof t === 'string')
        record(
          tools.map((t) => mcpTool(server, t)),
          ['mcp_servers', server, 'disabled_tools'],
        )
      }
      // The server's keys in file order, so that they are written back in it.
      servers[server] = Object.fromEntries(
        Object.keys(config)
          .filter((k) => Object.hasOwn(kept, k))
          .map((k) => [k, kept[k]]),
      )
    }
    extensions.mcp_servers = servers
  }
  return [...deny].sort()
}

/** The IR field a Codex key holds (for value errors). */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    developer_instructions: 'body',
    model_provider: 'model',
    model_reasoning_effort: 'effort',
    sandbox_mode: 'tools.deny',
    default_permissions: 'tools.deny',
    web_search: 'tools.deny',
    features: 'tools.deny',
  }
  return fields[key] ?? (['name', 'description', 'model'].includes(key) ? key : `extensions.codex.${key}`)
}

/** Whether Codex (Rust's `str::trim`, Unicode White_Space) reads the text as blank. */
export function isBlank(text: string): boolean {
  return trimWhiteSpace(text) === ''
}

/** The text without leading and trailing Unicode White_Space, as Rust's `str::trim` does. */
export function trimWhiteSpace(text: string): string {
  return text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '')
}
