/**
 * `agentc pack` (issue 6): the release of the example pack (examples/pack) — its layout, its Claude
 * Code plugin and marketplace (checked against the strict schemas of claude-plugin-schema.ts), its
 * npm package (checked with the real `npm pack`), its loss report (checked against what `agentc
 * build` reports for the same sources), its checksums and sources — determinism, and the errors.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseConfigText } from '../../packages/cli/src/config/parse'
import { readTarball } from '../../packages/cli/src/pack/tar'
import { agentc, listTree, ROOT, read, tempDir } from '../cli/helpers'
import { marketplaceSchema, pluginAgentFrontmatterSchema, pluginManifestSchema } from './claude-plugin-schema'

const PACK = join(ROOT, 'examples/pack')
const NAME = '@agentc-examples/review-pack'
const TGZ = 'agentc-examples-review-pack-1.0.0.tgz'
const AGENTS = ['docs-writer', 'security-reviewer', 'test-writer']

/** The top-level entries of the example's release (it has no LICENSE). */
const TOP_LEVEL = [
  '.claude-plugin',
  'LOSSES.md',
  'README.md',
  'SHA256SUMS',
  'agentc-release.json',
  'agents',
  'losses.json',
  'package.json',
  'sources',
  'targets',
]

/** YAML or JSON text → data (fails the test on a syntax error). */
function parseYaml(text: string): Record<string, unknown> {
  const parsed = parseConfigText(text, 'yaml')
  if ('problem' in parsed) throw new Error(`not YAML: ${parsed.problem}`)
  return parsed.data as Record<string, unknown>
}

/** The frontmatter of a markdown file, parsed. */
function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)
  if (!match) throw new Error('no frontmatter')
  return parseYaml(match[1]!)
}

/** Every file below `dir` with its contents (path → text), for byte-for-byte comparisons. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]))
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A copy of the example pack in a fresh folder, with `edit` applied to its files. */
function copyPack(edit?: (dir: string) => void): string {
  const dir = join(tempDir(), 'pack')
  cpSync(PACK, dir, { recursive: true })
  edit?.(dir)
  return dir
}

/** Replaces text in a file of a folder (the text must be there). */
function replaceIn(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file)
  const text = read(path)
  const next = text.replace(from, to)
  if (next === text) throw new Error(`${file}: nothing replaced`)
  writeFileSync(path, next)
}

interface JsonDiagnostic {
  code: string
  severity: string
  message: string
  file: string | null
  line: number | null
  column: number | null
  target: string | null
  field: string | null
}

async function packJson(cwd: string, ...args: string[]) {
  const result = await agentc(cwd, 'pack', ...args, '--format', 'json')
  const json = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[]; files?: string[] }
  return { ...result, json, errors: json.diagnostics.filter((d) => d.severity === 'error') }
}

function hasNpm(): boolean {
  try {
    execFileSync('npm', ['--version'], { stdio: 'pipe', timeout: 30_000 })
    return true
  } catch {
    return false
  }
}

const manifestData = parseYaml(read(join(PACK, 'agentc-pack.yaml')))
const TARGETS = manifestData.targets as string[]

let work: string
let rel: string
let release: Record<string, string>
let packResult: Awaited<ReturnType<typeof agentc>>

beforeAll(async () => {
  work = tempDir()
  rel = join(work, 'rel')
  packResult = await agentc(ROOT, 'pack', 'examples/pack', '--out', rel)
  release = snapshot(rel)
})

