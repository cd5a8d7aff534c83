import { basename, dirname, join, resolve } from 'node:path'
import {
  createDiagnostic,
  DEFAULT_LIMITS,
  type Diagnostic,
  formatBytes,
  type Point,
  type TargetOptions,
} from '@agentc/core'
import { SOURCE_TARGET } from '@agentc/targets'
import type { z } from 'zod'
import type { Deps } from '../io/deps'
import { displayPath, errorCode } from '../io/read-inputs'
import { parseSize } from '../limits'
import { type DataPath, type ParsedConfig, type Positions, parseConfigText } from './parse'
import {
  CONFIG_FILE_NAMES,
  type ConfigFile,
  configSchema,
  DEFAULT_SOURCES,
  globList,
  type Override,
  TARGET_IDS,
} from './schema'

/** One agent's overrides: for every target, and per target id. */
export interface AgentOverrides {
  readonly all?: Override
  readonly byTarget: Readonly<Record<string, Override>>
}

/** A project configuration, validated and resolved against its folder. */
export interface ProjectConfig {
  /** Absolute path of the file. */
  readonly path: string
  /** The path as the user sees it (relative to the working directory). */
  readonly display: string
  /** The project root: the file's folder. Globs and `out` are relative to it. */
  readonly dir: string
  /** Source globs relative to `dir` (`!` globs exclude). */
  readonly sources: readonly string[]
  /** The format of the sources. */
  readonly from: string
  /** The targets to build, in the order written; undefined when the file names none. */
  readonly targets?: readonly string[]
  /** Target options (`claude.settings`). */
  readonly targetOptions: TargetOptions
  /** Absolute output root. */
  readonly out: string
  readonly strict?: boolean
  readonly rewriteReferences?: boolean
  readonly limits: {
    readonly maxFileSize?: number
    readonly maxLineLength?: number
    readonly maxFiles?: number
  }
  /** Model substitutions for every target. */
  readonly models: Readonly<Record<string, string>>
  /** Model substitutions per target id (each wins over `models` for its target). */
  readonly targetModels: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** Overrides by agent name. */
  readonly agents: Readonly<Record<string, AgentOverrides>>
  /** Where each key and value is in the file, by its path in the data. */
  readonly positions: Positions
}

/** What looking for a configuration found. */
export type FoundConfig =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'ambiguous'; readonly paths: readonly string[]; readonly diagnostic: Diagnostic }

/**
 * Looks for a project configuration in `start` and each folder above it, up to the root of the
 * file system: the first folder holding one of {@link CONFIG_FILE_NAMES} is the project root.
 * Two of them in one folder is an error naming both (AGC310).
 * @param deps File system.
 * @param start The folder to start from (absolute).
 */
export async function findConfig(deps: Deps, start: string): Promise<FoundConfig> {
  let dir = resolve(start)
  for (;;) {
    const present: string[] = []
    for (const name of CONFIG_FILE_NAMES) {
      const info = await deps.fs.stat(join(dir, name))
      if (info?.isFile) present.push(join(dir, name))
    }
    if (present.length === 1) return { kind: 'found', path: present[0]! }
    if (present.length > 1) {
      const shown = present.map((p) => displayPath(deps, p))
      return {
        kind: 'ambiguous',
        paths: present,
        diagnostic: createDiagnostic(
          'AGC310',
          `${shown.join(' and ')} are both project configurations of ${displayPath(deps, dir)}; agentc will not guess which one counts.`,
          { file: shown[0]!, note: 'Keep one of them and delete the other.' },
        ),
      }
    }
    const parent = dirname(dir)
    if (parent === dir) return { kind: 'none' }
    dir = parent
  }
}

/**
 * Reads, parses and validates a configuration file. Every problem is an AGC310 diagnostic at its
 * line and column, never an exception.
 * @param deps File system.
 * @param path Absolute path of the file.
 * @returns The configuration, or undefined with the diagnostics that explain why.
 */
export async function loadConfig(
  deps: Deps,
  path: string,
): Promise<{ config?: ProjectConfig; diagnostics: Diagnostic[]; text?: string }> {
  const display = displayPath(deps, path)
  const fail = (message: string, at?: Point, note?: string) => ({
    diagnostics: [
      createDiagnostic('AGC310', message, {
        file: display,
        ...(at ? { line: at.line, column: at.column } : {}),
        ...(note ? { note } : {}),
      }),
    ],
  })
  const read = await readSettingsText(deps, path, display, 'a configuration')
  if ('problem' in read) return fail(read.problem)
  const text = read.text
  const parsed = parseConfigText(text, path.endsWith('.json') ? 'json' : 'yaml')
  if ('problem' in parsed) return fail(`${display} cannot be read: ${parsed.problem}.`, parsed)
  const checked = validate(parsed, display)
  if ('diagnostics' in checked) return checked
  return { ...resolveConfig(path, display, checked.file, parsed.positions), text }
}

