import { type AgentDocument, isReservedFileName, type TargetContext } from '@agentc/core'

/**
 * The agent name implied by a file path: the path below the agents folder without its
 * extension (`.opencode/agents/team/audit.md` → `team/audit`), or else the file name without its
 * extension. The agents folder is `agent/` or `agents/` right inside `.opencode/` or `.claude/`
 * (so `.opencode/agents/agent/x.md` is `agent/x`), else the last `agent/` or `agents/` folder.
 */
export function nameFromPath(path: string, extension: RegExp = /\.[^./]+$/): string {
  const posix = path.replace(/\\/g, '/')
  const parts = posix.split('/')
  const isAgents = (i: number) => parts[i] === 'agent' || parts[i] === 'agents'
  let index = -1
  for (let i = parts.length - 2; i >= 1 && index === -1; i--) {
    if (isAgents(i) && (parts[i - 1] === '.opencode' || parts[i - 1] === '.claude')) index = i
  }
  for (let i = parts.length - 2; i >= 0 && index === -1; i--) if (isAgents(i)) index = i
  const rest = index === -1 ? [parts[parts.length - 1]!] : parts.slice(index + 1)
  return orFileName(rest.join('/').replace(extension, ''), posix)
}

/**
 * A name derived from a path, or, when deriving it left nothing (a file named just `.md`), the
 * file's own name: a document always has a name.
 */
export function orFileName(name: string, path: string): string {
  return name !== '' ? name : path.replace(/\\/g, '/').split('/').pop() || 'agent'
}

/**
 * The longest file or folder name agentc writes, in UTF-8 bytes. File systems cap one name at
 * 255 bytes (ext4, APFS; NTFS counts 255 UTF-16 units), and Windows caps a whole path at 260
 * characters unless long paths are switched on. 100 bytes leaves room for the longest extension
 * a target adds (`.instructions.md`), for the target's folders and for the folder the project is
 * checked out in, and is still far longer than any name a person gives an agent.
 */
export const MAX_NAME_BYTES = 100

/** What a name has to end with when it names a Windows device: `con` → `con-agent`. */
const DEVICE_SUFFIX = '-agent'