describe('the release of examples/pack', () => {
  it('is written (exit 0) with exactly the expected top-level entries', () => {
    expect(packResult.code, packResult.stderr).toBe(0)
    expect(readdirSync(rel).sort()).toEqual(TOP_LEVEL)
    // Only the folders named above: nothing stray beside them (no temp folders left behind).
    expect(readdirSync(work).sort()).toEqual(['rel'])
    expect(packResult.stdout).toContain(`(${Object.keys(release).length} files)`)
  })

  it('has the manifest’s nine targets, in that order, in the release manifest', () => {
    expect(TARGETS).toEqual([
      'claude',
      'cursor',
      'opencode',
      'copilot',
      'codex',
      'gemini',
      'windsurf',
      'roo',
      'kiro',
    ])
    const manifest = JSON.parse(release['agentc-release.json']!) as {
      name: string
      version: string
      from: string
      manifest: string
      claudePlugin: string
      agents: { name: string; role: string; source: string }[]
      targets: Record<string, string[]>
    }
    expect(manifest).toMatchObject({
      name: NAME,
      version: '1.0.0',
      from: 'opencode',
      manifest: 'sources/agentc-pack.yaml',
      claudePlugin: 'review-pack',
    })
    expect(manifest.agents.map((a) => [a.name, a.role, a.source])).toEqual([
      ['docs-writer', 'primary', 'sources/agents/docs-writer.md'],
      ['security-reviewer', 'subagent', 'sources/agents/security-reviewer.md'],
      ['test-writer', 'subagent', 'sources/agents/test-writer.md'],
    ])
    expect(Object.keys(manifest.targets)).toEqual([...TARGETS, 'claude-plugin'])
    // Each target's list is exactly its files in the release.
    for (const id of TARGETS) {
      expect(manifest.targets[id], id).toEqual(
        Object.keys(release).filter((p) => p.startsWith(`targets/${id}/`)),
      )
    }
    expect(manifest.targets['claude-plugin']).toEqual(AGENTS.map((a) => `agents/${a}.md`))
  })

  it('holds each target’s files in that target’s own layout', () => {
    const layout: Record<string, string[]> = {
      claude: AGENTS.map((a) => `.claude/agents/${a}.md`),
      cursor: AGENTS.map((a) => `.cursor/rules/${a}.mdc`),
      opencode: AGENTS.map((a) => `.opencode/agents/${a}.md`),
      copilot: AGENTS.map((a) => `.github/agents/${a}.agent.md`),
      codex: AGENTS.map((a) => `.codex/agents/${a}.toml`),
      gemini: AGENTS.map((a) => `.gemini/agents/${a}.md`),
      windsurf: AGENTS.map((a) => `.windsurf/rules/${a}.md`),
      roo: ['.roomodes'],
      kiro: AGENTS.map((a) => `.kiro/agents/${a}.md`),
    }
    expect(Object.keys(layout).sort()).toEqual([...TARGETS].sort())
    for (const id of TARGETS) {
      const files = Object.keys(release)
        .filter((p) => p.startsWith(`targets/${id}/`))
        .map((p) => p.slice(`targets/${id}/`.length))
      expect(files, id).toEqual(layout[id])
    }
    expect(
      Object.keys(release).filter((p) => p.startsWith('targets/') && !TARGETS.includes(p.split('/')[1]!)),
    ).toEqual([])
    // The roo target's shared file holds one mode per agent.
    const roomodes = parseYaml(release['targets/roo/.roomodes']!) as { customModes: { slug: string }[] }
    expect(roomodes.customModes.map((m) => m.slug).sort()).toEqual(AGENTS)
    // The manifest's override: security-reviewer is a manual rule in Cursor (others are not).
    expect(frontmatter(release['targets/cursor/.cursor/rules/security-reviewer.mdc']!)).toMatchObject({
      alwaysApply: false,
    })
    expect(
      frontmatter(release['targets/cursor/.cursor/rules/security-reviewer.mdc']!).description ?? null,
    ).toBeNull()
    expect(frontmatter(release['targets/cursor/.cursor/rules/test-writer.mdc']!).description).toEqual(
      expect.stringContaining('deterministic tests'),
    )
  })

  it('is a Claude Code plugin: agents/<name>.md for each agent, valid frontmatter', () => {
    expect(Object.keys(release).filter((p) => p.startsWith('agents/'))).toEqual(
      AGENTS.map((a) => `agents/${a}.md`),
    )
    for (const agent of AGENTS) {
      const text = release[`agents/${agent}.md`]!
      const fm = frontmatter(text)
      const checked = pluginAgentFrontmatterSchema.safeParse(fm)
      expect(checked.success, `${agent}: ${JSON.stringify(checked.error?.issues)}`).toBe(true)
      expect(fm.name).toBe(agent)
      // The example uses no key a plugin ignores, so the plugin's copy is the Claude subagent file.
      expect(text).toBe(release[`targets/claude/.claude/agents/${agent}.md`])
    }
  })

  it('has a plugin.json and a marketplace.json valid against the documented fields, with consistent names', () => {
    const plugin = JSON.parse(release['.claude-plugin/plugin.json']!) as Record<string, unknown>
    const market = JSON.parse(release['.claude-plugin/marketplace.json']!) as {
      name: string
      owner: unknown
      plugins: Record<string, unknown>[]
    }
    const p = pluginManifestSchema.safeParse(plugin)
    expect(p.success, JSON.stringify(p.error?.issues)).toBe(true)
    const m = marketplaceSchema.safeParse(market)
    expect(m.success, JSON.stringify(m.error?.issues)).toBe(true)
    expect(plugin).toEqual({
      name: 'review-pack',
      version: '1.0.0',
      description: manifestData.description,
      author: { name: 'agentc examples', email: 'examples@example.com', url: 'https://example.com' },
      homepage: 'https://example.com/review-pack',
      repository: 'https://github.com/agentc-examples/review-pack',
      license: 'MIT',
      keywords: ['code-review', 'security', 'testing', 'documentation'],
    })
    expect(market.plugins).toHaveLength(1)
    expect(market.plugins[0]!.source).toBe('./')
    expect(market.plugins[0]!.name).toBe(plugin.name)
    expect(market.name).toBe('review-pack')
    expect(market.owner).toEqual(plugin.author)
  })

  it('has a package.json that makes it an npm package', () => {
    const pkg = JSON.parse(release['package.json']!) as Record<string, unknown>
    expect(pkg.name).toBe(NAME)
    expect(pkg.version).toBe('1.0.0')
    expect(pkg.license).toBe('MIT')
    expect(pkg.keywords).toEqual([
      'agentc',
      'agent-pack',
      'code-review',
      'security',
      'testing',
      'documentation',
    ])
    expect(pkg.author).toBe('agentc examples <examples@example.com> (https://example.com)')
    expect(pkg.repository).toEqual({ type: 'git', url: 'https://github.com/agentc-examples/review-pack' })
    // `files` lists every top-level entry but package.json (npm always includes that one).
    expect(pkg.files).toEqual(TOP_LEVEL.filter((e) => e !== 'package.json'))
    // No install scripts, no dependencies: installing it runs nothing.
    expect(pkg.scripts).toBeUndefined()
    expect(pkg.dependencies).toBeUndefined()
  })

  it.skipIf(!hasNpm())(
    'npm pack takes every file of the release, dotfolders included',
    () => {
      const cache = join(tempDir(), 'npm-cache')
      const out = execFileSync(
        'npm',
        ['pack', '--dry-run', '--json', '--ignore-scripts', '--cache', cache, '--offline'],
        { cwd: rel, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] },
      )
      const [packed] = JSON.parse(out) as {
        name: string
        version: string
        filename: string
        files: { path: string }[]
      }[]
      expect(packed!.name).toBe(NAME)
      expect(packed!.version).toBe('1.0.0')
      expect(packed!.filename).toBe(TGZ)
      expect(packed!.files.map((f) => f.path).sort()).toEqual(Object.keys(release).sort())
      expect(packed!.files.map((f) => f.path)).toContain('.claude-plugin/plugin.json')
      expect(packed!.files.map((f) => f.path)).toContain('targets/roo/.roomodes')
    },
    40_000,
  )

  it('has a SHA256SUMS line with the right hash for every other file, and none more', () => {
    const lines = release.SHA256SUMS!.split('\n')
    expect(lines.pop()).toBe('')
    const listed = lines.map((l) => {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(l)
      if (!m) throw new Error(`bad line ${l}`)
      return [m[2]!, m[1]!] as const
    })
    expect(listed.map(([p]) => p)).toEqual(Object.keys(release).filter((p) => p !== 'SHA256SUMS'))
    for (const [path, hash] of listed) expect(hash, path).toBe(sha256(readFileSync(join(rel, path))))
  })

  it('holds the manifest and the agents byte for byte under sources/', () => {
    expect(Object.keys(release).filter((p) => p.startsWith('sources/'))).toEqual([
      'sources/agentc-pack.yaml',
      ...AGENTS.map((a) => `sources/agents/${a}.md`),
    ])
    expect(
      readFileSync(join(rel, 'sources/agentc-pack.yaml')).equals(
        readFileSync(join(PACK, 'agentc-pack.yaml')),
      ),
    ).toBe(true)
    for (const a of AGENTS) {
      expect(
        readFileSync(join(rel, `sources/agents/${a}.md`)).equals(readFileSync(join(PACK, `agents/${a}.md`))),
        a,
      ).toBe(true)
    }
    // The pack's README is not an agent: it is not in the release.
    expect(Object.keys(release)).not.toContain('sources/README.md')
  })

  it('has a README naming each agent, each target and how to install', () => {
    const readme = release['README.md']!
    expect(readme.startsWith(`# ${NAME}\n`)).toBe(true)
    for (const a of AGENTS) expect(readme).toContain(`| \`${a}\` |`)
    for (const id of TARGETS) expect(readme).toContain(`| \`${id}\` |`)
    expect(readme).toContain(`npx agentc add ${NAME}`)
    expect(readme).toContain('/plugin marketplace add ')
    expect(readme).toContain('/plugin install review-pack@review-pack')
  })

  it('is text with LF line ends and no machine paths', () => {
    for (const [path, text] of Object.entries(release)) {
      expect(text.includes('\r'), path).toBe(false)
      expect(text.endsWith('\n'), path).toBe(true)
      expect(text.includes(work), path).toBe(false)
      expect(text.includes(ROOT), path).toBe(false)
    }
  })

  it('rebuilds byte for byte from its own sources/ folder, as its README says', async () => {
    const again = join(tempDir(), 'again')
    const result = await agentc(rel, 'pack', 'sources', '--out', again)
    expect(result.code, result.stderr).toBe(0)
    expect(snapshot(again)).toEqual(release)
  })
})