/**
 * Reads a small settings file (a configuration, a pack manifest) as UTF-8 text, refusing what is
 * not a file, larger than the default size limit, or not UTF-8, with one sentence saying why.
 * @param what How the file is named in the size message (`a configuration`).
 */
export async function readSettingsText(
  deps: Deps,
  path: string,
  display: string,
  what: string,
): Promise<{ text: string } | { problem: string }> {
  const info = await deps.fs.stat(path)
  if (!info?.isFile) return { problem: `${display} cannot be read: it is not a file.` }
  if (info.size > DEFAULT_LIMITS.maxFileBytes) {
    return {
      problem: `${display} is ${formatBytes(info.size)}, more than the ${formatBytes(DEFAULT_LIMITS.maxFileBytes)} ${what} may be.`,
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(await deps.fs.readBytes(path)) }
  } catch (error) {
    return {
      problem:
        error instanceof TypeError
          ? `${display} is not UTF-8 text; save it as UTF-8.`
          : `${display} cannot be read (${errorCode(error)}).`,
    }
  }
}

/** What {@link validateData} reports with: the diagnostic code and how the file is named. */
export interface ValidationStyle {
  readonly code: 'AGC310' | 'AGC313'
  /** The whole file in a message: `the configuration`, `the pack manifest`. */
  readonly subject: string
  /** What the top level must be: `a map of settings (sources, targets, out, …)`. */
  readonly topLevel: string
}

const CONFIG_STYLE: ValidationStyle = {
  code: 'AGC310',
  subject: 'the configuration',
  topLevel: 'a map of settings (sources, targets, out, …)',
}

function validate(
  parsed: ParsedConfig,
  display: string,
): { file: ConfigFile } | { diagnostics: Diagnostic[] } {
  return validateData(configSchema, parsed, display, CONFIG_STYLE)
}

/**
 * Validates parsed data (a configuration, a pack manifest) against a zod schema; each issue is a
 * diagnostic at its value, phrased from the schema's error messages, with a suggestion for a
 * misspelt key.
 */
export function validateData<S extends z.ZodType>(
  schema: S,
  parsed: ParsedConfig,
  display: string,
  style: ValidationStyle,
): { file: z.infer<S> } | { diagnostics: Diagnostic[] } {
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return {
      diagnostics: [
        createDiagnostic(
          style.code,
          `${display} must be ${style.topLevel}, not ${describeValue(parsed.data)}.`,
          { file: display, ...parsed.positions.value([]) },
        ),
      ],
    }
  }
  const result = schema.safeParse(parsed.data)
  if (result.success) return { file: result.data }
  const diagnostics: Diagnostic[] = []
  for (const issue of result.error.issues.flatMap((i) => closestIssues(i, []))) {
    diagnostics.push(issueDiagnostic(schema, issue, parsed, display, style))
  }
  return { diagnostics }
}

