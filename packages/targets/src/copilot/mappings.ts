import { type ModelRef, mcpTool, nativeTool, parseMcpTool, parseNativeTool } from '@agentc/core'
import { bareModelId, vendorOf } from '../shared/models'
import { lookup } from '../shared/values'

// ---------------------------------------------------------------------------------------------
// Tools
// ---------------------------------------------------------------------------------------------

/**
 * Copilot's short tool names (GitHub's primary aliases, which are also VS Code's tool-set
 * names), in the order agentc writes them, with the canonical tools each one grants. A short
 * name is a category: `edit` grants editing, creating and notebook editing alike, so a document
 * that allows only some members of a category gets all of them or none (reported).
 */
export const TOOL_GROUPS: readonly (readonly [name: string, members: readonly string[]])[] = [
  ['read', ['read']],
  ['edit', ['edit', 'write', 'notebook']],
  ['search', ['glob', 'grep', 'list', 'lsp']],
  ['execute', ['bash']],
  ['web', ['webfetch', 'websearch']],
  ['agent', ['task']],
  ['todo', ['todowrite', 'todoread']],
]

/** The canonical tools of a short name. */
const GROUP_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map(TOOL_GROUPS)

/**
 * GitHub's compatible aliases (case-insensitive, as GitHub matches them), by the short name they
 * stand for: `Bash` and `shell` are `execute`, `Write` and `NotebookEdit` are `edit`, and so on.
 */
const ALIASES: Readonly<Record<string, string>> = {
  execute: 'execute',
  shell: 'execute',
  bash: 'execute',
  powershell: 'execute',
  read: 'read',
  notebookread: 'read',
  edit: 'edit',
  multiedit: 'edit',
  write: 'edit',
  notebookedit: 'edit',
  search: 'search',
  grep: 'search',
  glob: 'search',
  agent: 'agent',
  'custom-agent': 'agent',
  task: 'agent',
  web: 'web',
  websearch: 'web',
  webfetch: 'web',
  todo: 'todo',
  todowrite: 'todo',
}

/** VS Code's namespaced tools that are one canonical tool (exact spelling). */
const NAMESPACED: Readonly<Record<string, string>> = {
  'read/readFile': 'read',
  'edit/editFiles': 'edit',
  'edit/createFile': 'write',
  'edit/editNotebook': 'notebook',
  'search/fileSearch': 'glob',
  'search/textSearch': 'grep',
  'search/listDirectory': 'list',
  'search/usages': 'lsp',
  'execute/runInTerminal': 'bash',
  'web/fetch': 'webfetch',
  'agent/runSubagent': 'task',
  'vscode/askQuestions': 'question',
}

/** The VS Code tool that asks the user a question (Copilot has no short name for it). */
export const QUESTION_TOOL = 'vscode/askQuestions'

/**
 * VS Code's built-in tool sets: a name `<set>/<tool>` with one of these prefixes is a VS Code
 * tool, not an MCP server's tool. (`github/*` is GitHub's MCP server.)
 */
const BUILTIN_SETS = new Set([
  'read',
  'edit',
  'search',
  'execute',
  'web',
  'agent',
  'vscode',
  'browser',
  'todo',
  'runCommands',
  'runTasks',
  'runNotebooks',
  'runTests',
])

/**
 * Tool names of the 2025 chat modes that VS Code has since renamed, with their current name
 * (RULE-FORMATS.md §2.7, from VS Code's tools reference and the awesome-copilot migrations).
 * A current name that is a canonical tool or a short name is read as such; the others are kept
 * as Copilot tools under their current name.
 */
export const LEGACY_TOOLS: Readonly<Record<string, string>> = {
  codebase: 'search/codebase',
  usages: 'search/usages',
  changes: 'search/changes',
  searchResults: 'search/searchResults',
  findTestFiles: 'search',
  problems: 'read/problems',
  terminalLastCommand: 'read/terminalLastCommand',
  terminalSelection: 'read/terminalSelection',
  'runCommands/terminalLastCommand': 'read/terminalLastCommand',
  'runCommands/terminalSelection': 'read/terminalSelection',
  editFiles: 'edit/editFiles',
  runCommands: 'execute',
  runTasks: 'execute/createAndRunTask',
  runNotebooks: 'execute/runNotebookCell',
  runTests: 'execute/runTests',
  testFailure: 'execute/testFailure',
  fetch: 'web/fetch',
  extensions: 'vscode/extensions',
  vscodeAPI: 'vscode/VSCodeAPI',
  new: 'newWorkspace',
  openSimpleBrowser: 'browser',
  todos: 'todo',
}