describe('the loss report', () => {
  let losses: {
    agentc: number
    name: string
    version: string
    targets: Record<
      string,
      {
        displayName: string
        agents: Record<
          string,
          {
            code: string
            severity: string
            message: string
            file?: string
            line?: number
            column?: number
            field?: string
          }[]
        >
      }
    >
  }
  /** What `agentc build` reports for the same sources, with the manifest's overrides as a project config. */
  let built: JsonDiagnostic[]
  /** What `agentc build` writes, path (under out/) → target. */
  let builtFiles: { path: string; target: string }[]
  let project: string

  beforeAll(async () => {
    losses = JSON.parse(release['losses.json']!)
    project = copyPack((dir) => {
      rmSync(join(dir, 'agentc-pack.yaml'))
      // The manifest's `overrides` are a project configuration's `agents`.
      writeFileSync(
        join(dir, 'agentc.config.yaml'),
        'sources: [agents/*.md]\nagents:\n  security-reviewer:\n    targets:\n      cursor:\n        activation: manual\n',
      )
    })
    const result = await agentc(
      project,
      'build',
      '--target',
      TARGETS.join(','),
      '--out',
      'out',
      '--format',
      'json',
    )
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout) as {
      files: { path: string; target: string }[]
      diagnostics: JsonDiagnostic[]
    }
    built = json.diagnostics
    builtFiles = json.files
  })

  it('covers every target and the Claude plugin, and every agent in each', () => {
    expect(losses.agentc).toBe(1)
    expect(losses.name).toBe(NAME)
    expect(losses.version).toBe('1.0.0')
    expect(Object.keys(losses.targets)).toEqual([...TARGETS, 'claude-plugin'])
    for (const t of Object.values(losses.targets)) expect(Object.keys(t.agents)).toEqual(AGENTS)
  })

  it('lists, per target and agent, exactly the AGC2xx diagnostics agentc build reports (code, line, column, message)', () => {
    const key = (d: {
      code: string
      severity: string
      message: string
      line?: number | null
      column?: number | null
    }) => `${d.line ?? '-'}:${d.column ?? '-'} ${d.code} ${d.severity} ${d.message}`
    let total = 0
    for (const id of TARGETS) {
      for (const agent of AGENTS) {
        const expected = built
          .filter((d) => d.code.startsWith('AGC2') && d.target === id && d.file === `agents/${agent}.md`)
          .map(key)
          .sort()
        const listed = losses.targets[id]!.agents[agent]!
        for (const l of listed) expect(l.file, `${id} ${agent}`).toBe(`sources/agents/${agent}.md`)
        expect(listed.map(key).sort(), `${id} ${agent}`).toEqual(expected)
        total += expected.length
      }
    }
    // Sanity: the build did report losses, and none without a file or with another file.
    expect(total).toBeGreaterThan(50)
    expect(
      built.filter((d) => d.code.startsWith('AGC2') && !AGENTS.some((a) => d.file === `agents/${a}.md`)),
    ).toEqual([])
  })

  it('lists losses in source order', () => {
    for (const t of Object.values(losses.targets)) {
      for (const list of Object.values(t.agents)) {
        const lines = list.map((l) => (l.line ?? 0) * 1000 + (l.column ?? 0))
        expect(lines).toEqual([...lines].sort((a, b) => a - b))
      }
    }
  })

  it('each target’s files are what agentc build writes for it, byte for byte', () => {
    for (const id of TARGETS) {
      const mine = builtFiles.filter((f) => f.target === id).map((f) => f.path.slice('out/'.length))
      expect(
        Object.keys(release)
          .filter((p) => p.startsWith(`targets/${id}/`))
          .map((p) => p.slice(`targets/${id}/`.length)),
        id,
      ).toEqual(mine.sort())
      for (const p of mine)
        expect(release[`targets/${id}/${p}`], `${id} ${p}`).toBe(read(join(project, 'out', p)))
    }
  })

  it('has zero losses for opencode (the sources’ own format)', () => {
    expect(losses.targets.opencode!.agents).toEqual({
      'docs-writer': [],
      'security-reviewer': [],
      'test-writer': [],
    })
    expect(release['LOSSES.md']).toContain('| OpenCode agents | `opencode` | 0 | 0 |')
    expect(release['LOSSES.md']).toContain(
      '## OpenCode agents (`opencode`)\n\nCarries every setting of every agent.\n',
    )
  })

  it('reports for the Claude plugin what the Claude target reports, at the same places', () => {
    const where = (l: { code: string; line?: number; column?: number; field?: string }) =>
      `${l.line}:${l.column} ${l.code} ${l.field}`
    for (const agent of AGENTS) {
      expect(losses.targets['claude-plugin']!.agents[agent]!.map(where), agent).toEqual(
        losses.targets.claude!.agents[agent]!.map(where),
      )
    }
    // Permission rules: a plugin has no settings file to put them in, and its report says so.
    const rules = losses.targets['claude-plugin']!.agents['security-reviewer']!.filter(
      (l) => l.field === 'permissions',
    )
    expect(rules.length).toBeGreaterThan(0)
    expect(rules.every((l) => l.message.includes('plugin'))).toBe(true)
  })

  it('LOSSES.md has one line per loss of losses.json, with its place and code, and matching counts', () => {
    const md = release['LOSSES.md']!
    expect(md.startsWith(`# What each tool cannot carry — ${NAME} 1.0.0\n`)).toBe(true)
    const bullets = md.split('\n').filter((l) => l.startsWith('- '))
    let count = 0
    for (const [id, t] of Object.entries(losses.targets)) {
      let warnings = 0
      let notes = 0
      for (const list of Object.values(t.agents)) {
        for (const l of list) {
          l.severity === 'info' ? notes++ : warnings++
          count++
          const place = `\`${l.file}${l.line !== undefined ? `:${l.line}:${l.column}` : ''}\``
          expect(
            bullets.some(
              (b) =>
                b.startsWith(`- ${place} `) &&
                b.includes(` ${l.code} `) &&
                b.includes(l.message.split('\n')[0]!),
            ),
            `${id}: ${l.message}`,
          ).toBe(true)
        }
      }
      expect(md, id).toContain(`| ${t.displayName} | \`${id}\` | ${warnings} | ${notes} |`)
    }
    expect(bullets).toHaveLength(count)
  })
})

