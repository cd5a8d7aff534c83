/**
 * The agentc intermediate representation (IR): one agent definition, independent of any tool's
 * file format. Every target parses its files into an {@link AgentDocument} and emits files from
 * one. The IR is plain, immutable, JSON-serialisable data; positions live in `source`, beside
 * the semantics, so two documents that mean the same thing compare equal whatever file they
 * came from.
 *
 * @module
 */

/** Version of the IR shape. A breaking change to the shape bumps it. */
export const IR_VERSION = 1

/** A target id such as `claude`, `opencode` or `cursor` (lowercase; also the `--target` value). */
export type TargetId = string

/**
 * What happens when a tool call matches a permission rule.
 * - `allow`: the call runs without asking.
 * - `ask`: the user is asked to approve the call.
 * - `deny`: the call is refused.
 */
export type Decision = 'allow' | 'ask' | 'deny'

/**
 * A tool name in the IR's canonical vocabulary (see `CANONICAL_TOOLS` in `ir/tools.ts`):
 * - a canonical capability name: `read`, `write`, `edit`, `list`, `glob`, `grep`,
 *   `bash`, `webfetch`, `websearch`, `task`, `todowrite`, `todoread`, `skill`, `question`,
 *   `lsp`, `notebook`;
 * - `*` (every tool) or a canonical name containing `*` wildcards;
 * - `mcp:<server>/<tool>` for a tool of an MCP server (`mcp:<server>/*` = the whole server);
 * - `<target>:<native name>` for a tool that only one target knows (e.g. `claude:CronCreate`,
 *   `opencode:mymcp_*`): the origin target maps it back exactly, every other target reports it.
 */
export type ToolName = string

/** Reasoning effort levels, from least to most. Targets map to their nearest supported level. */
export type Effort = 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max'

/** Who uses the agent: the user directly, another agent, or both (OpenCode `mode`). */
export type Role = 'primary' | 'subagent' | 'all'

/**
 * The model an agent runs on.
 *
 * `written` is the value exactly as the source wrote it (`openai/gpt-5.2-codex`, `sonnet`,
 * `inherit`). `provider` and `id` are its parts: `openai` and `gpt-5.2-codex`; a value without a
 * provider (`sonnet`, `claude-opus-4-5`, `inherit`) has no `provider`, except that targets whose
 * models all come from one vendor (Claude Code) set it (`anthropic`). `id` `inherit` means "the
 * model of whoever invokes the agent". Aliases (`sonnet`, `opus`, `haiku`, `fast`) are kept as
 * ids; targets resolve them through their alias tables and report any approximation.
 */
export interface ModelRef {
  /** The model exactly as written in the source. */
  readonly written: string
  /** The provider (`anthropic`, `openai`, `google`, …) when known. */
  readonly provider?: string
  /** The model id within its provider, an alias such as `sonnet`, or `inherit`. */
  readonly id: string
}

/** Sampling parameters passed to the model. Absent = the model's default. */
export interface Sampling {
  /** Sampling temperature (0 = deterministic; usually 0–2). */
  readonly temperature?: number
  /** Nucleus sampling: only tokens within this cumulative probability are considered (0–1). */
  readonly topP?: number
}

/**
 * Which tools the agent has at all (availability, not approval).
 *
 * Semantics: when `allow` is present it is an exhaustive allow-list: only the listed tools are
 * available (Claude Code `tools`). When it is absent every tool is available (OpenCode's
 * enable-map default). `deny` then removes tools from what is available (Claude Code
 * `disallowedTools`, OpenCode `tools: {webfetch: false}`); a tool in both lists is unavailable.
 * Explicitly enabling a tool that is available anyway (OpenCode `write: true` with no `false`
 * wildcard) carries no meaning here.
 */
export interface ToolPolicy {
  /** Exhaustive allow-list; absent = every tool. */
  readonly allow?: readonly ToolName[]
  /** Tools removed from the agent, applied after `allow`. */
  readonly deny?: readonly ToolName[]
}

/**
 * One permission rule: the decision for calls of `tool` whose input matches `pattern`.
 *
 * `pattern` is matched against what the tool acts on: the command line for `bash`, the file
 * path for `read`/`edit`/`write`/`list`, the URL for `webfetch`, the query for `websearch`, the
 * subagent name for `task`, the skill name for `skill`. `*` matches any run of characters
 * (including `/` and spaces) and `?` exactly one; every other character is literal. An absent
 * pattern matches every call (OpenCode `bash: ask` or `bash: {"*": ask}`).
 *
 * A rule for `edit` governs every file-modifying tool (`edit` and `write`), as OpenCode's `edit`
 * permission and Claude Code's `Edit(path)` rules do.
 */
export interface PermissionRule {
  /** The tool the rule is about (canonical name; `*` = every tool). */
  readonly tool: ToolName
  /** What the call's input must match; absent = any input (tool-level rule). */
  readonly pattern?: string
  /** What happens to a matching call. */
  readonly decision: Decision
}

