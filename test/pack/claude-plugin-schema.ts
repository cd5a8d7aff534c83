/**
 * Test-only zod schemas for the Claude Code files `agentc pack` emits:
 * `.claude-plugin/plugin.json` (pluginManifestSchema), `.claude-plugin/marketplace.json`
 * (marketplaceSchema) and the frontmatter of a plugin's `agents/*.md` (pluginAgentFrontmatterSchema).
 *
 * Claude Code itself strips unknown top-level keys of both manifests (and `claude plugin validate` only
 * warns). These schemas are STRICT on purpose: a key we emit that Claude Code would silently drop is a
 * bug in the generator, so every object here is a `z.strictObject`. Where a rule below is stricter than
 * Claude Code (kebab-case names, semver versions, e-mail and URL formats), the comment says so.
 *
 * Sources, all read 2026-11-26 (the docs are a mirror of code.claude.com, crawled after Claude Code
 * v2.1.281, the newest version the pages mention):
 * - [MR] https://code.claude.com/docs/en/plugins/manifest-reference
 *        (mirror: pricci1/cc-docs-changelog@0128ed3b docs/plugins/manifest-reference.md)
 * - [MK] https://code.claude.com/docs/en/plugins/marketplace-reference (same mirror)
 * - [PC] https://code.claude.com/docs/en/plugins/components (same mirror), "Frontmatter fields in plugin agents"
 * - [SA] https://code.claude.com/docs/en/sub-agents (same mirror), "Frontmatter reference"
 * - [TS] https://code.claude.com/docs/en/plugins/troubleshooting (same mirror), "Marketplace validation errors"
 * - [CM] https://code.claude.com/docs/en/plugins/create-marketplace (same mirror)
 * - [I65263] https://github.com/anthropics/claude-code/issues/65263 (2026-06-04): a string `author`
 *        fails with "author: Invalid input: expected object, received string"
 * - [P100] https://github.com/oliver-zehentleitner/keep-the-why/pull/100 (2026-07-29): an object
 *        `repository` fails `claude plugin validate` (CLI 2.1.220) with "expected string, received object"
 * - [OFF] anthropics/claude-plugins-official .claude-plugin/marketplace.json (commit 00099f40)
 */
import { z } from 'zod'
import {
  DESKTOP_RESERVED_MARKETPLACE_NAMES,
  RESERVED_MARKETPLACE_NAMES,
} from '../../packages/cli/src/pack/claude'

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/**
 * Kebab-case: lowercase ASCII letters and digits in hyphen-separated words.
 * [MR] "name": "Use kebab-case"; [TS]: a name that is not kebab-case is a validate *warning* and "the
 * claude.ai marketplace sync rejects" it. Claude Code's hard rules are weaker (see pluginNameProblem).
 */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Longest plugin or marketplace name Claude Desktop accepts. [MK] Validation messages: "letters,
 * digits, ".", "_", "-"; must start alphanumeric; max 128 chars" (a warning in Claude Code; Claude
 * Desktop rejects the marketplace or drops the entry). Claude Code itself documents no length limit.
 */
export const MAX_NAME_LENGTH = 128

/**
 * Semantic version 2.0.0 (the regex published on semver.org). [MR] "version": "A version string, not
 * checked against semver" — Claude Code only compares it for equality (it pins updates); we emit
 * semver, so we require it.
 */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

/** C0/C1 control characters and the Unicode bidirectional-formatting characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

const nonEmpty = z.string().min(1)

/**
 * Why a plugin name is not one Claude Code accepts, or undefined. [MR] "name": "non-empty, with no
 * spaces, `@`, `:`, path separators, control characters, or bidirectional-formatting characters".
 * Our schema additionally requires kebab-case and at most 128 characters.
 */
export function pluginNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Plugin name cannot be empty'
  if (/\s/.test(name)) return 'Plugin name cannot contain spaces'
  if (CONTROL_OR_BIDI.test(name))
    return 'Plugin name cannot contain control or bidirectional-formatting characters'
  if (/[@:/\\]/.test(name)) return 'Plugin name cannot contain `@`, `:` or path separators'
  if (name.length > MAX_NAME_LENGTH) return `Plugin name is longer than ${MAX_NAME_LENGTH} characters`
  if (!KEBAB_CASE.test(name)) return 'Plugin name is not kebab-case'
  return undefined
}