function issueDiagnostic(
  schema: z.ZodType,
  issue: z.core.$ZodIssue,
  parsed: ParsedConfig,
  display: string,
  style: ValidationStyle,
): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  const where = (p: DataPath) => (p.length === 0 ? style.subject : `\`${showPath(p)}\``)
  const diagnostic = (message: string, at: Point | undefined) =>
    createDiagnostic(style.code, message, { file: display, ...(at ?? {}) })
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys
    const known = knownKeys(schema, path)
    const first = keys[0]!
    const suggestion = suggest(first, known)
    return diagnostic(
      `${keys.map((k) => `\`${k}\``).join(', ')} ${keys.length === 1 ? 'is not a setting' : 'are not settings'} of ${where(path)}${
        suggestion ? ` (did you mean \`${suggestion}\`?)` : ''
      }; the settings are ${known.map((k) => `\`${k}\``).join(', ')}.`,
      parsed.positions.key([...path, first]) ?? nearest(parsed.positions, path),
    )
  }
  if (issue.code === 'invalid_key') {
    const key = String(path[path.length - 1])
    const parent = path.slice(0, -1)
    const inner = issue.issues[0]?.message ?? 'a valid key'
    const suggestion = parent[parent.length - 1] === 'extensions' ? suggest(key, TARGET_IDS) : undefined
    return diagnostic(
      `The key \`${key}\` of ${where(parent)} must be ${inner}${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}.`,
      parsed.positions.key(path) ?? nearest(parsed.positions, parent),
    )
  }
  const value = valueAt(parsed.data, path)
  const expected = issue.code === 'invalid_union' ? describeUnion(issue) : issue.message
  const subject = style.subject.charAt(0).toUpperCase() + style.subject.slice(1)
  return diagnostic(
    `${path.length === 0 ? subject : `\`${showPath(path)}\``} must be ${expected}, not ${describeValue(value)}.`,
    nearest(parsed.positions, path),
  )
}

/** The position of the value at `path`, or of the closest enclosing value that is there. */
function nearest(positions: Positions, path: DataPath): Point | undefined {
  for (let n = path.length; n >= 0; n--) {
    const p = positions.value(path.slice(0, n))
    if (p) return p
  }
  return undefined
}

/** A path as people read it: `agents.reviewer.targets.claude.model`, `permissions[0].tool`. */
export function showPath(path: DataPath): string {
  let out = ''
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`
  return out
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string | number, unknown>)[part]
  }
  return value
}

/** How a value is named in a message: `the text "yes"`, `the number 3`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map'
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value)}`
  if (typeof value === 'number') return `the number ${value}`
  return `the value ${String(value)}`
}

/** The keys the schema knows at `path` (for suggestions), found by walking the zod schema. */
function knownKeys(schema: z.ZodType, path: DataPath): string[] {
  const shapes: Record<string, unknown>[] = []
  const visit = (schema: z.core.$ZodType, rest: DataPath): void => {
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string }
    switch (def.type) {
      case 'optional':
      case 'nullable':
        visit(def.innerType as z.core.$ZodType, rest)
        return
      case 'union':
        for (const option of def.options as z.core.$ZodType[]) visit(option, rest)
        return
      case 'record': {
        if (rest.length > 0) visit(def.valueType as z.core.$ZodType, rest.slice(1))
        // A record keyed by an enum (target ids) knows its keys.
        const keys = (def.keyType as z.core.$ZodType)._zod.def as unknown as {
          type: string
          entries?: object
        }
        if (rest.length === 0 && keys.type === 'enum' && keys.entries)
          shapes.push(keys.entries as Record<string, unknown>)
        return
      }
      case 'array':
        if (rest.length > 0) visit(def.element as z.core.$ZodType, rest.slice(1))
        return
      case 'object': {
        const shape = def.shape as Record<string, z.core.$ZodType>
        if (rest.length === 0) shapes.push(shape)
        else if (Object.hasOwn(shape, String(rest[0]))) visit(shape[String(rest[0])]!, rest.slice(1))
        return
      }
      default:
        return
    }
  }
  visit(schema as unknown as z.core.$ZodType, path)
  return [...new Set(shapes.flatMap((s) => Object.keys(s)))]
}

/** The closest of `known` to `word` (a typo), if any is close. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1
  for (const candidate of known) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

/** Edit distance with adjacent transpositions (`modle` is one edit from `model`). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

function describeUnion(issue: z.core.$ZodIssue): string {
  const own = new Set<string>()
  if ('errors' in issue && Array.isArray(issue.errors)) {
    for (const branch of issue.errors as z.core.$ZodIssue[][]) {
      const first = branch[0]
      if (first && first.path.length === 0 && !first.message.startsWith('Invalid input'))
        own.add(first.message)
    }
  }
  return issue.message.startsWith('Invalid input') && own.size > 0 ? [...own].join(' or ') : issue.message
}

/**
 * For a value that matches no branch of a union, the issues of the branch that got furthest into
 * the value: `targets.claude.settings` rather than `targets`. A union whose branches all fail at
 * the value itself stays one issue (its own message says what is expected).
 */
function closestIssues(issue: z.core.$ZodIssue, prefix: PropertyKey[]): z.core.$ZodIssue[] {
  const path = [...prefix, ...issue.path]
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors))
    return [{ ...issue, path }]
  let best: z.core.$ZodIssue[] | undefined
  let bestDepth = 0
  for (const branch of issue.errors as z.core.$ZodIssue[][]) {
    const depth = Math.max(
      0,
      ...branch.map(
        (b) => b.path.length + (b.code === 'invalid_union' || b.code === 'unrecognized_keys' ? 1 : 0),
      ),
    )
    if (depth > bestDepth) {
      best = branch
      bestDepth = depth
    }
  }
  if (!best) return [{ ...issue, path }]
  return best.flatMap((b) => closestIssues(b, path))
}

