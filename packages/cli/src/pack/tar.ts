/**
 * Deterministic tarball writer and defensive tarball reader for agent packs.
 *
 * `createTarball` writes what `npm pack` writes: a gzip-compressed ustar archive whose files all
 * sit under `package/`, with fixed metadata (mode 0644, uid/gid 0, no user or group names, npm's
 * fixed modification time 1985-10-26T08:15:00Z), files only (no folder entries, as npm), entries
 * sorted by path, gzip level 9 and the gzip header's OS byte set to 0xff ("unknown"), as npm's
 * portable mode does. Same files in → same bytes out, on every OS (for a given zlib build).
 *
 * `readTarball` reads gzip or plain tar from untrusted sources and refuses, with one sentence,
 * anything that could escape the install folder, clobber files or exhaust memory. It never throws.
 *
 * Both are pure: no file system, no clock.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import { InternalError, pathProblem } from '@agentc/core'

/** One file to put in a tarball. Strings are written as UTF-8. */
export interface TarInputFile {
  /** Path relative to the package root, `/`-separated; must pass `pathProblem`. */
  readonly path: string
  readonly contents: string | Uint8Array
}

export interface CreateTarballOptions {
  /** Top-level folder every entry is written under; default `package/` (npm's layout); `''` for none. */
  readonly prefix?: string
}

export interface ReadTarballOptions {
  /** Most bytes of file contents accepted, summed over all files; default 64 MiB. */
  readonly maxBytes?: number
  /** Most entries (files and folders) accepted; default 10,000. */
  readonly maxEntries?: number
}

/** One regular file read from a tarball, its path relative to the stripped top-level folder. */
export interface TarFile {
  readonly path: string
  readonly bytes: Uint8Array
}

export type ReadTarballResult = { files: TarFile[] } | { problem: string }

/** npm's fixed modification time (pacote `tar-create-options.js`): 1985-10-26T08:15:00Z. */
export const TAR_MTIME_SECONDS = Date.UTC(1985, 9, 26, 8, 15, 0) / 1000
/** gzip compression level; npm forces 9 too. Fixed so the output never depends on zlib defaults. */
export const TAR_GZIP_LEVEL = 9
/** gzip header OS byte (RFC 1952 "unknown"); zlib writes the build platform's code there. */
export const TAR_GZIP_OS = 0xff
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024
export const DEFAULT_MAX_ENTRIES = 10_000

const BLOCK = 512
const FILE_MODE = 0o644
/** Largest size the 12-byte octal field holds (11 digits). */
const MAX_OCTAL_SIZE = 0o77777777777
const encoder = new TextEncoder()
const utf8 = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Builds a gzip-compressed, npm-compatible ustar archive of the given files.
 * @param files The files; their order does not matter (entries are sorted by full path, by code unit).
 * @param options `prefix`: the top-level folder, default `package/`.
 * @returns The `.tgz` bytes. The tar inside is byte-identical for identical file sets everywhere;
 *   the gzip bytes are too for every OS given the same zlib build (`process.versions.zlib`):
 *   deflate output is only as stable as the bundled zlib, which has changed between Node releases.
 * @throws InternalError when a path is unsafe (see `pathProblem`), two paths are the same ignoring
 *   case, or a path is both a file and a folder: the caller must check its file list first.
 */