const pluginName = z.string().superRefine((name, ctx) => {
  const problem = pluginNameProblem(name)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/**
 * A person: `author` of a plugin, `owner` of a marketplace. [MR] "author": "Object: `name`, which is
 * required, plus optional `email` and `url`"; [MK] "owner": same shape, "Author name cannot be empty".
 * A string `author` is rejected by Claude Code [I65263]. Claude Code types `email` and `url` as plain
 * strings; we require an e-mail address and an http(s) URL.
 */
export const personSchema = z.strictObject({
  name: nonEmpty,
  email: z.email().optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
})

/**
 * A component path. [MR] Path rules: "relative to the plugin root and must start with `./`";
 * "A path containing `..`" fails validation ("Path contains \"..\" which could be a path traversal
 * attempt"). [MK]: on macOS and Linux a backslash after the leading `./` is refused (said of entry
 * sources; we apply it to every path). `${CLAUDE_PLUGIN_ROOT}` is not expanded in path fields.
 */
const relativePath = z
  .string()
  .startsWith('./', { error: 'a path relative to the plugin root, starting with `./`' })
  .refine((p) => !p.includes('..'), { error: 'a path must not contain `..`' })
  .refine((p) => !p.includes('\\'), { error: 'a path must use forward slashes' })

/** [MR] Path-only fields: "`agents` entries must be `.md` files" ("Directories aren't accepted"). */
const markdownPath = relativePath.refine((p) => p.endsWith('.md'), {
  error: 'an agent path must name a `.md` file',
})

/** [MR] `hooks`, `mcpServers`, `lspServers`, `experimental.monitors` take "`.json` file" paths. */
const jsonPath = relativePath.refine((p) => p.endsWith('.json'), { error: 'a path to a `.json` file' })

/** [MR] `skills` "also accepts `\".\"`. Both `\".\"` and `\"./\"` denote the plugin root". */
const skillsPath = z.union([z.literal('.'), relativePath])

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)])

// ---------------------------------------------------------------------------------------------
// plugin.json
// ---------------------------------------------------------------------------------------------

/**
 * [MR] `commands` object map: "Each value sets exactly one of `source` or `content`" (both or neither
 * fails validation); other fields optional.
 */
const commandEntry = z
  .strictObject({
    source: markdownPath.optional(),
    content: z.string().optional(),
    description: z.string().optional(),
    argumentHint: z.string().optional(),
    model: z.string().optional(),
    allowedTools: z.array(z.string()).optional(),
  })
  .refine((c) => (c.source === undefined) !== (c.content === undefined), {
    error: 'a command sets exactly one of `source` or `content`',
  })

/**
 * Inline hooks: the shape of `hooks` in settings.json ([MR] `hooks`), event name → matcher groups.
 * Only the outer shape is checked; agentc emits no hooks.
 */
const inlineHooks = z.record(
  z.string().regex(/^[A-Z][A-Za-z]+$/, { error: 'a hook event name such as `PostToolUse`' }),
  z.array(z.record(z.string(), z.unknown())),
)

/** [MR] `mcpServers` bundle forms: "A bundle path or URL must end in `.mcpb` or `.dxt`". */
const mcpBundle = z.union([
  relativePath.refine((p) => /\.(?:mcpb|dxt)$/.test(p), {
    error: 'an MCP bundle path ending in .mcpb or .dxt',
  }),
  z.url({ protocol: /^https$/ }).refine((u) => /\.(?:mcpb|dxt)$/.test(u), {
    error: 'an MCP bundle URL ending in .mcpb or .dxt',
  }),
])
const inlineMcpServers = z.record(nonEmpty, z.record(z.string(), z.unknown()))

