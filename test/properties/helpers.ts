/**
 * Shared machinery of the property tests: emitting and re-parsing a document, and comparing two
 * documents feature by feature under the IR's documented equivalences.
 */
import {
  type AgentDocument,
  CANONICAL_TOOLS,
  type Diagnostic,
  deepEqual,
  emitDocument,
  FEATURES,
  type Feature,
  featureValue,
  matchWildcard,
  type ModelRef,
  normalize,
  type OutputFile,
  type PermissionRule,
  parseFile,
  type Target,
} from '@agentc/core'

/** What `emit` then `parse` produced. */
export interface RoundTrip {
  /** The agent file the target wrote (not a merged settings file). */
  readonly file: OutputFile
  /** Diagnostics of the emit step. */
  readonly emitDiagnostics: readonly Diagnostic[]
  /** Diagnostics of the parse step. */
  readonly parseDiagnostics: readonly Diagnostic[]
  /** The document read back. */
  readonly parsed: AgentDocument
}

/** The agent file among a target's outputs (Claude may add `.claude/settings.json`). */
export function mainFile(files: readonly OutputFile[]): OutputFile {
  const file = files.find((f) => f.path.endsWith('.md') || f.path.endsWith('.mdc'))
  if (!file) throw new Error(`no agent file among ${files.map((f) => f.path).join(', ')}`)
  return file
}

/** Emits `doc` with `target` and parses the agent file back; throws when either step fails. */
export function roundTrip(target: Target, doc: AgentDocument): RoundTrip {
  const emitted = emitDocument(target, doc)
  if (!emitted.value) throw new Error(`emit failed: ${JSON.stringify(emitted.diagnostics, null, 2)}`)
  const file = mainFile(emitted.value)
  const parsed = parseFile(target, { path: file.path, text: file.contents })
  if (!parsed.value || parsed.value.length !== 1) {
    throw new Error(`parse failed:\n${file.contents}\n${JSON.stringify(parsed.diagnostics, null, 2)}`)
  }
  return { file, emitDiagnostics: emitted.diagnostics, parseDiagnostics: parsed.diagnostics, parsed: parsed.value[0]! }
}

/** A document without provenance (what a fresh emitter sees). */
export function withoutSource(doc: AgentDocument): AgentDocument {
  const { source: _source, ...rest } = doc
  return rest
}

/** The IR feature a diagnostic `field` is about, or an `extensions.<target>.<key>` path. */
export function featureOfField(field: string): string {
  if (field.startsWith('extensions.')) return field
  const feature = [...FEATURES]
    .sort((a, b) => b.length - a.length)
    .find((f) => field === f || field.startsWith(`${f}.`))
  return feature ?? field.split('.')[0]!
}

/** Loss diagnostics (AGC2xx) and the features they name. */
export function reportedFeatures(diagnostics: readonly Diagnostic[]): Set<string> {
  const out = new Set<string>()
  for (const d of diagnostics) if (/^AGC2\d\d$/.test(d.code) && d.field !== undefined) out.add(featureOfField(d.field))
  return out
}

/** The documented default activation of a Cursor rule written from a document without one. */
export function cursorDefaultActivation(doc: AgentDocument): AgentDocument {
  if (doc.activation) return doc
  const described = doc.description !== undefined && doc.description.trim() !== ''
  return { ...doc, activation: { kind: described ? 'model-decision' : 'manual' } }
}

/**
 * A model as the target means it: the spelling (`written`) is provenance, not meaning; Claude
 * Code's models are all Anthropic's (its parser sets the provider); OpenCode leaves `inherit`
 * out, which is what an OpenCode agent without a model does (it runs on its caller's model).
 */
function modelMeaning(model: ModelRef | undefined, targetId: string): unknown {
  if (!model) return undefined
  if (model.id === 'inherit') return targetId === 'opencode' ? undefined : { id: 'inherit' }
  const provider = model.provider ?? (targetId === 'claude' ? 'anthropic' : undefined)
  return { provider, id: model.id }
}

const TOOLS = Object.keys(CANONICAL_TOOLS)