export function createTarball(
  files: readonly { path: string; contents: string | Uint8Array }[],
  options: CreateTarballOptions = {},
): Uint8Array {
  const prefix = normalizePrefix(options.prefix ?? 'package/')
  const conflict = fileSetProblem(files.map((f) => f.path))
  if (conflict) throw new InternalError(`createTarball: ${conflict}`)

  const entries = files
    .map((f) => ({
      path: prefix + f.path,
      data: typeof f.contents === 'string' ? encoder.encode(f.contents) : f.contents,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

  const chunks: Uint8Array[] = []
  for (const { path, data } of entries) {
    if (data.length > MAX_OCTAL_SIZE) throw new InternalError(`createTarball: "${path}" is larger than 8 GiB`)
    const name = encoder.encode(path)
    const split = splitUstarName(name)
    if (split) {
      chunks.push(header({ name: split.name, prefix: split.prefix, size: data.length, type: '0' }))
    } else {
      // Too long for ustar: a PAX extended header carries the real path; the ustar fields hold a
      // truncated fallback that still starts with the top-level folder for readers without PAX.
      const record = paxRecord('path', name)
      chunks.push(
        header({
          name: truncateUtf8(encoder.encode(`${prefix}PaxHeader`), 100),
          size: record.length,
          type: 'x',
        }),
      )
      chunks.push(record, padding(record.length))
      chunks.push(header({ name: truncateUtf8(name, 100), size: data.length, type: '0' }))
    }
    chunks.push(data, padding(data.length))
  }
  chunks.push(new Uint8Array(2 * BLOCK)) // end-of-archive marker: two zero blocks, as npm (no record padding)

  const gz = gzipSync(concat(chunks), { level: TAR_GZIP_LEVEL })
  const out = new Uint8Array(gz)
  // RFC 1952 header: bytes 4–7 MTIME (zlib writes 0), byte 8 XFL (fixed by the level), byte 9 OS.
  out[9] = TAR_GZIP_OS
  return out
}

/** `package/` → `package/`, `package` → `package/`, `''` → `''`; refuses unsafe prefixes. */
function normalizePrefix(raw: string): string {
  const trimmed = raw.endsWith('/') ? raw.slice(0, -1) : raw
  if (trimmed === '') return ''
  const problem = pathProblem(trimmed)
  if (problem) throw new InternalError(`createTarball: the prefix "${raw}" is unsafe: ${problem}`)
  return `${trimmed}/`
}

/** Why a set of paths cannot be written or extracted side by side, or undefined. */
function fileSetProblem(paths: readonly string[]): string | undefined {
  const seen = new Map<string, string>()
  for (const path of paths) {
    const problem = pathProblem(path)
    if (problem) return `the path ${JSON.stringify(path)} is unsafe: ${problem}`
    const key = foldKey(path)
    const other = seen.get(key)
    if (other !== undefined) {
      return other === path
        ? `the path ${JSON.stringify(path)} appears twice`
        : `the paths ${JSON.stringify(other)} and ${JSON.stringify(path)} differ only in case or Unicode form`
    }
    seen.set(key, path)
  }
  return folderConflict(seen)
}

/** Paths that collide on case-insensitive or normalising file systems (macOS, Windows) share a key. */
function foldKey(path: string): string {
  return path.normalize('NFC').toLowerCase()
}

/**
 * A file whose path is also a folder of another entry (`a` and `a/b`).
 * @param files Fold key → path of every file.
 * @param entries Fold key → path of every entry to check (files, and folders when reading).
 */
function folderConflict(
  files: ReadonlyMap<string, string>,
  entries: ReadonlyMap<string, string> = files,
): string | undefined {
  for (const [key, path] of entries) {
    for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) {
      const file = files.get(key.slice(0, i))
      if (file !== undefined)
        return `${JSON.stringify(file)} is a file and also a folder of ${JSON.stringify(path)}`
    }
  }
  return undefined
}

/**
 * Splits a UTF-8 path into ustar `prefix` (≤ 155 bytes) and `name` (≤ 100 bytes) at a `/`, or
 * returns undefined when no split fits. `/` never occurs inside a multi-byte UTF-8 sequence.
 */
function splitUstarName(name: Uint8Array): { name: Uint8Array; prefix: Uint8Array } | undefined {
  if (name.length <= 100) return { name, prefix: new Uint8Array(0) }
  // The rightmost `/` whose prefix fits leaves the shortest name; if that name is too long, none fits.
  for (let i = Math.min(155, name.length - 1); i > 0; i--) {
    if (name[i] !== 0x2f) continue
    const rest = name.length - i - 1
    return rest >= 1 && rest <= 100 ? { name: name.subarray(i + 1), prefix: name.subarray(0, i) } : undefined
  }
  return undefined
}

/** The first at most `max` bytes of a UTF-8 string, cut before a character, never inside one. */
function truncateUtf8(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes
  let end = max
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
  return bytes.subarray(0, end)
}

/** One PAX record, `"<length> <key>=<value>\n"`, the length counting itself. */
function paxRecord(key: string, value: Uint8Array): Uint8Array {
  const body = encoder.encode(` ${key}=`).length + value.length + 1
  let length = body + 1
  while (String(length).length + body !== length) length = String(length).length + body
  const head = encoder.encode(`${length} ${key}=`)
  const record = new Uint8Array(length)
  record.set(head, 0)
  record.set(value, head.length)
  record[length - 1] = 0x0a
  return record
}

function header(h: { name: Uint8Array; prefix?: Uint8Array; size: number; type: '0' | 'x' }): Uint8Array {
  const b = new Uint8Array(BLOCK)
  b.set(h.name, 0) // name[100]
  writeOctal(b, 100, 8, FILE_MODE) // mode
  writeOctal(b, 108, 8, 0) // uid
  writeOctal(b, 116, 8, 0) // gid
  writeOctal(b, 124, 12, h.size) // size
  writeOctal(b, 136, 12, TAR_MTIME_SECONDS) // mtime
  b[156] = h.type.charCodeAt(0) // typeflag; linkname[100] at 157 stays empty
  b.set(encoder.encode('ustar\u000000'), 257) // magic "ustar\0" + version "00"
  // uname[32] at 265 and gname[32] at 297 stay empty
  writeOctal(b, 329, 8, 0) // devmajor
  writeOctal(b, 337, 8, 0) // devminor
  if (h.prefix) b.set(h.prefix, 345) // prefix[155]
  b.fill(0x20, 148, 156) // checksum is computed with its own field as spaces
  let sum = 0
  for (const byte of b) sum += byte
  writeOctal(b, 148, 7, sum) // 6 digits + NUL, then the space already there
  return b
}

/** Zero-padded octal in `width - 1` digits followed by NUL. */
function writeOctal(b: Uint8Array, offset: number, width: number, value: number): void {
  b.set(encoder.encode(`${value.toString(8).padStart(width - 1, '0')}\u0000`), offset)
}

function padding(length: number): Uint8Array {
  return new Uint8Array((BLOCK - (length % BLOCK)) % BLOCK)
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let total = 0
  for (const c of chunks) total += c.length
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Thrown inside the reader only, caught at its boundary and returned as `{ problem }`. */
class TarProblem extends Error {}

/**
 * Reads a gzip-compressed or plain tar archive from an untrusted source.
 *
 * Regular files are returned, sorted by path, relative to the single top-level folder every file
 * shares (`package/` for npm, `<name>-<version>/` for GitHub archives) when there is one. Folder
 * entries are checked and skipped; PAX (`x`) path and size records and GNU long names (`L`) are
 * honoured; PAX global headers (`g`) are ignored.
 *
 * Refused with `{ problem }` (one sentence naming the entry): unsafe paths (absolute, drive
 * letters, `..`, backslashes, control characters such as NUL, or anything else `pathProblem`
 * refuses), links, devices and FIFOs, duplicates (also ignoring case or Unicode form), a path that
 * is both a file and a folder, more than `maxEntries` entries, more than `maxBytes` bytes of file
 * contents (checked against declared sizes before anything is copied; gunzip output is capped
 * too), bad header checksums, truncated or corrupt archives. Never throws.
 */
export function readTarball(bytes: Uint8Array, options: ReadTarballOptions = {}): ReadTarballResult {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
      return { problem: `The maxBytes limit must be a non-negative integer, not ${maxBytes}.` }
    }
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 0) {
      return { problem: `The maxEntries limit must be a non-negative integer, not ${maxEntries}.` }
    }
    // A plain view, so that `slice` copies (Buffer's `slice` would alias the caller's memory).
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const tar = decompress(view, maxBytes, maxEntries)
    return { files: stripTopFolder(parseTar(tar, maxBytes, maxEntries)) }
  } catch (error) {
    if (error instanceof TarProblem) return { problem: error.message }
    return {
      problem: `The archive could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    }
  }
}

function decompress(bytes: Uint8Array, maxBytes: number, maxEntries: number): Uint8Array {
  if (bytes.length === 0) throw new TarProblem('The archive is empty.')
  const [b0, b1, b2, b3] = bytes
  if (b0 === 0x1f && b1 === 0x8b) {
    // Headers, PAX records and padding cost at most a few blocks per entry, plus GNU tar's
    // 10 KiB record padding; anything beyond that is not a tar of at most maxBytes of files.
    const limit = Math.min(maxBytes + 10_240 + (maxEntries + 1) * 4096, 2 ** 32 - 1)
    try {
      const out = gunzipSync(bytes, { maxOutputLength: limit })
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new TarProblem(
          `The archive decompresses to more than ${limit} bytes, more than ${maxBytes} bytes of files can need.`,
        )
      }
      if (code === 'Z_BUF_ERROR')
        throw new TarProblem('The archive is truncated: the gzip stream ends early.')
      const detail = error instanceof Error ? error.message : String(error)
      throw new TarProblem(`The archive's gzip stream is corrupt (${detail}).`)
    }
  }
  if (b0 === 0x42 && b1 === 0x5a && b2 === 0x68)
    throw new TarProblem('The archive is bzip2-compressed; only gzip is supported.')
  if (b0 === 0xfd && b1 === 0x37 && b2 === 0x7a && b3 === 0x58)
    throw new TarProblem('The archive is xz-compressed; only gzip is supported.')
  if (b0 === 0x28 && b1 === 0xb5 && b2 === 0x2f && b3 === 0xfd)
    throw new TarProblem('The archive is zstd-compressed; only gzip is supported.')
  if (b0 === 0x50 && b1 === 0x4b) throw new TarProblem('The file is a zip archive, not a tarball.')
  return bytes
}

