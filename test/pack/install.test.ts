/**
 * `agentc add`, `remove` and `list` (issue 6): the example pack's release installed into fresh
 * projects for four targets — from its folder, its .tgz and node_modules — updated to a new
 * version, removed without a trace, and the refusals: edited files, name conflicts, tampered
 * releases, a broken lockfile.
 */
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { agentc, listTree, ROOT, read, tempDir } from '../cli/helpers'

const PACK = join(ROOT, 'examples/pack')
const NAME = '@agentc-examples/review-pack'
const TGZ = 'agentc-examples-review-pack-1.0.0.tgz'
const AGENTS = ['docs-writer', 'security-reviewer', 'test-writer']
/** The project's targets: four of the release's nine. */
const TARGETS = ['claude', 'cursor', 'codex', 'roo']
const CONFIG = `targets: [${TARGETS.join(', ')}]\n`

/** The files an agent has in the project, per target (roo's are modes in .roomodes). */
function agentFiles(agent: string): string[] {
  return [`.claude/agents/${agent}.md`, `.codex/agents/${agent}.toml`, `.cursor/rules/${agent}.mdc`]
}

/** Every file below `dir` (path → text), optionally without some top-level folders. */
function snapshot(dir: string, skip: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(
    listTree(dir)
      .filter((p) => !skip.includes(p.split('/')[0]!))
      .map((p) => [p, readFileSync(join(dir, p), 'utf8')]),
  )
}