/** [MR] `lspServers`: "Each server config is a strict object with these fields." */
const lspServer = z.strictObject({
  command: nonEmpty.refine((c) => !c.includes(' ') || c.startsWith('/'), {
    error: 'no spaces unless the command starts with `/`; put arguments in `args`',
  }),
  extensionToLanguage: z
    .record(z.string().regex(/^\.[^.]/, { error: 'a file extension starting with a dot' }), nonEmpty)
    .refine((m) => Object.keys(m).length > 0, { error: 'at least one extension' }),
  args: z.array(z.string()).optional(),
  transport: z.enum(['stdio', 'socket']).optional(),
  env: z.record(z.string(), z.string()).optional(),
  initializationOptions: z.unknown().optional(),
  settings: z.unknown().optional(),
  workspaceFolder: z.string().optional(),
  startupTimeout: z.int().positive().optional(),
  shutdownTimeout: z.int().positive().optional(),
  restartOnCrash: z.boolean().optional(),
  maxRestarts: z.int().nonnegative().optional(),
  diagnostics: z.boolean().optional(),
})

/** [MR] `monitors`: "Each entry is a strict object with these fields." */
const monitor = z.strictObject({
  name: nonEmpty,
  command: nonEmpty,
  description: nonEmpty,
  when: z
    .string()
    .regex(/^(?:always|on-skill-invoke:.+)$/, { error: '`always` or `on-skill-invoke:<skill>`' })
    .optional(),
})

/** [MR] User configuration: "Each value is a strict object"; keys are identifiers (no leading digit). */
const userConfigOption = z.strictObject({
  type: z.enum(['string', 'number', 'boolean', 'directory', 'file']),
  title: nonEmpty,
  description: nonEmpty,
  required: z.boolean().optional(),
  default: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  options: z.array(z.string().min(1).max(64)).min(1).optional(),
  multiple: z.boolean().optional(),
  sensitive: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
})
const userConfig = z.record(
  z
    .string()
    .regex(/^[A-Za-z_]\w*$/, { error: 'an identifier: letters, digits, `_`, not starting with a digit' }),
  userConfigOption,
)

/**
 * [MR] `dependencies`: each entry is `"name"`, `"name@marketplace"`, or
 * `{ "name": "...", "marketplace": "...", "version": "..." }`.
 */
const dependency = z.union([
  z
    .string()
    .regex(/^[a-z0-9][-a-z0-9._]*(?:@[a-z0-9][-a-z0-9._]*)?$/i, { error: '`name` or `name@marketplace`' }),
  z.strictObject({ name: nonEmpty, marketplace: nonEmpty.optional(), version: nonEmpty.optional() }),
])

/**
 * Every top-level key of plugin.json ([MR] Fields table), as a shape shared with marketplace entries
 * ([MK] "An entry also accepts every `plugin.json` field").
 */