interface Pending {
  path?: string
  size?: number
}

function parseTar(tar: Uint8Array, maxBytes: number, maxEntries: number): TarFile[] {
  const files: TarFile[] = []
  // Fold key → path; keys collide when paths do on case-insensitive or normalising file systems.
  const fileKeys = new Map<string, string>()
  const folderKeys = new Map<string, string>()
  let entries = 0
  let totalBytes = 0
  let pending: Pending = {}
  let hasPending = false
  let offset = 0

  for (;;) {
    if (offset + BLOCK > tar.length) {
      throw new TarProblem(
        offset === tar.length
          ? 'The archive is truncated: it ends without the end-of-archive marker.'
          : `The archive is truncated: it ends inside the header at byte ${offset}.`,
      )
    }
    const h = tar.subarray(offset, offset + BLOCK)
    if (h.every((byte) => byte === 0)) {
      if (hasPending)
        throw new TarProblem('The archive ends right after an extended header, with no entry for it.')
      break // end of archive; GNU tar adds a second zero block and record padding, ignored
    }
    const rawName = lenient.decode(cString(h.subarray(0, 100)))
    const where = `the entry ${JSON.stringify(rawName)} (header at byte ${offset})`
    verifyChecksum(h, where)

    const type = String.fromCharCode(h[156] ?? 0)
    const headerSize = readNumber(h.subarray(124, 136), `the size of ${where}`)
    const size =
      type === 'x' || type === 'g' || type === 'L' || type === 'K' ? headerSize : (pending.size ?? headerSize)
    const dataStart = offset + BLOCK
    const dataEnd = dataStart + Math.ceil(size / BLOCK) * BLOCK

    // Metadata headers: their data is read in place (no copy); the gunzip cap bounds it.
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      if (dataEnd > tar.length) throw truncated(where, size, tar.length - dataStart)
      const data = tar.subarray(dataStart, dataStart + size)
      if (type === 'x') {
        pending = { ...pending, ...parsePax(data, offset) }
        hasPending = true
      } else if (type === 'L') {
        pending = { ...pending, path: gnuLongName(data, offset) }
        hasPending = true
      } else if (type === 'K') {
        hasPending = true // the link target of a following link entry, which is refused anyway
      }
      offset = dataEnd
      continue
    }

    entries++
    if (entries > maxEntries) {
      throw new TarProblem(
        `The archive has more than ${maxEntries} entries (the limit); ${JSON.stringify(rawName)} is one too many.`,
      )
    }
    let path = pending.path ?? ustarPath(h, offset)
    pending = {}
    hasPending = false

    const kind = entryKind(type, path)
    const shown = JSON.stringify(path)
    if (kind !== 'file' && kind !== 'folder')
      throw new TarProblem(
        `The archive entry ${shown} is ${kind}; only regular files and folders are allowed.`,
      )

    // Leading `./` (from `tar -C dir -czf x.tgz .`) is harmless; a folder's trailing `/` too.
    while (path.startsWith('./')) path = path.slice(2)
    if (kind === 'folder') path = path.replace(/\/+$/, '')
    if (kind === 'folder' && (path === '' || path === '.')) {
      offset = dataEnd
      continue
    }
    const problem = pathProblem(path)
    if (problem) throw new TarProblem(`The archive entry ${shown} is unsafe: ${problem}.`)

    const key = foldKey(path)
    const sameFile = fileKeys.get(key)
    const sameFolder = folderKeys.get(key)
    if ((kind === 'folder' && sameFile !== undefined) || (kind === 'file' && sameFolder !== undefined)) {
      throw new TarProblem(`The archive entry ${shown} is both a file and a folder.`)
    }
    if (sameFile !== undefined) {
      throw new TarProblem(
        sameFile === path
          ? `The archive contains ${shown} more than once.`
          : `The archive entries ${JSON.stringify(sameFile)} and ${shown} differ only in case or Unicode form.`,
      )
    }
    if (kind === 'folder') {
      folderKeys.set(key, path) // a folder may be listed more than once
      offset = dataEnd
      continue
    }
    fileKeys.set(key, path)

    if (size > maxBytes - totalBytes) {
      throw new TarProblem(
        `The archive entry ${shown} declares ${size} bytes, which takes the files past the ${maxBytes}-byte limit.`,
      )
    }
    if (dataEnd > tar.length) throw truncated(`the entry ${shown}`, size, tar.length - dataStart)
    totalBytes += size
    files.push({ path, bytes: tar.slice(dataStart, dataStart + size) })
    offset = dataEnd
  }

  const conflict = folderConflict(fileKeys, new Map([...fileKeys, ...folderKeys]))
  if (conflict) throw new TarProblem(`The archive entry ${conflict}.`)
  return files
}

