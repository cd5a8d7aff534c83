import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type PermissionRule,
  type Point,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'
import { at, Positions, typeName } from '../shared/markdown-file'
import { validateFrontmatter } from '../shared/validate'
import { ALL_MCP, ALWAYS_AVAILABLE, GROUP_TOOLS, GROUPS, KNOWN_KEYS } from './mappings'
import { regexToPatterns } from './patterns'
import { type ModeSource, type ParsedModes, readModesFile } from './read'
import { rooMode } from './schema'

/**
 * Parses a Roo Code / Zoo Code modes file (`.roomodes`, `custom_modes.yaml`, or a shared file with
 * one mode and no `customModes` list) into one document per mode.
 *
 * - `slug` is the name; the display `name` is kept for Roo when it differs.
 * - `roleDefinition` is the body; `customInstructions`, which Roo adds to the same system prompt,
 *   follows it after a blank line.
 * - `whenToUse` is the description (Roo's `description`, the mode picker's text, when there is no
 *   `whenToUse`; kept for Roo when both are there).
 * - `groups` become the tool allow-list (with the tools every mode has); an `edit` group limited
 *   by `fileRegex` becomes `edit` rules: deny, then `ask` for each path pattern the regex matches.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns One document per mode, or nothing after an error.
 */
export function parseRoo(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  return parseRooParsed(file, ctx, undefined)
}

/**
 * {@link parseRoo} for a caller that has already parsed the text (without its BOM) as YAML the
 * way `readModesFile` does, and maybe checked its nesting (see `readModesFile`).
 */
export function parseRooParsed(
  file: SourceFile,
  ctx: TargetContext,
  parsed: ParsedModes | undefined,
): AgentDocument[] {
  const modes = readModesFile(file, ctx, parsed)
  if (!modes) return []
  const docs: AgentDocument[] = []
  const slugs = new Map<string, Point>()
  const lineText = lineReader(file.text)
  let failed = false
  for (const mode of modes.modes) {
    const doc = readMode(mode, file, ctx, lineText)
    if (!doc) {
      failed = true
      continue
    }
    const where = doc.source!.fields.name!
    const first = slugs.get(doc.name)
    if (first) {
      ctx.report(
        'AGC302',
        `Two modes use the slug \`${doc.name}\` (the first on line ${first.line}); Roo Code rejects a file with duplicate slugs.`,
        { field: 'name', ...where },
      )
      failed = true
      continue
    }
    slugs.set(doc.name, where)
    docs.push(doc)
  }
  return failed ? [] : docs
}