/**
 * Ordered permission rules, evaluated with OpenCode's semantics: **the last rule that matches a
 * call decides**. Put broad rules (`*`) first and exceptions after them. A call no rule matches
 * gets the tool's default decision in the target (most tools run without asking).
 *
 * Example: `[{tool:'bash', pattern:'*', decision:'ask'}, {tool:'bash', pattern:'git *',
 * decision:'allow'}]` asks for every shell command except `git …`, which runs.
 *
 * Targets with another rule order translate: Claude Code evaluates deny > ask > allow whatever
 * the order, so `{"*": ask, "git *": allow}` becomes `allow: Bash(git *)` alone.
 */
export type Permissions = readonly PermissionRule[]

/**
 * When a rule-style file's instructions are put into the model's context (Cursor rules,
 * Windsurf triggers, Copilot `applyTo`, Kiro inclusion). Absent = the agent's body is used
 * when the agent is invoked, as for any agent.
 * - `always`: in every request.
 * - `globs`: when a file matching one of the globs is in context.
 * - `model-decision`: the model reads `description` and fetches the rule when relevant.
 * - `manual`: only when the user mentions it (`@rule-name`).
 */
export type Activation =
  | { readonly kind: 'always' }
  | { readonly kind: 'globs'; readonly globs: readonly string[] }
  | { readonly kind: 'model-decision' }
  | { readonly kind: 'manual' }

/**
 * The agent's instructions (its system prompt): markdown text. `text` is authoritative and is
 * emitted verbatim; line endings are normalised to LF (the original bytes of a file live in
 * `source.raw` so that a same-format round trip is byte-identical). The markdown tree is derived
 * on demand with `bodyTree()`, never stored.
 */
export interface Body {
  /** The markdown text after the frontmatter, LF line endings. */
  readonly text: string
}

/** A 1-based line and column in a source file. */
export interface Point {
  readonly line: number
  readonly column: number
}

/**
 * Where a document came from. Ignored by `normalize()` and by equality.
 */
export interface SourceInfo {
  /** The file's path, project-relative with POSIX separators. */
  readonly path: string
  /** The target that parsed it. */
  readonly target: TargetId
  /**
   * Position of each field's key in the file, by field path: IR features (`model`,
   * `sampling.temperature`), sub-fields (`permissions.bash`, `permissions.bash.git *`,
   * `tools.webfetch`) and extension keys (`extensions.opencode.category`).
   */
  readonly fields: Readonly<Record<string, Point>>
  /**
   * The file's exact text (BOM and line endings included). A target re-emitting a document in
   * its own format uses it to reproduce the file byte for byte when nothing changed.
   */
  readonly raw?: string
}

/**
 * One agent definition.
 */
export interface AgentDocument {
  /** The IR version this document conforms to. */
  readonly irVersion: typeof IR_VERSION
  /**
   * Stable identifier of the agent, e.g. `backend-engineer`. Taken from the format's `name` key
   * where it has one, otherwise derived from the file path (`.opencode/agents/review.md` →
   * `review`). Targets sanitise it to their own character set and report the change.
   */
  readonly name: string
  /** What the agent does and when to use it; tools use it to decide when to delegate. */
  readonly description?: string
  /** Who invokes the agent: the user (`primary`), another agent (`subagent`), or both (`all`). */
  readonly role?: Role
  /** The model the agent runs on; absent = the tool's default. */
  readonly model?: ModelRef
  /** Sampling parameters; absent = the model's defaults. */
  readonly sampling?: Sampling
  /**
   * How hard the model reasons before answering. Read from OpenCode `reasoningEffort` /
   * `reasoning_effort` / `effort`, Claude Code `effort`, Codex `model_reasoning_effort`.
   */
  readonly effort?: Effort
  /** Which tools the agent has; absent = every tool the host gives agents. */
  readonly tools?: ToolPolicy
  /** Approval rules for tool calls, last match wins; absent = the host's defaults. */
  readonly permissions?: Permissions
  /**
   * The most agentic iterations (model turns with tool calls) the agent may take before it must
   * answer. OpenCode `steps` (legacy `maxSteps`), Claude Code `maxTurns`. Absent = unlimited.
   */
  readonly maxSteps?: number
  /**
   * The colour the tool shows the agent in, as written: `#RRGGBB` or a name from the source
   * tool's palette (OpenCode theme tokens such as `accent`, Claude Code names such as `blue`).
   */
  readonly color?: string
  /** Hidden from the user's agent picker; still callable by other agents (OpenCode `hidden`). */
  readonly hidden?: boolean
  /** The agent is switched off (OpenCode `disable`). */
  readonly disabled?: boolean
  /** For rule-style formats: when the instructions apply. */
  readonly activation?: Activation
  /** The system prompt. */
  readonly body: Body
  /**
   * Keys a target does not model, kept per target (never dropped): `extensions.opencode` holds
   * OpenCode keys such as `options` or provider pass-through keys, `extensions.claude` holds
   * Claude keys such as `hooks`. A target emits only its own namespace; the others are
   * reported as not carried.
   */
  readonly extensions: Readonly<Record<TargetId, Readonly<Record<string, unknown>>>>
  /** Provenance: path, parsing target, field positions, original text. */
  readonly source?: SourceInfo
}
