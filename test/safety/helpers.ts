/**
 * Helpers of the adversarial suite: sandboxes, tree snapshots (contents and modification
 * times), generated projects and the CLI bundled fresh from the sources for whole-process tests.
 */
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { build } from 'esbuild'
import { isBuildRecord, ROOT, tempDir } from '../cli/helpers'

export { agentc, listTree, ROOT, read, tempDir } from '../cli/helpers'

/** One entry of a tree snapshot. */
export interface Snapshot {
  readonly kind: 'file' | 'link' | 'dir'
  /** File contents, or the link's target. */
  readonly content: string
  readonly mtimeMs: number
}

/**
 * Every file, link and folder below `dir` (links not followed), keyed by POSIX path — without
 * build records (`.agentc/cache/`: local state, not output; tested in test/cli/build-cache.test.ts).
 */
export function snapshot(dir: string): Map<string, Snapshot> {
  const out = new Map<string, Snapshot>()
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name)
      const rel = relative(dir, full).split(sep).join('/')
      const info = lstatSync(full)
      if (info.isSymbolicLink()) out.set(rel, { kind: 'link', content: readlinkSync(full), mtimeMs: 0 })
      else if (info.isDirectory()) {
        if (isBuildRecord(full)) continue
        out.set(rel, { kind: 'dir', content: '', mtimeMs: 0 })
        walk(full)
      } else out.set(rel, { kind: 'file', content: readFileSync(full, 'latin1'), mtimeMs: info.mtimeMs })
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}

/** Writes files (POSIX paths relative to `dir`), creating folders. */
export function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), contents)
  }
}

/** An OpenCode agent source with a tool map, bash rules, a model and a body of about `kb` KB. */
export function agentSource(name: string, kb = 1): string {
  const paragraph = `The ${name} agent reviews changes, runs the tests and reports what it found. `
  const body = `# ${name}\n\n${paragraph.repeat(Math.max(1, Math.round((kb * 1024) / paragraph.length)))}\n`
  return `---\ndescription: Agent ${name} for the safety tests\nmode: subagent\nmodel: anthropic/claude-sonnet-4-5\ntemperature: 0.2\ntools:\n  webfetch: false\npermission:\n  bash:\n    "*": ask\n    "git status": allow\n---\n\n${body}`
}

/** A project folder with `count` agents in `agents/`. */
export function projectWith(count: number, kb = 1): string {
  const dir = tempDir()
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++)
    files[`agents/agent-${String(i).padStart(4, '0')}.md`] = agentSource(`agent-${i}`, kb)
  writeTree(dir, files)
  return dir
}

let bundled: Promise<string> | undefined

/**
 * The CLI bundled from the current sources into a temporary folder (so a whole-process test
 * never runs a stale `dist/`).
 */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const out = join(tempDir(), 'agentc.mjs')
    await build({
      entryPoints: [join(ROOT, 'packages/cli/src/bin.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['agentc-source'],
      mainFields: ['module', 'main'],
      logLevel: 'error',
      banner: {
        js: "import { createRequire as __agentcCreateRequire } from 'node:module';\nconst require = __agentcCreateRequire(import.meta.url);",
      },
    })
    return out
  })()
  return bundled
}

/** Runs the bundled CLI to completion in `cwd`. */
export function runCli(
  bundle: string,
  cwd: string,
  args: string[],
): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' })
    return { code: 0, stdout, stderr: '' }
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string }
    return { code: e.status, stdout: e.stdout, stderr: e.stderr }
  }
}
