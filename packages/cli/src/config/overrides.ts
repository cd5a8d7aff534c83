import {
  type Activation,
  type AgentDocument,
  createDiagnostic,
  type Diagnostic,
  deepEqual,
  type ModelRef,
  type Point,
  type Target,
} from '@agentc/core'
import type { ProjectConfig } from './load'
import type { DataPath } from './parse'
import { OVERRIDE_KEYS, type Override } from './schema'

/** One value the configuration changed: the IR field and the setting that changed it. */
export interface AppliedOverride {
  /** The IR field path (`model`, `sampling.temperature`, `extensions.claude.permissionMode`). */
  readonly field: string
  /** The setting in the configuration (`agents.reviewer.targets.claude.model`). */
  readonly setting: DataPath
  /** Where that setting is in the configuration file. */
  readonly at?: Point
}

/** A document prepared for one target, and what the configuration changed in it. */
export interface ConfiguredDocument {
  readonly doc: AgentDocument
  readonly applied: readonly AppliedOverride[]
  /** One AGC311 (info) per change, at the setting. */
  readonly diagnostics: readonly Diagnostic[]
}

/** A model as the configuration writes it: `provider/id`, an alias, or `inherit`. */
export function modelRef(written: string): ModelRef {
  const slash = written.indexOf('/')
  return slash > 0
    ? { written, provider: written.slice(0, slash), id: written.slice(slash + 1) }
    : { written, id: written }
}

/**
 * Where overrides come from: a project configuration (`agents.<name>`), or a pack manifest
 * (`overrides.<name>`, `agentsKey: 'overrides'`).
 */
export type OverrideSource = Pick<
  ProjectConfig,
  'display' | 'positions' | 'agents' | 'models' | 'targetModels'
> & {
  /** The key holding per-agent overrides (default `agents`). */
  readonly agentsKey?: string
}

type Mutable = { -readonly [K in keyof AgentDocument]?: AgentDocument[K] }

/**
 * Applies a project's configuration to a document before it is emitted for one target, in this
 * order: the agent's overrides for every target (`agents.<name>`), its overrides for this target
 * (`agents.<name>.targets.<id>`), then the model substitutions (`targets.<id>.models` over
 * `models`), which apply to the model the overrides left (for targets that can hold a model). Each change that changes something is
 * reported (AGC311, info) at its setting; the field positions of changed fields are dropped
 * from `source.fields`, so nothing points at the agent's old value.
 * @param doc The parsed document.
 * @param target The target it is about to be emitted for.
 * @param config The project configuration.
 */
export function configureDocument(
  doc: AgentDocument,
  target: Target,
  config: OverrideSource,
): ConfiguredDocument {
  const applied: AppliedOverride[] = []
  const diagnostics: Diagnostic[] = []
  let current = doc
  const report = (field: string, setting: DataPath, before: unknown, after: unknown, what: string) => {
    const at = config.positions.value(setting)
    applied.push({ field, setting, ...(at ? { at } : {}) })
    diagnostics.push(
      createDiagnostic(
        'AGC311',
        `${doc.name}: ${what} ${after === undefined ? 'is removed' : `is ${show(after)}`} for ${target.displayName} (the agent ${
          before === undefined ? 'has none' : `says ${show(before)}`
        }), by \`${settingPath(setting)}\`.`,
        { file: config.display, ...(at ?? {}), target: target.id, field },
      ),
    )
  }
  const overrides = config.agents[doc.name]
  const layers: [Override | undefined, DataPath][] = [
    [overrides?.all, [config.agentsKey ?? 'agents', doc.name]],
    [overrides?.byTarget[target.id], [config.agentsKey ?? 'agents', doc.name, 'targets', target.id]],
  ]
  for (const [override, base] of layers) {
    if (!override) continue
    for (const key of OVERRIDE_KEYS) {
      if (!Object.hasOwn(override, key) || override[key] === undefined) continue
      if (key === 'extensions') {
        for (const [owner, keys] of Object.entries(override.extensions ?? {})) {
          for (const [name, value] of Object.entries(keys ?? {})) {
            const before = current.extensions[owner]?.[name]
            const after = value === null ? undefined : value
            if (deepEqual(before, after)) continue
            const own: Record<string, unknown> = { ...current.extensions[owner] }
            if (after === undefined) delete own[name]
            else own[name] = after
            const extensions: Record<string, Readonly<Record<string, unknown>>> = {
              ...current.extensions,
              [owner]: own,
            }
            if (Object.keys(own).length === 0) delete extensions[owner]
            current = { ...current, extensions }
            report(
              `extensions.${owner}.${name}`,
              [...base, 'extensions', owner, name],
              before,
              after,
              `\`${name}\` (${owner})`,
            )
          }
        }
        continue
      }
      const setting = [...base, key]
      const change = applyField(current, key, override[key])
      if (!change) continue
      current = change.doc
      report(change.field, setting, change.before, change.after, `\`${key}\``)
    }
  }
  // A substitution table is for targets that name models; one that cannot hold a model loses it
  // anyway, and reports the loss at the agent's own model.
  if (current.model && target.capabilities.model !== 'none') {
    const table = { ...config.models, ...config.targetModels[target.id] }
    const model = current.model
    const key = [
      model.written,
      model.provider !== undefined ? `${model.provider}/${model.id}` : undefined,
    ].find((k): k is string => k !== undefined && Object.hasOwn(table, k))
    if (key !== undefined) {
      const replacement = modelRef(table[key]!)
      const setting: DataPath = Object.hasOwn(config.targetModels[target.id] ?? {}, key)
        ? ['targets', target.id, 'models', key]
        : ['models', key]
      if (replacement.written !== model.written) {
        current = { ...current, model: replacement }
        report('model', setting, model.written, replacement.written, 'the model')
      }
    }
  }
  if (applied.length > 0 && current.source) {
    const fields = Object.fromEntries(
      Object.entries(current.source.fields).filter(([path]) => !applied.some((a) => related(path, a.field))),
    )
    current = { ...current, source: { ...current.source, fields } }
  }
  return { doc: current, applied, diagnostics }
}

