import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { parseConfigText } from '../../packages/cli/src/config/parse'
import {
  CLAUDE_AGENT_COLORS,
  KEBAB_CASE,
  marketplaceNameProblem,
  marketplaceSchema,
  PLUGIN_AGENT_IGNORED_KEYS,
  pluginAgentFrontmatterSchema,
  pluginManifestSchema,
  pluginNameProblem,
  pluginSourceSchema,
  RESERVED_MARKETPLACE_NAMES,
} from './claude-plugin-schema'

/** The messages of a failed parse, or [] when it succeeds. */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => i.message)
}

/** The paths (joined with `.`) of the issues of a failed parse, or [] when it succeeds. */
function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
}

/**
 * A manifest with most documented keys set, in the shapes of the manifest reference's example
 * (code.claude.com/docs/en/plugins/manifest-reference, "Manifest file"), with our own values.
 */
const fullManifest = {
  $schema: 'https://json.schemastore.org/claude-code-plugin-manifest.json',
  name: 'release-tools',
  displayName: 'Release Tools',
  version: '2.3.0-beta.1',
  description: 'Release commands, a reviewer agent and a changelog monitor',
  author: { name: 'Example Maintainers', email: 'maint@example.com', url: 'https://example.com' },
  homepage: 'https://example.com/docs/release-tools',
  repository: 'https://github.com/example/release-tools',
  license: 'Apache-2.0',
  keywords: ['release', 'changelog'],
  defaultEnabled: false,
  dependencies: [
    'git-helpers',
    'lint-kit@other-market',
    { name: 'vault', marketplace: 'corp', version: '^1.0.0' },
  ],
  metadata: { catalogId: 'cat-9' },
  settings: { agent: 'reviewer' },
  skills: ['./more-skills/', '.'],
  commands: {
    ship: { source: './commands/ship.md', description: 'Ship it', argumentHint: '[tag]' },
    about: { content: 'Explain this plugin.' },
  },
  agents: ['./agents/reviewer.md', './agents/nested/auditor.md'],
  hooks: [
    './config/hooks.json',
    { PostToolUse: [{ matcher: 'Edit', hooks: [{ type: 'command', command: 'true' }] }] },
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Claude Code expands this placeholder itself
  mcpServers: { changelog: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/server.js'] } },
  lspServers: { go: { command: 'gopls', args: ['serve'], extensionToLanguage: { '.go': 'go' } } },
  outputStyles: './styles/',
  workflows: ['./workflows/release.js'],
  experimental: {
    themes: './themes/',
    monitors: [{ name: 'log', command: 'tail -F log', description: 'Log', when: 'on-skill-invoke:ship' }],
  },
  userConfig: {
    api_token: { type: 'string', title: 'API token', description: 'Token', sensitive: true },
    tone: {
      type: 'string',
      title: 'Tone',
      description: 'Voice',
      options: ['plain', 'warm'],
      default: 'plain',
    },
  },
  channels: [{ server: 'changelog', displayName: 'Changelog' }],
}

/** What `agentc pack` is expected to emit for the example pack: plugin root = release root. */
const packManifest = {
  name: 'review-pack',
  version: '1.0.0',
  description: 'Three review-and-quality agents',
  author: { name: 'agentc examples', email: 'examples@example.com', url: 'https://example.com' },
  homepage: 'https://example.com/review-pack',
  repository: 'https://github.com/agentc-examples/review-pack',
  license: 'MIT',
  keywords: ['code-review', 'security', 'testing', 'documentation'],
}
const packMarketplace = {
  name: 'review-pack',
  owner: { name: 'agentc examples', email: 'examples@example.com' },
  description: 'The review-pack plugin',
  plugins: [{ name: 'review-pack', source: './', description: 'Three review-and-quality agents' }],
}

describe('pluginManifestSchema (.claude-plugin/plugin.json)', () => {
  it('accepts the minimal manifest (only `name` is required)', () => {
    expect(problems(pluginManifestSchema, { name: 'my-plugin' })).toEqual([])
  })

  it('accepts a manifest with every documented kind of key', () => {
    expect(problems(pluginManifestSchema, fullManifest)).toEqual([])
  })

  it('accepts what agentc pack emits for the example pack', () => {
    expect(problems(pluginManifestSchema, packManifest)).toEqual([])
  })

  it('rejects a missing name', () => {
    const { name: _, ...rest } = packManifest
    expect(issuePaths(pluginManifestSchema, rest)).toEqual(['name'])
  })

  it.each([
    ['My Plugin', 'spaces'],
    ['@scope/pkg', '`@`'],
    ['ns:plugin', '`:`'],
    ['tools/x', '`@`, `:` or path separators'],
    ['MyPlugin', 'kebab-case'],
    ['plugin_name', 'kebab-case'],
    ['-lead', 'kebab-case'],
    ['', 'empty'],
  ])('rejects the plugin name %j (%s)', (name) => {
    expect(issuePaths(pluginManifestSchema, { name })).toEqual(['name'])
    expect(pluginNameProblem(name)).toBeDefined()
  })

  it('rejects a name of 129 characters and accepts one of 128', () => {
    const long = (n: number) => `a${'-b'.repeat((n - 1) / 2)}`
    expect(long(129)).toHaveLength(129)
    expect(pluginNameProblem(long(129))).toMatch(/longer than 128/)
    expect(pluginNameProblem(long(127))).toBeUndefined()
    expect(pluginNameProblem(`${long(127)}c`)).toBeUndefined()
  })

  it('rejects a string author (Claude Code: "expected object, received string")', () => {
    expect(issuePaths(pluginManifestSchema, { ...packManifest, author: 'agentc examples' })).toEqual([
      'author',
    ])
  })

  it('rejects an author without a name, and unknown author keys', () => {
    expect(issuePaths(pluginManifestSchema, { ...packManifest, author: { email: 'a@example.com' } })).toEqual(
      ['author.name'],
    )
    expect(issuePaths(pluginManifestSchema, { ...packManifest, author: { name: 'A', github: 'a' } })).toEqual(
      ['author'],
    )
  })

  it.each(['1.0', 'v1.0.0', '01.0.0', '1.0.0.0', 'latest'])('rejects the version %j', (version) => {
    expect(issuePaths(pluginManifestSchema, { ...packManifest, version })).toEqual(['version'])
  })

  it('rejects a homepage that is not a URL and a repository object', () => {
    expect(issuePaths(pluginManifestSchema, { ...packManifest, homepage: 'example.com/x' })).toEqual([
      'homepage',
    ])
    expect(
      issuePaths(pluginManifestSchema, {
        ...packManifest,
        repository: { type: 'git', url: 'https://x.test/r' },
      }),
    ).toEqual(['repository'])
  })

  it('rejects keywords that are not an array of strings', () => {
    expect(issuePaths(pluginManifestSchema, { ...packManifest, keywords: 'review' })).toEqual(['keywords'])
  })

  it('is strict: an unknown or misspelt top-level key is an error', () => {
    expect(issuePaths(pluginManifestSchema, { ...packManifest, authors: [{ name: 'x' }] })).toEqual([''])
    expect(problems(pluginManifestSchema, { ...packManifest, keyword: ['x'] })[0]).toMatch(/keyword/)
  })

  it('holds component paths to the path rules', () => {
    const bad: [string, unknown][] = [
      ['agents', 'agents/reviewer.md'], // no ./
      ['agents', './agents/'], // a directory: agents takes .md files only
      ['agents', ['./agents/a.md', './x.txt']],
      ['agents', './../outside/a.md'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder is the point
      ['agents', '${CLAUDE_PLUGIN_ROOT}/agents/a.md'],
      ['skills', 'skills'],
      ['commands', { about: { source: './a.md', content: 'both' } }],
      ['commands', { about: { description: 'neither' } }],
      ['hooks', './hooks/hooks.yaml'],
      ['mcpServers', './server.zip'],
      ['lspServers', { go: { command: 'gopls serve', extensionToLanguage: { '.go': 'go' } } }],
      ['lspServers', { go: { command: 'gopls', extensionToLanguage: {} } }],
      ['lspServers', { go: { command: 'gopls', extensionToLanguage: { go: 'go' } } }],
      ['experimental', { themes: './themes/', colours: './c/' }],
      ['userConfig', { '1token': { type: 'string', title: 'T', description: 'D' } }],
      ['userConfig', { token: { type: 'secret', title: 'T', description: 'D' } }],
      ['settings', { agent: 'reviewer', model: 'opus' }],
    ]
    for (const [key, value] of bad) {
      expect(
        issuePaths(pluginManifestSchema, { name: 'p', [key]: value })[0],
        `${key}: ${JSON.stringify(value)}`,
      ).toMatch(new RegExp(`^${key}`))
    }
  })

  it('accepts every documented form of the component path fields', () => {
    const good: [string, unknown][] = [
      ['agents', './agents/reviewer.md'],
      ['skills', '.'],
      ['skills', './'],
      ['commands', './commands/'],
      ['commands', ['./commands/a.md', './extra/']],
      ['hooks', './hooks/extra.json'],
      ['mcpServers', './mcp/servers.json'],
      ['mcpServers', './bundle.mcpb'],
      ['mcpServers', 'https://example.com/server.dxt'],
      ['mcpServers', ['./mcp/servers.json', { db: { command: 'node' } }]],
      ['lspServers', './.lsp.json'],
      ['experimental', { monitors: './monitors/monitors.json', evals: './evals/' }],
    ]
    for (const [key, value] of good) {
      expect(
        problems(pluginManifestSchema, { name: 'p', [key]: value }),
        `${key}: ${JSON.stringify(value)}`,
      ).toEqual([])
    }
  })
})

describe('marketplaceSchema (.claude-plugin/marketplace.json)', () => {
  it('accepts what agentc pack emits: one plugin whose source is the marketplace root "./"', () => {
    expect(problems(marketplaceSchema, packMarketplace)).toEqual([])
  })

  it('accepts the marketplace reference examples for every plugin source type', () => {
    const sha = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0'
    const marketplace = {
      $schema: 'https://anthropic.com/claude-code/marketplace.schema.json',
      name: 'team-tools',
      owner: { name: 'Team', email: 'team@example.com', url: 'https://example.com/team' },
      description: 'Tools for the team',
      version: '3',
      metadata: { pluginRoot: './plugins', description: 'x', version: '3' },
      allowCrossMarketplaceDependenciesOn: ['other-market'],
      forceRemoveDeletedPlugins: true,
      renames: { 'old-name': 'formatter', retired: null },
      plugins: [
        { name: 'formatter', source: './plugins/formatter', category: 'dev', tags: ['fmt'], strict: false },
        { name: 'bare', source: 'bare' },
        { name: 'root', source: '.' },
        { name: 'gh', source: { source: 'github', repo: 'your-org/formatter', ref: 'v2.0.0', sha } },
        {
          name: 'git',
          source: { source: 'url', url: 'https://gitlab.example.com/g/formatter.git', ref: 'main' },
        },
        { name: 'mono', source: { source: 'git-subdir', url: 'your-org/monorepo', path: 'tools/formatter' } },
        {
          name: 'pkg',
          source: {
            source: 'npm',
            package: '@your-org/formatter',
            version: '^2.0.0',
            registry: 'https://npm.example.com',
          },
        },
        {
          name: 'zip',
          source: { source: 'archive', url: 'https://artifacts.example.com/f.zip', sha256: 'ab'.repeat(32) },
          headers: { Authorization: 'Bearer x' },
          headersHelper: 'print-headers',
          strict: false,
        },
        {
          name: 'cmd',
          source: { source: 'command', command: 'my-tool claude-plugin-path', timeout: 120, mode: 'link' },
        },
        {
          name: 'full-entry',
          source: './plugins/full',
          version: '1.2.3',
          author: { name: 'A' },
          displayName: 'Full Entry',
          defaultEnabled: false,
          agents: ['./agents/extra.md'],
          hooks: { Stop: [{ hooks: [{ type: 'command', command: 'true' }] }] },
          relevance: { topic: 'formatting', signals: [] },
          metadata: { owner: 'x' },
        },
      ],
    }
    expect(problems(marketplaceSchema, marketplace)).toEqual([])
  })

  it('rejects a missing owner, an owner without a name, and a missing plugins list', () => {
    const { owner: _, ...noOwner } = packMarketplace
    expect(issuePaths(marketplaceSchema, noOwner)).toEqual(['owner'])
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, owner: { name: '' } })).toEqual(['owner.name'])
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, owner: 'agentc examples' })).toEqual(['owner'])
    const { plugins: __, ...noPlugins } = packMarketplace
    expect(issuePaths(marketplaceSchema, noPlugins)).toEqual(['plugins'])
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, plugins: [] })).toEqual(['plugins'])
  })

  it.each([
    ['my market', /spaces/],
    ['team/tools', /path separators/],
    ['a..b', /path separators/],
    ['.', /path separators/],
    ['claude-plugins-official', /reserved/],
    ['Claude-Plugins-Official', /reserved/],
    ['claude.code.plugins', /reserved/],
    ['agent-skills.', /reserved/],
    ['GitHub', /reserved/],
    ['npm', /reserved/],
    ['inline', /reserved/],
    ['claudeai-team', /claudeai-/],
    ['official-claude-plugins', /impersonates/],
    ['claude-plugins-v2', /impersonates/],
    ['claude-official', /impersonates/],
    ['anthropic-marketplace-2', /impersonates/],
    ['plugins-für-alle', /non-ASCII/],
    ['org', /Claude Desktop/],
    ['Team_Tools', /kebab-case/],
  ])('rejects the marketplace name %j', (name, message) => {
    expect(marketplaceNameProblem(name)).toMatch(message)
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, name })).toEqual(['name'])
  })

  it('accepts ordinary names that merely mention claude', () => {
    for (const name of ['review-pack', 'my-claude-tools', 'acme-plugins', 'tools-for-claude-code']) {
      expect(marketplaceNameProblem(name), name).toBeUndefined()
    }
  })

  it('reserves every documented name in every casing', () => {
    for (const name of RESERVED_MARKETPLACE_NAMES) {
      expect(marketplaceNameProblem(name), name).toBeDefined()
      expect(marketplaceNameProblem(name.toUpperCase()), name).toBeDefined()
    }
  })

  it.each<[string, unknown]>([
    ['no ./ prefix with a slash', 'plugins/formatter'],
    ['..', './../formatter'],
    ['backslash', '.\\plugins\\formatter'],
    ['unknown type', { source: 'pip', package: 'formatter' }],
    ['github without repo', { source: 'github' }],
    ['github repo not owner/repo', { source: 'github', repo: 'https://github.com/o/r' }],
    ['short sha', { source: 'github', repo: 'o/r', sha: 'abc123' }],
    ['uppercase sha', { source: 'url', url: 'https://x.test/r.git', sha: 'A'.repeat(40) }],
    ['url source with undocumented path', { source: 'url', url: 'https://x.test/r.git', path: 'sub' }],
    ['git-subdir without path', { source: 'git-subdir', url: 'o/r' }],
    ['npm name with ..', { source: 'npm', package: '../evil' }],
    ['archive over http', { source: 'archive', url: 'http://x.test/a.zip' }],
    ['archive sha256 too short', { source: 'archive', url: 'https://x.test/a.zip', sha256: 'ab' }],
    ['command with four spaces', { source: 'command', command: 'tool    x' }],
    ['command timeout 601', { source: 'command', command: 'tool', timeout: 601 }],
    ['command mode', { source: 'command', command: 'tool', mode: 'move' }],
  ])('rejects the plugin source: %s', (_, source) => {
    expect(pluginSourceSchema.safeParse(source).success).toBe(false)
    expect(
      issuePaths(marketplaceSchema, { ...packMarketplace, plugins: [{ name: 'p', source }] })[0],
    ).toMatch(/^plugins\.0\.source/)
  })

  it('accepts "./", "." and ./sub as relative sources', () => {
    for (const source of ['./', '.', './plugins/x'])
      expect(pluginSourceSchema.safeParse(source).success, source).toBe(true)
  })

  it('rejects a bare source name without metadata.pluginRoot', () => {
    expect(
      issuePaths(marketplaceSchema, { ...packMarketplace, plugins: [{ name: 'p', source: 'p' }] }),
    ).toEqual(['plugins.0.source'])
  })

  it('rejects duplicate plugin names, bad entry names and missing sources', () => {
    const entry = packMarketplace.plugins[0]
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, plugins: [entry, entry] })).toEqual([
      'plugins.1.name',
    ])
    expect(
      issuePaths(marketplaceSchema, { ...packMarketplace, plugins: [{ ...entry, name: 'Review Pack' }] }),
    ).toEqual(['plugins.0.name'])
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, plugins: [{ name: 'p' }] })).toEqual([
      'plugins.0.source',
    ])
  })

  it('rejects entry hooks given as a path (not yet supported in a marketplace entry)', () => {
    const plugins = [{ ...packMarketplace.plugins[0], hooks: './hooks/hooks.json' }]
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, plugins })).toEqual(['plugins.0.hooks'])
  })

  it('rejects headersHelper without strict: false, and headers on a non-archive source', () => {
    const archive = { source: 'archive', url: 'https://x.test/a.zip' }
    expect(
      issuePaths(marketplaceSchema, {
        ...packMarketplace,
        plugins: [{ name: 'p', source: archive, headersHelper: 'h' }],
      }),
    ).toEqual(['plugins.0.headersHelper'])
    expect(
      issuePaths(marketplaceSchema, {
        ...packMarketplace,
        plugins: [{ name: 'p', source: './', headers: { a: 'b' } }],
      }),
    ).toEqual(['plugins.0.headers'])
  })

  it('is strict: unknown top-level, metadata and entry keys are errors', () => {
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, homepage: 'https://x.test' })).toEqual([''])
    expect(issuePaths(marketplaceSchema, { ...packMarketplace, metadata: { pluginroot: './p' } })).toEqual([
      'metadata',
    ])
    expect(
      issuePaths(marketplaceSchema, {
        ...packMarketplace,
        plugins: [{ ...packMarketplace.plugins[0], tag: 'x' }],
      }),
    ).toEqual(['plugins.0'])
  })

  it('accepts only kebab-case names, and every kebab-case name with a neutral prefix (seeded)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 24 }), (name) => {
        return marketplaceNameProblem(name) === undefined ? KEBAB_CASE.test(name) : true
      }),
      { seed: 20261126, numRuns: 3000 },
    )
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/)
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        fc.pre(!words.some((w) => /claude|anthropic/.test(w)))
        const name = ['acme', ...words].join('-')
        return marketplaceNameProblem(name) === undefined && pluginNameProblem(name) === undefined
      }),
      { seed: 20261126, numRuns: 1000 },
    )
  })
})

