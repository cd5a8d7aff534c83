/**
 * A model-based property over the whole output sync: random sequences of source changes, hand
 * edits of outputs, foreign files and builds (with and without --force), checked after every
 * build against the rules:
 * - a build that fails changes nothing in the output root;
 * - a build that succeeds leaves exactly what a fresh build of the same sources writes, plus
 *   every file agentc did not write (byte for byte), and no hand edit is lost without --force;
 * - a second build in a row writes nothing.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configureProperties } from '../properties/arbitraries'
import { agentc, agentSource, listTree, tempDir } from './helpers'

configureProperties()

const TARGETS = 'claude,cursor,agents-md'
const NAMES = ['alpha', 'beta', 'gamma', 'delta'] as const

interface World {
  readonly dir: string
  /** Source name → version. */
  readonly sources: Map<string, number>
  /** Files someone else put in the output root, path → contents. */
  readonly foreign: Map<string, string>
  /** Outputs edited by hand since the last successful build, path → contents. */
  readonly edited: Map<string, string>
}

function tree(root: string): Map<string, string> {
  return new Map(listTree(root).map((p) => [p, readFileSync(join(root, p), 'utf8')]))
}

function writeSource(w: World, name: string, version: number): void {
  mkdirSync(join(w.dir, 'agents'), { recursive: true })
  writeFileSync(
    join(w.dir, 'agents', `${name}.md`),
    agentSource(name, 0.2).replace('reviews', `reviews (v${version})`),
  )
}

/** What a fresh build of the current sources writes (manifest aside). */
async function fresh(w: World): Promise<Map<string, string>> {
  const out = join(tempDir(), 'out')
  if (w.sources.size > 0) {
    const r = await agentc(w.dir, 'build', 'agents', '--target', TARGETS, '--out', out)
    expect(r.code, r.stderr).toBe(0)
  }
  const files = tree(out)
  files.delete('.agentc/manifest.json')
  return files
}

type Command = fc.AsyncCommand<object, World>

/** How many builds passed and how many were refused (the run must see both). */
const stats = { passed: 0, refused: 0 }

class SetSource implements Command {
  constructor(
    readonly name: string,
    readonly version: number,
  ) {}
  check = () => true
  async run(_m: object, w: World) {
    writeSource(w, this.name, this.version)
    w.sources.set(this.name, this.version)
  }
  toString = () => `set ${this.name} v${this.version}`
}

class RemoveSource implements Command {
  constructor(readonly name: string) {}
  check = () => true
  async run(_m: object, w: World) {
    rmSync(join(w.dir, 'agents', `${this.name}.md`), { force: true })
    w.sources.delete(this.name)
  }
  toString = () => `remove ${this.name}`
}

class EditOutput implements Command {
  constructor(readonly pick: number) {}
  check = () => true
  async run(_m: object, w: World) {
    const outputs = listTree(join(w.dir, 'out')).filter(
      (p) => !p.startsWith('.agentc/') && p !== 'AGENTS.md' && !w.foreign.has(p),
    )
    if (outputs.length === 0) return
    const path = outputs[this.pick % outputs.length]!
    const text = `${readFileSync(join(w.dir, 'out', path), 'utf8')}\nHand edit ${this.pick}.\n`
    writeFileSync(join(w.dir, 'out', path), text)
    w.edited.set(path, text)
  }
  toString = () => `edit output #${this.pick}`
}

class AddForeign implements Command {
  constructor(
    readonly path: string,
    readonly text: string,
  ) {}
  check = () => true
  async run(_m: object, w: World) {
    if (existsSync(join(w.dir, 'out', this.path))) return
    mkdirSync(dirname(join(w.dir, 'out', this.path)), { recursive: true })
    writeFileSync(join(w.dir, 'out', this.path), this.text)
    w.foreign.set(this.path, this.text)
  }
  toString = () => `foreign ${this.path}`
}

class Build implements Command {
  constructor(readonly force: boolean) {}
  check = () => true
  async run(_m: object, w: World) {
    const out = join(w.dir, 'out')
    const before = tree(out)
    mkdirSync(join(w.dir, 'agents'), { recursive: true })
    const args = ['build', 'agents', '--target', TARGETS, '--out', 'out', ...(this.force ? ['--force'] : [])]
    const result = await agentc(w.dir, ...args)
    const after = tree(out)
    stats[result.code === 0 ? 'passed' : 'refused']++
    if (this.force) expect(result.code, result.stderr).toBe(0)
    if (result.code !== 0) {
      expect(result.stderr).toMatch(/AGC308|AGC302/)
      expect(after, 'a failed build changed the output root').toEqual(before)
      return
    }
    const expected = await fresh(w)
    for (const [path, text] of expected) {
      // Without --force, a foreign file at an output path only survives a build that adopted it.
      expect(after.get(path), `${path} is not what a fresh build writes`).toBe(text)
    }
    for (const [path, text] of w.foreign) {
      if (!expected.has(path)) expect(after.get(path), `foreign ${path} was lost`).toBe(text)
      else if (!this.force)
        expect(text, `foreign ${path} was overwritten without --force`).toBe(expected.get(path))
    }
    for (const [path, text] of w.edited) {
      if (!this.force) expect(after.get(path), `hand edit of ${path} was lost without --force`).toBe(text)
    }
    for (const path of after.keys()) {
      if (path === '.agentc/manifest.json') continue
      expect(expected.has(path) || w.foreign.has(path), `${path} is left over`).toBe(true)
    }
    w.edited.clear()
    for (const path of [...w.foreign.keys()]) if (expected.has(path)) w.foreign.delete(path)
    const again = await agentc(w.dir, 'build', 'agents', '--target', TARGETS, '--out', 'out')
    expect(again.code).toBe(0)
    expect(again.stdout, 'a second build wrote something').toBe('')
  }
  toString = () => `build${this.force ? ' --force' : ''}`
}

const name = fc.constantFrom(...NAMES)
const commands = [
  fc.tuple(name, fc.integer({ min: 1, max: 3 })).map(([n, v]) => new SetSource(n, v)),
  name.map((n) => new RemoveSource(n)),
  fc.nat(20).map((i) => new EditOutput(i)),
  fc
    .tuple(
      fc.constantFrom('.claude/agents/', '.cursor/rules/', 'notes/', ''),
      fc.constantFrom(...NAMES, 'mine', 'README'),
      fc.constantFrom('.md', '.mdc', '.txt'),
    )
    .map(([dir, n, ext]) => new AddForeign(`${dir}${n}${ext}`, `written by someone else (${n})\n`)),
  fc.boolean().map((force) => new Build(force)),
]

describe('the output sync, as a model', () => {
  it('never loses a foreign file or a hand edit, and converges on a fresh build', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (cmds) => {
        const world: World = { dir: tempDir(), sources: new Map(), foreign: new Map(), edited: new Map() }
        await fc.asyncModelRun(
          () => ({ model: {}, real: world }),
          [...cmds, new Build(false), new Build(true)],
        )
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 200) >= 200 ? 25 : 5 },
    )
    expect(stats.passed).toBeGreaterThan(10)
    expect(stats.refused).toBeGreaterThan(0)
  })
})