/** The IR field a mode key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    slug: 'name',
    whenToUse: 'description',
    roleDefinition: 'body',
    customInstructions: 'body',
    groups: 'tools.allow',
    allowedMcpServers: 'tools.allow',
  }
  return fields[key] ?? `extensions.roo.${key}`
}

function readMode(
  mode: ModeSource,
  file: SourceFile,
  ctx: TargetContext,
  lineText: (point: Point) => string,
): AgentDocument | undefined {
  const data = mode.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    ctx.report('AGC101', `A mode must be a map of keys to values in Roo Code, not ${typeName(data)}.`, {
      ...mode.at,
    })
    return undefined
  }
  const pos = new Positions(mode.yaml)
  if (!validateFrontmatter(rooMode, data as Record<string, unknown>, pos, ctx, 'Roo Code', fieldOfKey)) {
    return undefined
  }
  const m = data as Record<string, unknown>
  const groups = readGroups(m.groups, m.allowedMcpServers as string[] | undefined, pos, ctx, mode.at)
  if (!groups) return undefined
  const extensions: Record<string, unknown> = {}
  const slug = m.slug as string
  pos.key('name', ['slug'])
  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = {
    irVersion: IR_VERSION,
    name: slug,
  }
  const name = m.name as string
  if (name !== slug) extensions.name = name

  const whenToUse = m.whenToUse as string | undefined
  const description = m.description as string | undefined
  if (whenToUse !== undefined) {
    doc.description = whenToUse
    pos.key('description', ['whenToUse'])
    if (description !== undefined) extensions.description = description
  } else if (description !== undefined) {
    doc.description = description
    pos.key('description', ['description'])
  }

  doc.tools = { allow: groups.allow }
  pos.key('tools.allow', ['groups'])
  if (groups.permissions.length > 0) {
    doc.permissions = groups.permissions
    if (groups.regexAt) pos.fields.permissions = groups.regexAt
  }
  if (Object.keys(groups.options).length > 0) extensions.groupOptions = groups.options
  if (m.allowedMcpServers !== undefined && !groups.mcp) {
    extensions.allowedMcpServers = m.allowedMcpServers
    ctx.report('AGC104', '`allowedMcpServers` has no effect without the `mcp` group. Kept as written.', {
      field: 'extensions.roo.allowedMcpServers',
      ...at(pos.key('extensions.roo.allowedMcpServers', ['allowedMcpServers'])),
    })
  }
  if (m.source !== undefined) extensions.source = m.source

  const role = m.roleDefinition as string
  const instructions = m.customInstructions as string | undefined
  doc.body = createBody(
    instructions === undefined || instructions === ''
      ? role
      : `${role.replace(/\n+$/, '')}\n\n${instructions}`,
  )
  const roleAt = pos.value(['roleDefinition'])
  if (roleAt) {
    const block = /^[|>]/.test(lineText(roleAt).slice(roleAt.column - 1))
    pos.fields.body = block ? { line: roleAt.line + 1, column: 1 } : roleAt
  }

  for (const [key, value] of Object.entries(m)) {
    if (KNOWN_KEYS.has(key)) continue
    extensions[key] = value
    ctx.report(
      'AGC102',
      `\`${key}\` is not a Roo Code mode field (Roo Code ignores it); kept for Roo Code.`,
      {
        field: `extensions.roo.${key}`,
        ...at(pos.key(`extensions.roo.${key}`, [key])),
      },
    )
  }
  for (const key of ['name', 'description', 'source']) {
    if (Object.hasOwn(extensions, key)) pos.key(`extensions.roo.${key}`, [key])
  }
  if (extensions.groupOptions) pos.key('extensions.roo.groupOptions', ['groups'])
  // In file order (groupOptions where `groups` is), so that they are written back in it.
  const order = Object.keys(m).map((k) => (k === 'groups' ? 'groupOptions' : k))
  const ordered = Object.fromEntries(
    order.filter((k) => Object.hasOwn(extensions, k)).map((k) => [k, extensions[k]]),
  )
  doc.extensions = Object.keys(ordered).length > 0 ? { roo: ordered } : {}
  doc.source = { path: file.path, target: 'roo', fields: pos.fields, raw: file.text }
  return doc as AgentDocument
}

interface Groups {
  /** Canonical tools the mode has (sorted). */
  readonly allow: string[]
  /** Edit restriction rules from `fileRegex`. */
  readonly permissions: PermissionRule[]
  /** Group options the IR does not hold, by group. */
  readonly options: Record<string, Record<string, unknown>>
  /** Whether the mode has the `mcp` group. */
  readonly mcp: boolean
  readonly regexAt?: Point
}

/**
 * Checks `groups` as Roo does (the deprecated `browser` group stripped first; names from Roo's
 * list plus Zoo's `web`; an entry is a name or `[name, {fileRegex, description}]`; no group
 * twice) and maps them to tools.
 */