describe('pluginAgentFrontmatterSchema (agents/*.md of a plugin)', () => {
  it('accepts every field Claude Code honours for plugin agents, color included', () => {
    const frontmatter = {
      name: 'security-reviewer',
      description: 'Reviews changes for security issues',
      model: 'sonnet',
      effort: 'high',
      maxTurns: 30,
      tools: 'Read, Grep, Glob, Bash',
      disallowedTools: ['Write', 'Edit'],
      skills: ['threat-model'],
      memory: 'project',
      background: false,
      omitClaudeMd: true,
      isolation: 'worktree',
      color: 'red',
      experimental: { cacheTtl: '1h' },
    }
    expect(problems(pluginAgentFrontmatterSchema, frontmatter)).toEqual([])
    for (const model of ['opus', 'haiku', 'fable', 'inherit', 'claude-sonnet-4-5', 'claude-opus-4-6[1m]']) {
      expect(problems(pluginAgentFrontmatterSchema, { ...frontmatter, model }), model).toEqual([])
    }
  })

  it('rejects the keys Claude Code ignores in plugin agents', () => {
    const base = { name: 'a', description: 'd' }
    const values: Record<string, unknown> = {
      permissionMode: 'plan',
      hooks: { Stop: [] },
      mcpServers: ['slack'],
      initialPrompt: 'hi',
    }
    for (const key of PLUGIN_AGENT_IGNORED_KEYS) {
      expect(issuePaths(pluginAgentFrontmatterSchema, { ...base, [key]: values[key] }), key).toEqual([''])
    }
  })

  it('rejects hex and theme colours, OpenCode-only keys and provider-prefixed models', () => {
    const base = { name: 'a', description: 'd' }
    expect(CLAUDE_AGENT_COLORS).toHaveLength(8)
    for (const bad of [
      { color: '#C0392B' },
      { color: 'accent' },
      { temperature: 0.2 },
      { mode: 'subagent' },
      { model: 'anthropic/claude-sonnet-4-5' },
      { model: 'openai/gpt-5.2' },
      { effort: 'extreme' },
      { isolation: 'container' },
      { name: 'ns:agent' },
      { description: '' },
    ]) {
      expect(pluginAgentFrontmatterSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      )
    }
  })
})

