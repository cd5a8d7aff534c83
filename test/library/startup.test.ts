/**
 * Start-up of the bundled CLI (issue #7: a cold `agentc --version` within 1.5× of `node -e 0`).
 * Before it runs, the bin loads commander and the command definitions only; the compiler
 * (@agentc/core, @agentc/targets, zod, yaml, remark …) is a chunk the actions load when a command
 * runs. Checked by what the built files hold, not by timing them: a test must not fail because
 * the machine is busy (`pnpm bench` times them). Reads packages/cli/dist as `pnpm install` (the
 * `prepare` build) left it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_LIMITS, formatBytes } from '@agentc/core'
import { SOURCE_TARGET } from '@agentc/targets'
import { describe, expect, it } from 'vitest'
import { SHOWN_DEFAULTS } from '../../packages/cli/src/options'
import { loadedFiles } from './chunks'

const CLI = join(import.meta.dirname, '../../packages/cli')
const BIN = 'dist/agentc.js'
const built = existsSync(join(CLI, BIN))

/** The source modules bundled into a built file, from esbuild's `// <path>` comments. */
function bundledModules(file: string): string[] {
  const text = readFileSync(join(CLI, file), 'utf8')
  return [...text.matchAll(/^\/\/ (\S+\.(?:[cm]?js|ts|json))$/gm)].map((m) => m[1]!)
}

/**
 * The package of a bundled module that start-up must not load (the compiler packages, and every
 * dependency but commander), or undefined.
 */
function heavyPackage(module: string): string | undefined {
  const own = /(?:^|\/)packages\/(core|targets)\/src\//.exec(module)
  if (own) return `@agentc/${own[1]}`
  const dependency = /(?:^|\/)node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(
    module,
  )
  return dependency && dependency[1] !== 'commander' ? dependency[1] : undefined
}

describe.runIf(built)('the start-up of the built bin', () => {
  it('loads commander and the command definitions, not the compiler', () => {
    const files = loadedFiles(CLI, BIN, { dynamic: false })
    const modules = files.flatMap(bundledModules)
    expect(modules).toContain('packages/cli/src/program.ts')
    // By package, so a failure names what came in (e.g. a definition importing @agentc/core).
    const heavy = new Set(modules.map(heavyPackage).filter((p) => p !== undefined))
    expect([...heavy].sort()).toEqual([])
    // Every command's implementation is left to the actions chunk.
    expect(
      modules.filter(
        (m) => /packages\/cli\/src\/commands\/[\w-]+\.ts$/.test(m) && !m.endsWith('.command.ts'),
      ),
    ).toEqual([])
    const bytes = files.reduce((sum, f) => sum + statSync(join(CLI, f)).size, 0)
    // About 150 KB (commander is 130 KB of it); the whole CLI is about 2.3 MB.
    expect(bytes).toBeLessThan(256 * 1024)
  })

  it('loads the compiler when a command runs, from any working directory', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'agentc-startup-'))
    try {
      writeFileSync(join(cwd, 'reviewer.md'), '---\ndescription: Reviews diffs\n---\nReview the diff.\n')
      const out = execFileSync(
        process.execPath,
        [join(CLI, BIN), 'convert', 'reviewer.md', '--to', 'claude'],
        {
          cwd,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      expect(out).toContain('name: reviewer')
      expect(out).toContain('Review the diff.')
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  })

  it('loads string-width only when a code frame measures other than ASCII, and measures it right', () => {
    // The bundle evaluates string-width on the first call (scripts/build.mjs, lazyStringWidth).
    const chunks = loadedFiles(CLI, BIN, { dynamic: true }).map((f) => readFileSync(join(CLI, f), 'utf8'))
    expect(chunks.some((text) => text.includes('// lazy:string-width'))).toBe(true)
    const cwd = mkdtempSync(join(tmpdir(), 'agentc-startup-'))
    try {
      // Ten wide characters before the bad escape: the caret goes 20 cells along, not 10.
      writeFileSync(join(cwd, 'wide.md'), '---\ndescription: "日本語のエージェント\\q"\n---\nBody.\n')
      let stderr = ''
      try {
        execFileSync(process.execPath, [join(CLI, BIN), 'convert', 'wide.md', '--to', 'claude'], {
          cwd,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      } catch (error) {
        stderr = String((error as { stderr?: string }).stderr)
      }
      const lines = stderr.split('\n')
      const frame = lines.findIndex((l) => l.includes('description: "日本語'))
      expect(frame).toBeGreaterThan(0)
      const caret = lines[frame + 1]!.indexOf('^')
      const before = lines[frame]!.slice(0, lines[frame]!.indexOf('\\q'))
      // Cells before the backslash: the ASCII characters count one each, the wide ones two.
      const cells = [...before].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
      expect(caret).toBe(cells)
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  })
})

describe('the defaults the help names', () => {
  // The definitions must not import @agentc/core or @agentc/targets (see packages/cli/src/options.ts),
  // so they spell the defaults out; these are the values the commands use.
  it('are those of @agentc/core and @agentc/targets', () => {
    expect(SHOWN_DEFAULTS).toEqual({
      maxFileSize: formatBytes(DEFAULT_LIMITS.maxFileBytes),
      maxLineLength: DEFAULT_LIMITS.maxLineLength,
      maxFiles: DEFAULT_LIMITS.maxFiles,
      sourceFormat: SOURCE_TARGET,
    })
  })
})
