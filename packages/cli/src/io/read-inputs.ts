import { join, relative, resolve, sep } from 'node:path'
import {
  createDiagnostic,
  DEFAULT_LIMITS,
  type Diagnostic,
  formatBytes,
  type Limits,
  positionOf,
} from '@agentc/core'
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
  options: { matches?: (name: string) => boolean; limits?: Limits } = {},
): Promise<{ files: InputFile[]; diagnostics: Diagnostic[] }> {
  const matches = options.matches ?? ((name: string) => name.endsWith('.md'))
  const limits = options.limits ?? DEFAULT_LIMITS
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
  if (found.size > limits.maxFiles) {
    diagnostics.push(
      createDiagnostic(
        'AGC007',
        `${found.size} input files were found, more than the limit of ${limits.maxFiles} (raise it with --max-files).`,
        { file: displayPath(deps, resolve(deps.cwd, paths[0] ?? '.')) },
      ),
    )
    return { files, diagnostics }
  }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (const absolute of [...found].sort()) {
    const path = displayPath(deps, absolute)
    const size = (await deps.fs.stat(absolute))?.size ?? 0
    if (size > limits.maxFileBytes) {
      diagnostics.push(
        createDiagnostic(
          'AGC007',
          `The file is ${formatBytes(size)}, more than the limit of ${formatBytes(limits.maxFileBytes)} (raise it with --max-file-size).`,
          { file: path, line: 1, column: 1 },
        ),
      )
      continue
    }
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
      const offset = firstInvalidUtf8(bytes)
      const before = new TextDecoder().decode(bytes.subarray(0, offset))
      diagnostics.push(
        createDiagnostic(
          'AGC005',
          `The file is not valid UTF-8 text (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); save it as UTF-8.`,
          { file: path, ...positionOf(before, before.length) },
        ),
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

/**
 * The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
 * points above U+10FFFF are invalid, as the WHATWG decoder has it), or the length when valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    let max = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) need = 2
    else if (b >= 0xf0 && b <= 0xf4) need = 3
    else return i
    min = 0x80
    if (b === 0xe0) min = 0xa0
    else if (b === 0xed) max = 0x9f
    else if (b === 0xf0) min = 0x90
    else if (b === 0xf4) max = 0x8f
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i
    }
    i += need + 1
  }
  return i
}