/** A fresh project: the configuration naming the four targets, and `files` (path → text). */
function project(files: Record<string, string> = {}): string {
  const dir = join(tempDir(), 'project')
  for (const [path, text] of Object.entries({ 'agentc.config.yaml': CONFIG, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** What installing a release into an empty project writes: its targets/<id>/ files for the four targets. */
function installedFrom(release: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const id of TARGETS) {
    const base = join(release, 'targets', id)
    for (const p of listTree(base)) out[p] = read(join(base, p))
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** The project's files other than agentc's bookkeeping, its configuration and node_modules. */
function outputs(dir: string): Record<string, string> {
  const all = snapshot(dir, ['.agentc', 'node_modules', 'agents'])
  delete all['agentc.config.yaml']
  delete all['agentc.lock.json']
  return all
}

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

interface JsonDiagnostic {
  code: string
  severity: string
  message: string
  file: string | null
}

/** Runs a command with --format json; returns the code, the JSON and its errors. */
async function json(cwd: string, ...args: string[]) {
  const result = await agentc(cwd, ...args, '--format', 'json')
  const data = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[]; files: unknown[] } & Record<
    string,
    unknown
  >
  return { code: result.code, data, errors: data.diagnostics.filter((d) => d.severity === 'error') }
}

function lockfile(dir: string): { agentc: number; packs: Record<string, Record<string, unknown>> } {
  return JSON.parse(read(join(dir, 'agentc.lock.json')))
}

function slugs(roomodes: string): string[] {
  return [...roomodes.matchAll(/^ {2}- slug: (.+)$/gm)].map((m) => m[1]!).sort()
}

const OWN_AGENT = `---
description: The team's own security reviewer
mode: subagent
---
Review it our way.
`

let work: string
/** The example's release (1.0.0), its .tgz, the 1.1.0 variant, and another pack with a security-reviewer. */
let rel: string
let tgz: string
let rel11: string
let other: string
let v1: Record<string, string>
let v11: Record<string, string>

beforeAll(async () => {
  work = tempDir()
  rel = join(work, 'rel')
  tgz = join(work, TGZ)
  const packed = await agentc(ROOT, 'pack', 'examples/pack', '--out', rel, '--tarball')
  expect(packed.code, packed.stderr).toBe(0)
  // 1.1.0: test-writer dropped, security-reviewer's description changed, docs-writer as it was.
  const src11 = join(work, 'src11')
  cpSync(PACK, src11, { recursive: true })
  writeFileSync(
    join(src11, 'agentc-pack.yaml'),
    read(join(src11, 'agentc-pack.yaml')).replace('version: 1.0.0', 'version: 1.1.0'),
  )
  rmSync(join(src11, 'agents/test-writer.md'))
  const reviewer = read(join(src11, 'agents/security-reviewer.md'))
  writeFileSync(
    join(src11, 'agents/security-reviewer.md'),
    reviewer.replace(
      /^description: .*$/m,
      'description: Reviews a change for security flaws and reports them with evidence',
    ),
  )
  rel11 = join(work, 'rel11')
  const packed11 = await agentc(work, 'pack', 'src11', '--out', rel11)
  expect(packed11.code, packed11.stderr).toBe(0)
  // Another pack that also has a security-reviewer.
  const src2 = join(work, 'src2')
  cpSync(PACK, src2, { recursive: true })
  writeFileSync(
    join(src2, 'agentc-pack.yaml'),
    read(join(src2, 'agentc-pack.yaml')).replace(
      'name: "@agentc-examples/review-pack"',
      'name: "@acme/other-pack"',
    ),
  )
  rmSync(join(src2, 'agents/docs-writer.md'))
  rmSync(join(src2, 'agents/test-writer.md'))
  other = join(work, 'other')
  const packed2 = await agentc(work, 'pack', 'src2', '--out', other)
  expect(packed2.code, packed2.stderr).toBe(0)
  v1 = installedFrom(rel)
  v11 = installedFrom(rel11)
})

describe('agentc add into a fresh project', () => {
  let dir: string
  let added: Awaited<ReturnType<typeof agentc>>
  beforeAll(async () => {
    dir = project()
    added = await agentc(dir, 'add', rel)
  })

  it('installs every agent for the four targets of the configuration, as the release has them', () => {
    expect(added.code, added.stderr).toBe(0)
    expect(Object.keys(v1)).toEqual([...AGENTS.flatMap(agentFiles), '.roomodes'].sort())
    expect(outputs(dir)).toEqual(v1)
    expect(slugs(read(join(dir, '.roomodes')))).toEqual(AGENTS)
    // Nothing of the other five targets.
    expect(listTree(dir).filter((p) => /^\.(opencode|github|gemini|windsurf|kiro)\//.test(p))).toEqual([])
    expect(added.stdout.trim().split('\n')).toEqual(Object.keys(v1).map((p) => `created      ${p}`))
    expect(added.stderr).toContain(`installed ${NAME} 1.0.0 (3 agents for claude, cursor, codex, roo)`)
  })

  it('records the pack in agentc.lock.json', () => {
    expect(lockfile(dir)).toEqual({
      agentc: 1,
      packs: {
        [NAME]: {
          version: '1.0.0',
          from: relative(dir, rel),
          integrity: `sha256-${sha256(readFileSync(join(rel, 'SHA256SUMS')))}`,
          targets: TARGETS,
          agents: AGENTS,
          files: Object.keys(v1),
        },
      },
    })
    expect(read(join(dir, 'agentc.lock.json')).endsWith('}\n')).toBe(true)
  })

  it('records each installed file as the pack’s in .agentc/manifest.json', () => {
    const manifest = JSON.parse(read(join(dir, '.agentc/manifest.json'))) as {
      files: Record<string, { target: string; sources: string[]; sha256?: string }>
    }
    expect(Object.keys(manifest.files)).toEqual(Object.keys(v1))
    for (const [path, entry] of Object.entries(manifest.files)) {
      expect(
        entry.sources.every((s) => s.startsWith(`pack:${NAME}:sources/agents/`)),
        path,
      ).toBe(true)
      if (entry.sha256) expect(entry.sha256, path).toBe(sha256(v1[path]!))
    }
  })

  it('agentc list shows the pack, its version, targets and agents', async () => {
    const result = await agentc(dir, 'list')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      `${NAME} 1.0.0 — claude, cursor, codex, roo\n  docs-writer\n  security-reviewer\n  test-writer\n`,
    )
    const listed = await json(dir, 'list')
    expect(listed.code).toBe(0)
    expect(listed.data).toEqual({
      packs: [
        {
          name: NAME,
          version: '1.0.0',
          from: relative(dir, rel),
          prefix: null,
          targets: TARGETS,
          agents: AGENTS,
          files: Object.keys(v1),
        },
      ],
      diagnostics: [],
    })
  })

  it('adding the same release again changes no installed file', async () => {
    const before = snapshot(dir)
    const installed = Object.keys(v1)
    const mtimes = installed.map((p) => statSync(join(dir, p)).mtimeMs)
    const again = await agentc(dir, 'add', rel)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toBe('')
    expect(again.stderr).toContain(`reinstalled ${NAME} 1.0.0`)
    expect(again.stderr).toContain('0 files changed')
    expect(snapshot(dir)).toEqual(before)
    expect(installed.map((p) => statSync(join(dir, p)).mtimeMs)).toEqual(mtimes)
  })

  it('adding the same release again does not rewrite agentc.lock.json', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    const past = new Date('2001-02-03T04:05:06Z')
    utimesSync(join(dir, 'agentc.lock.json'), past, past)
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    expect(statSync(join(dir, 'agentc.lock.json')).mtimeMs).toBe(past.getTime())
  })
})

describe('agentc add from other sources', () => {
  it('installs the same files from the .tgz', async () => {
    const dir = project()
    const result = await agentc(dir, 'add', relative(dir, tgz))
    expect(result.code, result.stderr).toBe(0)
    expect(outputs(dir)).toEqual(v1)
    expect(lockfile(dir).packs[NAME]).toMatchObject({
      version: '1.0.0',
      from: relative(dir, tgz),
      integrity: `sha256-${sha256(readFileSync(join(rel, 'SHA256SUMS')))}`,
    })
  })

  it('installs the same files from node_modules/<name>', async () => {
    const dir = project()
    cpSync(rel, join(dir, 'node_modules', NAME), { recursive: true })
    const result = await agentc(dir, 'add', NAME)
    expect(result.code, result.stderr).toBe(0)
    expect(outputs(dir)).toEqual(v1)
    expect(lockfile(dir).packs[NAME]).toMatchObject({ version: '1.0.0', from: NAME })
  })

  it('finds node_modules/<name> in a folder above the working directory', async () => {
    const dir = project({ 'src/app/.keep': '' })
    cpSync(rel, join(dir, 'node_modules', NAME), { recursive: true })
    const result = await agentc(join(dir, 'src/app'), 'add', NAME)
    expect(result.code, result.stderr).toBe(0)
    // The project root is the configuration's folder, not the working directory.
    expect(outputs(dir)).toEqual({ ...v1, 'src/app/.keep': '' })
  })

  it('installs from node_modules even when the package manager rewrote package.json', async () => {
    const dir = project()
    const installed = join(dir, 'node_modules', NAME)
    cpSync(rel, installed, { recursive: true })
    const pkg = JSON.parse(read(join(installed, 'package.json'))) as Record<string, unknown>
    writeFileSync(
      join(installed, 'package.json'),
      `${JSON.stringify({ ...pkg, _resolved: 'file:../rel' }, null, 2)}\n`,
    )
    const result = await agentc(dir, 'add', NAME)
    expect(result.code, result.stderr).toBe(0)
    expect(outputs(dir)).toEqual(v1)
  })

  it('without a configuration or --target, is a usage error and writes nothing', async () => {
    const dir = join(tempDir(), 'bare')
    mkdirSync(dir)
    const result = await agentc(dir, 'add', rel)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain('--target')
    expect(listTree(dir)).toEqual([])
  })

  it('--target overrides the configuration’s targets', async () => {
    const dir = project()
    const result = await agentc(dir, 'add', rel, '--target', 'claude')
    expect(result.code, result.stderr).toBe(0)
    expect(Object.keys(outputs(dir))).toEqual(AGENTS.map((a) => `.claude/agents/${a}.md`))
    expect(lockfile(dir).packs[NAME]!.targets).toEqual(['claude'])
  })

  it('--dry-run writes nothing and says what it would write', async () => {
    const dir = project()
    const before = snapshot(dir)
    const result = await agentc(dir, 'add', rel, '--dry-run')
    expect(result.code, result.stderr).toBe(0)
    expect(snapshot(dir)).toEqual(before)
    expect(listTree(dir)).toEqual(['agentc.config.yaml'])
    expect(result.stdout.trim().split('\n')).toEqual(Object.keys(v1).map((p) => `would create ${p}`))
    expect(result.stderr).toContain(`would install ${NAME} 1.0.0`)
  })
})

describe('updating to a new version', () => {
  it('changes exactly what changed: the dropped agent’s files go, the changed one is updated, the rest untouched', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    // Date every installed file in the past, to see which ones the update touches.
    const past = new Date('2001-02-03T04:05:06Z')
    for (const p of Object.keys(v1)) utimesSync(join(dir, p), past, past)
    const result = await agentc(dir, 'add', rel11)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain(
      `updated ${NAME} from 1.0.0 to 1.1.0 (2 agents for claude, cursor, codex, roo)`,
    )
    expect(outputs(dir)).toEqual(v11)
    for (const p of agentFiles('test-writer')) expect(existsSync(join(dir, p)), p).toBe(false)
    // What differs between the two releases, for these four targets: security-reviewer's Claude
    // and Codex files (its Cursor rule is manual, so it carries no description) and .roomodes.
    const changed = [
      '.claude/agents/security-reviewer.md',
      '.codex/agents/security-reviewer.toml',
      '.roomodes',
    ]
    expect(Object.keys(v11).filter((p) => v11[p] !== v1[p])).toEqual(changed)
    for (const p of changed) {
      expect(read(join(dir, p)), p).toContain(
        'Reviews a change for security flaws and reports them with evidence',
      )
      expect(statSync(join(dir, p)).mtimeMs, p).not.toBe(past.getTime())
    }
    for (const p of [...agentFiles('docs-writer'), '.cursor/rules/security-reviewer.mdc']) {
      expect(read(join(dir, p)), p).toBe(v1[p])
      expect(statSync(join(dir, p)).mtimeMs, p).toBe(past.getTime())
    }
    expect(slugs(read(join(dir, '.roomodes')))).toEqual(['docs-writer', 'security-reviewer'])
    const lines = result.stdout.trim().split('\n').sort()
    expect(lines).toEqual(
      [
        ...changed.map((p) => `updated      ${p}`),
        ...agentFiles('test-writer').map((p) => `deleted      ${p}`),
      ].sort(),
    )
    expect(lockfile(dir).packs[NAME]).toEqual({
      version: '1.1.0',
      from: relative(dir, rel11),
      integrity: `sha256-${sha256(readFileSync(join(rel11, 'SHA256SUMS')))}`,
      targets: TARGETS,
      agents: ['docs-writer', 'security-reviewer'],
      files: Object.keys(v11),
    })
    // The manifest forgets the deleted files.
    const manifest = JSON.parse(read(join(dir, '.agentc/manifest.json'))) as {
      files: Record<string, unknown>
    }
    expect(Object.keys(manifest.files)).toEqual(Object.keys(v11))
  })

  it('when the project drops a target, adding again removes the pack’s files for it', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    writeFileSync(join(dir, 'agentc.config.yaml'), 'targets: [claude, cursor]\n')
    const result = await agentc(dir, 'add', rel)
    expect(result.code, result.stderr).toBe(0)
    const after = outputs(dir)
    // Roo's modes are gone, and with them the .roomodes the pack created.
    expect(after['.roomodes']).toBeUndefined()
    expect(after).toEqual(
      Object.fromEntries(
        Object.entries(v1).filter(([p]) => p.startsWith('.claude/') || p.startsWith('.cursor/')),
      ),
    )
    expect(lockfile(dir).packs[NAME]!.targets).toEqual(['claude', 'cursor'])
  })

  it('refuses (AGC308) to overwrite a file the user edited, and changes nothing', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    const edited = '.claude/agents/security-reviewer.md'
    writeFileSync(join(dir, edited), `${v1[edited]}\nMy own note.\n`)
    const before = snapshot(dir)
    const result = await agentc(dir, 'add', rel11)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      new RegExp(
        `^${edited.replace(/\./g, '\\.')} {2}error {2}.*edited since agentc wrote it.* {2}AGC308$`,
        'm',
      ),
    )
    expect(result.stderr).toContain('nothing changed')
    expect(result.stdout).toBe('')
    expect(snapshot(dir)).toEqual(before)
    // --force replaces it.
    const forced = await agentc(dir, 'add', rel11, '--force')
    expect(forced.code, forced.stderr).toBe(0)
    expect(outputs(dir)).toEqual(v11)
    expect(lockfile(dir).packs[NAME]!.version).toBe('1.1.0')
  })

  it('refuses (AGC308) to delete an edited file of an agent the new version dropped', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    const edited = '.codex/agents/test-writer.toml'
    writeFileSync(join(dir, edited), `${v1[edited]}# mine\n`)
    const before = snapshot(dir)
    const result = await json(dir, 'add', rel11)
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([expect.objectContaining({ code: 'AGC308', file: edited })])
    expect(snapshot(dir)).toEqual(before)
  })
})

