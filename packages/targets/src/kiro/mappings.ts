import { type Decision, isCanonicalTool, type ModelRef, mcpTool, parseMcpTool } from '@agentc/core'

/**
 * Kiro's tool tags (the `tools` field of an agent) and the canonical tools each one stands for.
 * `read` covers reading, listing and searching files; `write` writing and editing; `web`
 * fetching and searching the web; `todo_list` Kiro's one todo tool (create, complete, load).
 */
export const TAGS: Readonly<Record<string, readonly string[]>> = {
  read: ['read', 'list', 'glob', 'grep'],
  write: ['edit', 'write'],
  shell: ['bash'],
  web: ['webfetch', 'websearch'],
  subagent: ['task'],
  todo_list: ['todowrite', 'todoread'],
}

/** The order tags are written in. */
export const TAG_ORDER = ['read', 'write', 'shell', 'web', 'subagent', 'todo_list'] as const

/**
 * Individual tool names of Kiro CLI 1.x/2.x (the legacy JSON format, ex-Amazon Q CLI), both
 * generations, by the canonical tools they are. Any other name is a Kiro tool agentc does not
 * model (`knowledge`, `thinking`, `use_aws`, `introspect`, `code`, …): it becomes `kiro:<name>`.
 */
const LEGACY_NAMES: Readonly<Record<string, readonly string[]>> = {
  fs_read: ['read', 'list'],
  fs_write: ['edit', 'write'],
  execute_bash: ['bash'],
  execute_cmd: ['bash'],
  web_fetch: ['webfetch'],
  web_search: ['websearch'],
  delegate: ['task'],
  use_subagent: ['task'],
  grep: ['grep'],
  glob: ['glob'],
}

/** The canonical tools Kiro's `@builtin` selector stands for (it also holds Kiro-only tools). */
export const BUILTIN: readonly string[] = TAG_ORDER.flatMap((tag) => TAGS[tag]!)

/** Marks an allow-list that came from `@builtin`, so that it is written back as `@builtin`. */
export const BUILTIN_MARKER = 'kiro:@builtin'

/**
 * The canonical tools a Kiro tool selector stands for: `*`, `@builtin`, `@mcp`, `@server`,
 * `@server/tool`, a tag, a legacy tool name, or any other name (`kiro:<name>`).
 */
export function toolsFromKiro(name: string): string[] {
  if (name === '*') return ['*']
  if (name === '@builtin') return [...BUILTIN, BUILTIN_MARKER]
  if (name === '@mcp') return [mcpTool('*', '*')]
  const mcp = /^@([^/]+)(?:\/(.+))?$/.exec(name)
  if (mcp) return [mcpTool(mcp[1]!, mcp[2] ?? '*')]
  const known = own(TAGS, name) ?? own(LEGACY_NAMES, name)
  if (known) return [...known]
  return [`kiro:${name}`]
}

/**
 * Kiro selectors for a list of canonical tools: whole tags where every member is listed, a tag
 * widened to its missing members otherwise (reported through `widened`), MCP selectors, Kiro's
 * own tools. Tools Kiro has no selector for are returned in `unmapped`.
 */
export function toolsToKiro(names: readonly string[]): {
  selectors: string[]
  widened: { tag: string; listed: string[]; added: string[] }[]
  unmapped: string[]
} {
  if (names.includes('*')) return { selectors: ['*'], widened: [], unmapped: [] }
  const set = new Set(names)
  const selectors: string[] = []
  const widened: { tag: string; listed: string[]; added: string[] }[] = []
  const unmapped: string[] = []
  if (set.has(BUILTIN_MARKER) && BUILTIN.every((t) => set.has(t))) {
    selectors.push('@builtin')
    for (const t of [...BUILTIN, BUILTIN_MARKER]) set.delete(t)
  }
  set.delete(BUILTIN_MARKER)
  for (const tag of TAG_ORDER) {
    const members = TAGS[tag]!
    const listed = members.filter((m) => set.has(m))
    if (listed.length === 0) continue
    selectors.push(tag)
    if (listed.length < members.length) {
      widened.push({ tag, listed, added: members.filter((m) => !set.has(m)) })
    }
    for (const m of members) set.delete(m)
  }
  const rest = [...set].sort()
  for (const name of rest) {
    const mcp = parseMcpTool(name)
    if (mcp) {
      if (mcp.server === '*' && mcp.tool === '*') selectors.push('@mcp')
      else selectors.push(mcp.tool === '*' ? `@${mcp.server}` : `@${mcp.server}/${mcp.tool}`)
    } else if (name.startsWith('kiro:')) selectors.push(name.slice('kiro:'.length))
    else unmapped.push(name)
  }
  return { selectors: [...new Set(selectors)], widened, unmapped }
}

/**
 * Kiro permission capabilities and the canonical tools each one governs. `fs_read` governs every
 * tool that reads paths (reading, listing, searching); `fs_write` every tool that changes files.
 * `mcp` rules match `server/tool`; `all` governs every tool. Any other capability (`builtin`
 * aside) is kept as the Kiro-only tool `kiro:<capability>`.
 */
export const CAPABILITIES: Readonly<Record<string, readonly string[]>> = {
  fs_read: ['read', 'list', 'glob', 'grep'],
  fs_write: ['edit', 'write'],
  shell: ['bash'],
  web_fetch: ['webfetch'],
  web_search: ['websearch'],
  subagent: ['task'],
  skill: ['skill'],
}

