/**
 * What `npm pack` of each publishable package holds: what a consumer needs (the built JS, the
 * declarations of every module, README, LICENSE, package.json) and nothing else. Reads the
 * packages' dist/ as `pnpm install` (the `prepare` build) left it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadedFiles } from './chunks'

const ROOT = join(import.meta.dirname, '../..')

interface Manifest {
  name: string
  main?: string
  types?: string
  bin?: Record<string, string>
  files?: string[]
  exports?: Record<string, unknown>
}

/** The declaration files reachable from dist/index.d.ts through relative imports. */
function reachableDeclarations(pkgDir: string): string[] {
  const seen = new Set<string>()
  const queue = ['dist/index.d.ts']
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const text = readFileSync(join(pkgDir, file), 'utf8')
    for (const m of text.matchAll(/(?:from\s+|import\()["'](\.{1,2}\/[^"']+)["']/g)) {
      const spec = m[1]!
      expect(spec, `${file} imports ${spec} without the .js Node's ESM resolution needs`).toMatch(/\.js$/)
      const target = join(file, '..', spec.replace(/\.js$/, '.d.ts')).replaceAll('\\', '/')
      expect(existsSync(join(pkgDir, target)), `${file} imports ${spec}, which is not built`).toBe(true)
      queue.push(target)
    }
  }
  return [...seen].sort()
}

const packages = ['core', 'targets', 'cli'] as const

describe.each(packages)('npm pack of packages/%s', (pkg) => {
  const dir = join(ROOT, 'packages', pkg)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
  const built = existsSync(join(dir, 'dist/index.js')) && existsSync(join(dir, 'dist/index.d.ts'))

  it('is built (pnpm install, or pnpm build, builds it)', () => {
    expect(built).toBe(true)
  })

  it.runIf(built)(
    'holds the built JS, every declaration, README, LICENSE and package.json, nothing else',
    () => {
      const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, npm_config_loglevel: 'silent', npm_config_update_notifier: 'false' },
      })
      const [report] = JSON.parse(out) as [{ name: string; files: { path: string }[] }]
      expect(report.name).toBe(manifest.name)
      const files = report.files.map((f) => f.path).sort()

      // Every declaration reachable from dist/index.d.ts, each of its relative imports resolving.
      const declarations = reachableDeclarations(dir)
      expect(declarations.length).toBeGreaterThan(1)
      const expected = [
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        ...declarations,
        ...Object.values(manifest.bin ?? {}).map((p) => p.replace(/^\.\//, '')),
        // The chunks of the bundled CLI that the bin loads, at start-up or when a command runs.
        ...Object.values(manifest.bin ?? {}).flatMap((p) =>
          loadedFiles(dir, p.replace(/^\.\//, ''), { dynamic: true }),
        ),
        // The JSON Schema of agentc.config.*, which configs refer to through `$schema`.
        ...(pkg === 'cli' ? ['schema/agentc-pack.schema.json', 'schema/agentc.config.schema.json'] : []),
      ]
      expect(files).toEqual([...new Set(expected)].sort())
      // Nothing a consumer does not need.
      for (const file of files) {
        expect(file).not.toMatch(/(^src\/|\.test\.|\.tsbuildinfo$|\.map$|^node_modules\/|^test\/)/)
      }
    },
  )

  it('points main, types and the exports map at files the package holds', () => {
    const root = manifest.exports?.['.'] as Record<string, string>
    expect(Object.keys(root)).toEqual(['agentc-source', 'types', 'default'])
    expect(root.types).toBe('./dist/index.d.ts')
    expect(root.default).toBe('./dist/index.js')
    expect(manifest.main).toBe(root.default)
    expect(manifest.types).toBe(root.types)
    expect(manifest.files).toEqual(pkg === 'cli' ? ['dist', 'schema'] : ['dist'])
    expect(existsSync(join(dir, 'README.md'))).toBe(true)
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'))
  })
})

describe('the built packages, as Node loads them', () => {
  it('import without the workspace source condition and convert text', () => {
    // Node resolves each package through its exports map to dist/index.js, as from npm.
    const script = `
      import * as agentc from 'agentc'
      import * as core from '@agentc/core'
      import * as targets from '@agentc/targets'
      const text = '---\\ndescription: Reviews diffs\\ntemperature: 0.3\\n---\\nReview the diff.\\n'
      const result = agentc.convert(text, { from: 'opencode', to: 'claude', path: 'agents/reviewer.md' })
      const parsed = core.parseFile(targets.opencode, { path: 'agents/reviewer.md', text })
      console.log(JSON.stringify({ result, ids: targets.targets().map((t) => t.id), name: parsed.value[0].name }))
    `
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
    })
    const { result, ids, name } = JSON.parse(out)
    expect(name).toBe('reviewer')
    expect(ids).toHaveLength(19)
    expect(result.files).toEqual([
      { path: '.claude/agents/reviewer.md', contents: expect.stringContaining('name: reviewer') },
    ])
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'AGC201', field: 'sampling.temperature', line: 3, column: 1 }),
    )
  })
})