describe('a plugin agent with a key Claude Code ignores in plugins', () => {
  let out: string
  let files: Record<string, string>
  beforeAll(async () => {
    const dir = copyPack((d) =>
      replaceIn(
        d,
        'agentc-pack.yaml',
        '  security-reviewer:\n',
        '  security-reviewer:\n    extensions:\n      claude:\n        permissionMode: plan\n',
      ),
    )
    out = join(dir, '..', 'rel')
    const result = await agentc(dir, 'pack', '--out', out)
    expect(result.code, result.stderr).toBe(0)
    files = snapshot(out)
  })

  it('keeps permissionMode in targets/claude but leaves it out of the plugin’s copy', () => {
    expect(frontmatter(files['targets/claude/.claude/agents/security-reviewer.md']!).permissionMode).toBe(
      'plan',
    )
    const plugin = frontmatter(files['agents/security-reviewer.md']!)
    expect(plugin.permissionMode).toBeUndefined()
    expect(files['agents/security-reviewer.md']).not.toContain('permissionMode')
    expect(pluginAgentFrontmatterSchema.safeParse(plugin).success).toBe(true)
  })

  it('reports the loss for the plugin only, in losses.json and LOSSES.md', () => {
    const losses = JSON.parse(files['losses.json']!) as {
      targets: Record<string, { agents: Record<string, { code: string; field?: string; message: string }[]> }>
    }
    const of = (id: string) =>
      losses.targets[id]!.agents['security-reviewer']!.filter((l) => l.message.includes('permissionMode'))
    expect(of('claude-plugin')).toEqual([
      expect.objectContaining({ code: 'AGC201', field: 'extensions.claude.permissionMode' }),
    ])
    expect(of('claude')).toEqual([])
    const md = files['LOSSES.md']!
    const section = md.slice(md.indexOf('## Claude Code plugin (`claude-plugin`)'))
    expect(section).toMatch(
      /- `sources\/agentc-pack\.yaml:\d+:\d+` warning AGC201 \(field-unsupported\): .*permissionMode/,
    )
    const claudeSection = md.slice(
      md.indexOf('## Claude Code subagents (`claude`)'),
      md.indexOf('## Cursor rules'),
    )
    expect(claudeSection).not.toContain('permissionMode')
  })
})