/** A Copilot tool name read into canonical names, and the current name of a legacy one. */
export interface ReadTool {
  readonly tools: readonly string[]
  readonly legacy?: { readonly from: string; readonly to: string }
}

/**
 * The canonical tools a Copilot `tools` entry grants: a short name or alias expands to its
 * category, a VS Code tool to its canonical tool, `server/tool` to an MCP tool, anything else
 * (VS Code tools without a canonical equivalent, extension tools, bare names) to
 * `copilot:<name>`, kept exactly.
 */
export function toolFromCopilot(written: string): ReadTool {
  const legacyTo = Object.hasOwn(LEGACY_TOOLS, written) ? LEGACY_TOOLS[written] : undefined
  const name = legacyTo ?? written
  const legacy = legacyTo ? { legacy: { from: written, to: legacyTo } } : {}
  const alias = lookup(ALIASES, name.toLowerCase())
  if (alias) return { tools: GROUP_MEMBERS.get(alias)!, ...legacy }
  const canonical = lookup(NAMESPACED, name)
  if (canonical) return { tools: [canonical], ...legacy }
  if (name === 'vscode') return { tools: [nativeTool('copilot', 'vscode'), 'question'], ...legacy }
  const slash = name.indexOf('/')
  if (slash > 0) {
    const prefix = name.slice(0, slash)
    if (!BUILTIN_SETS.has(prefix) && !prefix.includes('.')) {
      return { tools: [mcpTool(prefix, name.slice(slash + 1))], ...legacy }
    }
  }
  return { tools: [nativeTool('copilot', name)], ...legacy }
}