const manifestShape = {
  /** [MR] "JSON Schema URL for editor autocomplete. Claude Code ignores it at load time". */
  $schema: z.url().optional(),
  name: pluginName,
  /** [MR] "Name shown in UI in place of `name`"; may contain spaces and any casing. */
  displayName: nonEmpty.optional(),
  version: z.string().regex(SEMVER, { error: 'a semantic version such as 1.2.0' }).optional(),
  description: nonEmpty.optional(),
  author: personSchema.optional(),
  /** [MR] "Documentation URL. Must parse as a URL, or the plugin fails to load" (we require http(s)). */
  homepage: z.url({ protocol: /^https?$/ }).optional(),
  /** [MR] "Source repository URL. Not validated" — but a string [P100]. */
  repository: nonEmpty.optional(),
  /** [MR] "SPDX identifier such as `MIT` or `Apache-2.0`". */
  license: nonEmpty.optional(),
  /** [MR] "Array of strings. Discovery tags". */
  keywords: z.array(nonEmpty).optional(),
  /** [MR] "Free-form object for your own data. Claude Code doesn't read it" (v2.1.222+). */
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** [MR] "Defaults to `true`". */
  defaultEnabled: z.boolean().optional(),
  dependencies: z.array(dependency).optional(),
  /** [MR] "Only `agent` and `subagentStatusLine` take effect" — anything else would be dropped. */
  settings: z
    .strictObject({
      agent: nonEmpty.optional(),
      subagentStatusLine: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  userConfig: userConfig.optional(),
  /** [MR] Channels: strict objects bound to one of the plugin's MCP servers. */
  channels: z
    .array(
      z.strictObject({
        server: nonEmpty,
        displayName: nonEmpty.optional(),
        userConfig: userConfig.optional(),
      }),
    )
    .optional(),
  /** [MR] "Adds to the default `skills/` scan"; entries are directories. */
  skills: oneOrMany(skillsPath).optional(),
  /** [MR] "Replaces the default `commands/` scan". */
  commands: z.union([oneOrMany(relativePath), z.record(nonEmpty, commandEntry)]).optional(),
  /** [MR] "Agent `.md` files. Directories aren't accepted. Replaces the default `agents/` scan". */
  agents: oneOrMany(markdownPath).optional(),
  /** [MR] "`.json` hook files or inline hook config. Loaded together with `hooks/hooks.json`". */
  hooks: z.union([jsonPath, inlineHooks, z.array(z.union([jsonPath, inlineHooks])).min(1)]).optional(),
  /** [MR] "`.json` MCP config files, `.mcpb` or `.dxt` bundles, or inline server configs keyed by name". */
  mcpServers: z
    .union([
      jsonPath,
      mcpBundle,
      inlineMcpServers,
      z.array(z.union([jsonPath, mcpBundle, inlineMcpServers])).min(1),
    ])
    .optional(),
  /** [MR] "`.json` LSP config files or inline server configs keyed by name". */
  lspServers: z
    .union([
      jsonPath,
      z.record(nonEmpty, lspServer),
      z.array(z.union([jsonPath, z.record(nonEmpty, lspServer)])).min(1),
    ])
    .optional(),
  /** [MR] "Output style files or directories. Replaces the default `output-styles/` scan". */
  outputStyles: oneOrMany(relativePath).optional(),
  /** [MR] "Workflow `.js` files or directories. Replaces the default `workflows/` scan". */
  workflows: oneOrMany(relativePath).optional(),
  /** [MR] "Container for `themes`, `monitors`, and `evals`". */
  experimental: z
    .strictObject({
      themes: oneOrMany(relativePath).optional(),
      monitors: z.union([jsonPath, z.array(monitor)]).optional(),
      evals: oneOrMany(relativePath).optional(),
    })
    .optional(),
}

/** `.claude-plugin/plugin.json`. [MR] "`name` is the only required key." */
export const pluginManifestSchema = z.strictObject(manifestShape)
export type PluginManifest = z.infer<typeof pluginManifestSchema>

// ---------------------------------------------------------------------------------------------
// marketplace.json
// ---------------------------------------------------------------------------------------------

/**
 * [MK] Reserved names: the official, community and directory names (allowed only from a
 * github.com/anthropics/ source, which a pack never is), the names Claude Code uses for plugins that
 * do not come from a marketplace, and `npm pip uv cargo github gh` "in any casing".
 */
/** [MK] Validation messages: names Claude Desktop reserves (a warning in Claude Code; Desktop rejects). */
export { DESKTOP_RESERVED_MARKETPLACE_NAMES, RESERVED_MARKETPLACE_NAMES }

/**
 * [MK] "Names that impersonate an official marketplace: names such as `official-claude-plugins` or
 * `claude-plugins-v2`"; [CM] also `claude-official`. Anthropic does not publish the rule; this pattern
 * (official next to anthropic/claude, or anthropic/claude followed by marketplace/plugins/official)
 * covers every documented example and is the one seen in Claude Code's own source (weak: third-party
 * reading of the CLI, 2026).
 */
export const IMPERSONATION =
  /official[^a-z0-9]*(?:anthropic|claude)|(?:anthropic|claude)[^a-z0-9]*official|^(?:anthropic|claude)[^a-z0-9]*(?:marketplace|plugins|official)/i

/**
 * [MK] "Another spelling of a reserved name: a name that differs from a reserved name only by a
 * trailing dot, or by a symbol other than an underscore in place of a hyphen" (v2.1.280+).
 */
function reservedSpelling(name: string): string | undefined {
  const folded = name
    .toLowerCase()
    .replace(/\.+$/, '')
    .replace(/[^a-z0-9_]/g, '-')
  return RESERVED_MARKETPLACE_NAMES.find((reserved) => reserved === folded)
}

/**
 * Why a marketplace name is not one Claude Code (and Claude Desktop) accepts, or undefined.
 * [MK] Top-level `name`: "No spaces, control characters, or bidirectional-formatting characters, no `/`
 * or `\`, no `..`, and not `.`", plus Reserved names; any non-ASCII character counts as impersonation.
 * Our schema additionally requires kebab-case and at most 128 characters.
 */
export function marketplaceNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Marketplace must have a name'
  if (/\s/.test(name)) return 'Marketplace name cannot contain spaces'
  if (CONTROL_OR_BIDI.test(name))
    return 'Marketplace name cannot contain control or bidirectional-formatting characters'
  if (/[/\\]/.test(name) || name.includes('..') || name === '.') {
    return 'Marketplace name cannot contain path separators (/ or \\), ".." sequences, or be "."'
  }
  if (/[^\x20-\x7e]/.test(name))
    return 'Marketplace name impersonates an official Anthropic/Claude marketplace (non-ASCII)'
  const reserved = reservedSpelling(name)
  if (reserved !== undefined) return `Marketplace name "${name}" is reserved ("${reserved}")`
  if (name.toLowerCase().startsWith('claudeai-'))
    return 'Marketplace names starting with "claudeai-" are reserved'
  if (IMPERSONATION.test(name))
    return 'Marketplace name impersonates an official Anthropic/Claude marketplace'
  if (DESKTOP_RESERVED_MARKETPLACE_NAMES.includes(name.toLowerCase())) {
    return `Marketplace name "${name}" is reserved in Claude Desktop`
  }
  if (name.length > MAX_NAME_LENGTH) return `Marketplace name is longer than ${MAX_NAME_LENGTH} characters`
  if (!KEBAB_CASE.test(name)) return 'Marketplace name is not kebab-case'
  return undefined
}

const marketplaceName = z.string().superRefine((name, ctx) => {
  const problem = marketplaceNameProblem(name)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** [MK] `ref`/`sha`: "`sha`: a full 40-character lowercase commit SHA". */
const gitRef = {
  ref: nonEmpty.optional(),
  sha: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
}

/** [MK] `url` plugin source: "a full git URL: `https://`, `http://`, `file://`, or `git@`". */
const gitUrl = z.string().regex(/^(?:https?:\/\/|file:\/\/|git@)\S+$/, { error: 'a full git URL' })

/**
 * [MK] Relative path source: "Must start with `./`, unless you write a bare name under
 * `metadata.pluginRoot`. `\".\"` on its own means the root itself"; "A path containing `..` fails
 * validation"; a backslash after the leading `./` is refused. So `"./"` (the marketplace root) is
 * accepted. A bare name (no `/`) is only valid with `metadata.pluginRoot` — checked in marketplaceSchema.
 */
const relativeSource = z
  .string()
  .min(1)
  .refine((s) => s === '.' || s.startsWith('./') || !s.includes('/'), {
    error: 'a relative source starts with `./` (or is `.`, or a bare name under metadata.pluginRoot)',
  })
  .refine((s) => !s.includes('..'), { error: 'Path contains ".."' })
  .refine((s) => !s.includes('\\'), { error: 'a source path must use forward slashes' })

/** [MK] Plugin sources: the object forms, discriminated by their own `source` key. */
const objectSource = z.discriminatedUnion('source', [
  /** `repo` "takes `owner/repo`". */
  z.strictObject({
    source: z.literal('github'),
    repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: 'owner/repo' }),
    ...gitRef,
  }),
  z.strictObject({ source: z.literal('url'), url: gitUrl, ...gitRef }),
  /** "`url` accepts a full git URL or GitHub `owner/repo` shorthand. `path` is the subdirectory". */
  z.strictObject({
    source: z.literal('git-subdir'),
    url: z.union([gitUrl, z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/)]),
    path: nonEmpty.refine((p) => !p.includes('..'), { error: 'Path contains ".."' }),
    ...gitRef,
  }),
  /** "`package`: a package name, or a scoped name"; "`version`: a version or range"; "`registry`: a URL". */
  z.strictObject({
    source: z.literal('npm'),
    package: z
      .string()
      .regex(/^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, { error: 'an npm package name' }),
    version: nonEmpty.optional(),
    registry: z.url({ protocol: /^https?$/ }).optional(),
  }),
  /** "`url` must use `https://`"; "`sha256` is the archive's digest as 64 hex characters" (v2.1.224+). */
  z.strictObject({
    source: z.literal('archive'),
    url: z.url({ protocol: /^https$/ }),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional(),
  }),
  /**
   * "`command`: ... printable ASCII, at most 500 characters, with no run of four or more spaces";
   * "`timeout`: a whole number of seconds from 1 to 600"; "`mode`: `copy`, the default, or `link`" (v2.1.229+).
   */
  z.strictObject({
    source: z.literal('command'),
    command: z
      .string()
      .min(1)
      .max(500)
      .regex(/^[\x20-\x7e]+$/, { error: 'printable ASCII' })
      .refine((c) => !c.includes('    '), { error: 'no run of four or more spaces' }),
    timeout: z.int().min(1).max(600).optional(),
    mode: z.enum(['copy', 'link']).optional(),
  }),
])

