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
  type ModelRef,
  matchWildcard,
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
  // codex: Codex custom agents are TOML files. roo: Roo Code modes live in `.roomodes`.
  const file = files.find((f) => /\.(md|mdc|toml)$/.test(f.path) || /(^|\/)\.roomodes$/.test(f.path))
  if (!file) throw new Error(`no agent file among ${files.map((f) => f.path).join(', ')}`)
  return file
}

/** Emits `doc` with `target` and parses the agent file back; throws when either step fails. */
export function roundTrip(target: Target, doc: AgentDocument): RoundTrip {
  const emitted = emitDocument(target, doc)
  if (!emitted.value) throw new Error(`emit failed: ${JSON.stringify(emitted.diagnostics, null, 2)}`)
  const file = mainFile(emitted.value)
  const parsed = parseFile(target, { path: file.path, text: file.contents })
  if (parsed.value?.length !== 1) {
    throw new Error(`parse failed:\n${file.contents}\n${JSON.stringify(parsed.diagnostics, null, 2)}`)
  }
  return {
    file,
    emitDiagnostics: emitted.diagnostics,
    parseDiagnostics: parsed.diagnostics,
    parsed: parsed.value[0]!,
  }
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
  for (const d of diagnostics)
    if (/^AGC2\d\d$/.test(d.code) && d.field !== undefined) out.add(featureOfField(d.field))
  return out
}

/**
 * Tools and permissions are one access policy: `normalize()` folds a final plain deny of a
 * tool into `tools.deny`, and Claude writes it as `disallowedTools`, so a loss in one may show
 * in another. Loss accounting matches them as one group.
 */
export const ACCESS: readonly string[] = ['tools.allow', 'tools.deny', 'permissions']

/** The key of the access features in {@link grouped} sets. */
export const ACCESS_GROUP = 'tools/permissions'

/** Features with the access features merged into one {@link ACCESS_GROUP} key. */
export function grouped(features: Iterable<string>): Set<string> {
  return new Set([...features].map((f) => (ACCESS.includes(f) ? ACCESS_GROUP : f)))
}

/**
 * Rule targets that write a document without an activation as Cursor does (see
 * {@link cursorDefaultActivation}): an agent becomes an agent-decided rule when it has a
 * description, else a manual one. windsurf / cline / copilot-instructions / continue / augment.
 */
export const DEFAULT_ACTIVATION_TARGETS: ReadonlySet<string> = new Set([
  'cursor',
  'windsurf',
  'cline',
  'copilot-instructions',
  'continue',
  'augment',
  // kiro-steering: `auto` (agent-decided) with a description, else `manual`.
  'kiro-steering',
])

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
  // codex: a Codex agent without `model` runs on the model of the agent that spawns it (what
  // `inherit` says), and without `model_provider` on Codex's default provider, `openai`.
  if (targetId === 'codex') {
    return model.id === 'inherit' ? undefined : { provider: model.provider ?? 'openai', id: model.id }
  }
  // copilot: a Copilot agent without `model` runs on the model chosen in chat, or for a
  // subagent the model of the agent that calls it: what `inherit` says.
  // kilo: an OpenCode fork; like OpenCode it leaves `inherit` out (same meaning).
  if (model.id === 'inherit') {
    return targetId === 'opencode' || targetId === 'copilot' || targetId === 'kilo'
      ? undefined
      : { id: 'inherit' }
  }
  // factory / cursor-agent: droids and Cursor subagents name models by bare id; their parsers
  // infer the vendor from the id, so the provider is not part of the meaning there.
  if (targetId === 'factory' || targetId === 'cursor-agent') return { id: model.id }
  // gemini: Gemini CLI runs only Google's models; its parser says so (`google`), as Claude's says
  // `anthropic`.
  // kiro: Kiro names Claude models without a provider; its parser says `anthropic` for them.
  const kiroClaude = targetId === 'kiro' && /^claude-/.test(model.id)
  const provider =
    model.provider ??
    (targetId === 'claude' || kiroClaude ? 'anthropic' : targetId === 'gemini' ? 'google' : undefined)
  return { provider, id: model.id }
}

/**
 * factory / cursor-agent: a Factory droid and a Cursor subagent are always subagents; their
 * parsers say so (`subagent`), and a document without a role is written as the same file.
 */
function roleMeaning(role: string | undefined, targetId: string): string | undefined {
  return (targetId === 'factory' || targetId === 'cursor-agent') && role === 'subagent' ? undefined : role
}

/**
 * copilot: `hidden: false` and `disabled: false` say what no flag says (a Copilot agent is
 * shown and enabled unless its invocation keys say otherwise); Copilot has no key for them.
 */
