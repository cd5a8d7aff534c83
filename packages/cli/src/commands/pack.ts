import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { createDiagnostic, type Diagnostic, hasErrors } from '@agentc/core'
import type { Positions } from '../config/parse'
import { expandSources } from '../config/sources'
import type { Deps } from '../io/deps'
import { displayPath, errorCode, readInputs } from '../io/read-inputs'
import { type LimitFlags, limitsFrom } from '../limits'
import { findPackManifest, loadPackManifest } from '../pack/manifest'
import { buildRelease, RELEASE_MANIFEST, type Release, type ReleaseFile } from '../pack/release'
import { createTarball } from '../pack/tar'
import {
  countSummary,
  diagnosticJson,
  exitCodeFor,
  isLoss,
  type OutputFormat,
  printDiagnostics,
  printJson,
  readSources,
} from '../report'
import { VERSION } from '../version'

/** The flags of `agentc pack`. */
export interface PackFlags extends LimitFlags {
  out?: string
  tarball?: boolean
  strict?: boolean
  format: OutputFormat
  quiet?: boolean
  verbose?: boolean
}

/** Licence files copied into a release, in the order they are looked for. */
const LICENSE_NAMES = [
  'LICENSE',
  'LICENSE.md',
  'LICENSE.txt',
  'LICENCE',
  'LICENCE.md',
  'LICENCE.txt',
  'COPYING',
]

/** The file name npm gives a package's tarball: `@scope/name` 1.0.0 → `scope-name-1.0.0.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace(/\//g, '-')}-${version}.tgz`
}

/** What `agentc pack` does (see ./pack.command for the command line). */
export async function pack(deps: Deps, dirArg: string, flags: PackFlags): Promise<number> {
  const dir = resolve(deps.cwd, dirArg)
  const diagnostics: Diagnostic[] = []
  const done = async (release?: Release, out?: string, tarball?: string) =>
    report(deps, flags, diagnostics, release, out, tarball)
  const found = await findPackManifest(deps, dir)
  if (typeof found !== 'string') {
    diagnostics.push(found)
    return done()
  }
  const loaded = await loadPackManifest(deps, found)
  diagnostics.push(...loaded.diagnostics)
  const manifest = loaded.manifest
  if (!manifest) return done()
  const out = flags.out !== undefined ? resolve(deps.cwd, flags.out) : join(dir, 'dist')
  // The release folder is replaced as a whole: it must not be the pack, nor hold it.
  if (out === dir || isInside(out, dir)) {
    diagnostics.push(
      createDiagnostic(
        'AGC307',
        `The release folder ${displayPath(deps, out)} would hold the pack itself, and is replaced as a whole; choose a folder inside or beside the pack (--out).`,
        { file: displayPath(deps, out) },
      ),
    )
    return done()
  }
  // The agent globs, as a configuration's sources (messages point at `agents`).
  const positions: Positions = {
    key: (path) => manifest.positions.key(path[0] === 'sources' ? ['agents', ...path.slice(1)] : path),
    value: (path) => manifest.positions.value(path[0] === 'sources' ? ['agents', ...path.slice(1)] : path),
  }
  const expanded = await expandSources(deps, {
    dir,
    sources: manifest.sources,
    display: manifest.display,
    positions,
  })
  for (const d of expanded.diagnostics) {
    // No agent at all is an error for a pack (reported by the release), not a warning.
    if (d.code !== 'AGC303') diagnostics.push(d)
  }
  const files = expanded.files.filter((f) => !isInside(out, f) && f !== found)
  const limits = limitsFrom(flags)
  const inputs = files.length > 0 ? await readInputs(deps, files, { limits }) : { files: [], diagnostics: [] }
  diagnostics.push(...inputs.diagnostics)
  if (hasErrors(diagnostics)) return done()
  const license = await readLicense(deps, dir)
  const built = buildRelease({
    manifest,
    sources: inputs.files.map((f) => ({
      rel: relative(dir, resolve(deps.cwd, f.path)).split(sep).join('/'),
      display: f.path,
      text: f.text,
    })),
    ...(license ? { license } : {}),
    generator: `agentc ${VERSION}`,
  })
  diagnostics.push(...built.diagnostics)
  if (!built.release || hasErrors(diagnostics)) return done()
  const release = built.release
  const written = await writeRelease(deps, out, release.files)
  if (written) {
    diagnostics.push(written)
    return done()
  }
  let tarball: string | undefined
  if (flags.tarball) {
    tarball = join(dirname(out), tarballName(manifest.name, manifest.version))
    try {
      await deps.fs.writeFileAtomic(tarball, createTarball(release.files))
    } catch (error) {
      diagnostics.push(
        createDiagnostic('AGC306', `${displayPath(deps, tarball)} cannot be written (${errorCode(error)}).`, {
          file: displayPath(deps, tarball),
        }),
      )
      return done(release, out)
    }
  }
  return done(release, out, tarball)
}

