import type { AgentDocument, FrontmatterEntry, OutputFile, TargetContext } from '@agentc/core'
import { writeFrontmatterFile } from '@agentc/core'
import { CLAUDE_ALIASES, claudeFamily } from '../shared/models'
import { portableSegment, reportRenamed } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { lookup } from '../shared/values'
import { CLAUDE_COLORS, nearestClaudeColor, THEME_TO_CLAUDE, toolToClaude } from './mappings'
import { parseClaude } from './parse'
import { translatePermissions } from './permissions'
import { mergeSettings, SETTINGS_PATH, settingsFile } from './settings'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}

/**
 * A Claude Code agent name: lowercase letters, digits and hyphens, not starting with a hyphen
 * (Claude Code skips agents whose name contains `:` or starts with `-`).
 */
export function claudeName(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return safe === '' ? 'agent' : safe
}

/** Where a Claude Code agent is written: its name, made portable (`con` → `con-agent.md`). */
export function claudePath(doc: AgentDocument): string {
  return `.claude/agents/${portableSegment(claudeName(doc.name))}.md`
}

/** Where a Claude Code plugin's agent is written: `agents/` at the plugin root. */
export function claudePluginPath(doc: AgentDocument): string {
  return `agents/${portableSegment(claudeName(doc.name))}.md`
}

/** Agent frontmatter keys Claude Code ignores in plugin agents (plugins reference). */
export const PLUGIN_IGNORED_KEYS: readonly string[] = [
  'permissionMode',
  'hooks',
  'mcpServers',
  'initialPrompt',
]

/**
 * Emits a Claude Code subagent file, and with `options.claude.settings` the per-command
 * permission rules merged into `.claude/settings.json`.
 */
export function emitClaude(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const fields = doc.source?.fields ?? {}
  const name = claudeName(doc.name)
  const plugin = ctx.options.claude?.plugin === true
  const path = plugin ? claudePluginPath(doc) : claudePath(doc)
  // A plugin agent with keys Claude Code ignores there is rewritten without them.
  const ignored = plugin
    ? Object.keys(doc.extensions.claude ?? {}).filter((key) => PLUGIN_IGNORED_KEYS.includes(key))
    : []
  const raw = ignored.length === 0 ? unchangedRaw(doc, 'claude', parseClaude) : undefined
  reportRenamed(ctx, doc, {
    ...(raw === undefined ? { named: name } : {}),
    file: portableSegment(name),
    path,
    rule: 'Claude Code agent names use lowercase letters, digits and hyphens',
    tool: 'Claude Code',
  })
  if (raw !== undefined) return [{ path, contents: raw }]
  if (doc.description === undefined || doc.description.trim() === '') {
    ctx.report(
      'AGC202',
      'Claude Code skips agents without a description; add one so that it loads this agent.',
      {
        field: 'description',
        ...at(fields, 'name'),
      },
    )
  }
  const files: OutputFile[] = []
  const allow = mapTools(doc.tools?.allow, 'tools.allow', ctx, fields)
  let deny = mapTools(doc.tools?.deny, 'tools.deny', ctx, fields)
  if (doc.permissions && doc.permissions.length > 0) {
    const fieldKey = (tool: string) => (fields[`permissions.${tool}`] ? `permissions.${tool}` : 'permissions')
    const notes: { message: string; tool: string; code: 'AGC202' | 'AGC208' }[] = []
    const translated = translatePermissions(doc.permissions, (message, tool, code = 'AGC202') => {
      notes.push({ message, tool, code })
    })
    // Without settings, a tool whose rules would go to settings is reported once below as left
    // out (AGC201), so how settings would approximate them does not matter; every other
    // approximation (a rule no form can hold) is the only report of its loss.
    const toSettings = new Set(translated.settingsSources.map((s) => s.tool))
    for (const { message, tool, code } of notes) {
      if (code === 'AGC202' && (plugin || !ctx.options.claude?.settings) && toSettings.has(tool)) continue
      ctx.report(code, message, { field: 'permissions', ...at(fields, fieldKey(tool)) })
    }
    if (translated.disallowed.length > 0) deny = unique([...(deny ?? []), ...translated.disallowed])
    if (translated.settingsSources.length > 0) {
      if (plugin) {
        for (const source of translated.settingsSources) {
          ctx.report(
            'AGC201',
            `The ${source.tool} permission rules (${source.summary}) cannot live in a Claude Code plugin agent, and a plugin's settings.json holds no permissions; they are left out.`,
            { field: 'permissions', ...at(fields, fieldKey(source.tool)) },
          )
        }
      } else if (ctx.options.claude?.settings) {
        const rules = translated.settings
        files.push({
          path: SETTINGS_PATH,
          contents: settingsFile(rules),
          merge: (existing) => mergeSettings(existing, rules),
        })
        ctx.report(
          'AGC206',
          `The ${translated.settingsSources.map((s) => s.tool).join(', ')} permission rules of ${name} were written to ${SETTINGS_PATH}, where they apply to every Claude Code session in the project, not only to this agent.`,
          { field: 'permissions', ...at(fields, 'permissions') },
        )
      } else {
        for (const source of translated.settingsSources) {
          ctx.report(
            'AGC201',
            `The ${source.tool} permission rules (${source.summary}) cannot live in a Claude Code agent file; they are left out (--claude-settings writes them to ${SETTINGS_PATH}, project-wide).`,
            { field: 'permissions', ...at(fields, fieldKey(source.tool)) },
          )
        }
      }
    }
  }
  const entries: FrontmatterEntry[] = [
    ['name', name],
    ['description', doc.description?.trim() === '' ? undefined : doc.description],
    ['tools', allow ? allow.join(', ') : undefined],
    ['disallowedTools', deny && deny.length > 0 ? deny.join(', ') : undefined],
    ['model', modelValue(doc, ctx, fields)],
    ['effort', effortValue(doc, ctx, fields)],
    ['maxTurns', doc.maxSteps],
    ['color', colorValue(doc.color, ctx, fields)],
  ]
  for (const [key, value] of Object.entries(doc.extensions.claude ?? {})) {
    if (ignored.includes(key)) {
      ctx.report(
        'AGC201',
        `Claude Code ignores \`${key}\` in plugin agents; it is left out of the plugin's copy of ${name}.`,
        { field: `extensions.claude.${key}`, ...at(fields, key) },
      )
      continue
    }
    entries.push([key, value])
  }
  files.unshift({ path, contents: writeFrontmatterFile(entries, doc.body.text) })
  return files
}

