import {
  type AgentDocument,
  ensureFinalNewline,
  isSafeRelativePath,
  type OutputFile,
  type TargetContext,
} from '@agentc/core'
import { Document, isSeq, Scalar, visit } from 'yaml'
import { portableSegment, reportRenamed } from '../shared/names'
import { unchangedRaw } from '../shared/raw'
import { translateAccess } from './access'
import {
  COPILOT_PROVIDER,
  COPILOT_VENDOR,
  copilotModelFor,
  displayOfCopilotId,
  EXTENSION_KEYS_HEAD,
  EXTENSION_KEYS_TAIL,
  isCurrentCopilotModel,
  modelFromCopilot,
} from './mappings'
import { parseCopilot } from './parse'

type Fields = Readonly<Record<string, { line: number; column: number }>>
const at = (fields: Fields, key: string) => {
  const p = fields[key] ?? fields[key.split('.')[0]!]
  return p ? { line: p.line, column: p.column } : {}
}

/** GitHub's cloud agent reads at most this many characters of an agent's instructions. */
const MAX_BODY = 30_000

/**
 * The file name (without `.agent.md`) of an agent: its name in lower case, with every run of
 * characters other than letters, digits, `.` and `_` as one hyphen (and every run of `-` and `.`
 * as one hyphen, so no `..` is left), made portable (`con` → `con-agent`). The display name
 * itself is kept in the `name` key.
 */
export function copilotFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/[-.]{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return portableSegment(stem)
}

/**
 * Where a Copilot agent is written: a file already in `.github/agents/` keeps its path (its
 * name there is its identity on GitHub); a chat mode moves to `.github/agents/<name>.agent.md`;
 * anything else goes to `.github/agents/<file stem of its name>.agent.md`.
 */
export function copilotPath(doc: AgentDocument): string {
  const source = doc.source
  if (source?.target === 'copilot' && isSafeRelativePath(source.path)) {
    if (/(^|\/)\.github\/agents\/.+\.md$/.test(source.path)) return source.path
    const mode = /^(.*\/)?\.github\/chatmodes\/(.+)\.chatmode\.md$/.exec(source.path)
    if (mode) return `${mode[1] ?? ''}.github/agents/${mode[2]}.agent.md`
  }
  return `.github/agents/${copilotFileStem(doc.name)}.agent.md`
}

/**
 * Emits a Copilot custom agent (`.github/agents/<name>.agent.md`). A document parsed from
 * Copilot and unchanged is written back byte for byte; anything else in a fixed key order.
 */
export function emitCopilot(doc: AgentDocument, ctx: TargetContext): OutputFile[] {
  const path = copilotPath(doc)
  const raw = unchangedRaw(doc, 'copilot', parseCopilot)
  // A file that keeps its path (or a chat mode's) keeps its identity; a new one is named after the agent.
  const stem = copilotFileStem(doc.name)
  const file = path === `.github/agents/${stem}.agent.md` ? stem : doc.name
  reportRenamed(ctx, doc, { file, path, tool: 'GitHub Copilot' })
  if (raw !== undefined) return [{ path, contents: raw }]
  const fields = doc.source?.fields ?? {}
  const own = doc.extensions.copilot ?? {}

  if (doc.description === undefined || doc.description.trim() === '') {
    ctx.report(
      'AGC202',
      'The agent has no description: VS Code loads it, but GitHub (cloud agent, Copilot CLI) requires one.',
      { field: 'description', ...at(fields, 'name') },
    )
  }
  if (doc.body.text.length > MAX_BODY) {
    ctx.report(
      'AGC202',
      `GitHub's cloud agent reads at most ${MAX_BODY.toLocaleString('en')} characters of instructions; this agent has ${doc.body.text.length.toLocaleString('en')}.`,
    )
  }

  const access = translateAccess(doc)
  for (const note of access.notes)
    ctx.report(note.code, note.message, { field: note.field, ...at(fields, note.field) })
  const invocation = invocationKeys(doc, ctx, fields)

  const entries: [string, unknown][] = [
    ['name', doc.name],
    ['description', doc.description],
  ]
  for (const key of EXTENSION_KEYS_HEAD) entries.push([key, own[key]])
  entries.push(['model', modelValue(doc, ctx, fields)])
  entries.push(['tools', access.tools])
  entries.push(['agents', access.agents])
  entries.push(['user-invocable', invocation.user])
  entries.push(['disable-model-invocation', invocation.noModel])
  for (const key of EXTENSION_KEYS_TAIL) entries.push([key, own[key]])
  const placed = new Set<string>([...EXTENSION_KEYS_HEAD, ...EXTENSION_KEYS_TAIL, 'model'])
  for (const [key, value] of Object.entries(own)) if (!placed.has(key)) entries.push([key, value])
  return [{ path, contents: writeAgentFile(entries, doc.body.text) }]
}

/**
 * `model`: the model Copilot should run, as VS Code names it (`Claude Sonnet 4.5 (copilot)`),
 * followed by the fallbacks a Copilot file listed. A spelling read from a Copilot file is kept.
 */