describe('determinism', () => {
  it('packing again, into another folder, gives byte-identical files', async () => {
    const other = join(tempDir(), 'elsewhere', 'release')
    const result = await agentc(ROOT, 'pack', 'examples/pack', '--out', other)
    expect(result.code, result.stderr).toBe(0)
    expect(snapshot(other)).toEqual(release)
  })

  it('packing a copy of the pack in another path, from another working directory, gives byte-identical files', async () => {
    const copy = copyPack()
    const out = join(copy, '..', 'deeper', 'out')
    const result = await agentc(join(copy, '..'), 'pack', 'pack', '--out', out)
    expect(result.code, result.stderr).toBe(0)
    expect(snapshot(out)).toEqual(release)
  })

  it('packing over the same release folder again changes nothing', async () => {
    const dir = join(tempDir(), 'rel')
    expect((await agentc(ROOT, 'pack', 'examples/pack', '--out', dir)).code).toBe(0)
    expect((await agentc(ROOT, 'pack', 'examples/pack', '--out', dir)).code).toBe(0)
    expect(snapshot(dir)).toEqual(release)
    expect(readdirSync(join(dir, '..'))).toEqual(['rel'])
  })

  it('--tarball twice gives the same .tgz bytes, holding the release under package/', async () => {
    const a = tempDir()
    const b = tempDir()
    const ra = await agentc(ROOT, 'pack', 'examples/pack', '--out', join(a, 'rel'), '--tarball')
    const rb = await agentc(ROOT, 'pack', 'examples/pack', '--out', join(b, 'rel'), '--tarball')
    expect(ra.code, ra.stderr).toBe(0)
    expect(rb.code, rb.stderr).toBe(0)
    expect(readdirSync(a).sort()).toEqual([TGZ, 'rel'])
    const ta = readFileSync(join(a, TGZ))
    expect(ta.equals(readFileSync(join(b, TGZ)))).toBe(true)
    const read = readTarball(ta)
    if ('problem' in read) throw new Error(read.problem)
    expect(
      Object.fromEntries(read.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])),
    ).toEqual(release)
    // The real tar agrees: every entry is under package/, and there are only files.
    let listing: string
    try {
      listing = execFileSync('tar', ['-tzf', join(a, TGZ)], { encoding: 'utf8', timeout: 30_000 })
    } catch {
      return // no system tar: readTarball's check above stands
    }
    expect(listing.trim().split('\n').sort()).toEqual(
      Object.keys(release)
        .map((p) => `package/${p}`)
        .sort(),
    )
  })
})