/** [MK] Plugin entry `source`: "string or object". */
export const pluginSourceSchema = z.union([relativeSource, objectSource])

/**
 * [MK] Plugin entries: `name` and `source` required; "An entry also accepts every `plugin.json`
 * field", plus its own fields. [MK] "Hooks in an entry": only the inline object form runs (a path or
 * an array is a load error, "not yet supported in a marketplace entry").
 */
const marketplaceEntrySchema = z.strictObject({
  ...manifestShape,
  name: pluginName,
  source: pluginSourceSchema,
  hooks: inlineHooks.optional(),
  /** "Free-form category for organizing the catalog". */
  category: nonEmpty.optional(),
  /** "Free-form tags for search". */
  tags: z.array(nonEmpty).optional(),
  /** "Default `true`. Whether `plugin.json` is the definitive source for the plugin's components". */
  strict: z.boolean().optional(),
  /** "Signals that tell Claude Code when to suggest the plugin" ("an object containing topic and signals"). */
  relevance: z.record(z.string(), z.unknown()).optional(),
  /** "HTTP headers Claude Code sends when it downloads this entry's archive" (v2.1.238+). */
  headers: z.record(nonEmpty, z.string()).optional(),
  /** Command printing archive-download headers; "The entry must also set `\"strict\": false`". */
  headersHelper: nonEmpty.optional(),
})
export type MarketplaceEntry = z.infer<typeof marketplaceEntrySchema>

