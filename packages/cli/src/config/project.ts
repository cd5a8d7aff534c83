import { relative, resolve, sep } from 'node:path'
import { createDiagnostic, type Diagnostic } from '@agentc/core'
import { UsageError } from '../errors'
import type { Deps } from '../io/deps'
import { readManifest } from '../io/output-root'
import { displayPath } from '../io/read-inputs'
import { findConfig, loadConfig, type ProjectConfig } from './load'
import { effectiveGlobs, isSource, staticBase } from './sources'

/** What a command found about the project configuration. */
export interface ProjectLookup {
  /** The configuration, when there is one and it is valid. */
  readonly config?: ProjectConfig
  /** Problems reading it (AGC310); when any is an error, nothing may be built. */
  readonly diagnostics: Diagnostic[]
  /** The configuration file, when one was found (valid or not); a watcher watches it. */
  readonly path?: string
  /** Its text, when it could be read (the build record keys on it). */
  readonly text?: string
}

/**
 * The project configuration a command uses: the file given with `--config`, none with
 * `--no-config`, else the nearest `agentc.config.{json,yaml,yml}` at or above the working
 * directory.
 * @param deps File system.
 * @param option The `--config` option: a path, `false` (`--no-config`) or undefined.
 */
export async function lookUpProject(deps: Deps, option: string | false | undefined): Promise<ProjectLookup> {
  if (option === false) return { diagnostics: [] }
  let path: string
  if (option !== undefined) {
    path = resolve(deps.cwd, option)
    if (!(await deps.fs.stat(path))?.isFile) {
      throw new UsageError(`--config ${option}: no such file`)
    }
  } else {
    const found = await findConfig(deps, deps.cwd)
    if (found.kind === 'none') return { diagnostics: [] }
    if (found.kind === 'ambiguous') return { diagnostics: [found.diagnostic], path: found.paths[0]! }
    path = found.path
  }
  const loaded = await loadConfig(deps, path)
  return {
    ...(loaded.config ? { config: loaded.config } : {}),
    diagnostics: loaded.diagnostics,
    path,
    ...(loaded.text !== undefined ? { text: loaded.text } : {}),
  }
}

/**
 * Which earlier outputs a configured build answers for (see `Scope.inputs` of output-root.ts):
 * the source files it compiles, and every source the manifest records that the project's globs
 * still match (a source that was deleted or renamed), so that its outputs are removed as stale.
 * Outputs of files outside the globs (built with explicit paths) are left alone.
 * @param deps File system.
 * @param config The project.
 * @param root The absolute output root.
 * @param files The absolute paths of the source files compiled.
 */
export async function configuredScope(
  deps: Deps,
  config: ProjectConfig,
  root: string,
  files: readonly string[],
): Promise<string[]> {
  const globs = await effectiveGlobs(deps, config)
  const inputs = new Set(files)
  // A malformed manifest is reported by the sync itself.
  const { manifest } = await readManifest(deps, root)
  for (const entry of Object.values(manifest.files)) {
    for (const source of [...entry.sources, ...Object.values(entry.keys ?? {})]) {
      const absolute = resolve(root, source)
      const rel = relative(config.dir, absolute).split(sep).join('/')
      if (isSource(globs, rel)) inputs.add(absolute)
    }
  }
  return [...inputs].sort()
}

/**
 * The source files without the ones agentc wrote into the output root (its manifest lists
 * them): a glob as wide as `**\/*.md` must not take an output (`AGENTS.md`) for a source.
 * @param deps File system.
 * @param root The absolute output root.
 * @param files Absolute paths of the source files.
 */
export async function withoutOutputs(deps: Deps, root: string, files: readonly string[]): Promise<string[]> {
  const { manifest } = await readManifest(deps, root)
  return files.filter((file) => {
    const rel = relative(root, file).split(sep).join('/')
    return !Object.hasOwn(manifest.files, rel)
  })
}

/** The folders a watcher watches for a configured build: the static part of each source glob. */
export async function watchedFolders(deps: Deps, config: ProjectConfig): Promise<string[]> {
  const globs = await effectiveGlobs(deps, config)
  const folders = new Set<string>()
  for (const glob of globs.include) {
    const base = staticBase(glob)
    folders.add(displayPath(deps, resolve(config.dir, base === glob ? glob : base)))
  }
  return [...folders].sort()
}

/**
 * AGC312 for each agent the configuration has overrides for that none of the sources defines.
 * @param config The project.
 * @param names The names of every agent compiled.
 */
export function unmatchedAgents(config: ProjectConfig, names: ReadonlySet<string>): Diagnostic[] {
  return Object.keys(config.agents)
    .filter((name) => !names.has(name))
    .map((name) => {
      const at = config.positions.key(['agents', name])
      return createDiagnostic(
        'AGC312',
        `\`agents.${name}\` has overrides, but no source defines an agent named \`${name}\`${
          names.size > 0 ? ` (the agents are ${[...names].sort().join(', ')})` : ''
        }; they do nothing.`,
        { file: config.display, ...(at ?? {}) },
      )
    })
}
