import type { AgentDocument, OutputFile, TargetContext } from '@agentc/core'
import { bareModelId, vendorOf } from '../shared/models'
import { reportRenamed, safeFileName } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { codexSwitches } from './access'
import { BUILT_IN_AGENTS, BUILT_IN_PROVIDERS, DEFAULT_PROVIDER, EFFORT_TO_CODEX } from './mappings'
import { isBlank, parseCodex, trimWhiteSpace } from './parse'
import { isPlainObject, isTableValue, tomlEntry, tomlInline, tomlMultiline, tomlString } from './toml'

type Fields = Readonly<Record<string, { line: number; column: number }>>
/** The position of the first of `keys` (or of its first segment) the source recorded. */
const at = (fields: Fields, ...keys: string[]) => {
  for (const key of keys) {
    const p = fields[key] ?? fields[key.split('.')[0]!]
    if (p) return { line: p.line, column: p.column }
  }
  return {}
}
const silent: TargetContext = { report() {}, options: {} }

/** The name Codex reads from a name (it trims it; a blank name does not load). */
export function codexName(name: string): string {
  return trimWhiteSpace(name) || 'agent'
}

/**
 * Where a Codex agent is written: `.codex/agents/<name>.toml`. Codex reads every `.toml` below
 * `agents/` and takes the agent's name from its `name` key, so the file name only has to be safe.
 */
export function codexPath(doc: AgentDocument): string {
  return `.codex/agents/${codexFile(doc)}.toml`
}

/** The file of a Codex agent below `.codex/agents/`, without `.toml`: its name made a safe file name. */
function codexFile(doc: AgentDocument): string {
  return safeFileName(codexName(doc.name), silent, 'Codex', { allowSlash: true, allowUpper: true })
}

/**
 * Emits a Codex custom agent file. A document parsed from Codex and unchanged is written back
 * byte for byte; anything else is written in a fixed key order: `name description
 * nickname_candidates model model_provider model_reasoning_effort sandbox_mode web_search`, the
 * other kept keys, `developer_instructions` (the body, a multi-line string), then tables
 * (`[features]`, `[mcp_servers.<id>]`, other kept tables).
 */
export function emitCodex(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const path = codexPath(doc)
  const raw = unchangedRaw(doc, 'codex', parseCodex)
  const name = codexName(doc.name)
  reportRenamed(ctx, doc, {
    ...(raw === undefined ? { named: name } : {}),
    file: codexFile(doc),
    path,
    rule: 'Codex trims agent names and needs a non-blank one',
    tool: 'Codex',
  })
  if (raw !== undefined) return [{ path, contents: raw }]
  const fields = doc.source?.fields ?? {}
  const own: Record<string, unknown> = { ...(doc.extensions.codex ?? {}) }
  const values: string[] = []
  const tables: [string, unknown][] = []
  /** Writes a key the emitter owns; a kept extension value of the same key gives way. */
  const write = (key: string, value: string | undefined) => {
    if (value === undefined) return
    if (Object.hasOwn(own, key)) {
      if (tomlInline(own[key]) !== value) {
        ctx.report(
          'AGC202',
          `The kept Codex value of \`${key}\` was replaced by the agent's own (${value}).`,
          {
            field: `extensions.codex.${key}`,
            ...at(fields, `extensions.codex.${key}`),
          },
        )
      }
      delete own[key]
    }
    values.push(`${key} = ${value}`)
  }

  write('name', tomlString(name))
  if ((BUILT_IN_AGENTS as readonly string[]).includes(name) && doc.source?.target !== 'codex') {
    ctx.report('AGC202', `The name \`${name}\` replaces Codex's built-in ${name} agent.`, at(fields, 'name'))
  }
  if (doc.description === undefined || isBlank(doc.description)) {
    ctx.report(
      'AGC202',
      `Codex skips an agent without a non-blank description; add one so that Codex loads ${name}.`,
      at(fields, 'name'),
    )
  }
  write('description', doc.description === undefined ? undefined : tomlString(doc.description))
  if (Object.hasOwn(own, 'nickname_candidates')) {
    values.push(tomlEntry('nickname_candidates', own.nickname_candidates))
    delete own.nickname_candidates
  }

  const model = modelEntry(doc, ctx, fields)
  write('model', model?.model === undefined ? undefined : tomlString(model.model))
  write('model_provider', model?.provider === undefined ? undefined : tomlString(model.provider))
  if (doc.effort !== undefined) {
    const level = EFFORT_TO_CODEX[doc.effort]
    if (level !== doc.effort) {
      ctx.report('AGC202', `Codex has no \`${doc.effort}\` reasoning effort; \`${level}\` is the nearest.`, {
        field: 'effort',
        ...at(fields, 'effort'),
      })
    }
    write('model_reasoning_effort', tomlString(level))
  }

  const servers = isPlainObject(own.mcp_servers) ? own.mcp_servers : {}
  const switches = codexSwitches(
    doc,
    new Set(Object.keys(servers).filter((s) => isPlainObject(servers[s]))),
    (code, message, field, where) => {
      // Advice about what a switch does besides (no IR field) is news only for other formats.
      if (field === undefined && doc.source?.target === 'codex') return
      ctx.report(code, message, {
        ...(field !== undefined ? { field: field.startsWith('permissions.') ? 'permissions' : field } : {}),
        ...at(fields, ...[where, field, 'tools.deny', 'permissions'].filter((k): k is string => !!k)),
      })
    },
  )
  if (switches.readOnly) {
    if (typeof own.default_permissions === 'string') {
      ctx.report(
        'AGC202',
        `The agent's permission profile \`${own.default_permissions}\` was replaced by the read-only sandbox that removes file edits (Codex does not combine the two).`,
        {
          field: 'extensions.codex.default_permissions',
          ...at(fields, 'extensions.codex.default_permissions'),
        },
      )
      delete own.default_permissions
    }
    write('sandbox_mode', tomlString('read-only'))
  }
  if (switches.webSearchOff) write('web_search', tomlString('disabled'))
  if (switches.shellOff) {
    const features = isPlainObject(own.features) ? own.features : {}
    own.features = { ...features, shell_tool: false }
  }
  if (switches.mcp.size > 0) {
    const merged: Record<string, unknown> = { ...servers }
    for (const [server, tools] of switches.mcp) {
      const config = { ...(merged[server] as Record<string, unknown>) }
      if (tools.includes('*')) config.enabled = false
      const named = tools.filter((t) => t !== '*')
      if (named.length > 0) {
        const before = Array.isArray(config.disabled_tools) ? config.disabled_tools : []
        config.disabled_tools = [...new Set([...before, ...named])]
      }
      merged[server] = config
    }
    own.mcp_servers = merged
  }

  for (const [key, value] of Object.entries(own)) {
    const clean = withoutNulls(value, `extensions.codex.${key}`, ctx, fields)
    if (clean === undefined) continue
    if (isTableValue(clean)) tables.push([key, clean])
    else values.push(tomlEntry(key, clean))
  }

  if (doc.body.text === '') {
    ctx.report(
      'AGC202',
      `Codex skips an agent without \`developer_instructions\`; the body of ${name} is empty.`,
      at(fields, 'body'),
    )
  } else {
    if (isBlank(doc.body.text)) {
      ctx.report(
        'AGC202',
        `Codex skips an agent whose \`developer_instructions\` are blank (${name}).`,
        at(fields, 'body'),
      )
    }
    values.push(`developer_instructions = ${tomlMultiline(doc.body.text)}`)
  }

  // `features` first among the tables, as Codex's own examples order them.
  tables.sort(([a], [b]) => (a === 'features' ? -1 : b === 'features' ? 1 : 0))
  const sections = tables.map(([key, value]) => tomlEntry(key, value))
  const contents = [values.join('\n'), ...sections].filter((s) => s !== '').join('\n\n')
  return [{ path, contents: `${contents}\n` }]
}

