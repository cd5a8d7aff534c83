import type { Effort } from '@agentc/core'

/**
 * Codex's reasoning effort levels (`model_reasoning_effort`, codex-rs `ReasoningEffort`). `none`
 * has no IR level: it is kept as a Codex extension.
 */
export const CODEX_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const

/** IR effort → Codex level (`max` has none: `xhigh` is the nearest, reported). */
export const EFFORT_TO_CODEX: Readonly<Record<Effort, string>> = {
  minimal: 'minimal',
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'xhigh',
  max: 'xhigh',
}

/** Codex `sandbox_mode` values. `read-only` is the agent's switch for file edits. */
export const SANDBOX_MODES = ['read-only', 'workspace-write', 'danger-full-access'] as const

/** Codex `web_search` modes. `disabled` is the agent's switch for web search. */
export const WEB_SEARCH_MODES = ['disabled', 'cached', 'live'] as const

/**
 * The tools a Codex agent file can switch off, and how (each is a session config key that the
 * agent file, a config layer, sets for the spawned agent):
 * - `edit` and `write`: `sandbox_mode = "read-only"` (also spelled `default_permissions =
 *   ":read-only"`); Codex edits and creates files with one tool (`apply_patch`) and the shell,
 *   so the switch governs both, and it keeps shell commands from writing too;
 * - `bash`: `[features] shell_tool = false` (removes the shell/exec tool);
 * - `websearch`: `web_search = "disabled"`;
 * - `mcp:<server>/*` and `mcp:<server>/<tool>`: `enabled = false` and `disabled_tools` of a
 *   server the agent file itself defines under `[mcp_servers.<server>]`.
 * Codex has no per-agent switch for its other tools (planning, subagents, user questions,
 * image viewing) and no separate read, search or list tools: it does those with the shell.
 */
export const SWITCHABLE_TOOLS = ['bash', 'edit', 'write', 'websearch'] as const

/** Canonical tools Codex performs with its shell rather than with a tool of their own. */
export const SHELL_TOOLS = ['read', 'grep', 'glob', 'list'] as const

/** Canonical tools Codex has but an agent file cannot switch off, with Codex's name for each. */
export const FIXED_TOOLS: Readonly<Record<string, string>> = {
  todowrite: 'update_plan',
  question: 'request_user_input',
  task: 'spawn_agent',
  skill: 'skills',
}

/** Codex's model-facing tool names and the canonical tool each is (for messages and docs). */
export const CODEX_TOOL_NAMES: Readonly<Record<string, string>> = {
  shell: 'bash',
  exec_command: 'bash',
  apply_patch: 'edit',
  web_search: 'websearch',
  update_plan: 'todowrite',
  request_user_input: 'question',
  spawn_agent: 'task',
  view_image: 'codex:view_image',
}

/**
 * Model providers every Codex installation has (codex-rs `built_in_model_providers`): `openai`
 * (the default) and the local `ollama` and `lmstudio` providers. Any other `model_provider` must
 * be defined under `[model_providers]` in the user's config.
 */
export const BUILT_IN_PROVIDERS = ['openai', 'ollama', 'lmstudio'] as const

/** Codex's built-in agents; a custom agent with one of these names replaces it. */
export const BUILT_IN_AGENTS = ['default', 'explorer', 'worker'] as const

/** The provider a Codex agent uses when its file names none (Codex's default). */
export const DEFAULT_PROVIDER = 'openai'

/** Keys of a Codex agent file itself (not session config keys). */
export const AGENT_KEYS = ['name', 'description', 'nickname_candidates'] as const

/**
 * Top-level keys of Codex's session config (`ConfigToml`, codex-rs `config.schema.json`,
 * checked 2026-11-26). An agent file is a config layer: it may set any of them, and Codex
 * refuses an agent file with any other key ("unknown field").
 */
export const CONFIG_KEYS: ReadonlySet<string> = new Set([
  'agents',
  'allow_login_shell',
  'analytics',
  'approval_policy',
  'approvals_reviewer',
  'apps',
  'apps_mcp_product_sku',
  'audio',
  'auto_review',
  'background_terminal_max_timeout',
  'chatgpt_base_url',
  'check_for_update_on_startup',
  'cli_auth_credentials_store',
  'compact_prompt',
  'debug',
  'default_permissions',
  'desktop',
  'developer_instructions',
  'disable_paste_burst',
  'experimental_compact_prompt_file',
  'experimental_realtime_start_instructions',
  'experimental_realtime_ws_backend_prompt',
  'experimental_realtime_ws_base_url',
  'experimental_realtime_ws_model',
  'experimental_realtime_ws_startup_context',
  'experimental_thread_config_endpoint',
  'experimental_thread_store',
  'experimental_use_unified_exec_tool',
  'features',
  'feedback',
  'file_opener',
  'forced_chatgpt_workspace_id',
  'forced_login_method',
  'ghost_snapshot',
  'hide_agent_reasoning',
  'history',
  'hooks',
  'include_apps_instructions',
  'include_collaboration_mode_instructions',
  'include_environment_context',
  'include_permissions_instructions',
  'instructions',
  'log_dir',
  'marketplaces',
  'mcp_oauth_callback_port',
  'mcp_oauth_callback_url',
  'mcp_oauth_credentials_store',
  'mcp_servers',
  'memories',
  'model',
  'model_auto_compact_token_limit',
  'model_auto_compact_token_limit_scope',
  'model_catalog_json',
  'model_context_window',
  'model_instructions_file',
  'model_provider',
  'model_providers',
  'model_reasoning_effort',
  'model_reasoning_summary',
  'model_supports_reasoning_summaries',
  'model_verbosity',
  'notice',
  'notify',
  'openai_base_url',
  'oss_provider',
  'otel',
  'permissions',
  'personality',
  'plan_mode_reasoning_effort',
  'plugins',
  'profile',
  'profiles',
  'project_doc_fallback_filenames',
  'project_doc_max_bytes',
  'project_root_markers',
  'projects',
  'realtime',
  'review_model',
  'sandbox_mode',
  'sandbox_workspace_write',
  'service_tier',
  'shell_environment_policy',
  'show_raw_agent_reasoning',
  'skills',
  'sqlite_home',
  'suppress_unstable_features_warning',
  'tool_output_token_limit',
  'tool_suggest',
  'tools',
  'tui',
  'web_search',
  'windows',
])

/** Whether Codex reads `key` in an agent file. */
export function isCodexKey(key: string): boolean {
  return (AGENT_KEYS as readonly string[]).includes(key) || CONFIG_KEYS.has(key)
}