/** Distinct names in code-unit order, so that output does not depend on where a name came from. */
function unique(list: string[]): string[] {
  return [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

function mapTools(
  names: readonly string[] | undefined,
  field: 'tools.allow' | 'tools.deny',
  ctx: TargetContext,
  fields: Fields,
): string[] | undefined {
  if (names === undefined) return undefined
  const out: string[] = []
  for (const name of names) {
    const claude = toolToClaude(name)
    if (claude === undefined) {
      ctx.report(
        'AGC208',
        `The tool \`${name}\` has no Claude Code equivalent; it is left out of ${field === 'tools.allow' ? '`tools`' : '`disallowedTools`'}.`,
        {
          field,
          ...at(fields, field),
        },
      )
      continue
    }
    out.push(claude)
  }
  return unique(out)
}

function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  const model = doc.model
  if (!model) return undefined
  const where = { field: 'model', ...at(fields, 'model') }
  if (model.id === 'inherit') return 'inherit'
  const anthropic = model.provider === undefined || model.provider === 'anthropic'
  if (anthropic && CLAUDE_ALIASES.includes(model.id)) return model.id
  if (anthropic && /^claude-/.test(model.id)) {
    if (model.provider === 'anthropic' && doc.source?.target === 'claude') return model.id
    const family = claudeFamily(model.id)
    if (family) {
      ctx.report(
        'AGC205',
        `The model ${model.written} became the Claude Code alias \`${family}\`, which follows the newest ${family} model rather than this exact version.`,
        where,
      )
      return family
    }
    return model.id
  }
  const family = claudeFamily(model.id)
  if (family) {
    ctx.report(
      'AGC205',
      `The model ${model.written} (via ${model.provider}) became the Claude Code alias \`${family}\`.`,
      where,
    )
    return family
  }
  ctx.report(
    'AGC204',
    `Claude Code cannot run the model ${model.written}; it is left out, so the agent uses the model of the session that calls it.`,
    where,
  )
  return undefined
}

function effortValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | undefined {
  if (doc.effort === 'minimal') {
    ctx.report('AGC202', 'Claude Code has no `minimal` effort; `low` is the nearest.', {
      field: 'effort',
      ...at(fields, 'effort'),
    })
    return 'low'
  }
  return doc.effort
}

function colorValue(color: string | undefined, ctx: TargetContext, fields: Fields): string | undefined {
  if (color === undefined) return undefined
  if (Object.hasOwn(CLAUDE_COLORS, color)) return color
  const nearest =
    lookup(THEME_TO_CLAUDE, color) ??
    (/^#[0-9a-fA-F]{6}$/.test(color) ? nearestClaudeColor(color) : undefined)
  if (nearest) {
    ctx.report(
      'AGC202',
      `Claude Code has eight colour names; \`${color}\` became \`${nearest}\`, the nearest.`,
      {
        field: 'color',
        ...at(fields, 'color'),
      },
    )
    return nearest
  }
  ctx.report('AGC201', `The colour \`${color}\` has no Claude Code equivalent; it is left out.`, {
    field: 'color',
    ...at(fields, 'color'),
  })
  return undefined
}