describe('agentc remove', () => {
  it('deletes every file it installed, its lockfile entry (and file) and .agentc/', async () => {
    const dir = project()
    const before = snapshot(dir)
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    const result = await agentc(dir, 'remove', NAME)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain(`removed ${NAME} 1.0.0 (3 agents)`)
    const after = snapshot(dir)
    expect(after).toEqual(before)
    expect(existsSync(join(dir, '.agentc'))).toBe(false)
    expect(existsSync(join(dir, 'agentc.lock.json'))).toBe(false)
    for (const p of AGENTS.flatMap(agentFiles)) expect(existsSync(join(dir, p)), p).toBe(false)
    const listed = await agentc(dir, 'list')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toBe('')
    expect(listed.stderr).toContain('no packs installed')
  })

  it('leaves the project byte for byte as it was before add (no .roomodes left behind)', async () => {
    const dir = project()
    const before = snapshot(dir)
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    expect((await agentc(dir, 'remove', NAME)).code).toBe(0)
    expect(snapshot(dir)).toEqual(before)
    expect(listTree(dir)).toEqual(['agentc.config.yaml'])
  })

  it('keeps the project’s own agents and their .roomodes mode exactly (built with agentc build)', async () => {
    const dir = project({
      'agents/helper.md': '---\ndescription: Helps with the build\nmode: subagent\n---\nHelp.\n',
    })
    const built = await agentc(dir, 'build')
    expect(built.code, built.stderr).toBe(0)
    expect(slugs(read(join(dir, '.roomodes')))).toEqual(['helper'])
    const before = snapshot(dir)
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    expect(slugs(read(join(dir, '.roomodes')))).toEqual([...AGENTS, 'helper'].sort())
    // Building the project again with the pack installed changes nothing (the pack's files stay).
    const installed = snapshot(dir)
    const rebuilt = await agentc(dir, 'build')
    expect(rebuilt.code, rebuilt.stderr).toBe(0)
    expect(snapshot(dir)).toEqual(installed)
    expect(slugs(read(join(dir, '.roomodes')))).toEqual([...AGENTS, 'helper'].sort())
    const result = await agentc(dir, 'remove', NAME)
    expect(result.code, result.stderr).toBe(0)
    expect(snapshot(dir)).toEqual(before)
  })

  it('keeps a hand-written .roomodes mode exactly', async () => {
    const own =
      'customModes:\n  - slug: planner\n    name: Planner\n    roleDefinition: You plan.\n    groups:\n      - read\n'
    const dir = project({ '.roomodes': own })
    const before = snapshot(dir)
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    expect(slugs(read(join(dir, '.roomodes')))).toEqual([...AGENTS, 'planner'].sort())
    const result = await agentc(dir, 'remove', NAME)
    expect(result.code, result.stderr).toBe(0)
    expect(snapshot(dir)).toEqual(before)
  })

  it('refuses (AGC308) to delete an edited file, and changes nothing; --force deletes it', async () => {
    const dir = project()
    const original = snapshot(dir)
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    writeFileSync(join(dir, '.cursor/rules/docs-writer.mdc'), 'my rule now\n')
    const before = snapshot(dir)
    const result = await json(dir, 'remove', NAME)
    expect(result.code).toBe(1)
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'AGC308', file: '.cursor/rules/docs-writer.mdc' }),
    ])
    expect(snapshot(dir)).toEqual(before)
    const forced = await agentc(dir, 'remove', NAME, '--force')
    expect(forced.code, forced.stderr).toBe(0)
    expect(snapshot(dir)).toEqual(original)
  })

  it('--dry-run deletes nothing', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    const before = snapshot(dir)
    const result = await agentc(dir, 'remove', NAME, '--dry-run')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('would delete .claude/agents/docs-writer.md')
    expect(snapshot(dir)).toEqual(before)
  })

  it('an unknown pack is AGC317, and nothing changes', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    const before = snapshot(dir)
    const result = await json(dir, 'remove', '@agentc-examples/nope')
    expect(result.code).toBe(1)
    expect(result.errors.map((d) => d.code)).toEqual(['AGC317'])
    expect(result.errors[0]!.message).toContain(`installed: ${NAME}`)
    expect(snapshot(dir)).toEqual(before)
    const empty = await json(project(), 'remove', NAME)
    expect(empty.errors.map((d) => d.code)).toEqual(['AGC317'])
  })
})