function truncated(what: string, size: number, available: number): TarProblem {
  return new TarProblem(
    `The archive is truncated: ${what} declares ${size} bytes but only ${Math.max(0, available)} remain.`,
  )
}

/** What kind of entry a typeflag is: 'file', 'folder', or a phrase for what is refused. */
function entryKind(type: string, path: string): string {
  switch (type) {
    case '0':
    case '\u0000':
      // Pre-POSIX archives mark folders as regular files whose name ends in `/`.
      return path.endsWith('/') ? 'folder' : 'file'
    case '7':
      return 'file' // contiguous file: a regular file everywhere that matters
    case '5':
      return 'folder'
    case '1':
      return 'a hard link'
    case '2':
      return 'a symbolic link'
    case '3':
      return 'a character device'
    case '4':
      return 'a block device'
    case '6':
      return 'a FIFO'
    default:
      return `of unsupported type ${JSON.stringify(type)}`
  }
}

function verifyChecksum(h: Uint8Array, where: string): void {
  const stored = readNumber(h.subarray(148, 156), `the checksum of ${where}`)
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (h[i] ?? 0)
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  // Some historical writers summed signed chars; both are accepted, as GNU tar does.
  if (stored !== unsigned && stored !== signed)
    throw new TarProblem(`The archive has a bad checksum in ${where}.`)
}