function readGroups(
  value: unknown,
  servers: readonly string[] | undefined,
  pos: Positions,
  ctx: TargetContext,
  modeAt: Point,
): Groups | undefined {
  const invalid = (path: (string | number)[], message: string) =>
    ctx.report('AGC101', message, { field: 'tools.allow', ...(pos.value(path) ?? modeAt) })
  if (!Array.isArray(value)) {
    invalid(['groups'], `\`groups\` must be a list of tool groups in Roo Code, not ${typeName(value)}.`)
    return undefined
  }
  const names = GROUPS.filter((g) => g !== 'browser').join(', ')
  const seen = new Set<string>()
  const allow = new Set<string>(ALWAYS_AVAILABLE)
  const permissions: PermissionRule[] = []
  const options: Record<string, Record<string, unknown>> = {}
  let regexAt: Point | undefined
  let ok = true
  for (let i = 0; i < value.length; i++) {
    const entry = value[i] as unknown
    const group = typeof entry === 'string' ? entry : Array.isArray(entry) ? entry[0] : undefined
    if (group === 'browser') {
      ctx.report(
        'AGC104',
        'Roo Code and Zoo Code removed the `browser` group in February 2026 and strip it when they load a mode; it is left out.',
        { field: 'tools.allow', ...at(pos.value(['groups', i])) },
      )
      continue
    }
    if (typeof group !== 'string' || !GROUPS.includes(group)) {
      invalid(
        typeof entry === 'string' || !Array.isArray(entry) ? ['groups', i] : ['groups', i, 0],
        `\`groups.${i}\` must be a group name (${names}) or a [group, options] pair in Roo Code, not ${typeName(group ?? entry)}.`,
      )
      ok = false
      continue
    }
    if (seen.has(group)) {
      invalid(
        ['groups', i],
        `\`groups.${i}\`: the group \`${group}\` is listed twice; Roo Code rejects duplicate groups.`,
      )
      ok = false
      continue
    }
    seen.add(group)
    if (group === 'web') {
      ctx.report(
        'AGC104',
        "`web` is a Zoo Code group (web fetch); Roo Code does not know it and rejects the whole file. Read as Zoo Code's.",
        { field: 'tools.allow', ...at(pos.value(['groups', i])) },
      )
    }
    for (const tool of GROUP_TOOLS[group] ?? []) allow.add(tool)
    if (group === 'mcp') {
      if (servers === undefined) allow.add(ALL_MCP)
      else for (const server of servers) allow.add(`mcp:${server}/*`)
    }
    if (!Array.isArray(entry)) continue
    const opts = entry[1] as unknown
    if (entry.length !== 2 || opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
      invalid(
        ['groups', i],
        `\`groups.${i}\` must be a group name or a [group, {fileRegex, description}] pair in Roo Code.`,
      )
      ok = false
      continue
    }
    const kept: Record<string, unknown> = { ...(opts as Record<string, unknown>) }
    const { fileRegex, description } = kept
    if (fileRegex !== undefined && typeof fileRegex !== 'string') {
      invalid(
        ['groups', i, 1, 'fileRegex'],
        `\`fileRegex\` must be a regular expression (text) in Roo Code, not ${typeName(fileRegex)}.`,
      )
      ok = false
      continue
    }
    if (description !== undefined && typeof description !== 'string') {
      invalid(
        ['groups', i, 1, 'description'],
        `\`description\` must be text in Roo Code, not ${typeName(description)}.`,
      )
      ok = false
      continue
    }
    if (typeof fileRegex === 'string' && fileRegex !== '') {
      try {
        new RegExp(fileRegex)
      } catch {
        invalid(
          ['groups', i, 1, 'fileRegex'],
          `\`fileRegex\` is not a valid regular expression: ${fileRegex}.`,
        )
        ok = false
        continue
      }
    }
    for (const key of Object.keys(kept)) {
      if (key !== 'fileRegex' && key !== 'description') {
        ctx.report(
          'AGC102',
          `\`${key}\` is not a Roo Code group option (Roo Code ignores it); kept for Roo Code.`,
          {
            field: 'extensions.roo.groupOptions',
            ...at(pos.key('extensions.roo.groupOptions', ['groups', i, 1, key])),
          },
        )
      }
    }
    if (group !== 'edit') {
      if (fileRegex !== undefined) {
        ctx.report(
          'AGC104',
          `Roo Code applies \`fileRegex\` only to the \`edit\` group; on \`${group}\` it has no effect. Kept as written.`,
          {
            field: 'extensions.roo.groupOptions',
            ...at(pos.value(['groups', i, 1, 'fileRegex'])),
          },
        )
      }
      options[group] = kept
      continue
    }
    if (typeof fileRegex === 'string' && fileRegex !== '') {
      regexAt = pos.value(['groups', i, 1, 'fileRegex'])
      const patterns = regexToPatterns(fileRegex)
      if (patterns && !patterns.includes('*')) {
        permissions.push({ tool: 'edit', decision: 'deny' })
        for (const pattern of patterns) permissions.push({ tool: 'edit', pattern, decision: 'ask' })
        delete kept.fileRegex
      } else if (!patterns) {
        permissions.push({ tool: 'edit', decision: 'deny' })
        ctx.report(
          'AGC202',
          `\`fileRegex\` ${fileRegex} has no exact path-pattern form; agentc reads the mode as editing no files (the safe side) and keeps the regex for Roo Code.`,
          { field: 'permissions', ...at(regexAt) },
        )
      } else delete kept.fileRegex
    } else delete kept.fileRegex
    if (Object.keys(kept).length > 0) options.edit = kept
  }
  if (!ok) return undefined
  return {
    allow: [...allow].sort(),
    permissions,
    options,
    mcp: seen.has('mcp'),
    ...(regexAt ? { regexAt } : {}),
  }
}

/**
 * The text of the line a point is on. The line starts are found once per file, on the first
 * call: a file of many modes must not be scanned again for each of them.
 */
function lineReader(text: string): (point: Point) => string {
  let starts: number[] | undefined
  return (point) => {
    if (starts === undefined) {
      starts = [0]
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    }
    const start = starts[point.line - 1]
    if (start === undefined) return ''
    const end = text.indexOf('\n', start)
    return text.slice(start, end === -1 ? text.length : end)
  }
}