describe('name conflicts', () => {
  it('refuses (AGC315) a pack with an agent named like one of the project’s, and --prefix installs it renamed', async () => {
    const dir = project({ 'agents/security-reviewer.md': OWN_AGENT })
    expect((await agentc(dir, 'build')).code).toBe(0)
    const before = snapshot(dir)
    const refused = await json(dir, 'add', rel)
    expect(refused.code).toBe(1)
    expect(refused.errors).toHaveLength(1)
    expect(refused.errors[0]!.code).toBe('AGC315')
    expect(refused.errors[0]!.message).toContain('security-reviewer')
    expect(refused.errors[0]!.message).toContain('agents/security-reviewer.md')
    expect(snapshot(dir)).toEqual(before)

    const result = await agentc(dir, 'add', rel, '--prefix', 'acme-')
    expect(result.code, result.stderr).toBe(0)
    for (const a of AGENTS) {
      for (const p of agentFiles(`acme-${a}`)) expect(existsSync(join(dir, p)), p).toBe(true)
    }
    expect(read(join(dir, '.claude/agents/acme-security-reviewer.md'))).toMatch(
      /^name: acme-security-reviewer$/m,
    )
    expect(slugs(read(join(dir, '.roomodes')))).toEqual([
      'acme-docs-writer',
      'acme-security-reviewer',
      'acme-test-writer',
      'security-reviewer',
    ])
    // The project's own agent is untouched.
    for (const p of agentFiles('security-reviewer')) expect(read(join(dir, p)), p).toBe(before[p])
    expect(lockfile(dir).packs[NAME]).toMatchObject({
      prefix: 'acme-',
      agents: AGENTS.map((a) => `acme-${a}`),
    })
    const listed = await agentc(dir, 'list')
    expect(listed.stdout.split('\n')[0]).toBe(`${NAME} 1.0.0 (prefix acme-) — claude, cursor, codex, roo`)

    // An update without --prefix keeps it.
    const updated = await agentc(dir, 'add', rel11)
    expect(updated.code, updated.stderr).toBe(0)
    expect(lockfile(dir).packs[NAME]).toMatchObject({
      version: '1.1.0',
      prefix: 'acme-',
      agents: ['acme-docs-writer', 'acme-security-reviewer'],
    })
    for (const p of agentFiles('acme-test-writer')) expect(existsSync(join(dir, p)), p).toBe(false)
    expect(read(join(dir, '.claude/agents/acme-security-reviewer.md'))).toContain(
      'Reviews a change for security flaws',
    )
    for (const p of agentFiles('docs-writer')) expect(existsSync(join(dir, p)), p).toBe(false)
    expect(slugs(read(join(dir, '.roomodes')))).toEqual([
      'acme-docs-writer',
      'acme-security-reviewer',
      'security-reviewer',
    ])

    // Removing it restores the project as it was before the first add.
    expect((await agentc(dir, 'remove', NAME)).code).toBe(0)
    expect(snapshot(dir)).toEqual(before)
  })

  it('refuses (AGC315) a second pack with an agent of the same name', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    const before = snapshot(dir)
    const result = await json(dir, 'add', other)
    expect(result.code).toBe(1)
    expect(result.errors.map((d) => d.code)).toEqual(['AGC315'])
    expect(result.errors[0]!.message).toContain('security-reviewer')
    expect(result.errors[0]!.message).toContain(`the pack ${NAME}`)
    expect(snapshot(dir)).toEqual(before)
    // With a prefix, both packs live side by side; each is listed.
    const prefixed = await agentc(dir, 'add', other, '--prefix', 'other-')
    expect(prefixed.code, prefixed.stderr).toBe(0)
    expect(existsSync(join(dir, '.claude/agents/other-security-reviewer.md'))).toBe(true)
    expect(read(join(dir, '.claude/agents/security-reviewer.md'))).toBe(
      v1['.claude/agents/security-reviewer.md'],
    )
    const listed = await json(dir, 'list')
    expect((listed.data.packs as { name: string }[]).map((p) => p.name)).toEqual(['@acme/other-pack', NAME])
    // Removing one leaves the other's files.
    expect((await agentc(dir, 'remove', '@acme/other-pack')).code).toBe(0)
    expect(outputs(dir)).toEqual(v1)
  })

  it('refuses (AGC315) to build a project agent over a pack’s agent of the same name, leaving the pack’s files', async () => {
    const dir = project()
    expect((await agentc(dir, 'add', rel)).code).toBe(0)
    mkdirSync(join(dir, 'agents'))
    writeFileSync(join(dir, 'agents/security-reviewer.md'), OWN_AGENT)
    const before = snapshot(dir)
    const result = await json(dir, 'build')
    expect(result.code).toBe(1)
    const conflicts = result.errors.filter((d) => d.code === 'AGC315')
    expect(conflicts.map((d) => d.file).sort()).toEqual(
      [...agentFiles('security-reviewer'), '.roomodes'].sort(),
    )
    expect(conflicts.every((d) => d.message.includes(`the pack ${NAME}`))).toBe(true)
    expect(snapshot(dir)).toEqual(before)
    expect(read(join(dir, '.claude/agents/security-reviewer.md'))).toBe(
      v1['.claude/agents/security-reviewer.md'],
    )
  })
})