function flagMeaning(value: unknown, targetId: string): unknown {
  return targetId === 'copilot' && value === false ? undefined : value
}

/**
 * A blank description says nothing: Cursor reads an empty `description:` as none, and AGENTS.md
 * sections write no description line for it.
 */
function descriptionMeaning(description: string | undefined, targetId: string): string | undefined {
  return (targetId === 'cursor' || targetId === 'agents-md') && description?.trim() === ''
    ? undefined
    : description
}

const TOOLS = Object.keys(CANONICAL_TOOLS)

/**
 * Tools Claude Code asks about by default. Its emitter writes nothing for a tool-wide `ask` of
 * one of them (claude/permissions.ts `ASKS_BY_DEFAULT`): that is Claude Code's default.
 */
const CLAUDE_ASKS = new Set(['bash', 'edit', 'write', 'webfetch', 'websearch', 'notebook'])

/**
 * gemini / qwen: what the tool decides for calls no rule matches, in its default approval mode
 * (gemini/mappings.ts `GEMINI_DEFAULT_DECISIONS`, qwen/mappings.ts `QWEN_DEFAULT_DECISIONS`).
 * Their emitters write nothing for a tool-wide rule that says the same.
 */
const TARGET_DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  gemini: {
    read: 'allow',
    glob: 'allow',
    grep: 'allow',
    list: 'allow',
    websearch: 'allow',
    edit: 'ask',
    write: 'ask',
    bash: 'ask',
    webfetch: 'ask',
    skill: 'ask',
  },
  qwen: { read: 'allow', glob: 'allow', grep: 'allow', list: 'allow', bash: 'ask' },
}

/**
 * What happens to each call of each tool under a document's tools and permissions: `deny`
 * when the tool is unavailable (the IR treats a final plain deny and `tools.deny` as the same
 * thing), else the last matching rule's decision (a rule for `edit` also governs `write`), else
 * `default`. Inputs are sampled from every pattern either document mentions.
 */
