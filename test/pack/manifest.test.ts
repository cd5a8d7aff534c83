import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tarballName } from '../../packages/cli/src/commands/pack'
import { marketplaceNameProblem, pluginName, pluginNameProblem } from '../../packages/cli/src/pack/claude'
import {
  PACK_MANIFEST_NAMES,
  packJsonSchema,
  packSchema,
  parsePackManifest,
  parsePerson,
} from '../../packages/cli/src/pack/manifest'
import { buildRelease } from '../../packages/cli/src/pack/release'
import { ROOT } from '../cli/helpers'

const SCHEMA = join(ROOT, 'packages/cli/schema/agentc-pack.schema.json')

const MINIMAL = `name: "@acme/review-agents"
version: 1.2.3
description: Review agents.
license: MIT
authors: [Ada Lovelace <ada@example.com> (https://ada.example.com)]
`

function parse(text: string, path = 'pack/agentc-pack.yaml') {
  return parsePackManifest(text, path, path)
}

/** The diagnostics of a manifest as `line:column code message`. */
function problems(text: string, path?: string): string[] {
  return parse(text, path).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)
}

describe('the pack manifest', () => {
  it('reads a minimal manifest with its defaults', () => {
    const { manifest, diagnostics } = parse(MINIMAL)
    expect(diagnostics).toEqual([])
    expect(manifest).toMatchObject({
      name: '@acme/review-agents',
      version: '1.2.3',
      license: 'MIT',
      authors: [{ name: 'Ada Lovelace', email: 'ada@example.com', url: 'https://ada.example.com' }],
      sources: ['agents/**/*.md'],
      from: 'opencode',
      keywords: [],
      dir: 'pack',
    })
    // No targets named: every target.
    expect(manifest?.targets).toContain('claude')
    expect(manifest?.targets).toContain('agents-md')
  })

  it('reads JSON too, with the same meaning', () => {
    const json = JSON.stringify({
      name: '@acme/review-agents',
      version: '1.2.3',
      description: 'Review agents.',
      license: 'MIT',
      authors: [{ name: 'Ada Lovelace', email: 'ada@example.com', url: 'https://ada.example.com' }],
    })
    const fromJson = parse(json, 'pack/agentc-pack.json').manifest
    const fromYaml = parse(MINIMAL).manifest
    expect(fromJson?.authors).toEqual(fromYaml?.authors)
    expect(fromJson?.name).toBe(fromYaml?.name)
  })

  it('reports each invalid field at its position, in words', () => {
    expect(problems(MINIMAL.replace('version: 1.2.3', 'version: "1.0"'))).toEqual([
      '2:10 AGC313 `version` must be a semantic version such as 1.0.0 or 2.1.0-beta.1, not the text "1.0".',
    ])
    expect(problems(MINIMAL.replace('"@acme/review-agents"', 'Review Pack'))[0]).toMatch(
      /^1:7 AGC313 `name` must be an npm package name/,
    )
    expect(problems(MINIMAL.replace(/authors:.*\n/, ''))).toEqual([
      '1:1 AGC313 `authors` must be a list of authors, not empty.',
    ])
    expect(problems(`${MINIMAL}keywrds: [a]\n`)[0]).toMatch(
      /^6:1 AGC313 `keywrds` is not a setting of the pack manifest \(did you mean `keywords`\?\)/,
    )
    expect(problems(`${MINIMAL}targets: [claude, curzor]\n`)[0]).toMatch(
      /^6:19 AGC313 `targets\[1\]` must be a target id/,
    )
    expect(problems(`${MINIMAL}homepage: example.com\n`)).toEqual([
      '6:11 AGC313 `homepage` must be an http(s) URL, not the text "example.com".',
    ])
    expect(problems(`${MINIMAL}agents: ["!agents/x.md"]\n`)[0]).toMatch(
      /^6:9 AGC313 `agents` only excludes files/,
    )
    expect(problems(`${MINIMAL}claude: {plugin: Review}\n`)[0]).toMatch(
      /^6:18 AGC313 `claude.plugin` must be a kebab-case name/,
    )
    expect(problems('name: [x\n')[0]).toMatch(/^\d+:\d+ AGC313 pack\/agentc-pack.yaml cannot be read: /)
    expect(problems('- a list\n')).toEqual([
      '1:1 AGC313 pack/agentc-pack.yaml must be a map of fields (name, version, description, license, authors, …), not a list.',
    ])
  })

  it('accepts semver pre-releases and build metadata, and refuses look-alikes', () => {
    for (const good of ['0.0.0', '1.2.3-beta.1', '1.0.0+build.7', '10.20.30-rc.1+exp.sha.5114f85'])
      expect(parse(MINIMAL.replace('1.2.3', good)).diagnostics).toEqual([])
    for (const bad of ['1.2', '01.2.3', '1.2.3-', 'v1.2.3', '1.2.3.4'])
      expect(parse(MINIMAL.replace('1.2.3', bad)).diagnostics.map((d) => d.code)).toEqual(['AGC313'])
  })

  it('reads npm-style author strings', () => {
    expect(parsePerson('Ada')).toEqual({ name: 'Ada' })
    expect(parsePerson('Ada <a@b.c>')).toEqual({ name: 'Ada', email: 'a@b.c' })
    expect(parsePerson('Ada (https://a.b)')).toEqual({ name: 'Ada', url: 'https://a.b' })
  })

  it('has a published JSON Schema generated from the zod schema (update with -u)', async () => {
    await expect(`${JSON.stringify(packJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(SCHEMA)
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as {
      properties: Record<string, unknown>
      required: string[]
    }
    expect(Object.keys(schema.properties)).toEqual(Object.keys(packSchema.shape))
    expect(schema.required.sort()).toEqual(['authors', 'description', 'license', 'name', 'version'])
  })

  it('is looked for under each of its names', () => {
    expect(PACK_MANIFEST_NAMES).toEqual(['agentc-pack.json', 'agentc-pack.yaml', 'agentc-pack.yml'])
  })
})

describe('names of a release', () => {
  it('names the tarball as npm does', () => {
    expect(tarballName('@acme/review-agents', '1.0.0')).toBe('acme-review-agents-1.0.0.tgz')
    expect(tarballName('review', '2.0.0-rc.1')).toBe('review-2.0.0-rc.1.tgz')
  })

  it('derives a kebab-case plugin name from the package name', () => {
    expect(pluginName('@acme/review-agents')).toBe('review-agents')
    expect(pluginName('Review_Agents.v2')).toBe('review-agents-v2')
    expect(pluginName('@acme/___')).toBe('agents')
    expect(pluginName(`x${'-y'.repeat(100)}`).length).toBeLessThanOrEqual(128)
  })

  it('refuses names Claude Code refuses', () => {
    expect(pluginNameProblem('review-agents')).toBeUndefined()
    expect(pluginNameProblem('Review')).toMatch(/kebab-case/)
    expect(marketplaceNameProblem('review-agents')).toBeUndefined()
    expect(marketplaceNameProblem('github')).toMatch(/reserves/)
    expect(marketplaceNameProblem('claude-plugins-official')).toMatch(/reserves/)
    expect(marketplaceNameProblem('official-claude-plugins')).toMatch(/Anthropic/)
    expect(marketplaceNameProblem('claudeai-tools')).toMatch(/Anthropic/)
  })

  it('stops a release whose derived marketplace name is reserved, at the manifest name', () => {
    const { manifest } = parse(MINIMAL.replace('"@acme/review-agents"', '"@acme/github"'))
    const agent = '---\ndescription: Reviews.\nmode: subagent\n---\nReview.\n'
    const result = buildRelease({
      manifest: manifest!,
      sources: [{ rel: 'agents/reviewer.md', display: 'pack/agents/reviewer.md', text: agent }],
      generator: 'agentc test',
    })
    expect(result.release).toBeUndefined()
    expect(
      result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.code}`),
    ).toEqual(['1:7 AGC313'])
    expect(result.diagnostics.find((d) => d.code === 'AGC313')?.message).toMatch(/claude\.marketplace/)
  })
})