function modelValue(doc: AgentDocument, ctx: TargetContext, fields: Fields): string | string[] | undefined {
  const model = doc.model
  const fallbacks = Array.isArray(doc.extensions.copilot?.model)
    ? (doc.extensions.copilot.model as unknown[]).map(String)
    : []
  const where = { field: 'model', ...at(fields, 'model') }
  const withFallbacks = (first: string | undefined) => {
    if (first === undefined) {
      if (fallbacks.length > 0) {
        ctx.report(
          'AGC202',
          `The fallback models (${fallbacks.join(', ')}) are left out: the agent has no model of its own.`,
          {
            field: 'extensions.copilot.model',
            ...at(fields, 'extensions.copilot.model'),
          },
        )
      }
      return undefined
    }
    return fallbacks.length > 0 ? [first, ...fallbacks] : first
  }
  if (!model || model.id === 'inherit') return withFallbacks(undefined)
  // A spelling Copilot reads as this very model is kept (`GPT-5.4`, `claude-opus-4.7`).
  const read = modelFromCopilot(model.written)
  const same = read.provider === model.provider && read.id === model.id
  if (same && read.provider !== undefined) return withFallbacks(model.written)
  if (model.provider === COPILOT_PROVIDER) return withFallbacks(qualified(model.id))
  const choice = copilotModelFor(model)
  // Text that names no model Copilot knows (read from a Copilot file, or an id without a
  // vendor) is written back as it was; Copilot ignores it, as it would have before.
  if (choice.kind === 'unavailable' && same) {
    ctx.report(
      'AGC104',
      `\`${model.written}\` names no model Copilot knows; it is written as it is, and Copilot uses the model chosen in chat instead.`,
      where,
    )
    return withFallbacks(model.written)
  }
  if (choice.kind === 'unavailable') {
    ctx.report(
      'AGC204',
      `Copilot cannot run the model ${model.written}; it is left out, so the agent uses the model chosen in chat (or the one of the agent that calls it).`,
      where,
    )
    return withFallbacks(undefined)
  }
  const name = qualified(choice.id)
  if (choice.pinnedAlias) {
    ctx.report(
      'AGC202',
      `The model alias \`${choice.pinnedAlias}\` follows the newest model of its family; Copilot has no aliases, so it was pinned to \`${name}\`, the newest one Copilot serves.`,
      where,
    )
  } else if (!isCurrentCopilotModel(choice.id)) {
    ctx.report(
      'AGC202',
      `The model ${model.written} became \`${name}\`, which is not among the models Copilot lists (checked 2026-11-26); where Copilot cannot run it, the agent uses the model chosen in chat.`,
      where,
    )
  } else {
    const via = model.provider ? ` rather than through ${model.provider}` : ''
    ctx.report(
      'AGC205',
      `The model ${model.written} became \`${name}\`: the same model, served by GitHub Copilot${via}${choice.snapshot ? ', in its newest snapshot' : ''}.`,
      where,
    )
  }
  return withFallbacks(name)
}

/** `Claude Sonnet 4.5 (copilot)`: a Copilot model id as VS Code's qualified display name. */
function qualified(id: string): string {
  return `${displayOfCopilotId(id).display} (${COPILOT_VENDOR})`
}

/**
 * `user-invocable` and `disable-model-invocation` from the role, hidden and disabled flags.
 * Copilot has one switch for each way of invoking an agent, so `hidden` (out of the picker)
 * can only be written as `user-invocable: false`, which also makes the agent subagent-only.
 */
function invocationKeys(
  doc: AgentDocument,
  ctx: TargetContext,
  fields: Fields,
): { user?: boolean; noModel?: boolean } {
  const hidden = doc.hidden === true
  const role = doc.role
  const note = (field: string, message: string) =>
    ctx.report('AGC202', message, { field, ...at(fields, field) })
  if (doc.disabled === true) {
    if (role !== undefined) {
      note(
        'role',
        `Copilot switches an agent off by letting neither the user nor other agents invoke it; the role (${role}) is left out.`,
      )
    }
    if (hidden) note('hidden', 'The agent is switched off, which hides it already; `hidden` is not written.')
    return { user: false, noModel: true }
  }
  if (role === 'primary') {
    if (hidden) {
      note(
        'hidden',
        'Copilot hides an agent from the picker with `user-invocable: false`, which would leave a user-only agent unusable; `hidden` is left out.',
      )
    }
    return { noModel: true }
  }
  if (role === 'subagent') {
    if (hidden) {
      note(
        'hidden',
        'Copilot has no separate hidden flag: `user-invocable: false` (for the subagent role) already keeps the agent out of the picker; it reads back as a subagent, not as hidden.',
      )
    }
    return { user: false }
  }
  if (hidden) {
    note(
      'hidden',
      'Copilot hides an agent from the picker with `user-invocable: false`, which leaves it to other agents; it reads back as a subagent, not as hidden.',
    )
    note('role', `Hiding the agent from the picker makes it a subagent in Copilot (was ${role ?? 'unset'}).`)
    return { user: false }
  }
  return role === 'all' ? { user: true } : {}
}

/** Keys whose lists are written in flow style, as Copilot's documentation writes them. */
const FLOW_KEYS = ['tools', 'agents', 'model']

/** Plain strings the yaml library would accept but other tools' readers may not (as in core). */
function needsQuotes(value: string): boolean {
  return /^[*&!%@`#|>'"[\]{},?:-]/.test(value) || /: |\s#/.test(value) || value !== value.trim()
}

/** `---\n<yaml>---\n<body>`, with the tool lists in flow style. */
function writeAgentFile(entries: readonly (readonly [string, unknown])[], body: string): string {
  const object: Record<string, unknown> = {}
  for (const [key, value] of entries) if (value !== undefined) object[key] = value
  let yaml = ''
  if (Object.keys(object).length > 0) {
    const doc = new Document(object)
    visit(doc, {
      Scalar(_key, node: Scalar) {
        if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = Scalar.QUOTE_DOUBLE
      },
    })
    for (const key of FLOW_KEYS) {
      const node = doc.get(key, true)
      if (isSeq(node)) node.flow = true
    }
    yaml = doc.toString({
      lineWidth: 0,
      minContentWidth: 0,
      indent: 2,
      indentSeq: true,
      singleQuote: false,
      flowCollectionPadding: false,
    })
  }
  return `---\n${yaml}---\n${ensureFinalNewline(body)}`
}