/** The Copilot spelling of an MCP tool or a Copilot-only tool; undefined for anything else. */
export function namedToolToCopilot(name: string): string | undefined {
  const mcp = parseMcpTool(name)
  if (mcp) return `${mcp.server}/${mcp.tool}`
  const native = parseNativeTool(name)
  if (native?.target === 'copilot') return native.native
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------

/** The provider of the models Copilot serves itself (OpenCode's provider id for them). */
export const COPILOT_PROVIDER = 'github-copilot'

/**
 * The models Copilot serves, by VS Code display name and Copilot model id (the id OpenCode's
 * `github-copilot` provider and the Copilot CLI use). Checked 2026-11-26 against github/docs
 * `data/tables/copilot/model-release-status.yml` and models.dev `providers/github-copilot`.
 */
export const COPILOT_MODELS: readonly (readonly [display: string, id: string])[] = [
  ['GPT-5 mini', 'gpt-5-mini'],
  ['GPT-5.3-Codex', 'gpt-5.3-codex'],
  ['GPT-5.4', 'gpt-5.4'],
  ['GPT-5.4 mini', 'gpt-5.4-mini'],
  ['GPT-5.4 nano', 'gpt-5.4-nano'],
  ['GPT-5.5', 'gpt-5.5'],
  ['Claude Haiku 4.5', 'claude-haiku-4.5'],
  ['Claude Opus 4.5', 'claude-opus-4.5'],
  ['Claude Opus 4.6', 'claude-opus-4.6'],
  ['Claude Opus 4.6 (fast mode) (preview)', 'claude-opus-4.6-fast'],
  ['Claude Opus 4.7', 'claude-opus-4.7'],
  ['Claude Opus 4.8', 'claude-opus-4.8'],
  ['Claude Fable 5', 'claude-fable-5'],
  ['Claude Sonnet 4.5', 'claude-sonnet-4.5'],
  ['Claude Sonnet 4.6', 'claude-sonnet-4.6'],
  ['Gemini 2.5 Pro', 'gemini-2.5-pro'],
  ['Gemini 3 Flash', 'gemini-3-flash-preview'],
  ['Gemini 3.1 Pro', 'gemini-3.1-pro-preview'],
  ['Gemini 3.5 Flash', 'gemini-3.5-flash'],
  ['MAI-Code-1-Flash', 'mai-code-1-flash'],
  ['Raptor mini', 'raptor-mini'],
]

/** Earlier Copilot models whose id does not follow from the display name. */
const IRREGULAR_MODELS: readonly (readonly [display: string, id: string])[] = [
  ['Claude Opus 4.1', 'claude-opus-41'],
  ['Gemini 3 Pro', 'gemini-3-pro-preview'],
  ['GPT-5-Codex (Preview)', 'gpt-5-codex'],
  ['Grok Code Fast 1', 'grok-code-fast-1'],
]

const ALL_MODELS = [...COPILOT_MODELS, ...IRREGULAR_MODELS]
const ID_BY_DISPLAY = new Map(ALL_MODELS.map(([display, id]) => [display.toLowerCase(), id]))
const DISPLAY_BY_ID = new Map(ALL_MODELS.map(([display, id]) => [id, display]))
const CURRENT_IDS = new Set(COPILOT_MODELS.map(([, id]) => id))

/** The newest model of each Claude family Copilot serves (Claude Code aliases pin to these). */
export const CLAUDE_FAMILY_LATEST: Readonly<Record<string, string>> = {
  sonnet: 'claude-sonnet-4.6',
  opus: 'claude-opus-4.8',
  haiku: 'claude-haiku-4.5',
  fable: 'claude-fable-5',
}

/** The vendor qualifier of Copilot's own models in VS Code (`Claude Sonnet 4.5 (copilot)`). */
export const COPILOT_VENDOR = 'copilot'

const MODEL_FAMILY = /^(claude|gpt|gemini|grok|o\d|raptor|mai|kimi)\b/i

/**
 * A Copilot `model` value as a model reference. VS Code matches display names (`Claude Sonnet
 * 4.5`, optionally qualified by the vendor: `Claude Sonnet 4.5 (copilot)`); the Copilot CLI
 * takes model ids (`claude-sonnet-4.5`). Both name a model Copilot serves:
 * `github-copilot/<model id>`. Another vendor qualifier (a VS Code bring-your-own-key provider,
 * `Llama 3 (ollama)`) becomes that provider. Anything else is kept as written, without provider.
 */
export function modelFromCopilot(written: string): ModelRef {
  const text = written.trim()
  const qualified = /^(.*\S)\s+\(([a-z][\w.-]*)\)$/.exec(text)
  const vendor = qualified?.[2]
  if (qualified && vendor !== COPILOT_VENDOR) return { written, provider: vendor!, id: qualified[1]! }
  const name = qualified ? qualified[1]! : text
  const known = ID_BY_DISPLAY.get(name.toLowerCase())
  if (known) return { written, provider: COPILOT_PROVIDER, id: known }
  if (/^[A-Za-z0-9][\w .()-]*$/.test(name) && /\s|[A-Z]/.test(name) && MODEL_FAMILY.test(name)) {
    return { written, provider: COPILOT_PROVIDER, id: idFromDisplay(name) }
  }
  if (/^[a-z0-9][a-z0-9.-]*$/.test(name) && MODEL_FAMILY.test(name)) {
    const id = copilotIdFromVendorId(name) ?? name
    return {
      written,
      provider: COPILOT_PROVIDER,
      id: ID_BY_DISPLAY.get(displayOfCopilotId(id).display.toLowerCase()) ?? id,
    }
  }
  return { written, id: text }
}

/** A display name's model id by the rule most names follow: lower case, spaces as hyphens. */
function idFromDisplay(display: string): string {
  return display.toLowerCase().replace(/[()]/g, '').trim().replace(/\s+/g, '-')
}

/** The VS Code display name of a Copilot model id, and whether agentc knows it or guessed it. */
export function displayOfCopilotId(id: string): { display: string; known: boolean } {
  const known = DISPLAY_BY_ID.get(id)
  if (known) return { display: known, known: true }
  const claude = /^claude-(sonnet|opus|haiku|fable)-(\d+(?:\.\d+)?)$/.exec(id)
  if (claude) return { display: `Claude ${capital(claude[1]!)} ${claude[2]}`, known: true }
  const gpt = /^gpt-(\d+(?:\.\d+)?[a-z]?)((?:-[a-z0-9]+)*)$/.exec(id)
  if (gpt) {
    const rest = gpt[2]!
    const suffix = rest.startsWith('-codex')
      ? rest.replace(/-([a-z0-9]+)/g, (_m, part: string) => `-${capital(part)}`)
      : rest.replace(/-/g, ' ')
    return { display: `GPT-${gpt[1]}${suffix}`, known: true }
  }
  const gemini = /^gemini-(\d+(?:\.\d+)?)-([a-z]+)(-preview)?$/.exec(id)
  if (gemini) {
    return {
      display: `Gemini ${gemini[1]} ${capital(gemini[2]!)}${gemini[3] ? ' (Preview)' : ''}`,
      known: true,
    }
  }
  if (/^o\d/.test(id)) return { display: id, known: true }
  return { display: id.split('-').map(capital).join(' '), known: false }
}

/** Whether Copilot lists the model among the ones it serves today (see {@link COPILOT_MODELS}). */
export function isCurrentCopilotModel(id: string): boolean {
  return CURRENT_IDS.has(id)
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * The Copilot model id of a model named by its vendor's id: Anthropic's `claude-sonnet-4-5`
 * (or `-20250929` snapshots, or the dotted spellings of gateways) is Copilot's
 * `claude-sonnet-4.5`; OpenAI, Google and xAI ids are Copilot's own (dated suffixes dropped).
 * Undefined for ids Copilot cannot serve.
 */
export function copilotIdFromVendorId(id: string): string | undefined {
  const claude = /^claude-(sonnet|opus|haiku|fable)-(\d+)(?:[-.](\d{1,2}))?(?:-(?:\d{8}|latest))?$/.exec(id)
  if (claude) return `claude-${claude[1]}-${claude[2]}${claude[3] !== undefined ? `.${claude[3]}` : ''}`
  const older = /^claude-(\d+)(?:[-.](\d))?-(sonnet|opus|haiku)(?:-(?:\d{8}|latest))?$/.exec(id)
  if (older) return `claude-${older[1]}${older[2] !== undefined ? `.${older[2]}` : ''}-${older[3]}`
  if (/^(gpt-|o\d|gemini-|grok-)/.test(id)) return id.replace(/-\d{4}-\d{2}-\d{2}$/, '')
  return undefined
}

/** What a model from another tool becomes in Copilot. */
export type CopilotModelChoice =
  | {
      readonly kind: 'copilot'
      readonly id: string
      readonly pinnedAlias?: string
      readonly snapshot?: boolean
    }
  | { readonly kind: 'unavailable' }

/**
 * The Copilot model for a model reference from elsewhere: Anthropic, OpenAI, Google and xAI
 * models are served by Copilot itself; Claude Code's aliases (`sonnet`, `opus`, …) pin to the
 * newest model of their family that Copilot serves.
 */
export function copilotModelFor(model: ModelRef): CopilotModelChoice {
  if (model.provider === COPILOT_PROVIDER) return { kind: 'copilot', id: model.id }
  const vendor = vendorOf(model)
  const bare = bareModelId(model.id)
  if (vendor === 'anthropic') {
    const alias = /^(sonnet|opus|haiku|fable|best|opusplan)(\[1m\])?$/.exec(bare)
    if (alias) {
      const family = alias[1] === 'best' || alias[1] === 'opusplan' ? 'opus' : alias[1]!
      return { kind: 'copilot', id: CLAUDE_FAMILY_LATEST[family]!, pinnedAlias: bare }
    }
  }
  if (vendor === 'anthropic' || vendor === 'openai' || vendor === 'google' || vendor === 'xai') {
    const id = copilotIdFromVendorId(bare)
    if (id) {
      // Copilot's own id where it differs from the vendor's (`claude-opus-41` for Opus 4.1).
      const own = ID_BY_DISPLAY.get(displayOfCopilotId(id).display.toLowerCase()) ?? id
      return { kind: 'copilot', id: own, snapshot: /-(\d{8}|\d{4}-\d{2}-\d{2})$/.test(bare) }
    }
  }
  return { kind: 'unavailable' }
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

/** Keys agentc maps to IR fields. */
export const MODELLED_KEYS = new Set([
  'name',
  'description',
  'tools',
  'model',
  'agents',
  'user-invocable',
  'user-invokable',
  'disable-model-invocation',
  'infer',
])

/**
 * Copilot keys kept as extensions (no IR field), in the order agentc writes them: the first
 * two after `description`, the others after the tool settings.
 */
export const EXTENSION_KEYS_HEAD = ['argument-hint', 'target'] as const
export const EXTENSION_KEYS_TAIL = ['handoffs', 'mcp-servers', 'metadata', 'hooks'] as const

/** Every Copilot key kept as an extension without an "unknown key" note. */
export const KNOWN_EXTENSION_KEYS = new Set<string>([...EXTENSION_KEYS_HEAD, ...EXTENSION_KEYS_TAIL])

/** The values of `target`. */
export const TARGETS = ['vscode', 'github-copilot'] as const