describe('LICENSE', () => {
  it('is copied to the release root and listed in package.json and SHA256SUMS', async () => {
    const dir = copyPack((d) =>
      writeFileSync(join(d, 'LICENSE'), 'MIT License\n\nCopyright (c) agentc examples\n'),
    )
    const out = join(dir, '..', 'rel')
    const result = await agentc(dir, 'pack', '--out', out)
    expect(result.code, result.stderr).toBe(0)
    expect(read(join(out, 'LICENSE'))).toBe('MIT License\n\nCopyright (c) agentc examples\n')
    expect((JSON.parse(read(join(out, 'package.json'))) as { files: string[] }).files).toContain('LICENSE')
    expect(read(join(out, 'SHA256SUMS'))).toContain(
      `${sha256('MIT License\n\nCopyright (c) agentc examples\n')}  LICENSE\n`,
    )
  })

  it('a release with a LICENSE rebuilds from its sources/ with the LICENSE', async () => {
    const dir = copyPack((d) => writeFileSync(join(d, 'LICENSE'), 'MIT License\n'))
    const out = join(dir, '..', 'rel')
    expect((await agentc(dir, 'pack', '--out', out)).code).toBe(0)
    const again = join(dir, '..', 'again')
    expect((await agentc(out, 'pack', 'sources', '--out', again)).code).toBe(0)
    expect(snapshot(again)).toEqual(snapshot(out))
  })
})