/**
 * What happens to each call of each tool under a document's tools and permissions: `deny`
 * when the tool is unavailable (the IR treats a final plain deny and `tools.deny` as the same
 * thing), else the last matching rule's decision (a rule for `edit` also governs `write`), else
 * `default`. Inputs are sampled from every pattern either document mentions.
 */
function decisionTable(doc: AgentDocument, inputs: readonly string[]): string[] {
  const rules = doc.permissions ?? []
  const table: string[] = []
  const tools = [...new Set([...TOOLS, ...rules.map((r) => r.tool).filter((t) => t !== '*')])]
  for (const tool of tools) {
    const allowed = doc.tools?.allow === undefined || doc.tools.allow.some((a) => matchWildcard(a, tool))
    const denied = doc.tools?.deny?.some((d) => matchWildcard(d, tool)) ?? false
    for (const input of inputs) {
      if (!allowed || denied) {
        table.push('deny')
        continue
      }
      let decision = 'default'
      for (const rule of rules) {
        const toolMatches = rule.tool === '*' || rule.tool === tool || (rule.tool === 'edit' && tool === 'write')
        if (toolMatches && (rule.pattern === undefined || matchWildcard(rule.pattern, input))) decision = rule.decision
      }
      table.push(decision)
    }
  }
  return table
}

function sampleInputs(a: AgentDocument, b: AgentDocument): string[] {
  const patterns = [...(a.permissions ?? []), ...(b.permissions ?? [])].map((r) => r.pattern ?? '')
  const inputs = new Set(['', 'x', 'git status', 'rm -rf /', 'src/a.ts', 'https://example.com/a'])
  for (const p of patterns) {
    inputs.add(p)
    inputs.add(p.replace(/\*/g, ''))
    inputs.add(p.replace(/\*/g, 'zz/y z'))
  }
  return [...inputs]
}

const ACCESS: readonly Feature[] = ['tools.allow', 'tools.deny', 'permissions']

/**
 * Every feature, `body` and `extensions.<target>.<key>` whose meaning differs between two
 * normalised documents, under the IR's documented equivalences: model spelling, the Claude
 * provider, OpenCode's `inherit`, and for tools and permissions their combined effect (rule
 * order between unrelated tools, `*` patterns, shadowed rules and unavailable tools are not
 * differences). When the combined effect differs, the access features whose values differ are
 * the changed ones.
 * @param expected The document that was emitted (normalised here).
 * @param actual The document read back (normalised here).
 * @param targetId The target in between.
 */
export function changedFeatures(expected: AgentDocument, actual: AgentDocument, targetId: string): Set<string> {
  const a = normalize(expected)
  const b = normalize(actual)
  const changed = new Set<string>()
  const accessSame = deepEqual(decisionTable(a, sampleInputs(a, b)), decisionTable(b, sampleInputs(a, b)))
  for (const feature of FEATURES) {
    if (ACCESS.includes(feature)) {
      if (!accessSame && !deepEqual(featureValue(a, feature), featureValue(b, feature))) changed.add(feature)
      continue
    }
    const same =
      feature === 'model'
        ? deepEqual(modelMeaning(a.model, targetId), modelMeaning(b.model, targetId))
        : deepEqual(featureValue(a, feature), featureValue(b, feature))
    if (!same) changed.add(feature)
  }
  if (!accessSame && !ACCESS.some((f) => changed.has(f))) changed.add('permissions')
  if (a.body.text !== b.body.text) changed.add('body')
  for (const owner of new Set([...Object.keys(a.extensions), ...Object.keys(b.extensions)])) {
    const ea = a.extensions[owner] ?? {}
    const eb = b.extensions[owner] ?? {}
    for (const key of new Set([...Object.keys(ea), ...Object.keys(eb)])) {
      if (!deepEqual(ea[key], eb[key])) changed.add(`extensions.${owner}.${key}`)
    }
  }
  return changed
}

/** A readable dump of a document for failure messages. */
export function show(doc: AgentDocument): string {
  return JSON.stringify(withoutSource(doc), null, 2)
}
