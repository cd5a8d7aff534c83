import { dirname, join, relative, resolve, sep } from 'node:path'
import { createDiagnostic, type Diagnostic } from '@agentc/core'
import { z } from 'zod'
import type { Deps } from '../io/deps'
import { displayPath, errorCode } from '../io/read-inputs'
import { type PackManifest, parsePackManifest } from './manifest'
import { CHECKSUMS, RELEASE_MANIFEST, sha256 } from './release'
import { readTarball } from './tar'

/**
 * Opening a release for `agentc add`: a release folder, a `.tgz` of one, or a package of that
 * name in `node_modules` (looked for from the working directory up). Every file the checksums
 * list is verified before anything is read from it; a release that fails is AGC314.
 * @module
 */

/** Most files and bytes a release may hold. */
const MAX_FILES = 10_000
const MAX_BYTES = 64 * 1024 * 1024

/** An agent of a release, as its release manifest lists it. */
export interface ReleaseAgentEntry {
  readonly name: string
  readonly source: string
}

/** A release, opened and verified. */
export interface OpenedRelease {
  /** How messages name it (the path or package as the user gave it). */
  readonly display: string
  /** What the lockfile records as its origin: a path relative to the root, or the package name. */
  readonly from: string
  readonly name: string
  readonly version: string
  /** The format of its sources. */
  readonly sourceFormat: string
  readonly agents: readonly ReleaseAgentEntry[]
  /** The pack manifest carried in the release (its overrides apply when installing). */
  readonly manifest: PackManifest
  /** `sha256-<hex>` of its SHA256SUMS. */
  readonly integrity: string
  /** The text of a file of the release (verified). */
  text(path: string): string | undefined
}

const releaseSchema = z.object({
  agentc: z.literal(1),
  name: z.string().min(1),
  version: z.string().min(1),
  from: z.string().min(1),
  manifest: z.string().min(1),
  agents: z.array(z.object({ name: z.string().min(1), source: z.string().min(1) })),
})

/**
 * Opens and verifies a release.
 * @param spec What the user gave: a folder, a `.tgz`/`.tar` file, or a package name.
 * @param root The output root (the lockfile records paths relative to it).
 */
export async function openRelease(
  deps: Deps,
  spec: string,
  root: string,
): Promise<OpenedRelease | Diagnostic> {
  const fail = (message: string, note?: string) =>
    createDiagnostic('AGC314', message, { file: spec, ...(note ? { note } : {}) })
  let files: Map<string, Uint8Array>
  let from: string
  const local = resolve(deps.cwd, spec)
  const info = await deps.fs.stat(local)
  if (info?.isDirectory) {
    const read = await readFolder(deps, local)
    if (typeof read === 'string') return fail(`${spec} cannot be read: ${read}.`)
    files = read
    from = relativeTo(root, local)
  } else if (info?.isFile) {
    if (info.size > MAX_BYTES) return fail(`${spec} is larger than a release may be (64 MiB).`)
    let bytes: Uint8Array
    try {
      bytes = await deps.fs.readBytes(local)
    } catch (error) {
      return fail(`${spec} cannot be read (${errorCode(error)}).`)
    }
    const read = readTarball(bytes, { maxBytes: MAX_BYTES, maxEntries: MAX_FILES })
    if ('problem' in read) return fail(`${spec} is not a readable release archive: ${read.problem}`)
    files = new Map(read.files.map((f) => [f.path, f.bytes]))
    from = relativeTo(root, local)
  } else {
    const folder = await findPackage(deps, spec)
    if (!folder) {
      return fail(
        `${spec} is neither a release folder, nor a .tgz, nor a package in node_modules.`,
        'Give the folder `agentc pack` wrote, its .tgz, or install the package first (npm install <name>).',
      )
    }
    const read = await readFolder(deps, folder)
    if (typeof read === 'string') return fail(`${displayPath(deps, folder)} cannot be read: ${read}.`)
    files = read
    from = spec
  }
  return verify(spec, from, files)
}