function decisionTable(doc: AgentDocument, inputs: readonly string[], targetId: string): string[] {
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
        const toolMatches =
          rule.tool === '*' || rule.tool === tool || (rule.tool === 'edit' && tool === 'write')
        if (!toolMatches || (rule.pattern !== undefined && !matchWildcard(rule.pattern, input))) continue
        const claudeDefault =
          targetId === 'claude' &&
          rule.tool !== '*' &&
          rule.pattern === undefined &&
          rule.decision === 'ask' &&
          CLAUDE_ASKS.has(tool)
        // gemini / qwen: a tool-wide rule that says what the tool does anyway is its default
        // (see TARGET_DEFAULTS), as a tool-wide ask is in Claude Code.
        const targetDefault =
          rule.tool !== '*' &&
          rule.pattern === undefined &&
          TARGET_DEFAULTS[targetId]?.[tool] === rule.decision
        decision = claudeDefault || targetDefault ? 'default' : rule.decision
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

/**
 * Every feature, `body` and `extensions.<target>.<key>` whose meaning differs between two
 * normalised documents, under the IR's documented equivalences: model spelling, the Claude
 * provider, OpenCode's `inherit`, blank descriptions where a target writes none, and for tools
 * and permissions their combined effect (rule order between unrelated tools, `*` patterns,
 * shadowed or repeated rules and unavailable tools are not differences). When the combined effect differs, an access feature has changed when
 * taking its value from `actual` alone changes the effect. A changed activation is the loss of
 * the expected kind (or the gain of the actual kind when none was expected).
 * @param expected The document that was emitted (normalised here).
 * @param actual The document read back (normalised here).
 * @param targetId The target in between.
 */
export function changedFeatures(
  expected: AgentDocument,
  actual: AgentDocument,
  targetId: string,
): Set<string> {
  const a = normalize(expected)
  const b = normalize(actual)
  const changed = new Set<string>()
  const inputs = sampleInputs(a, b)
  const effect = decisionTable(a, inputs, targetId)
  if (!deepEqual(effect, decisionTable(b, inputs, targetId))) {
    const swaps: [Feature, AgentDocument][] = [
      ['tools.allow', { ...a, tools: dropUndefined({ allow: b.tools?.allow, deny: a.tools?.deny }) }],
      ['tools.deny', { ...a, tools: dropUndefined({ allow: a.tools?.allow, deny: b.tools?.deny }) }],
      ['permissions', { ...a, permissions: b.permissions ?? [] }],
    ]
    for (const [feature, hybrid] of swaps) {
      if (!deepEqual(effect, decisionTable(hybrid, inputs, targetId))) changed.add(feature)
    }
    if (changed.size === 0) changed.add('permissions')
  }
  for (const feature of FEATURES) {
    if (ACCESS.includes(feature) || feature.startsWith('activation.')) continue
    const same =
      feature === 'model'
        ? deepEqual(modelMeaning(a.model, targetId), modelMeaning(b.model, targetId))
        : feature === 'role'
          ? roleMeaning(a.role, targetId) === roleMeaning(b.role, targetId)
          : feature === 'description'
            ? descriptionMeaning(a.description, targetId) === descriptionMeaning(b.description, targetId)
            : feature === 'hidden' || feature === 'disabled'
              ? flagMeaning(featureValue(a, feature), targetId) ===
                flagMeaning(featureValue(b, feature), targetId)
              : deepEqual(featureValue(a, feature), featureValue(b, feature))
    if (!same) changed.add(feature)
  }
  if (!deepEqual(a.activation, b.activation)) {
    changed.add(`activation.${(a.activation ?? b.activation)!.kind}`)
  }
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

function dropUndefined<T extends Record<string, unknown>>(
  object: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}

/** A readable dump of a document for failure messages. */
export function show(doc: AgentDocument): string {
  return JSON.stringify(withoutSource(doc), null, 2)
}

const CLAUDE_ALIASES = ['sonnet', 'opus', 'haiku']
const describes = (doc: AgentDocument) => doc.description !== undefined && doc.description.trim() !== ''

/**
 * The values of features a target supports `'full'` that still fall outside its vocabulary,
 * documented per target, with the reason. The emitter must report each with an AGC2xx
 * diagnostic on that feature; every other value of a `'full'` feature must survive exactly.
 */
export function vocabularyGaps(targetId: string, doc: AgentDocument): Map<Feature, string> {
  const gaps = new Map<Feature, string>()
  const lists: [Feature, readonly string[] | undefined][] = [
    ['tools.allow', doc.tools?.allow],
    ['tools.deny', doc.tools?.deny],
  ]
  if (targetId === 'opencode') {
    const model = doc.model
    if (model?.provider === 'anthropic' && CLAUDE_ALIASES.includes(model.id)) {
      gaps.set('model', 'OpenCode has no model aliases: pinned to the model the alias names today')
    } else if (
      model &&
      model.provider === undefined &&
      model.id !== 'inherit' &&
      !model.written.startsWith('{')
    ) {
      gaps.set('model', 'OpenCode needs `provider/model-id`: written as is')
    }
    for (const [feature, list] of lists) {
      if (!list) continue
      const edits = list.filter((t) => t === 'edit' || t === 'write')
      if (edits.length === 1) gaps.set(feature, 'OpenCode switches edit and write together')
      if (list.includes('notebook')) gaps.set(feature, 'OpenCode has no notebook tool')
    }
    if (doc.permissions?.some((r) => r.tool === 'notebook')) gaps.set('permissions', 'no notebook tool')
    if (doc.permissions?.some((r) => r.tool === 'write')) {
      gaps.set('permissions', 'OpenCode has no `write` permission: its `edit` permission decides writes')
    }
    if (interleaved(doc.permissions ?? [])) {
      gaps.set('permissions', "OpenCode keeps a tool's rules together: a rule cannot follow another tool's")
    }
  }
  if (targetId === 'claude') {
    if (!describes(doc)) gaps.set('description', 'Claude Code skips agents without a description')
    if (doc.permissions?.some((r) => r.tool === 'list' || r.tool === 'todoread')) {
      gaps.set('permissions', 'Claude Code has no list/todoread tool')
    }
    for (const [feature, list] of lists) {
      if (list?.some((t) => t === 'list' || t === 'todoread'))
        gaps.set(feature, 'Claude Code has no list/todoread tool')
    }
  }
  if (targetId === 'cursor') {
    if (doc.activation?.kind === 'model-decision' && !describes(doc)) {
      gaps.set('activation.model-decision', 'an agent-requested Cursor rule needs a description')
    }
  }
  // kiro-steering: `inclusion: auto` matches the description; without one the file is manual.
  if (targetId === 'kiro-steering' && doc.activation?.kind === 'model-decision' && !describes(doc)) {
    gaps.set('activation.model-decision', 'an auto Kiro steering file needs a description')
  }
  return gaps
}

/**
 * Diagnostics that warn about the target's behaviour rather than report a change of the
 * document: the value is written as it is, so nothing is lost in the IR.
 */
export function isAdvisory(targetId: string, diagnostic: Diagnostic, doc: AgentDocument): boolean {
  if (diagnostic.code !== 'AGC202') return false
  // "Claude Code skips agents without a description": true of the file, whatever we write.
  if (targetId === 'claude' && diagnostic.field === 'description') return !describes(doc)
  // "OpenCode needs `provider/model-id`, so it was written as is".
  if (targetId === 'opencode' && diagnostic.field === 'model') return doc.model?.provider === undefined
  // agents-md: "tools that read AGENTS.md load every section": the activation is kept in the
  // section marker and written as guidance, so it survives; the warning is about the readers.
  if (targetId === 'agents-md' && diagnostic.field?.startsWith('activation.')) return true
  // gemini / qwen: "Gemini CLI refuses (Qwen Code skips) an agent without a description", and
  // qwen: "Qwen Code skips an agent whose prompt is shorter than 10 characters": true of the
  // file, whatever is written; the description and the body are written as they are.
  if ((targetId === 'gemini' || targetId === 'qwen') && diagnostic.field === 'description') {
    return !describes(doc)
  }
  if (targetId === 'qwen' && diagnostic.field === 'body') return doc.body.text.trim().length < 10
  // kiro: "Kiro matches these patterns as globs, where `*` stops at `/`": the pattern is written
  // as it is (and read back as it is); the warning is about how Kiro matches it.
  if (targetId === 'kiro' && diagnostic.field === 'permissions.patterns') return true
  // copilot: "GitHub (cloud agent, Copilot CLI) requires a description": true of the file,
  // whatever is written; VS Code loads the agent as it is.
  if (targetId === 'copilot' && diagnostic.field === 'description') return !describes(doc)
  return false
}

/**
 * The document (normalised) without the parts of its access policy that decide nothing: every
 * tool-list entry and permission rule whose removal changes no decision (denials of tools the
 * allow-list leaves out, rules of tools the agent does not have, rules a later rule overrides,
 * rules and denials that repeat what applies anyway). A report that such parts were left out
 * loses nothing.
 */
export function withoutDeadRules(document: AgentDocument, targetId: string): AgentDocument {
  const doc = normalize(document)
  const inputs = sampleInputs(doc, doc)
  const meaning = decisionTable(doc, inputs, targetId)
  let allow = doc.tools?.allow
  let deny = doc.tools?.deny ?? []
  let rules = [...(doc.permissions ?? [])]
  const { permissions: _permissions, tools: _tools, ...rest } = doc
  const build = (a: readonly string[] | undefined, d: readonly string[], r: readonly PermissionRule[]) => {
    const tools = { ...(a !== undefined ? { allow: a } : {}), ...(d.length > 0 ? { deny: d } : {}) }
    return {
      ...rest,
      ...(Object.keys(tools).length > 0 ? { tools } : {}),
      ...(r.length > 0 ? { permissions: r } : {}),
    } as AgentDocument
  }
  const same = (candidate: AgentDocument) => deepEqual(decisionTable(candidate, inputs, targetId), meaning)
  for (let i = rules.length - 1; i >= 0; i--) {
    const fewer = rules.filter((_, j) => j !== i)
    if (same(build(allow, deny, fewer))) rules = fewer
  }
  for (const tool of [...deny]) {
    const fewer = deny.filter((t) => t !== tool)
    if (same(build(allow, fewer, rules))) deny = fewer
  }
  for (const tool of [...(allow ?? [])]) {
    const fewer = allow!.filter((t) => t !== tool)
    if (same(build(fewer, deny, rules))) allow = fewer
  }
  return build(allow, deny, rules)
}

/** Whether the tool lists of two documents differ as written (sorted, without repeats). */
export function toolListsDiffer(expected: AgentDocument, actual: AgentDocument): boolean {
  const list = (l: readonly string[] | undefined) => (l ? [...new Set(l)].sort() : undefined)
  return (
    !deepEqual(list(expected.tools?.allow), list(actual.tools?.allow)) ||
    !deepEqual(list(expected.tools?.deny), list(actual.tools?.deny))
  )
}

/**
 * Whether a tool's rules are split by a rule that can decide the same calls (`*`, or `edit` and
 * `write`): OpenCode's permission map holds one key per tool.
 */
function interleaved(rules: readonly PermissionRule[]): boolean {
  const overlaps = (a: string, b: string) =>
    a === '*' || b === '*' || (a === 'edit' && b === 'write') || (a === 'write' && b === 'edit')
  return rules.some((first, i) =>
    rules.some(
      (between, j) =>
        j > i &&
        between.tool !== first.tool &&
        overlaps(between.tool, first.tool) &&
        rules.some((again, k) => k > j && again.tool === first.tool),
    ),
  )
}