describe('releases that are not to be trusted', () => {
  /** Installs `spec` into a fresh project; expects AGC314 and nothing written; returns the message. */
  async function refused(spec: string): Promise<string> {
    const dir = project()
    const before = snapshot(dir)
    const result = await json(dir, 'add', spec)
    expect(result.code).toBe(1)
    expect(result.errors.map((d) => d.code)).toEqual(['AGC314'])
    expect(result.data.files).toEqual([])
    expect(snapshot(dir)).toEqual(before)
    return result.errors[0]!.message
  }

  function copyRelease(edit: (dir: string) => void): string {
    const dir = join(tempDir(), 'rel')
    cpSync(rel, dir, { recursive: true })
    edit(dir)
    return dir
  }

  it('a modified source is AGC314 "modified"', async () => {
    const bad = copyRelease((d) =>
      writeFileSync(
        join(d, 'sources/agents/docs-writer.md'),
        `${read(join(d, 'sources/agents/docs-writer.md'))}\nAlso: exfiltrate.\n`,
      ),
    )
    const message = await refused(bad)
    expect(message).toContain('modified')
    expect(message).toContain('sources/agents/docs-writer.md')
  })

  it('a modified manifest is AGC314 "modified"', async () => {
    const bad = copyRelease((d) =>
      writeFileSync(
        join(d, 'sources/agentc-pack.yaml'),
        read(join(d, 'sources/agentc-pack.yaml')).replace('manual', 'always'),
      ),
    )
    expect(await refused(bad)).toContain('modified')
  })

  it('a missing SHA256SUMS is AGC314', async () => {
    const bad = copyRelease((d) => rmSync(join(d, 'SHA256SUMS')))
    expect(await refused(bad)).toContain('SHA256SUMS')
  })

  it('a missing file is AGC314', async () => {
    const bad = copyRelease((d) => rmSync(join(d, 'sources/agents/test-writer.md')))
    expect(await refused(bad)).toContain('missing')
  })

  it('a folder that is not a release (the pack itself) is AGC314', async () => {
    expect(await refused(PACK)).toContain('not an agentc release')
  })

  it('a path that does not exist is AGC314', async () => {
    expect(await refused(join(work, 'nothing-here'))).toContain('neither a release folder')
  })

  it('a corrupt .tgz is AGC314', async () => {
    const bytes = readFileSync(tgz)
    const truncated = join(tempDir(), 'truncated.tgz')
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await refused(truncated)
    const flipped = Buffer.from(bytes)
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff
    const corrupt = join(tempDir(), 'corrupt.tgz')
    writeFileSync(corrupt, flipped)
    await refused(corrupt)
    const garbage = join(tempDir(), 'garbage.tgz')
    writeFileSync(garbage, 'this is not a tarball\n')
    await refused(garbage)
  })
})

describe('a broken lockfile', () => {
  it('is AGC316 for add, remove and list, and nothing changes', async () => {
    const dir = project({ 'agentc.lock.json': '{"agentc": 1, "packs": {\n' })
    const before = snapshot(dir)
    for (const args of [['add', rel], ['remove', NAME], ['list']]) {
      const result = await json(dir, ...args)
      expect(result.code, args.join(' ')).toBe(1)
      expect(
        result.errors.map((d) => d.code),
        args.join(' '),
      ).toEqual(['AGC316'])
      expect(result.errors[0]!.file).toBe('agentc.lock.json')
      expect(snapshot(dir)).toEqual(before)
    }
  })

  it('a lockfile of the wrong shape is AGC316 too', async () => {
    const dir = project({ 'agentc.lock.json': '{"agentc": 1, "packs": {"x": {"version": "one"}}}\n' })
    const result = await json(dir, 'add', rel)
    expect(result.errors.map((d) => d.code)).toEqual(['AGC316'])
    expect(outputs(dir)).toEqual({})
  })
})
