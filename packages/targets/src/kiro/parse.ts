import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type ParsedYaml,
  type SourceFile,
  type TargetContext,
  type ToolPolicy,
} from '@agentc/core'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { nameFromPath } from '../shared/names'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader, stringList } from '../shared/values'
import { readJsonAgent } from './json'
import {
  BUILTIN_MARKER,
  capabilityOf,
  KIRO_EXTENSION_KEYS,
  KIRO_MODELLED_KEYS,
  modelFromKiro,
  own,
  STRICTNESS,
  toolsFromKiro,
} from './mappings'
import { wildcardFromRegex } from './patterns'
import { fromKiroPermissions, type KiroRule } from './permissions'
import { kiroAgentSchema } from './schema'

/**
 * Parses a Kiro custom agent: `.kiro/agents/<name>.md` (YAML frontmatter, the body is the
 * prompt) or `.kiro/agents/<name>.json` (the same keys, `prompt` holding the prompt; the legacy
 * CLI 1.x/2.x keys are read too).
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agent, or nothing after an error.
 */
export function parseKiro(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const json = /\.json$/i.test(file.path)
  let yaml: ParsedYaml
  let body = ''
  if (json) {
    const read = readJsonAgent(file, ctx)
    if (!read) return []
    yaml = read
  } else {
    const md = readMarkdownFile(file, ctx, false)
    if (!md) return []
    yaml = md.yaml
    body = md.split.body
  }
  const data = yaml.data
  const pos = new Positions(yaml)
  if (!validateFrontmatter(kiroAgentSchema, data, pos, ctx, 'Kiro', fieldOfKey)) return []
  const read = new FieldReader(data, pos, ctx, 'Kiro')
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}

  // An empty `name` names nothing: the file's name stands for it.
  doc.name = read.string('name', 'name') || agentNameFromPath(file.path)
  if (!pos.fields.name) pos.fields.name = { line: 1, column: 1 }
  const description = read.string('description', 'description')
  if (description !== undefined) doc.description = description
  const model = read.string('model', 'model')
  if (model !== undefined && model.trim() !== '') doc.model = modelFromKiro(model.trim())

  const prompt = read.has('prompt') ? data.prompt : undefined
  if (json && typeof prompt === 'string' && !prompt.startsWith('file://')) {
    body = prompt
    pos.key('body', ['prompt'])
  }

  const tools = readTools(data, pos, ctx)
  if (tools) doc.tools = tools

  const { rules, remainder } = collectRules(data, pos)
  for (const { rule, by } of shadowedRules(rules)) {
    ctx.report(
      'AGC104',
      `The \`${rule.capability}\` ${rule.effect} rule${rule.match ? ` for ${rule.match.map((m) => `"${m}"`).join(', ')}` : ''} never applies: the \`${by.capability}\` ${by.effect} rule matches every call and is stricter, and Kiro applies the strictest matching rule.`,
      { field: 'permissions', ...at(rule.at ?? pos.fields.permissions) },
    )
  }
  if (rules.length > 0) {
    const { rules: permissions, conflict } = fromKiroPermissions(rules)
    if (permissions.length > 0) doc.permissions = permissions
    if (conflict.length > 0) {
      ctx.report(
        'AGC202',
        `Kiro decides overlapping rules by strictness and \`exclude\`; no rule order reproduces every overlap of the ${conflict.map((r) => `\`${r.capability}\` ${r.effect}`).join(', ')} rules, so agentc's reading of them is approximate.`,
        { field: 'permissions', ...at(pos.fields.permissions) },
      )
    }
  }
  for (const [key, value] of Object.entries(remainder)) {
    extensions[key] = value
    pos.key(`extensions.kiro.${key}`, [key])
  }

  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue
    if (KIRO_MODELLED_KEYS.has(key) && key !== 'prompt') {
      if (key === 'useLegacyMcpJson' && value !== null) {
        const p = pos.key('extensions.kiro.includeMcpJson', [key])
        if (!Object.hasOwn(data, 'includeMcpJson')) extensions.includeMcpJson = value
        ctx.report(
          'AGC103',
          '`useLegacyMcpJson` is the Kiro CLI 1.x name of `includeMcpJson`; agentc writes `includeMcpJson`.',
          { field: 'extensions.kiro.includeMcpJson', ...at(p) },
        )
      }
      continue
    }
    if (key === 'prompt' && json && typeof value === 'string' && !value.startsWith('file://')) continue
    extensions[key] = value
    const p = pos.key(`extensions.kiro.${key}`, [key])
    if (!KIRO_EXTENSION_KEYS.has(key)) {
      ctx.report('AGC102', `\`${key}\` is not a Kiro agent field (Kiro ignores it); kept for Kiro.`, {
        field: `extensions.kiro.${key}`,
        ...at(p),
      })
    }
  }
  doc.body = createBody(body)
  doc.extensions = Object.keys(extensions).length > 0 ? { kiro: extensions } : {}
  doc.source = { path: file.path, target: 'kiro', fields: pos.fields, raw: file.text }
  return [doc as AgentDocument]
}