/** A numeric header field: octal digits (space/NUL padded) or GNU base-256 (high bit set). */
function readNumber(field: Uint8Array, what: string): number {
  const first = field[0] ?? 0
  if (first & 0x80) {
    if (first === 0xff) throw new TarProblem(`The archive has a negative number in ${what}.`)
    let value = first & 0x7f
    for (const byte of field.subarray(1)) {
      value = value * 256 + byte
      if (value > Number.MAX_SAFE_INTEGER)
        throw new TarProblem(`The archive has an impossibly large number in ${what}.`)
    }
    return value
  }
  let i = 0
  while (i < field.length && field[i] === 0x20) i++
  let value = 0
  let digits = 0
  for (; i < field.length; i++) {
    const c = field[i] ?? 0
    if (c < 0x30 || c > 0x37) break
    value = value * 8 + (c - 0x30)
    digits++
  }
  for (; i < field.length; i++) {
    const c = field[i]
    if (c !== 0x20 && c !== 0) throw new TarProblem(`The archive has a malformed number in ${what}.`)
  }
  if (digits === 0 && field.some((c) => c !== 0 && c !== 0x20)) {
    throw new TarProblem(`The archive has a malformed number in ${what}.`)
  }
  return value
}

/** The bytes of a NUL-terminated (or field-filling) string. */
function cString(field: Uint8Array): Uint8Array {
  const end = field.indexOf(0)
  return end === -1 ? field : field.subarray(0, end)
}

