/**
 * The build record (`.agentc/cache/build.json`, packages/cli/src/io/build-cache.ts): a build of
 * the same inputs and settings over an untouched output root answers from it without compiling.
 * It may make a build faster, never different: every test here holds a build that may use the
 * record to the same build with `--no-cache` in a twin project.
 */

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type Deps, nodeFileSystem, run } from 'agentc'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configureProperties } from '../properties/arbitraries'
import { agentSource } from '../safety/helpers'
import { listTree, tempDir } from './helpers'

configureProperties()

const RECORD = '.agentc/cache/build.json'

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex')

/** Runs the CLI in-process; counts the times it took an output root's lock (a full write build). */
async function cli(cwd: string, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  let locks = 0
  const deps: Deps = {
    cwd,
    fs: {
      ...nodeFileSystem,
      createExclusive: (path, contents) => {
        locks++
        return nodeFileSystem.createExclusive(path, contents)
      },
    },
    stdout: (t) => {
      stdout += t
    },
    stderr: (t) => {
      stderr += t
    },
  }
  const code = await run(args, deps)
  return { code, stdout, stderr, locks }
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}

/** Every file below `dir` with its text, the build record aside. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(listTree(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]))
}

/** Two identical projects: `cached` builds as users do, `plain` with --no-cache. */
function twins(files: Record<string, string>) {
  const make = () => {
    const dir = join(tempDir(), 'project')
    for (const [path, text] of Object.entries(files)) write(dir, path, text)
    return dir
  }
  const cached = make()
  const plain = make()
  return {
    cached,
    plain,
    /** Runs the same change in both. */
    both(change: (dir: string) => void) {
      change(cached)
      change(plain)
    },
    /** Builds both; expects the same exit code, output and files; returns the cached run. */
    async build(...args: string[]) {
      const a = await cli(cached, ...args)
      const b = await cli(plain, ...args, '--no-cache')
      expect({ code: a.code, stdout: a.stdout, stderr: a.stderr }).toEqual({
        code: b.code,
        stdout: b.stdout,
        stderr: b.stderr,
      })
      expect(tree(cached)).toEqual(tree(plain))
      return a
    },
  }
}

const AGENTS = {
  'agents/alpha.md': agentSource('alpha', 0.3),
  'agents/beta.md': agentSource('beta', 0.3),
}
const BUILD = ['build', 'agents', '--target', 'claude,cursor,roo,agents-md', '--out', 'out']