/** The agent name Kiro derives from a path: the path below `.kiro/agents/` without extension. */
export function agentNameFromPath(path: string): string {
  const posix = path.replace(/\\/g, '/')
  const match = /(?:^|\/)\.kiro\/agents\/(.+)\.(?:md|json)$/i.exec(posix)
  if (match) return match[1]!
  return nameFromPath(posix)
}

/** The IR field a Kiro key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    tools: 'tools.allow',
    excludedTools: 'tools.deny',
    allowedTools: 'permissions',
    toolsSettings: 'permissions',
    prompt: 'body',
  }
  return own(fields, key) ?? (KIRO_MODELLED_KEYS.has(key) ? key : `extensions.kiro.${key}`)
}

/** The selectors of a `tools`-like key: a list, or a comma-separated string (`"*"`). */
function selectorsOf(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  return stringList(value)
}

function readTools(
  data: Record<string, unknown>,
  pos: Positions,
  ctx: TargetContext,
): ToolPolicy | undefined {
  const allowSelectors = selectorsOf(data.tools)
  const denySelectors = selectorsOf(data.excludedTools)
  let allow: string[] | undefined
  if (allowSelectors) {
    pos.key('tools.allow', ['tools'])
    const names = [...new Set(allowSelectors.flatMap(toolsFromKiro))]
    // `*` is every tool: no allow-list at all.
    allow = names.includes('*') ? undefined : names.sort()
  }
  let deny: string[] | undefined
  if (denySelectors) {
    const p = pos.key('tools.deny', ['excludedTools'])
    deny = [...new Set(denySelectors.flatMap(toolsFromKiro))].filter((t) => t !== BUILTIN_MARKER).sort()
    if (deny.includes('*')) {
      ctx.report('AGC104', '`excludedTools` holds `*`, which removes every tool from this agent.', {
        field: 'tools.deny',
        ...at(p),
      })
    }
    if (deny.length === 0) deny = undefined
  }
  if (allow === undefined && deny === undefined) return undefined
  return { ...(allow ? { allow } : {}), ...(deny ? { deny } : {}) }
}

/**
 * The Kiro rules of an agent, in the order that breaks ties: auto-approved tools
 * (`allowedTools`), the legacy per-tool settings, then `permissions`. What cannot be read as
 * rules is returned to be kept as written (`allowedTools` entries of tools without a permission
 * capability, `toolsSettings` that are not exact wildcards).
 */
function collectRules(
  data: Record<string, unknown>,
  pos: Positions,
): { rules: KiroRule[]; remainder: Record<string, unknown> } {
  const rules: KiroRule[] = []
  const remainder: Record<string, unknown> = {}
  const allowed = selectorsOf(data.allowedTools)
  if (allowed) {
    pos.key('permissions', ['allowedTools'])
    const kept: string[] = []
    for (const selector of allowed) {
      const tools = toolsFromKiro(selector)
      const capabilities = tools.map((t) => (t.startsWith('kiro:') ? undefined : capabilityOf(t)))
      if (capabilities.some((c) => c === undefined)) {
        kept.push(selector)
        continue
      }
      for (const [i, capability] of capabilities.entries()) {
        const tool = tools[i]!
        if (capability === 'mcp') {
          const server = tool.slice('mcp:'.length)
          rules.push({ capability, effect: 'allow', ...(server === '*/*' ? {} : { match: [server] }) })
        } else if (!rules.some((r) => r.capability === capability && r.effect === 'allow' && !r.match)) {
          rules.push({ capability: capability!, effect: 'allow' })
        }
      }
    }
    if (kept.length > 0) remainder.allowedTools = kept
  }
  const settings = data.toolsSettings
  if (settings && typeof settings === 'object' && !Array.isArray(settings)) {
    pos.key('permissions', ['toolsSettings'])
    const rest: Record<string, unknown> = {}
    for (const [tool, value] of Object.entries(settings as Record<string, Record<string, unknown>>)) {
      const left = readSettings(tool, value, rules)
      if (Object.keys(left).length > 0) rest[tool] = left
    }
    if (Object.keys(rest).length > 0) remainder.toolsSettings = rest
  }
  const permissions = Array.isArray(data.permissions)
    ? data.permissions
    : (data.permissions as { rules?: unknown } | null | undefined)?.rules
  if (Array.isArray(permissions)) {
    pos.key('permissions', ['permissions'])
    const base = Array.isArray(data.permissions) ? ['permissions'] : ['permissions', 'rules']
    for (const [index, rule] of (
      permissions as {
        capability: string
        effect: KiroRule['effect']
        match?: unknown
        exclude?: unknown
      }[]
    ).entries()) {
      const match = globList(rule.match)
      const exclude = globList(rule.exclude)
      const where = pos.value([...base, index])
      rules.push({
        ...(where ? { at: where } : {}),
        capability: rule.capability,
        effect: rule.effect,
        ...(match ? { match } : {}),
        ...(exclude ? { exclude } : {}),
      })
    }
  }
  return { rules, remainder }
}