describe('a release in memory', () => {
  const agent = '---\ndescription: Reviews code.\nmode: subagent\ntemperature: 0.1\n---\nReview the diff.\n'
  const build = (sources: { rel: string; display: string; text: string }[]) =>
    buildRelease({
      manifest: parse(`${MINIMAL}targets: [claude, cursor, roo]\n`).manifest!,
      sources,
      generator: 'agentc test',
    })

  it('does not depend on the order the sources were found in', () => {
    const a = { rel: 'agents/a.md', display: 'pack/agents/a.md', text: agent }
    const b = {
      rel: 'agents/b.md',
      display: 'pack/agents/b.md',
      text: agent.replace('Reviews code', 'Tests code'),
    }
    expect(build([a, b]).release?.files).toEqual(build([b, a]).release?.files)
  })

  it('merges shared files of a target once (Roo modes of every agent in one .roomodes)', () => {
    const a = { rel: 'agents/a.md', display: 'pack/agents/a.md', text: agent }
    const b = { rel: 'agents/b.md', display: 'pack/agents/b.md', text: agent }
    const files = build([a, b]).release!.files
    const roomodes = files.find((f) => f.path === 'targets/roo/.roomodes')!
    expect(roomodes.contents.match(/slug: /g)).toHaveLength(2)
  })

  it('reports the temperature Claude Code cannot hold, at its line in sources/', () => {
    const a = { rel: 'agents/a.md', display: 'pack/agents/a.md', text: agent }
    const release = build([a]).release!
    const claude = release.losses.find((t) => t.target === 'claude')!
    expect(claude.agents.a!.find((l) => l.field === 'sampling.temperature')).toMatchObject({
      code: 'AGC201',
      file: 'sources/agents/a.md',
      line: 4,
      column: 1,
    })
  })
})
