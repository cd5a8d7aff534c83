import { join, relative, resolve, sep } from 'node:path'
import { createDiagnostic, type Diagnostic, matchGlob } from '@agentc/core'
import type { Deps } from '../io/deps'
import { displayPath, errorCode } from '../io/read-inputs'
import type { ProjectConfig } from './load'

/** Files never taken as agents, as in a folder given to `build` (see read-inputs.ts). */
const SKIPPED_FILES = new Set(['readme.md', 'changelog.md', 'license.md', 'contributing.md'])

/** The include and exclude globs of a `sources` list. */
export interface SourceGlobs {
  readonly include: readonly string[]
  readonly exclude: readonly string[]
}

/** Splits `sources` into include globs and `!` exclude globs (leading `./` dropped). */
export function sourceGlobs(sources: readonly string[]): SourceGlobs {
  const clean = (g: string) => g.trim().replace(/^(\.\/)+/, '')
  return {
    include: sources.filter((s) => !s.startsWith('!')).map(clean),
    exclude: sources.filter((s) => s.startsWith('!')).map((s) => clean(s.slice(1))),
  }
}

/**
 * The globs of a project's `sources`, a glob without wildcards that names a folder standing for
 * every `*.md` below it (`agents` = `agents/**\/*.md`).
 */
export async function effectiveGlobs(
  deps: Deps,
  config: Pick<ProjectConfig, 'dir' | 'sources'>,
): Promise<SourceGlobs> {
  const globs = sourceGlobs(config.sources)
  const include: string[] = []
  for (const glob of globs.include) {
    const folder = staticBase(glob) === glob && (await deps.fs.stat(resolve(config.dir, glob)))?.isDirectory
    include.push(folder ? `${glob.replace(/\/+$/, '')}/**/*.md` : glob)
  }
  return { include, exclude: globs.exclude }
}

/** Whether a path relative to the project root (`/`-separated) is one of the sources. */
export function isSource(globs: SourceGlobs, path: string): boolean {
  return globs.include.some((g) => matchGlob(g, path)) && !globs.exclude.some((g) => matchGlob(g, path))
}

/**
 * The folder part of a glob before its first wildcard (`agents` of `agents/**\/*.md`; the glob
 * itself when it has none).
 */
export function staticBase(glob: string): string {
  const fixed: string[] = []
  for (const part of glob.split('/')) {
    if (/[*?[\]{}()!+@]/.test(part)) break
    fixed.push(part)
  }
  return fixed.join('/')
}

/**
 * The source files of a project: every file below the static part of each include glob that
 * matches it and no exclude glob, as absolute paths, sorted. Hidden folders and `node_modules`
 * below that static part are not searched, README-like files are skipped (as for a folder given
 * to `build`), and links are not followed.
 * @param deps File system.
 * @param config The project.
 */
export async function expandSources(
  deps: Deps,
  config: Pick<ProjectConfig, 'dir' | 'sources' | 'display' | 'positions'>,
): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const globs = await effectiveGlobs(deps, config)
  const found = new Set<string>()
  const diagnostics: Diagnostic[] = []
  const visited = new Set<string>()
  const visit = async (absolute: string, descend: boolean): Promise<void> => {
    const key = `${descend ? 'd' : 'f'}:${absolute}`
    if (visited.has(key)) return
    visited.add(key)
    const info = await deps.fs.lstat(absolute)
    if (!info || info.isSymbolicLink) return
    const rel = relative(config.dir, absolute).split(sep).join('/')
    if (info.isFile) {
      const name = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase()
      if (!SKIPPED_FILES.has(name) && isSource(globs, rel)) found.add(absolute)
      return
    }
    if (!info.isDirectory || !descend) return
    let entries: Awaited<ReturnType<Deps['fs']['readdir']>>
    try {
      entries = await deps.fs.readdir(absolute)
    } catch (error) {
      diagnostics.push(
        createDiagnostic(
          'AGC304',
          `The folder ${displayPath(deps, absolute)} cannot be read (${errorCode(error)}).`,
          {
            file: displayPath(deps, absolute),
          },
        ),
      )
      return
    }
    for (const entry of entries) {
      if (entry.isDirectory && (entry.name.startsWith('.') || entry.name === 'node_modules')) continue
      if (!entry.isDirectory && !entry.isFile) continue
      await visit(join(absolute, entry.name), true)
    }
  }
  for (const glob of globs.include) {
    const base = staticBase(glob)
    await visit(resolve(config.dir, base), base !== glob)
  }
  if (found.size === 0 && globs.include.length > 0) {
    const at = config.positions.value(['sources'])
    diagnostics.push(
      createDiagnostic(
        'AGC303',
        `The sources of ${config.display} (${config.sources.join(', ')}) match no agent files; nothing is compiled (and the outputs of agents that were there are removed).`,
        { file: config.display, ...(at ?? {}) },
      ),
    )
  }
  return { files: [...found].sort(), diagnostics }
}