describe('re-packing', () => {
  it('replaces the earlier release as a whole: files no longer produced disappear', async () => {
    const dir = copyPack()
    const out = join(dir, '..', 'rel')
    expect((await agentc(dir, 'pack', '--out', out)).code).toBe(0)
    expect(existsSync(join(out, 'agents/test-writer.md'))).toBe(true)
    rmSync(join(dir, 'agents/test-writer.md'))
    const result = await agentc(dir, 'pack', '--out', out)
    expect(result.code, result.stderr).toBe(0)
    const files = listTree(out)
    expect(files.filter((f) => f.includes('test-writer'))).toEqual([])
    expect(files).toContain('agents/docs-writer.md')
    // A file someone added to the old release goes too (the folder is replaced, not merged).
    writeFileSync(join(out, 'stray.txt'), 'x')
    expect((await agentc(dir, 'pack', '--out', out)).code).toBe(0)
    expect(existsSync(join(out, 'stray.txt'))).toBe(false)
    expect(readdirSync(join(dir, '..')).sort()).toEqual(['pack', 'rel'])
  })

  it('writes to dist/ in the pack folder when --out is not given', async () => {
    const dir = copyPack()
    const result = await agentc(dir, 'pack')
    expect(result.code, result.stderr).toBe(0)
    expect(listTree(join(dir, 'dist'))).toEqual(Object.keys(release))
  })
})

