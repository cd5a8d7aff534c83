import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nodeFileSystem, run } from 'agentc'

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** The shared seed agent, when `../shared` is present (it is not in a user's clone). */
export const SEED = join(ROOT, '../shared/seed/backend-engineer.md')
export const HAS_SEED = existsSync(SEED)

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'agentc-test-'))
}

/** Runs the CLI in-process in `cwd`; returns the exit code and what it printed. */
export async function agentc(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    cwd,
    fs: nodeFileSystem,
    stdout: (t) => {
      stdout += t
    },
    stderr: (t) => {
      stderr += t
    },
  })
  return { code, stdout, stderr }
}

/**
 * Every file below `dir`, as sorted POSIX paths relative to it — without build records
 * (`.agentc/cache/`: local state that depends on the folder built in, not output; its own tests
 * are in build-cache.test.ts).
 */
export function listTree(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) {
        if (!isBuildRecord(full)) walk(full)
      } else out.push(relative(dir, full).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** Reads a file as UTF-8. */
export function read(path: string): string {
  return readFileSync(path, 'utf8')
}

/** Whether a folder is an output root's build record folder (`.agentc/cache`). */
export function isBuildRecord(folder: string): boolean {
  return folder.split(sep).slice(-2).join('/') === '.agentc/cache'
}
