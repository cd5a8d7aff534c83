/**
 * Roo Code / Zoo Code vocabulary: tool groups and the canonical tools they grant, tools every
 * mode has, slug rules, and the characters Roo rewrites before it reads a modes file.
 */

/** The groups a mode may list, as the canonical tools they grant. */
export const GROUP_TOOLS: Readonly<Record<string, readonly string[]>> = {
  // read_file, search_files, list_files (and codebase_search, which has no canonical name)
  read: ['read', 'grep', 'list', 'glob'],
  // apply_diff, write_to_file, edit / search_replace / apply_patch (and generate_image)
  edit: ['edit', 'write'],
  // execute_command (and read_command_output)
  command: ['bash'],
  // use_mcp_tool, access_mcp_resource: every server, or Zoo's `allowedMcpServers`
  mcp: [],
  // switch_mode, new_task: every mode has them anyway
  modes: [],
  // Zoo Code only: fetch_web_content
  web: ['webfetch'],
  // Removed from Roo Code and Zoo Code in February 2026; stripped when a file is loaded.
  browser: [],
}

/** Every group name Roo Code or Zoo Code accepts in `groups`. */
export const GROUPS: readonly string[] = Object.keys(GROUP_TOOLS)

/** Groups agentc writes, in Roo's usual order (`modes` adds nothing; `web` breaks Roo Code). */
export const EMITTED_GROUPS: readonly string[] = ['read', 'edit', 'command', 'mcp']

/**
 * Canonical tools every Roo mode has whatever its groups: ask_followup_question, new_task,
 * update_todo_list, skill (and attempt_completion, switch_mode, run_slash_command, which have no
 * canonical name).
 */
export const ALWAYS_AVAILABLE: readonly string[] = ['question', 'skill', 'task', 'todowrite']

/** The IR name for "every MCP tool" (the `mcp` group without a server list). */
export const ALL_MCP = 'mcp:*'

/** Roo's slug rule (`packages/types/src/mode.ts`). */
export const SLUG = /^[a-zA-Z0-9-]+$/

/** A legal slug for an agent name: invalid runs become `-`; accents are dropped. */
export function rooSlug(name: string): string {
  if (SLUG.test(name)) return name
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? 'mode' : slug
}

/**
 * Characters Roo Code replaces in a modes file before parsing it
 * (`CustomModesManager.cleanInvisibleCharacters`): no-break space → space, zero-width characters
 * removed, typographic dashes → `-`, curly quotes → straight quotes.
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: single characters, each replaced on its own (as Roo does)
export const PROBLEMATIC = /[\u00A0\u200B\u200C\u200D\u2010-\u2015\u2212\u2018\u2019\u201C\u201D]/g

/** What Roo turns a problematic character into. */
export function cleanChar(ch: string): string {
  switch (ch) {
    case '\u00A0':
      return ' '
    case '\u200B':
    case '\u200C':
    case '\u200D':
      return ''
    case '\u2018':
    case '\u2019':
      return "'"
    case '\u201C':
    case '\u201D':
      return '"'
    default:
      return '-'
  }
}

/** The `\uXXXX` escape of a character (YAML double-quoted and JSON strings read it back). */
export function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Mode keys Roo knows but the IR does not model, kept under `extensions.roo` without a
 * diagnostic: the display `name` (when it differs from the slug), the picker `description`
 * (when `whenToUse` holds the IR description), `source` (which Roo sets itself), and
 * `groupOptions` (group options the IR cannot hold: an edit-restriction description, a
 * `fileRegex` with no exact pattern form).
 */
export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  'slug',
  'name',
  'roleDefinition',
  'whenToUse',
  'description',
  'customInstructions',
  'groups',
  'source',
  'allowedMcpServers',
])

/** Where Roo Code reads project modes. */
export const ROOMODES = '.roomodes'