/** Checks a release's files against its checksums and reads its manifests. */
export function verify(
  display: string,
  from: string,
  files: ReadonlyMap<string, Uint8Array>,
): OpenedRelease | Diagnostic {
  const fail = (message: string, note?: string) =>
    createDiagnostic('AGC314', message, { file: display, ...(note ? { note } : {}) })
  const decode = (bytes: Uint8Array) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return undefined
    }
  }
  const sumsBytes = files.get(CHECKSUMS)
  if (!files.has(RELEASE_MANIFEST) || !sumsBytes) {
    return fail(
      `${display} is not an agentc release (it has no ${RELEASE_MANIFEST} and ${CHECKSUMS}).`,
      'A pack folder (with agentc-pack.yaml) is installed from its release: run `agentc pack` on it first.',
    )
  }
  const sums = decode(sumsBytes) ?? ''
  const listed = new Map<string, string>()
  for (const [i, line] of sums.split('\n').entries()) {
    if (line === '') continue
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
    if (!match) return fail(`${display}: line ${i + 1} of ${CHECKSUMS} is not \`<sha256>  <path>\`.`)
    listed.set(match[2]!, match[1]!)
  }
  for (const [path, hash] of listed) {
    // npm and other package managers may rewrite package.json on install; agentc reads nothing from it.
    if (path === 'package.json') continue
    const bytes = files.get(path)
    if (!bytes) return fail(`${display} is incomplete: ${path} is missing.`)
    if (sha256(bytes) !== hash)
      return fail(`${display} was modified: ${path} does not match its checksum in ${CHECKSUMS}.`)
  }
  const text = (path: string) => {
    if (!listed.has(path)) return undefined
    const bytes = files.get(path)
    return bytes ? decode(bytes) : undefined
  }
  const releaseText = text(RELEASE_MANIFEST)
  let data: unknown
  try {
    data = JSON.parse(releaseText ?? '')
  } catch {
    return fail(`${display}: ${RELEASE_MANIFEST} is not valid JSON.`)
  }
  const parsed = releaseSchema.safeParse(data)
  if (!parsed.success)
    return fail(`${display}: ${RELEASE_MANIFEST} is not a release manifest agentc understands.`)
  const release = parsed.data
  const manifestText = text(release.manifest)
  if (manifestText === undefined) return fail(`${display}: its pack manifest ${release.manifest} is missing.`)
  const loaded = parsePackManifest(manifestText, release.manifest, `${display}/${release.manifest}`)
  if (!loaded.manifest) {
    return loaded.diagnostics[0] ?? fail(`${display}: its pack manifest ${release.manifest} cannot be read.`)
  }
  for (const agent of release.agents) {
    if (text(agent.source) === undefined)
      return fail(`${display}: the source of ${agent.name} (${agent.source}) is missing.`)
  }
  return {
    display,
    from,
    name: release.name,
    version: release.version,
    sourceFormat: release.from,
    agents: release.agents,
    manifest: loaded.manifest,
    integrity: `sha256-${sha256(sumsBytes)}`,
    text,
  }
}

/** A path relative to the output root, `/`-separated (absolute when it is on another drive). */
function relativeTo(root: string, path: string): string {
  const rel = relative(root, path)
  return (rel === '' ? '.' : rel).split(sep).join('/')
}

/** `node_modules/<name>` in the working directory or the nearest folder above that has it. */
async function findPackage(deps: Deps, name: string): Promise<string | undefined> {
  if (!/^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name)) return undefined
  let dir = resolve(deps.cwd)
  for (;;) {
    const candidate = join(dir, 'node_modules', ...name.split('/'))
    if ((await deps.fs.stat(candidate))?.isDirectory) return candidate
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** Every file below a folder (links are not followed: a release holds none), path → bytes. */
async function readFolder(deps: Deps, root: string): Promise<Map<string, Uint8Array> | string> {
  const files = new Map<string, Uint8Array>()
  let total = 0
  const visit = async (dir: string): Promise<string | undefined> => {
    let entries: Awaited<ReturnType<Deps['fs']['readdir']>>
    try {
      entries = await deps.fs.readdir(dir)
    } catch (error) {
      return `the folder ${displayPath(deps, dir)} cannot be read (${errorCode(error)})`
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory) {
        if (entry.name === 'node_modules') continue
        const problem = await visit(path)
        if (problem) return problem
        continue
      }
      if (!entry.isFile) continue
      if (files.size >= MAX_FILES) return `it holds more than ${MAX_FILES} files`
      try {
        const bytes = await deps.fs.readBytes(path)
        total += bytes.length
        if (total > MAX_BYTES) return 'it is larger than a release may be (64 MiB)'
        files.set(relative(root, path).split(sep).join('/'), bytes)
      } catch (error) {
        return `${displayPath(deps, path)} cannot be read (${errorCode(error)})`
      }
    }
    return undefined
  }
  const problem = await visit(root)
  return problem ?? files
}