describe('the build record', () => {
  it('answers a second build: same report and files, no lock taken, nothing written', async () => {
    const t = twins(AGENTS)
    const first = await t.build(...BUILD)
    expect(first.code).toBe(0)
    expect(first.locks).toBe(1)
    expect(readFileSync(join(t.cached, 'out/.agentc/cache/.gitignore'), 'utf8')).toMatch(/^\*$/m)
    const record = join(t.cached, 'out', RECORD)
    const before = Object.fromEntries(
      listTree(join(t.cached, 'out')).map((p) => [p, statSync(join(t.cached, 'out', p)).mtimeMs]),
    )
    const recordTime = statSync(record).mtimeMs
    for (const extra of [[], ['--format', 'json'], ['--check'], ['--dry-run'], ['--strict'], ['--verbose']]) {
      const again = await t.build(...BUILD, ...extra)
      expect(again.locks, extra.join(' ')).toBe(0)
    }
    const after = Object.fromEntries(
      listTree(join(t.cached, 'out')).map((p) => [p, statSync(join(t.cached, 'out', p)).mtimeMs]),
    )
    expect(after).toEqual(before)
    expect(statSync(record).mtimeMs).toBe(recordTime)
  })

  it('replays what it recorded rather than compiling (shown by tampering with it)', async () => {
    const dir = join(tempDir(), 'project')
    for (const [path, text] of Object.entries(AGENTS)) write(dir, path, text)
    expect((await cli(dir, ...BUILD)).code).toBe(0)
    const path = join(dir, 'out', RECORD)
    const record = JSON.parse(readFileSync(path, 'utf8'))
    // The message (field 2 of a row, in the string table) of beta's first claude diagnostic:
    // inputs[i] = [path, sha256, names, parse rows, units]; unit = [doc, target, shared, rows, outputs].
    const beta = record.inputs.find((i: [string]) => i[0] === 'agents/beta.md')
    const unit = beta[4].find((u: unknown[]) => u[1] === 'claude')
    const original = record.strings[unit[3][0][2]]
    unit[3][0][2] = record.strings.push('Replayed from the build record.') - 1
    writeFileSync(path, JSON.stringify(record))
    const hit = await cli(dir, ...BUILD)
    expect(hit.stderr).toContain('Replayed from the build record.')
    const count = (text: string) => text.split(original).length - 1
    expect(count(hit.stderr)).toBe(1) // alpha's; beta's is the replayed one
    // alpha edited: the build runs, compiles alpha, and takes beta's claude result from the record.
    write(dir, 'agents/alpha.md', agentSource('alpha', 0.4))
    const partial = await cli(dir, ...BUILD)
    expect(partial.locks).toBe(1)
    expect(partial.stderr).toContain('Replayed from the build record.')
    // The full build of --no-cache says what the compile says (and renews the record).
    const plain = await cli(dir, ...BUILD, '--no-cache')
    expect(plain.stderr).not.toContain('Replayed')
    expect(count(plain.stderr)).toBe(2)
  })

  it('compiles again only what changed: units whose outputs were edited, and shared files', async () => {
    const t = twins(AGENTS)
    expect((await t.build(...BUILD)).code).toBe(0)
    // Hand edits of one output and of a shared file, then an input edit: each build as --no-cache.
    t.both((d) => write(d, 'out/.cursor/rules/beta.mdc', 'mine\n'))
    expect((await t.build(...BUILD)).code).toBe(1)
    expect((await t.build(...BUILD, '--force')).code).toBe(0)
    t.both((d) => write(d, 'out/AGENTS.md', `# Ours\n\n${readFileSync(join(d, 'out/AGENTS.md'), 'utf8')}`))
    t.both((d) => write(d, 'agents/alpha.md', agentSource('alpha', 0.5)))
    expect((await t.build(...BUILD)).code).toBe(0)
    t.both((d) => rmSync(join(d, 'out/.claude/agents/beta.md')))
    expect((await t.build(...BUILD)).code).toBe(0)
    expect(readFileSync(join(t.cached, 'out/AGENTS.md'), 'utf8')).toMatch(/^# Ours/)
  })

  it('is not written by --check or --dry-run, and goes when the build leaves no outputs', async () => {
    const dir = join(tempDir(), 'project')
    for (const [path, text] of Object.entries(AGENTS)) write(dir, path, text)
    write(dir, 'agentc.config.yaml', 'targets: [claude, roo]\nsources: ["agents/**/*.md"]\nout: out\n')
    expect((await cli(dir, 'build', '--dry-run')).code).toBe(0)
    expect((await cli(dir, 'build', '--check')).code).toBe(1)
    expect(existsSync(join(dir, 'out'))).toBe(false)
    expect((await cli(dir, 'build')).code).toBe(0)
    expect(existsSync(join(dir, 'out', RECORD))).toBe(true)
    // Every source gone: the configured build deletes its outputs, the manifest and the record.
    for (const path of Object.keys(AGENTS)) rmSync(join(dir, path))
    const emptied = await cli(dir, 'build')
    expect(emptied.code, emptied.stderr).toBe(0)
    expect(listTree(join(dir, 'out'))).toEqual([])
    expect(existsSync(join(dir, 'out/.agentc'))).toBe(false)
  })

  it('is used only while every input, output, setting and the manifest are as recorded', async () => {
    const t = twins({ ...AGENTS, 'agentc.config.yaml': 'targets: [claude, roo]\nsources: [agents]\n' })
    expect((await t.build(...BUILD)).code).toBe(0)
    const changes: [string, (dir: string) => void, string[]?][] = [
      ['an input edited', (d) => write(d, 'agents/alpha.md', agentSource('alpha', 0.4))],
      ['an input added', (d) => write(d, 'agents/gamma.md', agentSource('gamma', 0.2))],
      ['an input removed', (d) => rmSync(join(d, 'agents/gamma.md'))],
      ['an output edited by hand', (d) => write(d, 'out/.claude/agents/alpha.md', 'mine\n')],
      ['the edit forced away', () => {}, ['--force']],
      ['an output deleted', (d) => rmSync(join(d, 'out/.cursor/rules/beta.mdc'))],
      [
        'a shared file edited',
        (d) => write(d, 'out/AGENTS.md', `# Ours\n\n${readFileSync(join(d, 'out/AGENTS.md'), 'utf8')}`),
      ],
      [
        '.roomodes gains a mode of the user',
        (d) =>
          write(
            d,
            'out/.roomodes',
            `${readFileSync(join(d, 'out/.roomodes'), 'utf8')}  - slug: mine\n    name: Mine\n    roleDefinition: Mine.\n    groups: [read]\n`,
          ),
      ],
      [
        'the manifest edited',
        (d) =>
          write(
            d,
            'out/.agentc/manifest.json',
            readFileSync(join(d, 'out/.agentc/manifest.json'), 'utf8').replace('"claude"', '"claude" '),
          ),
      ],
      [
        'an output replaced by a link',
        (d) => {
          const file = join(d, 'out/.claude/agents/beta.md')
          const text = readFileSync(file, 'utf8')
          write(d, 'elsewhere/beta.md', text)
          rmSync(file)
          symlinkSync(join(d, 'elsewhere/beta.md'), file)
        },
      ],
      ['the link forced away', () => {}, ['--force']],
      [
        'the configuration changed',
        (d) =>
          write(
            d,
            'agentc.config.yaml',
            'targets: [claude]\nsources: [agents]\nmodels:\n  anthropic/claude-sonnet-4-5: opus\n',
          ),
      ],
      ['other targets', () => {}, ['--target', 'claude']],
      ['references rewritten', () => {}, ['--rewrite-references']],
      ['Claude settings', () => {}, ['--claude-settings']],
      ['a lower line limit', () => {}, ['--max-line-length', '100']],
    ]
    for (const [what, change, extra = []] of changes) {
      t.both(change)
      const args =
        extra[0] === '--target' ? [...BUILD.slice(0, 3), ...extra, '--out', 'out'] : [...BUILD, ...extra]
      const changed = await t.build(...args)
      // A change in a write build: the record is not used (the lock is taken) and is then renewed.
      if (changed.code === 0) expect(changed.locks, what).toBe(1)
      const again = await t.build(...args)
      if (changed.code === 0) expect(again.locks, `${what}, built again`).toBe(0)
    }
  })

  it('keys on the working folder (diagnostics name files relative to it)', async () => {
    const t = twins(AGENTS)
    expect((await t.build(...BUILD)).code).toBe(0)
    mkdirSync(join(t.cached, 'sub'))
    mkdirSync(join(t.plain, 'sub'))
    const fromSub = (dir: string, ...extra: string[]) =>
      cli(
        join(dir, 'sub'),
        'build',
        '../agents',
        '--target',
        'claude,cursor,roo,agents-md',
        '--out',
        '../out',
        ...extra,
      )
    const a = await fromSub(t.cached)
    const b = await fromSub(t.plain, '--no-cache')
    expect(a.stderr).toBe(b.stderr)
    expect(a.stderr).toContain('../agents/alpha.md:')
  })

  it('ignores a damaged or tampered record and builds in full', async () => {
    const t = twins(AGENTS)
    expect((await t.build(...BUILD)).code).toBe(0)
    const good = readFileSync(join(t.cached, 'out', RECORD), 'utf8')
    const record = JSON.parse(good)
    const damaged = [
      '',
      '{ "agentcBuildCache": 1, ',
      'null',
      JSON.stringify({ ...record, agentcBuildCache: 2 }),
      JSON.stringify({ ...record, key: 'x' }),
      JSON.stringify({ ...record, files: [['../outside.md', 'claude', record.files[0][2]]] }),
      JSON.stringify({ ...record, files: [['/etc/passwd', 'claude', record.files[0][2]]] }),
      JSON.stringify({ ...record, tail: [[0, 0, 0, null, 1, 1, null, null, null]] }),
      JSON.stringify({ ...record, tail: [[9999, 1, 2, null, null, null, null, null, null]] }),
      JSON.stringify({ ...record, strings: [] }),
      JSON.stringify({ ...record, inputs: record.inputs.map((i: unknown[]) => [...i.slice(0, 4), 'units']) }),
      JSON.stringify({
        ...record,
        inputs: record.inputs.map((i: unknown[][]) => [
          ...i.slice(0, 4),
          (i[4] as unknown[][]).map((u) => [...u.slice(0, 3), [[1, 2, 3]], u[4]]),
        ]),
      }),
      JSON.stringify({
        ...record,
        files: record.files.slice(1).concat([[record.files[0][0], 'claude', '0'.repeat(64)]]),
      }),
    ]
    for (const text of damaged) {
      write(t.cached, `out/${RECORD}`, text)
      const a = await t.build(...BUILD)
      expect(a.locks, text.slice(0, 60)).toBe(1)
      // The full build puts a good record back.
      expect(readFileSync(join(t.cached, 'out', RECORD), 'utf8')).toBe(good)
    }
    // Outputs a record names outside the root are never read back as an input's results.
    // (out/../outside.md: in the project, beside the output root.)
    t.both((d) => write(d, 'outside.md', 'not an output\n'))
    const units = (u: unknown[]) => [...u.slice(0, 4), (u[4] as string[]).map(() => '../outside.md')]
    write(
      t.cached,
      `out/${RECORD}`,
      JSON.stringify({
        ...record,
        files: [...record.files, ['../outside.md', 'claude', hashOf('not an output\n')]],
        inputs: record.inputs.map((i: unknown[][]) => [...i.slice(0, 4), (i[4] as unknown[][]).map(units)]),
      }),
    )
    t.both((d) => write(d, 'agents/alpha.md', agentSource('alpha', 0.5)))
    expect((await t.build(...BUILD)).code).toBe(0)
  })

  it('holds to --no-cache over random sequences of edits and builds', async () => {
    const names = ['alpha', 'beta', 'gamma'] as const
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('edit' as const),
        name: fc.constantFrom(...names),
        kb: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({ kind: fc.constant('remove' as const), name: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('hand-edit' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('delete-output' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('build' as const),
        mode: fc.constantFrom<string[]>([], ['--check'], ['--dry-run'], ['--force'], ['--format', 'json']),
        twice: fc.boolean(),
        targets: fc.constantFrom('claude,cursor,roo,agents-md', 'claude,roo', 'cursor'),
      }),
    )
    let hits = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const t = twins({ 'agents/alpha.md': agentSource('alpha', 0.1) })
        for (const o of ops) {
          if (o.kind === 'edit')
            t.both((d) => write(d, `agents/${o.name}.md`, agentSource(o.name, o.kb / 10)))
          else if (o.kind === 'remove') t.both((d) => rmSync(join(d, `agents/${o.name}.md`), { force: true }))
          else if (o.kind === 'hand-edit' || o.kind === 'delete-output') {
            const outputs = listTree(join(t.cached, 'out')).filter((p) => !p.startsWith('.agentc/'))
            const path = outputs[o.pick % Math.max(1, outputs.length)]
            if (path === undefined) continue
            t.both((d) =>
              o.kind === 'hand-edit'
                ? writeFileSync(join(d, 'out', path), `${readFileSync(join(d, 'out', path), 'utf8')}\nmine\n`)
                : rmSync(join(d, 'out', path)),
            )
          } else {
            if (!existsSync(join(t.cached, 'agents'))) continue
            for (let i = 0; i < (o.twice ? 2 : 1); i++) {
              const r = await t.build('build', 'agents', '--target', o.targets, '--out', 'out', ...o.mode)
              const writes = !o.mode.includes('--check') && !o.mode.includes('--dry-run')
              if (writes && r.code === 0 && r.locks === 0) hits++
            }
          }
        }
      }),
      { numRuns: 80 },
    )
    // The sequences must have exercised the record, not only missed it.
    expect(hits).toBeGreaterThan(0)
  }, 120_000)
})