/** The order capabilities are written in. */
export const CAPABILITY_ORDER = [
  'fs_read',
  'fs_write',
  'shell',
  'web_fetch',
  'web_search',
  'subagent',
  'skill',
  'mcp',
] as const

/** Capabilities whose `match` globs are paths (or URLs), where `*` stops at `/`. */
export const PATH_CAPABILITIES = new Set(['fs_read', 'fs_write', 'web_fetch'])

/** The capability governing a canonical tool, `mcp` for MCP tools, `kiro:<x>` tools → `x`. */
export function capabilityOf(tool: string): string | undefined {
  if (parseMcpTool(tool)) return 'mcp'
  if (tool.startsWith('kiro:')) {
    const native = tool.slice('kiro:'.length)
    return native.startsWith('@') ? undefined : native
  }
  for (const [capability, tools] of Object.entries(CAPABILITIES)) if (tools.includes(tool)) return capability
  return undefined
}

/** The IR tools a Kiro capability's rules are read as (an `edit` rule also governs `write`). */
export function toolsOfCapability(capability: string): string[] {
  if (capability === 'all') return ['*']
  if (capability === 'fs_write') return ['edit']
  if (capability === 'filesystem') return [...CAPABILITIES.fs_read!, 'edit']
  if (capability === 'builtin') return CAPABILITY_ORDER.filter((c) => c !== 'mcp').flatMap(toolsOfCapability)
  const tools = own(CAPABILITIES, capability)
  if (tools) return [...tools]
  return [`kiro:${capability}`]
}

/** How strict each decision is: Kiro applies the strictest matching rule (deny > ask > allow). */
export const STRICTNESS: Readonly<Record<Decision, number>> = { allow: 1, ask: 2, deny: 3 }

/** What Kiro decides for a call no rule matches ("When no rule matches a tool call, the default is ask"). */
export const KIRO_DEFAULT: Decision = 'ask'

/** Kiro agent keys agentc models. */
export const KIRO_MODELLED_KEYS = new Set([
  'name',
  'description',
  'model',
  'tools',
  'allowedTools',
  'excludedTools',
  'permissions',
  'toolsSettings',
  'prompt',
  'useLegacyMcpJson',
])

/** Kiro agent keys kept as extensions without a notice (they have no IR field). */
export const KIRO_EXTENSION_KEYS = new Set([
  'allowedTools',
  'mcpServers',
  'includeMcpJson',
  'includePowers',
  'resources',
  'hooks',
  'welcomeMessage',
  'keyboardShortcut',
  'toolAliases',
  'toolsSettings',
  'prompt',
])

/** The order extension keys Kiro knows are written in (unknown keys follow in their own order). */
export const EXTENSION_ORDER = [
  'prompt',
  'allowedTools',
  'toolAliases',
  'toolsSettings',
  'mcpServers',
  'includeMcpJson',
  'includePowers',
  'resources',
  'hooks',
  'keyboardShortcut',
  'welcomeMessage',
] as const

const CLAUDE_FAMILY = /^claude-(sonnet|opus|haiku|fable)-(\d+)(?:[.-](\d))?(?:-(\d{8}))?$/
const CLAUDE_OLD = /^claude-(\d+)(?:[.-](\d))?-(sonnet|opus|haiku)(?:-(\d{8}))?$/

/**
 * A Kiro `model` value as a model reference. Kiro's Claude ids spell versions with a dot
 * (`claude-sonnet-4.5`); the IR holds Anthropic's own id (`claude-sonnet-4-5`) so that other
 * targets can name the model.
 */
export function modelFromKiro(written: string): ModelRef {
  const family = CLAUDE_FAMILY.exec(written)
  if (family) {
    const [, name, major, minor] = family
    return { written, provider: 'anthropic', id: `claude-${name}-${major}${minor ? `-${minor}` : ''}` }
  }
  const old = CLAUDE_OLD.exec(written)
  if (old) {
    const [, major, minor, name] = old
    return { written, provider: 'anthropic', id: `claude-${major}${minor ? `-${minor}` : ''}-${name}` }
  }
  if (/^claude-/.test(written)) return { written, provider: 'anthropic', id: written }
  return { written, id: written }
}

/**
 * Kiro's spelling of an Anthropic model id: `claude-sonnet-4-5` and `claude-sonnet-4-5-20250929`
 * are `claude-sonnet-4.5`; ids of another shape are written as they are.
 */
export function claudeToKiro(id: string): string {
  const family = CLAUDE_FAMILY.exec(id)
  if (family) {
    const [, name, major, minor] = family
    return `claude-${name}-${major}${minor ? `.${minor}` : ''}`
  }
  const old = CLAUDE_OLD.exec(id)
  if (old) {
    const [, major, minor, name] = old
    return `claude-${major}${minor ? `.${minor}` : ''}-${name}`
  }
  return id
}

/** Whether a canonical tool name is one Kiro can select or govern at all. */
export function isKnownToKiro(tool: string): boolean {
  return tool === '*' || isCanonicalTool(tool) || !!parseMcpTool(tool) || tool.startsWith('kiro:')
}

/** `table[key]` for the table's own keys only (never `constructor`, `toString`, …). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
