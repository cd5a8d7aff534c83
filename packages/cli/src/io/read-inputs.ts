import { join, relative, resolve, sep } from 'node:path'
import { createDiagnostic, type Diagnostic } from '@agentc/core'
import type { Deps } from './deps'

/** A source file read from disk. */
export interface InputFile {
  /** Path relative to the working directory, POSIX separators (used in diagnostics). */
  readonly path: string
  readonly text: string
}

/** Files never taken as agents when a folder is scanned. */
const SKIPPED_FILES = new Set(['readme.md', 'changelog.md', 'license.md', 'contributing.md'])

/** A path relative to the working directory, POSIX separators. */
export function displayPath(deps: Deps, absolute: string): string {
  const rel = relative(deps.cwd, absolute)
  return (rel === '' ? '.' : rel).split(sep).join('/')
}

/**
 * Expands files and folders into source files: a folder contributes every `*.md` below it
 * (hidden folders, `node_modules` and README-like files skipped), sorted by path.
 */
export async function readInputs(
  deps: Deps,
  paths: readonly string[],
  matches: (name: string) => boolean = (name) => name.endsWith('.md'),
): Promise<{ files: InputFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = []
  const found = new Set<string>()
  for (const path of paths) {
    const absolute = resolve(deps.cwd, path)
    const info = await deps.fs.stat(absolute)
    if (!info) {
      diagnostics.push(
        createDiagnostic('AGC304', `${path} does not exist.`, { file: displayPath(deps, absolute) }),
      )
      continue
    }
    if (info.isFile) {
      found.add(absolute)
      continue
    }
    const before = found.size
    await walk(deps, absolute, found, matches, diagnostics)
    if (found.size === before) {
      diagnostics.push(
        createDiagnostic('AGC303', `The folder ${path} contains no agent files (*.md).`, {
          file: displayPath(deps, absolute),
        }),
      )
    }
  }
  const files: InputFile[] = []
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (const absolute of [...found].sort()) {
    const path = displayPath(deps, absolute)
    let bytes: Uint8Array
    try {
      bytes = await deps.fs.readBytes(absolute)
    } catch (error) {
      diagnostics.push(
        createDiagnostic('AGC304', `${path} cannot be read (${errorCode(error)}).`, { file: path }),
      )
      continue
    }
    try {
      files.push({ path, text: decoder.decode(bytes) })
    } catch {
      diagnostics.push(
        createDiagnostic('AGC005', 'The file is not valid UTF-8 text.', { file: path, line: 1, column: 1 }),
      )
    }
  }
  return { files, diagnostics }
}

async function walk(
  deps: Deps,
  dir: string,
  found: Set<string>,
  matches: (name: string) => boolean,
  diagnostics: Diagnostic[],
): Promise<void> {
  let entries: Awaited<ReturnType<Deps['fs']['readdir']>>
  try {
    entries = await deps.fs.readdir(dir)
  } catch (error) {
    diagnostics.push(
      createDiagnostic(
        'AGC304',
        `The folder ${displayPath(deps, dir)} cannot be read (${errorCode(error)}).`,
        {
          file: displayPath(deps, dir),
        },
      ),
    )
    return
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name)
    if (entry.isDirectory) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      await walk(deps, full, found, matches, diagnostics)
    } else if (entry.isFile && matches(entry.name) && !SKIPPED_FILES.has(entry.name.toLowerCase())) {
      found.add(full)
    }
  }
}

/** The `code` of a Node error (`ENOENT`, `EACCES`), or its message. */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code)
  return error instanceof Error ? error.message : String(error)
}