/** Per-agent overrides as written (`agents` of a configuration, `overrides` of a pack), by name. */
export function resolveAgentOverrides(field: ConfigFile['agents']): Record<string, AgentOverrides> {
  const agents: Record<string, AgentOverrides> = {}
  for (const [name, entry] of Object.entries(field ?? {})) {
    const { targets: perTarget, ...all } = entry
    const byTarget: Record<string, Override> = {}
    for (const [id, override] of Object.entries(perTarget ?? {})) if (override) byTarget[id] = override
    agents[name] = { ...(Object.keys(all).length > 0 ? { all } : {}), byTarget }
  }
  return agents
}

/** The `targets` setting resolved: the ids to build in the order written, and their options. */
export function resolveTargetsField(field: ConfigFile['targets']): {
  targets?: string[]
  targetModels: Record<string, Record<string, string>>
  settings?: boolean
} {
  let targets: string[] | undefined
  const targetModels: Record<string, Record<string, string>> = {}
  let settings: boolean | undefined
  if (Array.isArray(field)) targets = [...new Set(field)]
  else if (field) {
    targets = []
    for (const [id, entry] of Object.entries(field)) {
      if (entry === false || entry === undefined) continue
      targets.push(id)
      if (entry && typeof entry === 'object') {
        if (entry.models) targetModels[id] = entry.models
        if ('settings' in entry && typeof entry.settings === 'boolean') settings = entry.settings
      }
    }
  }
  return { ...(targets ? { targets } : {}), targetModels, ...(settings !== undefined ? { settings } : {}) }
}

/** Turns a validated file into a {@link ProjectConfig}: defaults, absolute paths, sizes. */
function resolveConfig(
  path: string,
  display: string,
  file: ConfigFile,
  positions: Positions,
): { config?: ProjectConfig; diagnostics: Diagnostic[] } {
  const dir = dirname(path)
  const diagnostics: Diagnostic[] = []
  const sources = globList(file.sources, DEFAULT_SOURCES)
  if (sources.length > 0 && sources.every((s) => s.startsWith('!'))) {
    diagnostics.push(
      createDiagnostic(
        'AGC310',
        '`sources` only excludes files; add a glob of the files to compile (`agents/**/*.md`).',
        {
          file: display,
          ...nearest(positions, ['sources']),
        },
      ),
    )
  }
  const { targets, targetModels, settings } = resolveTargetsField(file.targets)
  let maxFileSize: number | undefined
  const size = file.limits?.maxFileSize
  if (typeof size === 'number') maxFileSize = size
  else if (typeof size === 'string') {
    try {
      maxFileSize = parseSize(size)
    } catch (error) {
      diagnostics.push(
        createDiagnostic(
          'AGC310',
          `\`limits.maxFileSize\`: ${error instanceof Error ? error.message : String(error)}`,
          {
            file: display,
            ...nearest(positions, ['limits', 'maxFileSize']),
          },
        ),
      )
    }
  }
  const agents = resolveAgentOverrides(file.agents)
  if (diagnostics.length > 0) return { diagnostics }
  return {
    diagnostics,
    config: {
      path,
      display,
      dir,
      sources,
      from: file.from ?? SOURCE_TARGET,
      ...(targets ? { targets } : {}),
      targetOptions: settings !== undefined ? { claude: { settings } } : {},
      out: resolve(dir, file.out ?? '.'),
      ...(file.strict !== undefined ? { strict: file.strict } : {}),
      ...(file.rewriteReferences !== undefined ? { rewriteReferences: file.rewriteReferences } : {}),
      limits: {
        ...(maxFileSize !== undefined ? { maxFileSize } : {}),
        ...(file.limits?.maxLineLength !== undefined ? { maxLineLength: file.limits.maxLineLength } : {}),
        ...(file.limits?.maxFiles !== undefined ? { maxFiles: file.limits.maxFiles } : {}),
      },
      models: file.models ?? {},
      targetModels,
      agents,
      positions,
    },
  }
}

/** The file name of a configuration (`agentc.config.yaml`), for messages. */
export function configName(config: Pick<ProjectConfig, 'path'>): string {
  return basename(config.path)
}