function isInside(folder: string, path: string): boolean {
  return path.startsWith(folder + sep)
}

async function readLicense(deps: Deps, dir: string): Promise<{ name: string; text: string } | undefined> {
  for (const name of LICENSE_NAMES) {
    const path = join(dir, name)
    const info = await deps.fs.stat(path)
    if (!info?.isFile) continue
    try {
      return { name, text: new TextDecoder('utf-8', { fatal: true }).decode(await deps.fs.readBytes(path)) }
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * Replaces the release folder as a whole: the new release is written to a temporary folder
 * beside it and renamed into place, so the folder holds the old release or the new one, never a
 * mix. A folder that is neither empty nor an earlier release is left alone (AGC308).
 */
async function writeRelease(
  deps: Deps,
  out: string,
  files: readonly ReleaseFile[],
): Promise<Diagnostic | undefined> {
  const shown = displayPath(deps, out)
  const info = await deps.fs.lstat(out)
  if (info) {
    if (info.isSymbolicLink || !info.isDirectory) {
      return createDiagnostic('AGC307', `${shown} is not a folder; the release is not written.`, {
        file: shown,
      })
    }
    const entries = await deps.fs.readdir(out)
    if (entries.length > 0 && !entries.some((e) => e.name === RELEASE_MANIFEST && e.isFile)) {
      return createDiagnostic(
        'AGC308',
        `${shown} holds files that are not an agentc release; agentc replaces only an empty folder or an earlier release.`,
        { file: shown, note: 'Choose another folder with --out, or empty this one.' },
      )
    }
  }
  const stamp = `${deps.pid ?? process.pid}`
  const temp = join(dirname(out), `.${basename(out)}.agentc-new-${stamp}`)
  const old = join(dirname(out), `.${basename(out)}.agentc-old-${stamp}`)
  try {
    await deps.fs.removeTree(temp)
    for (const file of files)
      await deps.fs.writeFileAtomic(join(temp, ...file.path.split('/')), file.contents)
    if (info) await deps.fs.rename(out, old)
    await deps.fs.rename(temp, out)
    if (info) await deps.fs.removeTree(old)
    return undefined
  } catch (error) {
    await deps.fs.removeTree(temp).catch(() => {})
    return createDiagnostic('AGC306', `The release ${shown} cannot be written (${errorCode(error)}).`, {
      file: shown,
    })
  }
}

async function report(
  deps: Deps,
  flags: PackFlags,
  diagnostics: Diagnostic[],
  release: Release | undefined,
  out: string | undefined,
  tarball: string | undefined,
): Promise<number> {
  const failed = hasErrors(diagnostics) || !release
  // Losses are the release's content (LOSSES.md), not problems of this run: they are listed
  // only with --verbose; every other diagnostic is printed.
  const shown = flags.verbose ? diagnostics : diagnostics.filter((d) => !isLoss(d))
  const code = exitCodeFor(shown, flags.strict)
  if (flags.format === 'json') {
    printJson(deps, {
      ...(release && out
        ? {
            release: displayPath(deps, out),
            ...(tarball ? { tarball: displayPath(deps, tarball) } : {}),
            files: release.files.map((f) => f.path),
            agents: release.agents.map((a) => a.name),
            losses: Object.fromEntries(
              release.losses.map((t) => [
                t.target,
                Object.values(t.agents).reduce((n, l) => n + l.length, 0),
              ]),
            ),
          }
        : {}),
      diagnostics: shown.map(diagnosticJson),
    })
    return failed ? 1 : code
  }
  printDiagnostics(deps, shown, { ...flags, sources: await readSources(deps, shown) })
  if (failed || !out) {
    deps.stderr(`agentc: no release written (${countSummary(diagnostics)})\n`)
    return 1
  }
  if (!flags.quiet) {
    const losses = release.losses
      .map((t) => `${t.target} ${Object.values(t.agents).reduce((n, l) => n + l.length, 0)}`)
      .join(', ')
    deps.stdout(`${displayPath(deps, out)}/ (${release.files.length} files)\n`)
    if (tarball) deps.stdout(`${displayPath(deps, tarball)}\n`)
    deps.stderr(
      `agentc: packed ${release.agents.length} agent${release.agents.length === 1 ? '' : 's'} for ${release.losses.length} targets; losses (${losses}) in ${displayPath(deps, join(out, 'LOSSES.md'))}\n`,
    )
  }
  return code
}
