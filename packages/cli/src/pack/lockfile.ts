import { join } from 'node:path'
import { createDiagnostic, type Diagnostic, isSafeRelativePath, positionOf } from '@agentc/core'
import { z } from 'zod'
import type { Deps } from '../io/deps'
import { displayPath } from '../io/read-inputs'
import { readJsonState } from '../io/read-json'
import { SEMVER } from './manifest'

/**
 * The pack lockfile, `agentc.lock.json` in the output root: which packs `agentc add` installed,
 * at which version, from where, under which prefix, for which targets, and which files. Commit
 * it: it is deterministic (sorted, no times, paths relative to the root). With no pack left it
 * is deleted.
 * @module
 */

/** The lockfile's name, in the output root. */
export const LOCKFILE = 'agentc.lock.json'

const relativePath = z.string().refine(isSafeRelativePath)

const lockedPackSchema = z.strictObject({
  version: z.string().regex(SEMVER),
  /** Where it was installed from, as given (a path relative to the root, or a package name). */
  from: z.string().min(1),
  /** `sha256-<hex>` of the release's SHA256SUMS: identifies the exact release. */
  integrity: z.string().regex(/^sha256-[0-9a-f]{64}$/),
  prefix: z.string().optional(),
  targets: z.array(z.string().min(1)),
  /** The agents as installed (with the prefix). */
  agents: z.array(z.string().min(1)),
  /** The files written or merged into, relative to the root. */
  files: z.array(relativePath),
})

const lockfileSchema = z.strictObject({
  agentc: z.literal(1),
  packs: z.record(z.string().min(1), lockedPackSchema),
})

/** One installed pack. */
export type LockedPack = z.infer<typeof lockedPackSchema>

/** The lockfile. */
export interface Lockfile {
  readonly packs: Readonly<Record<string, LockedPack>>
}

/** The lockfile as written: fixed key order, sorted packs and lists, two-space JSON, final newline. */
export function renderLockfile(lock: Lockfile): string {
  const packs: Record<string, unknown> = {}
  for (const name of Object.keys(lock.packs).sort(compare)) {
    const p = lock.packs[name]!
    packs[name] = {
      version: p.version,
      from: p.from,
      integrity: p.integrity,
      ...(p.prefix !== undefined ? { prefix: p.prefix } : {}),
      targets: [...p.targets],
      agents: [...p.agents].sort(compare),
      files: [...new Set(p.files)].sort(compare),
    }
  }
  return `${JSON.stringify({ agentc: 1, packs }, null, 2)}\n`
}

/** Reads the lockfile of an output root (empty when there is none); a malformed one is AGC316. */
export async function readLockfile(
  deps: Deps,
  root: string,
): Promise<{ lock: Lockfile; text?: string; diagnostic?: Diagnostic }> {
  const path = join(root, LOCKFILE)
  const shown = displayPath(deps, path)
  const empty: Lockfile = { packs: {} }
  const state = await readJsonState(deps, path)
  if (state.kind === 'absent') return { lock: empty }
  const bad = (why: string, text = '', offset = 0) => ({
    lock: empty,
    diagnostic: createDiagnostic('AGC316', `${shown} cannot be read: ${why}; agentc changes no pack.`, {
      file: shown,
      ...positionOf(text, offset),
      note: 'Restore it from version control.',
    }),
  })
  if (state.kind === 'bad') return bad(state.why, state.text, state.offset)
  const { data, text } = state
  const parsed = lockfileSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
    return bad(`it is not an agentc lockfile${where}`, text)
  }
  return { lock: { packs: parsed.data.packs }, text }
}

/**
 * Writes the lockfile, or deletes it when no pack is left; leaves it untouched when its text
 * (`current`, as read) would not change.
 */
export async function writeLockfile(
  deps: Deps,
  root: string,
  lock: Lockfile,
  current?: string,
): Promise<void> {
  const path = join(root, LOCKFILE)
  if (Object.keys(lock.packs).length === 0) {
    await deps.fs.remove(path)
    return
  }
  const text = renderLockfile(lock)
  if (text !== current) await deps.fs.writeFileAtomic(path, text)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
