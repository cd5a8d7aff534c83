import type { Deps } from './deps'
import { errorCode } from './read-inputs'

/** What {@link readJsonState} found. */
export type JsonState =
  | { readonly kind: 'absent' }
  | { readonly kind: 'ok'; readonly data: unknown; readonly text: string }
  /** Unreadable: why, and where in the text (when there is one). */
  | { readonly kind: 'bad'; readonly why: string; readonly text: string; readonly offset: number }

/**
 * Reads one of agentc's own JSON state files (the output manifest, the pack lockfile): absent,
 * parsed, or why it cannot be used (not a regular file, unreadable, not UTF-8, not JSON — with
 * the offset of the JSON error).
 */
export async function readJsonState(deps: Deps, path: string): Promise<JsonState> {
  const info = await deps.fs.lstat(path)
  if (!info) return { kind: 'absent' }
  const bad = (why: string, text = '', offset = 0): JsonState => ({ kind: 'bad', why, text, offset })
  if (!info.isFile || info.isSymbolicLink) return bad('it is not a regular file')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await deps.fs.readBytes(path))
  } catch (error) {
    return bad(`it is unreadable (${errorCode(error)})`)
  }
  try {
    return { kind: 'ok', data: JSON.parse(text), text }
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))
    return bad('it is not valid JSON', text, at ? Number(at[1]) : 0)
  }
}