/**
 * The model as Codex names it: a bare id, and `model_provider` when the model runs elsewhere
 * than on Codex's default (OpenAI) provider. Codex runs OpenAI models and, through its built-in
 * `ollama` and `lmstudio` providers, local ones; other models are left out (AGC204), and an
 * OpenAI model reached through another gateway runs on Codex's own OpenAI provider (AGC202).
 */
function modelEntry(
  doc: AgentDocument,
  ctx: TargetContext,
  fields: Fields,
): { model: string; provider?: string } | undefined {
  const model = doc.model
  // No model means the model of the agent that spawns this one: what `inherit` says.
  if (!model || model.id === 'inherit') return undefined
  const where = { field: 'model', ...at(fields, 'model') }
  const vendor = vendorOf(model)
  const provider = model.provider
  if (provider === undefined || provider === DEFAULT_PROVIDER) {
    if (vendor === 'openai' || (provider === DEFAULT_PROVIDER && vendor === undefined)) {
      const id = bareModelId(model.id)
      if (id !== model.id) {
        ctx.report(
          'AGC202',
          `Codex names models without a provider prefix; ${model.written} was written as \`${id}\`.`,
          where,
        )
      }
      return { model: id }
    }
  } else if ((BUILT_IN_PROVIDERS as readonly string[]).includes(provider)) {
    return { model: model.id, provider }
  } else if (doc.source?.target === 'codex') {
    // A provider the agent file itself named: defined in the user's Codex config.
    return { model: model.id, provider }
  } else if (vendor === 'openai') {
    const id = bareModelId(model.id)
    ctx.report(
      'AGC202',
      `The model ${model.written} runs through ${provider}, a provider Codex does not have; it was written as \`${id}\`, which Codex runs on its own OpenAI provider.`,
      where,
    )
    return { model: id }
  }
  ctx.report(
    'AGC204',
    `Codex runs OpenAI models (and local ones through its ollama and lmstudio providers); it cannot run ${model.written}, so the model is left out and the agent uses the model of the session that spawns it.`,
    where,
  )
  return undefined
}

/** A kept value without the nulls TOML cannot hold (reported), or undefined when nothing is left. */
function withoutNulls(value: unknown, field: string, ctx: TargetContext, fields: Fields): unknown {
  let dropped = false
  const clean = (v: unknown): unknown => {
    if (v === null || v === undefined) {
      dropped = true
      return undefined
    }
    if (Array.isArray(v)) return v.map(clean).filter((x) => x !== undefined)
    if (isPlainObject(v)) {
      return Object.fromEntries(
        Object.entries(v)
          .map(([k, x]) => [k, clean(x)] as const)
          .filter(([, x]) => x !== undefined),
      )
    }
    return v
  }
  const out = clean(value)
  if (dropped) {
    ctx.report(
      'AGC202',
      `TOML has no null: the empty values of \`${field.split('.').pop()}\` were left out.`,
      {
        field,
        ...at(fields, field),
      },
    )
  }
  return out
}
