/**
 * The Claude Code plugin and marketplace of a release. Facts from Claude Code's plugin
 * manifest and marketplace references (code.claude.com, read 2026-11-26): a plugin's `name` is
 * kebab-case and namespaces its agents (`plugin:agent`); `author` is an object; `version` belongs
 * in plugin.json (it wins over the marketplace entry's); a marketplace needs `name`, `owner`
 * and `plugins`, and a relative source `"./"` is the marketplace root itself; some marketplace
 * names are reserved.
 * @module
 */

/** Longest plugin or marketplace name agentc writes (Claude Desktop's limit; Claude Code has none). */
export const MAX_CLAUDE_NAME = 128

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Marketplace names Claude Code reserves (official, community and built-in names). */
export const RESERVED_MARKETPLACE_NAMES: readonly string[] = [
  'claude-code-marketplace',
  'claude-code-plugins',
  'claude-plugins-official',
  'anthropic-marketplace',
  'anthropic-plugins',
  'agent-skills',
  'anthropic-agent-skills',
  'life-sciences',
  'knowledge-work-plugins',
  'claude-for-legal',
  'claude-for-financial-services',
  'financial-services-plugins',
  'first-party-plugins',
  'claude-tag-plugins',
  'claude-community',
  'claude-plugins-community',
  'healthcare',
  'anthropic-plugin-directory',
  'claude-plugin-directory',
  'inline',
  'builtin',
  'skills-dir',
  'synced',
  'claude-plugin-test',
  'npm',
  'pip',
  'uv',
  'cargo',
  'github',
  'gh',
]

/** Marketplace names Claude Desktop reserves (Claude Code only warns about them). */
export const DESKTOP_RESERVED_MARKETPLACE_NAMES: readonly string[] = ['org', 'org-provisioned', 'unknown']

const RESERVED = new Set([...RESERVED_MARKETPLACE_NAMES, ...DESKTOP_RESERVED_MARKETPLACE_NAMES])

/** Names that read as Anthropic's own marketplaces, which Claude Code refuses. */
const IMPERSONATION =
  /official[^a-z0-9]*(?:anthropic|claude)|(?:anthropic|claude)[^a-z0-9]*official|^(?:anthropic|claude)[^a-z0-9]*(?:marketplace|plugins|official)|^claudeai-/

/** Why a name cannot be a Claude Code plugin name, or undefined. */
export function pluginNameProblem(name: string): string | undefined {
  if (!KEBAB.test(name))
    return 'a Claude Code plugin name is kebab-case (lowercase letters, digits, single hyphens)'
  if (name.length > MAX_CLAUDE_NAME)
    return `a Claude Code plugin name has at most ${MAX_CLAUDE_NAME} characters`
  return undefined
}

/** Why a name cannot be a Claude Code marketplace name, or undefined. */
export function marketplaceNameProblem(name: string): string | undefined {
  const plugin = pluginNameProblem(name)
  if (plugin) return plugin.replace('plugin', 'marketplace')
  if (RESERVED.has(name)) return `Claude Code reserves the marketplace name \`${name}\``
  if (IMPERSONATION.test(name))
    return `Claude Code refuses marketplace names that read as Anthropic's own (\`${name}\`)`
  return undefined
}

/** The plugin name of a pack: its package name without the scope, in kebab case. */
export function pluginName(packageName: string): string {
  const bare = packageName.slice(packageName.lastIndexOf('/') + 1)
  const kebab = bare
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return kebab === '' ? 'agents' : kebab.slice(0, MAX_CLAUDE_NAME).replace(/-+$/, '')
}