function globList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return undefined
}

const SHELL_SETTINGS = new Set(['shell', 'execute_bash', 'execute_cmd'])
const PATH_SETTINGS: Readonly<Record<string, string>> = {
  read: 'fs_read',
  fs_read: 'fs_read',
  write: 'fs_write',
  fs_write: 'fs_write',
}

/**
 * Reads one tool's legacy settings into Kiro rules (pushed to `rules`); returns the settings
 * left as written. Shell commands and fetch URLs are anchored regular expressions: only those
 * that mean exactly a wildcard are read. Paths are gitignore-style globs: a plain path covers
 * everything below it too.
 */
function readSettings(
  tool: string,
  settings: Record<string, unknown>,
  rules: KiroRule[],
): Record<string, unknown> {
  const left: Record<string, unknown> = { ...settings }
  const regexes = (key: string): string[] | undefined => {
    const list = settings[key]
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) return undefined
    const wildcards = (list as string[]).map(wildcardFromRegex)
    return wildcards.every((w) => w !== undefined) ? (wildcards as string[]) : undefined
  }
  if (SHELL_SETTINGS.has(tool)) {
    const allowed = regexes('allowedCommands')
    const denied = regexes('deniedCommands')
    if (allowed) {
      if (allowed.length > 0) rules.push({ capability: 'shell', effect: 'allow', match: allowed })
      delete left.allowedCommands
    }
    if (denied) {
      if (denied.length > 0) rules.push({ capability: 'shell', effect: 'deny', match: denied })
      delete left.deniedCommands
    }
    if (typeof settings.denyByDefault === 'boolean' && (allowed || settings.allowedCommands === undefined)) {
      if (settings.denyByDefault) {
        rules.push({ capability: 'shell', effect: 'deny', ...(allowed?.length ? { exclude: allowed } : {}) })
      }
      delete left.denyByDefault
    }
    return left
  }
  const capability = own(PATH_SETTINGS, tool)
  if (capability) {
    for (const [key, effect] of [
      ['allowedPaths', 'allow'],
      ['deniedPaths', 'deny'],
    ] as const) {
      const list = settings[key]
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) continue
      const globs = (list as string[]).flatMap(gitignorePath)
      if (globs.length > 0) rules.push({ capability, effect, match: globs })
      delete left[key]
    }
    return left
  }
  if (tool === 'web_fetch') {
    for (const [key, effect] of [
      ['trusted', 'allow'],
      ['blocked', 'deny'],
    ] as const) {
      const wildcards = regexes(key)
      if (!wildcards) continue
      if (wildcards.length > 0) rules.push({ capability: 'web_fetch', effect, match: wildcards })
      delete left[key]
    }
    return left
  }
  return left
}

/**
 * A gitignore-style path glob as the globs it stands for: a folder (`dir/`, or a plain name
 * without an extension, `~/temp`) also covers everything below it.
 */
function gitignorePath(glob: string): string[] {
  if (/[*?[]/.test(glob)) return [glob]
  const trimmed = glob.replace(/\/+$/, '')
  if (trimmed === '') return [glob]
  if (glob.endsWith('/')) return [`${trimmed}/**`]
  const last = trimmed.split('/').pop() ?? trimmed
  return /\.[^.]+$/.test(last) ? [trimmed] : [trimmed, `${trimmed}/**`]
}

/**
 * Rules that never decide a call: a stricter rule of the same capability (or for every tool)
 * matches every call and excludes none.
 */
function shadowedRules(rules: readonly KiroRule[]): { rule: KiroRule; by: KiroRule }[] {
  const everything = (r: KiroRule) =>
    (!r.match || r.match.length === 0 || r.match.some((m) => /^\*+(\/\*+)?$/.test(m))) &&
    (!r.exclude || r.exclude.length === 0)
  const out: { rule: KiroRule; by: KiroRule }[] = []
  for (const rule of rules) {
    const by = rules.find(
      (other) =>
        other !== rule &&
        (other.capability === rule.capability || other.capability === 'all') &&
        STRICTNESS[other.effect] > STRICTNESS[rule.effect] &&
        everything(other),
    )
    if (by) out.push({ rule, by })
  }
  return out
}