/**
 * Moves the diagnostics an emitter reported about a field the configuration set (a loss, an
 * approximation) from the agent's file to the setting in the configuration, where the value
 * came from.
 * @param diagnostics The emitter's diagnostics.
 * @param doc The document as parsed (its file is where the emitter points).
 * @param configured What the configuration changed.
 * @param config The configuration.
 */
export function relocate(
  diagnostics: readonly Diagnostic[],
  doc: AgentDocument,
  configured: ConfiguredDocument,
  config: OverrideSource,
): Diagnostic[] {
  if (configured.applied.length === 0) return [...diagnostics]
  return diagnostics.map((d) => {
    if (d.field === undefined || d.file !== doc.source?.path) return d
    const field = d.field
    const override = [...configured.applied].reverse().find((a) => related(field, a.field))
    if (!override) return d
    const { line: _line, column: _column, ...rest } = d
    return {
      ...rest,
      file: config.display,
      ...(override.at ?? {}),
      note: d.note ?? `The value was set by \`${settingPath(override.setting)}\` in ${config.display}.`,
    }
  })
}

/** Whether two field paths are about the same value (one is the other or lies below it). */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)
}

function settingPath(path: DataPath): string {
  return path
    .map((p, i) =>
      typeof p === 'number'
        ? `[${p}]`
        : /^[\w-]+$/.test(p)
          ? i === 0
            ? p
            : `.${p}`
          : `[${JSON.stringify(p)}]`,
    )
    .join('')
}

/** How a value is shown in an AGC311 message. */
function show(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``
  const text = JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

type Key = Exclude<(typeof OVERRIDE_KEYS)[number], 'extensions'>

/**
 * Sets one override on a document. Returns the new document, the IR field changed and its value
 * before and after (undefined = absent), or undefined when the value is already the same.
 */
function applyField(
  doc: AgentDocument,
  key: Key,
  value: Override[Key],
): { doc: AgentDocument; field: string; before: unknown; after: unknown } | undefined {
  const copy: Mutable = { ...doc }
  const set = <K extends keyof Mutable>(name: K, next: Mutable[K] | undefined) => {
    if (next === undefined) delete copy[name]
    else copy[name] = next
  }
  switch (key) {
    case 'temperature':
    case 'topP': {
      const before = doc.sampling?.[key]
      const after = value === null ? undefined : (value as number)
      if (before === after) return undefined
      const sampling: { temperature?: number; topP?: number } = { ...doc.sampling }
      if (after === undefined) delete sampling[key]
      else sampling[key] = after
      set('sampling', Object.keys(sampling).length > 0 ? sampling : undefined)
      return { doc: copy as AgentDocument, field: `sampling.${key}`, before, after }
    }
    case 'model': {
      const before = doc.model?.written
      const after = value === null ? undefined : (value as string)
      if (before === after) return undefined
      set('model', after === undefined ? undefined : modelRef(after))
      return { doc: copy as AgentDocument, field: 'model', before, after }
    }
    case 'activation': {
      const after = value === null ? undefined : activationOf(value as NonNullable<Override['activation']>)
      if (deepEqual(doc.activation, after)) return undefined
      set('activation', after)
      return {
        doc: copy as AgentDocument,
        field: 'activation',
        before: doc.activation && activationText(doc.activation),
        after: after && activationText(after),
      }
    }
    case 'tools': {
      const tools = value as Override['tools']
      const after =
        tools === null || tools === undefined || (tools.allow === undefined && tools.deny === undefined)
          ? undefined
          : { ...(tools.allow ? { allow: tools.allow } : {}), ...(tools.deny ? { deny: tools.deny } : {}) }
      if (deepEqual(doc.tools, after)) return undefined
      set('tools', after)
      return { doc: copy as AgentDocument, field: 'tools', before: doc.tools, after }
    }
    case 'permissions': {
      const rules = value as Override['permissions']
      const after =
        rules === null || rules === undefined
          ? undefined
          : rules.map((r) => ({
              tool: r.tool,
              ...(r.pattern !== undefined ? { pattern: r.pattern } : {}),
              decision: r.decision,
            }))
      if (deepEqual(doc.permissions, after)) return undefined
      set('permissions', after)
      return { doc: copy as AgentDocument, field: 'permissions', before: doc.permissions, after }
    }
    default: {
      const before = doc[key]
      const after = value === null ? undefined : value
      if (deepEqual(before, after)) return undefined
      set(key, after as Mutable[typeof key])
      return { doc: copy as AgentDocument, field: key, before, after }
    }
  }
}

function activationOf(value: NonNullable<Override['activation']>): Activation {
  return typeof value === 'string' ? { kind: value } : { kind: 'globs', globs: value.globs }
}

function activationText(activation: Activation): string {
  return activation.kind === 'globs' ? `globs ${activation.globs.join(', ')}` : activation.kind
}