/** `.claude-plugin/marketplace.json`. [MK] Top-level fields: "`name`, `owner`, and `plugins` are required." */
export const marketplaceSchema = z
  .strictObject({
    $schema: z.url().optional(),
    name: marketplaceName,
    owner: personSchema,
    /** [MK] an empty list is a validate warning ("Marketplace has no plugins defined"); we require one. */
    plugins: z.array(marketplaceEntrySchema).min(1),
    /** "Marketplace description shown to users. `claude plugin validate` warns when it's missing". */
    description: nonEmpty.optional(),
    /** "Marketplace manifest version" (not a plugin's version). */
    version: nonEmpty.optional(),
    /** "Alternate location for `description` and `version`"; `pluginRoot` (v2.1.239+). */
    metadata: z
      .strictObject({
        description: nonEmpty.optional(),
        version: nonEmpty.optional(),
        pluginRoot: z
          .string()
          .refine((p) => p === '.' || p.startsWith('./'), { error: 'a relative path inside the marketplace' })
          .refine((p) => !p.includes('..'), { error: 'Path contains ".."' })
          .optional(),
      })
      .optional(),
    forceRemoveDeletedPlugins: z.boolean().optional(),
    allowCrossMarketplaceDependenciesOn: z.array(marketplaceName).optional(),
    /** "Map from a former plugin `name` to its current name, or to `null`" (v2.1.193+). */
    renames: z.record(pluginName, pluginName.nullable()).optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>()
    file.plugins.forEach((entry, index) => {
      // [MK] "Duplicate plugin name \"x\" found in marketplace" is an error.
      if (seen.has(entry.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plugins', index, 'name'],
          message: `Duplicate plugin name "${entry.name}"`,
        })
      }
      seen.add(entry.name)
      const source = entry.source
      // [MK] "A source that contains a `/` ... isn't a bare name"; a bare name needs metadata.pluginRoot.
      if (
        typeof source === 'string' &&
        source !== '.' &&
        !source.startsWith('./') &&
        !file.metadata?.pluginRoot
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['plugins', index, 'source'],
          message: 'a bare source name needs metadata.pluginRoot',
        })
      }
      // [MK] "Plugin \"x\" sets headersHelper but is not \"strict\": false" is an error.
      if (entry.headersHelper !== undefined && entry.strict !== false) {
        ctx.addIssue({
          code: 'custom',
          path: ['plugins', index, 'headersHelper'],
          message: 'headersHelper needs "strict": false',
        })
      }
      // [MK] headers/headersHelper "only apply to \"archive\" sources" (a warning; we reject).
      const isArchive = typeof source === 'object' && source.source === 'archive'
      if ((entry.headers !== undefined || entry.headersHelper !== undefined) && !isArchive) {
        ctx.addIssue({
          code: 'custom',
          path: ['plugins', index, 'headers'],
          message: 'headers apply only to archive sources',
        })
      }
    })
  })