describe('the example pack (examples/pack)', () => {
  const pack = fileURLToPath(new URL('../../examples/pack/', import.meta.url))
  const parsed = parseConfigText(readFileSync(`${pack}agentc-pack.yaml`, 'utf8'), 'yaml')
  if ('problem' in parsed) throw new Error(`agentc-pack.yaml: ${parsed.problem}`)
  const manifest = parsed.data as Record<string, unknown>

  it('keeps to the proposed manifest keys', () => {
    expect(Object.keys(manifest).sort()).toEqual(
      [
        'agents',
        'authors',
        'description',
        'homepage',
        'keywords',
        'license',
        'name',
        'overrides',
        'repository',
        'targets',
        'version',
      ].sort(),
    )
  })

  it('has metadata that maps onto a valid plugin.json and marketplace.json', () => {
    const authors = manifest.authors as { name: string; email?: string; url?: string }[]
    const pluginName = String(manifest.name).replace(/^@[^/]+\//, '')
    const plugin = {
      name: pluginName,
      version: manifest.version,
      description: manifest.description,
      author: authors[0],
      homepage: manifest.homepage,
      repository: manifest.repository,
      license: manifest.license,
      keywords: manifest.keywords,
    }
    expect(problems(pluginManifestSchema, plugin)).toEqual([])
    // The npm name itself is not a valid plugin name: `@` and `/` are refused.
    expect(pluginNameProblem(String(manifest.name))).toBeDefined()
    const market = {
      name: pluginName,
      owner: authors[0],
      plugins: [{ name: pluginName, source: './', description: manifest.description }],
    }
    expect(problems(marketplaceSchema, market)).toEqual([])
  })
})