describe('errors', () => {
  /** Packs a copy of the example with `edit` applied; expects exit 1, nothing written, and returns the errors. */
  async function failing(edit: (dir: string) => void) {
    const dir = copyPack(edit)
    const parent = join(dir, '..')
    const result = await packJson(parent, 'pack', '--out', 'rel')
    expect(result.code, result.stdout).toBe(1)
    expect(result.json.files).toBeUndefined()
    expect(readdirSync(parent)).toEqual(['pack'])
    return result.errors
  }

  it('a version that is not semver (1.0) is AGC313 at its value', async () => {
    const errors = await failing((d) => replaceIn(d, 'agentc-pack.yaml', 'version: 1.0.0', 'version: 1.0'))
    expect(errors).toEqual([
      expect.objectContaining({ code: 'AGC313', file: 'pack/agentc-pack.yaml', line: 4, column: 10 }),
    ])
    expect(errors[0]!.message).toContain('semantic version')
  })

  it('a name that is not an npm package name is AGC313 at its value', async () => {
    const errors = await failing((d) =>
      replaceIn(d, 'agentc-pack.yaml', 'name: "@agentc-examples/review-pack"', 'name: Review Pack'),
    )
    expect(errors).toEqual([
      expect.objectContaining({ code: 'AGC313', file: 'pack/agentc-pack.yaml', line: 3, column: 7 }),
    ])
    expect(errors[0]!.message).toContain('npm package name')
  })

  it('missing authors is AGC313 naming `authors`', async () => {
    const errors = await failing((d) => replaceIn(d, 'agentc-pack.yaml', /authors:\n(?: {2}.*\n)+/, ''))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ code: 'AGC313', file: 'pack/agentc-pack.yaml' })
    expect(errors[0]!.line).toEqual(expect.any(Number))
    expect(errors[0]!.column).toEqual(expect.any(Number))
    expect(errors[0]!.message).toContain('`authors`')
  })

  it('an unknown key is AGC313 at the key, with a suggestion', async () => {
    const errors = await failing((d) => replaceIn(d, 'agentc-pack.yaml', 'keywords:', 'keyword:'))
    expect(errors).toEqual([
      expect.objectContaining({ code: 'AGC313', file: 'pack/agentc-pack.yaml', line: 13, column: 1 }),
    ])
    expect(errors[0]!.message).toContain('did you mean `keywords`?')
  })

  it('two manifests in one folder is AGC313 naming both', async () => {
    const errors = await failing((d) => writeFileSync(join(d, 'agentc-pack.json'), '{}\n'))
    expect(errors).toHaveLength(1)
    expect(errors[0]!.code).toBe('AGC313')
    expect(errors[0]!.message).toContain('pack/agentc-pack.json and pack/agentc-pack.yaml')
  })

  it('no manifest is AGC313', async () => {
    const errors = await failing((d) => rmSync(join(d, 'agentc-pack.yaml')))
    expect(errors).toEqual([expect.objectContaining({ code: 'AGC313', file: 'pack' })])
    expect(errors[0]!.message).toContain('has no pack manifest')
  })

  it('agents matching no file is AGC313 at `agents`', async () => {
    const errors = await failing((d) =>
      replaceIn(d, 'agentc-pack.yaml', 'agents: ["agents/*.md"]', 'agents: ["nothing/*.md"]'),
    )
    expect(errors).toEqual([
      expect.objectContaining({ code: 'AGC313', file: 'pack/agentc-pack.yaml', line: 14, column: 9 }),
    ])
  })

  it('an agent whose frontmatter is not YAML is its own error (AGC002) at its line', async () => {
    const errors = await failing((d) =>
      replaceIn(d, 'agents/docs-writer.md', 'mode: primary', 'mode: [primary'),
    )
    expect(errors).toEqual([
      expect.objectContaining({ code: 'AGC002', file: 'pack/agents/docs-writer.md', line: 4 }),
    ])
  })

  it('prints manifest errors as file:line:column in text mode', async () => {
    const dir = copyPack((d) => replaceIn(d, 'agentc-pack.yaml', 'version: 1.0.0', 'version: 1.0'))
    const result = await agentc(join(dir, '..'), 'pack', 'pack', '--out', 'rel')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^pack\/agentc-pack\.yaml:4:10 {2}error {2}.*semantic version.* {2}AGC313$/m,
    )
    expect(result.stderr).toContain('no release written')
  })

  it('--out on a folder that is neither empty nor a release is AGC308, and the folder is left alone', async () => {
    const parent = tempDir()
    mkdirSync(join(parent, 'stuff'))
    writeFileSync(join(parent, 'stuff', 'notes.txt'), 'mine\n')
    const result = await packJson(ROOT, 'examples/pack', '--out', join(parent, 'stuff'))
    expect(result.code).toBe(1)
    expect(result.errors.map((d) => d.code)).toEqual(['AGC308'])
    expect(snapshot(parent)).toEqual({ 'stuff/notes.txt': 'mine\n' })
  })

  it('--out on the pack folder itself is refused, and nothing is written', async () => {
    const dir = copyPack()
    const before = snapshot(dir)
    const result = await packJson(dir, '--out', '.')
    expect(result.code).toBe(1)
    expect(result.errors.map((d) => d.code)).toEqual(['AGC307'])
    expect(snapshot(dir)).toEqual(before)
    expect(readdirSync(join(dir, '..'))).toEqual(['pack'])
  })

  it('--out on a folder holding the pack is refused, and nothing is written', async () => {
    const dir = copyPack()
    const parent = join(dir, '..')
    const before = snapshot(parent)
    const result = await packJson(dir, '--out', '..')
    expect(result.code).toBe(1)
    expect(result.errors.map((d) => d.code)).not.toEqual([])
    expect(snapshot(parent)).toEqual(before)
  })
})