function decodeName(bytes: Uint8Array, where: string): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new TarProblem(`The archive has a name that is not valid UTF-8 in ${where}.`)
  }
}

/** `prefix/name` for POSIX ustar headers; old GNU headers use the prefix bytes for other things. */
function ustarPath(h: Uint8Array, offset: number): string {
  const where = `the header at byte ${offset}`
  const name = decodeName(cString(h.subarray(0, 100)), where)
  const posix = h[257] === 0x75 && h[262] === 0 && h[263] === 0x30 && h[264] === 0x30 // "ustar\0" "00"
  const prefix = posix ? decodeName(cString(h.subarray(345, 500)), where) : ''
  return prefix === '' ? name : `${prefix}/${name}`
}

/** GNU long name data: the name, NUL-terminated; a NUL inside it is refused, not cut at. */
function gnuLongName(data: Uint8Array, offset: number): string {
  let end = data.length
  while (end > 0 && data[end - 1] === 0) end--
  const bytes = data.subarray(0, end)
  const where = `the GNU long name at byte ${offset}`
  if (bytes.includes(0)) throw new TarProblem(`The archive has a NUL character inside ${where}.`)
  return decodeName(bytes, where)
}

/** The `path` and `size` records of a PAX extended header; other keys are ignored. */
function parsePax(data: Uint8Array, offset: number): Pending {
  const out: Pending = {}
  const bad = () => new TarProblem(`The archive has a malformed PAX extended header at byte ${offset}.`)
  let at = 0
  while (at < data.length) {
    if (data[at] === 0) break // some writers pad the records with NULs
    const space = data.indexOf(0x20, at)
    if (space === -1) throw bad()
    const lengthText = lenient.decode(data.subarray(at, space))
    if (!/^[1-9][0-9]{0,9}$/.test(lengthText)) throw bad()
    const end = at + Number(lengthText)
    if (end > data.length || data[end - 1] !== 0x0a) throw bad()
    const record = data.subarray(space + 1, end - 1)
    const eq = record.indexOf(0x3d)
    if (eq <= 0) throw bad()
    const key = lenient.decode(record.subarray(0, eq))
    const value = record.subarray(eq + 1)
    if (key === 'path') {
      const path = decodeName(value, `the PAX header at byte ${offset}`)
      if (path === '') delete out.path
      else out.path = path
    } else if (key === 'size') {
      const text = lenient.decode(value)
      if (!/^[0-9]{1,16}$/.test(text) || !Number.isSafeInteger(Number(text))) throw bad()
      out.size = Number(text)
    }
    at = end
  }
  return out
}

/** Drops the one top-level folder every file shares, if there is one; sorts by path. */
function stripTopFolder(files: TarFile[]): TarFile[] {
  const first = files[0]?.path
  const top = first === undefined ? undefined : first.slice(0, first.indexOf('/') + 1)
  const strip = top !== undefined && top !== '' && files.every((f) => f.path.startsWith(top))
  const out = strip ? files.map((f) => ({ path: f.path.slice(top.length), bytes: f.bytes })) : files
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