export type Marketplace = z.infer<typeof marketplaceSchema>

// ---------------------------------------------------------------------------------------------
// Frontmatter of a plugin's agents/*.md
// ---------------------------------------------------------------------------------------------

/**
 * Keys Claude Code ignores in a PLUGIN agent ([PC] "Ignored fields: `permissionMode`, `hooks`,
 * `mcpServers`, and `initialPrompt`"; [SA] "For security reasons, plugin subagents don't support the
 * `hooks`, `mcpServers`, or `permissionMode` frontmatter fields"). Emitting one is a silent loss.
 */
export const PLUGIN_AGENT_IGNORED_KEYS: readonly string[] = [
  'permissionMode',
  'hooks',
  'mcpServers',
  'initialPrompt',
]

/** [SA] `color`: "Accepts `red`, `blue`, `green`, `yellow`, `purple`, `orange`, `pink`, or `cyan`". */
export const CLAUDE_AGENT_COLORS = [
  'red',
  'blue',
  'green',
  'yellow',
  'purple',
  'orange',
  'pink',
  'cyan',
] as const

const toolList = z.union([nonEmpty, z.array(nonEmpty).min(1)])

/**
 * The frontmatter keys Claude Code honours in a plugin agent. [PC] "Supported fields: `name`,
 * `description`, `model`, `effort`, `maxTurns`, `tools`, `disallowedTools`, `skills`, `memory`,
 * `background`, `omitClaudeMd`, `isolation`, `color`, and the `cacheTtl` key of `experimental`. The only
 * valid `isolation` value is `\"worktree\"`." Value sets from [SA] Frontmatter reference.
 */
export const pluginAgentFrontmatterSchema = z.strictObject({
  /** [SA] "Names can't contain `:`"; a name starting with `-` is skipped. We emit kebab-case. */
  name: z.string().regex(KEBAB_CASE, { error: 'a kebab-case agent name' }),
  description: nonEmpty,
  /** [SA] "`sonnet`, `opus`, `haiku`, `fable`, a full model ID ..., or `inherit`". */
  model: z
    .string()
    .regex(/^(?:sonnet|opus|haiku|fable|inherit|claude-[a-z0-9.-]+(?:\[1m\])?)$/, {
      error: 'a Claude model alias, a claude-* model id, or inherit',
    })
    .optional(),
  /** [SA] "Options: `low`, `medium`, `high`, `xhigh`, `max`". */
  effort: z.enum(['low', 'medium', 'high', 'xhigh', 'max']).optional(),
  maxTurns: z.int().positive().optional(),
  /** [SA] "a comma-separated string such as `Read, Grep, Bash` or a YAML list". */
  tools: toolList.optional(),
  disallowedTools: toolList.optional(),
  skills: toolList.optional(),
  /** [SA] "`user`, `project`, or `local`". */
  memory: z.enum(['user', 'project', 'local']).optional(),
  background: z.boolean().optional(),
  /** [SA] v2.1.271+. */
  omitClaudeMd: z.boolean().optional(),
  isolation: z.literal('worktree').optional(),
  color: z.enum(CLAUDE_AGENT_COLORS).optional(),
  /** [SA] "Set its `cacheTtl` key to `5m` or `1h`" (v2.1.248+). */
  experimental: z.strictObject({ cacheTtl: z.enum(['5m', '1h']) }).optional(),
})
export type PluginAgentFrontmatter = z.infer<typeof pluginAgentFrontmatterSchema>