/** The UTF-8 length of a string. */
function utf8Length(text: string): number {
  let n = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** A short, stable fingerprint of a string (32-bit FNV-1a, 8 hex digits). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * Makes one segment of a path (a file name before the extension the target adds, or a folder
 * name) portable, whatever a target's own name rules let through. Only what a file system or
 * Windows refuses is changed (the rules of `pathProblem` in `@agentc/core`), in this order:
 * control, format and line-separator characters and `\ / : * ? " < > |` become `-`; dots and
 * spaces at the end are removed; an empty, `.` or `..` segment becomes `fallback`; a segment
 * longer than {@link MAX_NAME_BYTES} keeps its first 91 bytes and ends with `-` and a fingerprint
 * of the whole segment (so two long names that share their start stay apart); and a Windows
 * device name (`con`, `nul.txt`, `COM1`, `lpt9.md`: see `isReservedFileName`) gets `-agent`
 * after the device part (`con-agent`, `nul-agent.txt`). The result is stable: the same input
 * always gives the same output, and an output given back is unchanged.
 * @param segment The segment, without `/`.
 * @param fallback The name of a segment with nothing left in it (`agent`, `droid`).
 */
export function portableSegment(segment: string, fallback = 'agent'): string {
  let s = segment.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\/:*?"<>|]+/gu, '-').replace(/[. ]+$/, '')
  if (s === '') s = fallback
  if (utf8Length(s) > MAX_NAME_BYTES) {
    let head = ''
    for (const ch of s) {
      if (utf8Length(head + ch) > MAX_NAME_BYTES - 9) break
      head += ch
    }
    s = `${head.replace(/[-_. ]+$/, '')}-${fingerprint(s)}`
  }
  if (isReservedFileName(s)) {
    const dot = s.indexOf('.')
    s = dot === -1 ? `${s}${DEVICE_SUFFIX}` : `${s.slice(0, dot)}${DEVICE_SUFFIX}${s.slice(dot)}`
  }
  return s
}

/**
 * Reports AGC207 when an agent's identity in a target differs from its IR name: the name its
 * `name` key (or slug) holds, when the target's rules changed it (the message also names the
 * file when that differs too). A file named differently while the name inside it is kept is not
 * a loss and is not reported.
 * @param ctx The emit context.
 * @param doc The document being emitted.
 * @param identity `named`: what the target writes as the name (absent when the target writes
 * the IR name as it is, or none); `file`: the file name or path below the target's folder,
 * without extension; `path`: the whole output path; `rule`: the target's name rule, the start of
 * the message when `named` changed (`Claude Code agent names use lowercase letters, digits and
 * hyphens`); `tool`: the tool's name for the message.
 */
export function reportRenamed(
  ctx: TargetContext,
  doc: AgentDocument,
  identity: {
    readonly named?: string
    readonly file: string
    readonly path: string
    readonly rule?: string
    readonly tool: string
  },
): void {
  const { named, file, path, rule, tool } = identity
  const nameChanged = named !== undefined && named !== doc.name
  // A file named differently while the name inside it is kept loses nothing: the tool knows the
  // agent by that name.
  if (!nameChanged) return
  const fileChanged = file !== doc.name && path !== doc.source?.path
  let message = `${rule ?? `${tool} restricts agent names`}; ${JSON.stringify(doc.name)} became "${named}".`
  if (fileChanged && file !== named) message += ` ${fileNote(named, file)}`
  const pos = doc.source?.fields.name
  ctx.report('AGC207', message, { field: 'name', ...(pos ? { line: pos.line, column: pos.column } : {}) })
}

/** Says which file a name went to, and why when it is a portability rule. */
function fileNote(stem: string, file: string): string {
  const why = isReservedFileName(stem)
    ? ` ("${stem}" is a device name on Windows)`
    : utf8Length(stem) > MAX_NAME_BYTES
      ? ` (a file name is at most ${MAX_NAME_BYTES} bytes)`
      : ''
  return `The file is named "${file}"${why}.`
}

/**
 * Makes a name safe as a file name (or a path below the target's folder when `allowSlash`),
 * segment by segment: NFKC-normalised, lower case unless `allowUpper`, every run of characters
 * other than ASCII letters, digits, `_`, `-` and `.` as one `-`, every run of two or more `-` and
 * `.` as one `-` (so `a/../b` without `allowSlash` is `a-b`), no `-` or `.` at either end, empty
 * segments dropped (with `allowSlash`: `a//b`, `a/./b`, `../x` lose theirs), then made portable
 * by {@link portableSegment} (Windows device names get `-agent`: `con` → `con-agent`; a segment
 * longer than {@link MAX_NAME_BYTES} is shortened). A name with nothing left is `fallback`.
 * Reports AGC207 when the name changes.
 */
export function safeFileName(
  name: string,
  ctx: TargetContext,
  target: string,
  options: { allowSlash?: boolean; allowUpper?: boolean; fallback?: string } = {},
): string {
  const fallback = options.fallback ?? 'agent'
  const segments = (options.allowSlash ? name.split('/') : [name])
    .map((segment) => {
      let s = segment.normalize('NFKC')
      if (!options.allowUpper) s = s.toLowerCase()
      return s
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/[-.]{2,}/g, '-')
        .replace(/^[-.]+/, '')
        .replace(/[-.]+$/, '')
    })
    .filter((s) => s !== '')
  const safe = (segments.length === 0 ? [fallback] : segments)
    .map((s) => portableSegment(s, fallback))
    .join('/')
  if (safe !== name) {
    ctx.report(
      'AGC207',
      `The name ${JSON.stringify(name)} is not a safe file name for ${target}; it was written as "${safe}".`,
      { field: 'name' },
    )
  }
  return safe
}
