import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { InternalError } from '@agentc/core'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { createTarball, readTarball, TAR_MTIME_SECONDS } from './tar'

const enc = new TextEncoder()
const dec = new TextDecoder()
const bytes = (s: string) => enc.encode(s)

// --- helpers ------------------------------------------------------------------------------------

function files(result: ReturnType<typeof readTarball>) {
  if ('problem' in result) throw new Error(`unexpected problem: ${result.problem}`)
  return result.files.map((f) => ({ path: f.path, text: dec.decode(f.bytes) }))
}

function problem(result: ReturnType<typeof readTarball>): string {
  if (!('problem' in result))
    throw new Error(`expected a problem, got ${result.files.map((f) => f.path).join(', ')}`)
  return result.problem
}

/** The uncompressed tar inside a created tarball. */
function untar(tgz: Uint8Array): Uint8Array {
  return new Uint8Array(gunzipSync(tgz))
}

function field(block: Uint8Array, offset: number, length: number): string {
  return dec.decode(block.subarray(offset, offset + length))
}

/** Every header block of a tar (skipping data), as [offset, typeflag, name]. */
function headers(tar: Uint8Array): { offset: number; type: string; name: string; prefix: string }[] {
  const out = []
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512)
    if (h.every((b) => b === 0)) break
    const size = Number.parseInt(field(h, 124, 12).replace(/\0.*$/, ''), 8)
    out.push({
      offset: at,
      type: String.fromCharCode(h[156]!),
      name: field(h, 0, 100).replace(/\0+$/, ''),
      prefix: field(h, 345, 155).replace(/\0+$/, ''),
    })
    at += 512 + Math.ceil(size / 512) * 512
  }
  return out
}

interface Raw {
  name?: string
  /** Overrides `name` with raw bytes (for invalid UTF-8). */
  nameBytes?: Uint8Array
  type?: string
  data?: string | Uint8Array
  /** Declared size, when it must differ from the data's. */
  size?: number
  /** Raw text of the 12-byte size field, one byte per character. */
  sizeText?: string
  prefix?: string
  magic?: 'posix' | 'gnu' | 'none'
  /** Added to the correct checksum. */
  checksumDelta?: number
}

/** A hand-made tar header (+ data + padding), for archives createTarball would never write. */
function raw(e: Raw): Uint8Array {
  const data = typeof e.data === 'string' ? bytes(e.data) : (e.data ?? new Uint8Array(0))
  const h = new Uint8Array(512)
  h.set(e.nameBytes ?? bytes(e.name ?? ''), 0)
  const octal = (at: number, width: number, v: number) =>
    h.set(bytes(`${v.toString(8).padStart(width - 1, '0')}\0`), at)
  octal(100, 8, 0o644)
  octal(108, 8, 0)
  octal(116, 8, 0)
  octal(124, 12, e.size ?? data.length)
  if (e.sizeText !== undefined) h.set(Buffer.from(e.sizeText.padEnd(12, '\0'), 'latin1'), 124)
  octal(136, 12, 0)
  h[156] = (e.type ?? '0').charCodeAt(0)
  const magic = e.magic ?? 'posix'
  if (magic === 'posix') h.set(bytes('ustar\u000000'), 257)
  if (magic === 'gnu') h.set(bytes('ustar  \0'), 257)
  if (e.prefix) h.set(bytes(e.prefix), 345)
  h.fill(0x20, 148, 156)
  const sum = h.reduce((a, b) => a + b, 0) + (e.checksumDelta ?? 0)
  h.set(bytes(`${sum.toString(8).padStart(6, '0')}\0 `), 148)
  const out = new Uint8Array(512 + Math.ceil(data.length / 512) * 512)
  out.set(h, 0)
  out.set(data, 512)
  return out
}

function paxData(records: Record<string, string>): string {
  let out = ''
  for (const [key, value] of Object.entries(records)) {
    const body = ` ${key}=${value}\n`
    const n = bytes(body).length
    let len = n + 1
    while (String(len).length + n !== len) len = String(len).length + n
    out += `${len}${body}`
  }
  return out
}

/** Concatenates entries and appends the two-block end marker. */
function tar(...parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((a, p) => a + p.length, 0) + 1024
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const gz = (b: Uint8Array) => new Uint8Array(gzipSync(b))

const tmpDirs: string[] = []
function tmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentc-tar-'))
  tmpDirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true })
})

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function listFiles(root: string, dir = root): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(root, full))
    else
      out.push(
        full
          .slice(root.length + 1)
          .split('\\')
          .join('/'),
      )
  }
  return out.sort()
}

const sample = [
  { path: 'package.json', contents: '{"name":"x","version":"1.0.0"}\n' },
  { path: 'agents/review.md', contents: '---\ndescription: Reviews code\n---\nBe terse. ✓\n' },
  { path: 'README.md', contents: '# x\n' },
  { path: 'bin/empty', contents: '' },
  { path: 'data/all-bytes.bin', contents: Uint8Array.from({ length: 256 }, (_, i) => i) },
]

// --- writing --------------------------------------------------------------------------------------

describe('createTarball', () => {
  it('round-trips files and bytes through readTarball, sorted by path', () => {
    const result = readTarball(createTarball(sample))
    if ('problem' in result) throw new Error(result.problem)
    expect(result.files.map((f) => f.path)).toEqual([
      'README.md',
      'agents/review.md',
      'bin/empty',
      'data/all-bytes.bin',
      'package.json',
    ])
    for (const f of sample) {
      const got = result.files.find((r) => r.path === f.path)!
      const want = typeof f.contents === 'string' ? bytes(f.contents) : f.contents
      expect(got.bytes).toEqual(want)
    }
  })

  it('is deterministic: input order and string-vs-bytes do not change a byte', () => {
    const a = createTarball(sample)
    const b = createTarball(
      [...sample].reverse().map((f) => ({
        path: f.path,
        contents: typeof f.contents === 'string' ? bytes(f.contents) : f.contents,
      })),
    )
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
    // The uncompressed tar is pinned: any change to the format (order, metadata, padding) shows here.
    expect(createHash('sha256').update(untar(a)).digest('hex')).toBe(
      'f4e1df0c606d2b97712d00c41082460851c99243174e58f76e95957478ed60eb',
    )
  })

  it('writes npm’s fixed metadata at the ustar offsets and a platform-neutral gzip header', () => {
    const tgz = createTarball([{ path: 'a.md', contents: 'hi\n' }])
    // gzip: magic, deflate, no flags, MTIME 0, XFL 2 (level 9), OS 0xff (unknown) — as npm's portable mode.
    expect([...tgz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff])
    const t = untar(tgz)
    expect(t.length).toBe(512 + 512 + 1024) // one header, one data block, two zero blocks; no folder entries
    expect(t.subarray(1024).every((b) => b === 0)).toBe(true)
    const h = t.subarray(0, 512)
    expect(field(h, 0, 100).replace(/\0+$/, '')).toBe('package/a.md')
    expect(field(h, 100, 8)).toBe('0000644\0') // mode
    expect(field(h, 108, 8)).toBe('0000000\0') // uid
    expect(field(h, 116, 8)).toBe('0000000\0') // gid
    expect(field(h, 124, 12)).toBe('00000000003\0') // size
    expect(field(h, 136, 12)).toBe('03560116604\0') // mtime: 1985-10-26T08:15:00Z
    expect(Number.parseInt(field(h, 136, 11), 8)).toBe(Date.parse('1985-10-26T08:15:00Z') / 1000)
    expect(TAR_MTIME_SECONDS).toBe(499162500)
    expect(field(h, 156, 1)).toBe('0') // typeflag
    expect(field(h, 257, 8)).toBe('ustar\u000000') // POSIX magic + version
    expect(h.subarray(265, 329).every((b) => b === 0)).toBe(true) // uname, gname empty
    expect(field(h, 329, 16)).toBe('0000000\u00000000000\0') // devmajor, devminor
    const stored = Number.parseInt(field(h, 148, 6), 8)
    const sum = h.reduce((a, b, i) => a + (i >= 148 && i < 156 ? 0x20 : b), 0)
    expect(stored).toBe(sum)
    expect(field(h, 154, 2)).toBe('\0 ')
    expect(field(t, 512, 3)).toBe('hi\n')
  })

  it('honours the prefix option', () => {
    expect(headers(untar(createTarball([{ path: 'x.md', contents: '' }], { prefix: '' })))[0]!.name).toBe(
      'x.md',
    )
    expect(
      headers(untar(createTarball([{ path: 'x.md', contents: '' }], { prefix: 'my-pack' })))[0]!.name,
    ).toBe('my-pack/x.md')
    expect(() => createTarball([], { prefix: '../up/' })).toThrow(InternalError)
  })

  it('refuses file sets that could not be extracted safely', () => {
    expect(() => createTarball([{ path: '../x', contents: '' }])).toThrow(/"\.\.\/x" is unsafe/)
    expect(() => createTarball([{ path: '/abs', contents: '' }])).toThrow(InternalError)
    expect(() =>
      createTarball([
        { path: 'a.md', contents: '1' },
        { path: 'a.md', contents: '2' },
      ]),
    ).toThrow(/appears twice/)
    expect(() =>
      createTarball([
        { path: 'A.md', contents: '1' },
        { path: 'a.md', contents: '2' },
      ]),
    ).toThrow(/differ only in case/)
    expect(() =>
      createTarball([
        { path: 'a', contents: '1' },
        { path: 'a/b', contents: '2' },
      ]),
    ).toThrow(/"a" is a file and also a folder of "a\/b"/)
  })

  it('splits long paths into the ustar prefix field, and falls back to PAX when no split fits', () => {
    const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(40)}.md` // 165 bytes + package/
    const longName = `agents/${'n'.repeat(120)}.md` // basename alone exceeds 100 bytes
    const unicode = `agents/${'日本語'.repeat(20)}/${'ü'.repeat(60)}.md` // 180 + 120 bytes of UTF-8
    const input = [
      { path: deep, contents: 'deep' },
      { path: longName, contents: 'long' },
      { path: unicode, contents: 'unicode' },
    ]
    const t = untar(createTarball(input))
    const hs = headers(t)
    const deepHeader = hs.find((h) => h.name === `${'f'.repeat(40)}.md`)!
    expect(deepHeader.prefix).toBe(`package/${'d'.repeat(60)}/${'e'.repeat(60)}`)
    expect(deepHeader.type).toBe('0')
    // The two that do not fit get an 'x' header each, with a `path=` record.
    expect(hs.map((h) => h.type)).toEqual(['x', '0', 'x', '0', '0']) // agents/n…, agents/日本語…, d…/e…
    const pax = hs
      .filter((h) => h.type === 'x')
      .map((h) => dec.decode(t.subarray(h.offset + 512, h.offset + 1024)))
    expect(pax[0]).toContain(` path=package/${longName}\n`)
    expect(pax[1]).toContain(` path=package/${unicode}\n`)
    // Fallback names are cut at a character boundary (valid UTF-8) and keep the top folder.
    for (const h of hs) expect(`${h.prefix}/${h.name}`.replace(/^\//, '')).toMatch(/^package\//)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(hs[4]!.name))).not.toThrow()
    expect(files(readTarball(createTarball(input)))).toEqual(
      [...input].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => ({ path: f.path, text: f.contents })),
    )
  })

  it('create → read is the identity for random safe file sets (property)', () => {
    const segment = fc
      .string({ unit: fc.constantFrom(...'abcXYZ019-_.é日🙂'), minLength: 1, maxLength: 40 })
      .filter((s) => !s.endsWith('.') && s !== '.' && s !== '..')
    const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'))
    const fileSet = fc
      .uniqueArray(fc.record({ path, contents: fc.uint8Array({ maxLength: 700 }) }), {
        selector: (f) => f.path.normalize('NFC').toLowerCase(),
        maxLength: 8,
      })
      .filter(
        (fs) => !fs.some((a) => fs.some((b) => b.path.toLowerCase().startsWith(`${a.path.toLowerCase()}/`))),
      )
    fc.assert(
      fc.property(fileSet, (input) => {
        const result = readTarball(createTarball(input))
        if ('problem' in result) throw new Error(result.problem)
        const want = [...input].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        expect(result.files.map((f) => f.path)).toEqual(want.map((f) => f.path))
        result.files.forEach((f, i) => {
          expect(Buffer.from(f.bytes).equals(Buffer.from(want[i]!.contents))).toBe(true)
        })
      }),
      { seed: 20251026, numRuns: 150 },
    )
  })
})

// --- reading --------------------------------------------------------------------------------------

describe('readTarball', () => {
  it('reads plain tar, skips folders, ./ prefixes and global headers, and strips the shared top folder', () => {
    const archive = tar(
      raw({ name: 'pax_global_header', type: 'g', data: paxData({ comment: 'abc123' }) }),
      raw({ name: './repo-1.2.3/', type: '5' }),
      raw({ name: './repo-1.2.3/agents/', type: '5' }),
      raw({ name: './repo-1.2.3/agents/a.md', data: 'A' }),
      raw({ name: './repo-1.2.3/b.md', data: 'B', type: '\0' }),
    )
    expect(files(readTarball(archive))).toEqual([
      { path: 'agents/a.md', text: 'A' },
      { path: 'b.md', text: 'B' },
    ])
    expect(files(readTarball(gz(archive)))).toEqual(files(readTarball(archive)))
  })

  it('keeps paths as they are when files do not share one top folder', () => {
    const archive = tar(
      raw({ name: 'a/x.md', data: '1' }),
      raw({ name: 'b/y.md', data: '2' }),
      raw({ name: 'c.md', data: '3' }),
    )
    expect(files(readTarball(archive)).map((f) => f.path)).toEqual(['a/x.md', 'b/y.md', 'c.md'])
    expect(files(readTarball(tar(raw({ name: 'only.md', data: '1' })))).map((f) => f.path)).toEqual([
      'only.md',
    ])
  })

  it('reads ustar prefixes, PAX path and size records and GNU long names', () => {
    const long = `package/${'x'.repeat(130)}/${'y'.repeat(130)}.md`
    const archive = tar(
      raw({ name: 'b.md', prefix: 'package/sub', data: 'prefixed' }),
      raw({ name: 'PaxHeader', type: 'x', data: paxData({ mtime: '1.5', path: long }) }),
      raw({ name: 'truncated-fallback', data: 'pax' }),
      raw({ name: '././@LongLink', type: 'L', data: `package/${'g'.repeat(200)}.md\0` }),
      raw({ name: 'package/ggg', data: 'gnu' }),
      // PAX size overrides the header's size field.
      raw({ name: 'PaxHeader', type: 'x', data: paxData({ size: '5' }) }),
      raw({ name: 'package/sized.md', size: 0, data: 'sized' }),
    )
    expect(files(readTarball(archive))).toEqual([
      { path: `${'g'.repeat(200)}.md`, text: 'gnu' },
      { path: 'sized.md', text: 'sized' },
      { path: 'sub/b.md', text: 'prefixed' },
      { path: `${'x'.repeat(130)}/${'y'.repeat(130)}.md`, text: 'pax' },
    ])
  })

  it('ignores the prefix field of old GNU headers, which hold other data there', () => {
    const archive = tar(raw({ name: 'package/a.md', magic: 'gnu', prefix: 'garbage', data: 'A' }))
    expect(files(readTarball(archive))).toEqual([{ path: 'a.md', text: 'A' }])
  })

  it('returns copies, not views of the caller’s buffer', () => {
    const archive = tar(raw({ name: 'a.md', data: 'A' }))
    const result = readTarball(Buffer.from(archive))
    if ('problem' in result) throw new Error(result.problem)
    expect(result.files[0]!.bytes.constructor).toBe(Uint8Array)
    expect(result.files[0]!.bytes.byteLength).toBe(result.files[0]!.bytes.buffer.byteLength)
  })

  describe('refuses unsafe archives with one sentence naming the entry', () => {
    const refused: [string, Uint8Array, RegExp][] = [
      [
        'absolute path',
        tar(raw({ name: '/etc/passwd', data: 'x' })),
        /"\/etc\/passwd" is unsafe: it is absolute\./,
      ],
      [
        '.. segment',
        tar(raw({ name: 'package/../../x', data: 'x' })),
        /"package\/\.\.\/\.\.\/x" is unsafe: .*`\.\.`/,
      ],
      ['leading ..', tar(raw({ name: '../x', data: 'x' })), /"\.\.\/x" is unsafe/],
      [
        'backslash',
        tar(raw({ name: 'package\\..\\x', data: 'x' })),
        /"package\\\\\.\.\\\\x" is unsafe: it contains a backslash/,
      ],
      [
        'drive letter',
        tar(raw({ name: 'C:/Windows/x', data: 'x' })),
        /"C:\/Windows\/x" is unsafe: it is absolute/,
      ],
      ['drive-relative', tar(raw({ name: 'c:x', data: 'x' })), /"c:x" is unsafe/],
      [
        'NUL in a PAX path',
        tar(
          raw({ name: 'PaxHeader', type: 'x', data: paxData({ path: 'a.md\0.exe' }) }),
          raw({ name: 'a.md', data: 'x' }),
        ),
        /"a\.md\\u0000\.exe" is unsafe: it contains a control character/,
      ],
      [
        'NUL in a GNU long name',
        tar(
          raw({ name: '././@LongLink', type: 'L', data: 'a.md\0.exe\0' }),
          raw({ name: 'a.md', data: 'x' }),
        ),
        /NUL character inside the GNU long name at byte 0/,
      ],
      [
        'symlink',
        tar(raw({ name: 'package/link', type: '2' })),
        /"package\/link" is a symbolic link; only regular files and folders/,
      ],
      ['hard link', tar(raw({ name: 'package/hard', type: '1' })), /"package\/hard" is a hard link/],
      [
        'character device',
        tar(raw({ name: 'package/tty', type: '3' })),
        /"package\/tty" is a character device/,
      ],
      ['block device', tar(raw({ name: 'package/sda', type: '4' })), /"package\/sda" is a block device/],
      ['FIFO', tar(raw({ name: 'package/pipe', type: '6' })), /"package\/pipe" is a FIFO/],
      [
        'unknown type',
        tar(raw({ name: 'package/sparse', type: 'S' })),
        /"package\/sparse" is of unsupported type "S"/,
      ],
      [
        'duplicate',
        tar(raw({ name: 'package/a.md', data: '1' }), raw({ name: 'package/a.md', data: '2' })),
        /contains "package\/a\.md" more than once/,
      ],
      [
        'case-insensitive duplicate',
        tar(raw({ name: 'package/README.md', data: '1' }), raw({ name: 'package/readme.md', data: '2' })),
        /"package\/README\.md" and "package\/readme\.md" differ only in case/,
      ],
      [
        'file that is also a folder',
        tar(raw({ name: 'package/a', data: '1' }), raw({ name: 'package/a/b', data: '2' })),
        /"package\/a" is a file and also a folder of "package\/a\/b"/,
      ],
      [
        'folder entry that is also a file',
        tar(raw({ name: 'package/a', data: '1' }), raw({ name: 'package/a/', type: '5' })),
        /"package\/a\/" is both a file and a folder/,
      ],
      [
        'bad checksum',
        tar(raw({ name: 'package/a.md', data: 'x', checksumDelta: 1 })),
        /bad checksum in the entry "package\/a\.md" \(header at byte 0\)/,
      ],
      [
        'truncated data',
        tar(raw({ name: 'package/a.md', data: 'x'.repeat(600) })).subarray(0, 700),
        /truncated: the entry "package\/a\.md" declares 600 bytes but only 188 remain/,
      ],
      [
        'truncated header',
        tar(raw({ name: 'package/a.md', data: 'x' })).subarray(0, 1100),
        /ends inside the header at byte 1024/,
      ],
      [
        'missing end marker',
        raw({ name: 'package/a.md', data: 'x' }),
        /ends without the end-of-archive marker/,
      ],
      [
        'dangling extended header',
        tar(raw({ name: 'PaxHeader', type: 'x', data: paxData({ path: 'a' }) })),
        /extended header, with no entry/,
      ],
      [
        'malformed PAX record',
        tar(raw({ name: 'PaxHeader', type: 'x', data: '99 path=a\n' }), raw({ name: 'a', data: '' })),
        /malformed PAX extended header at byte 0/,
      ],
      [
        'invalid UTF-8 name',
        tar(raw({ nameBytes: Uint8Array.of(0x61, 0xff, 0x62), data: '' })),
        /not valid UTF-8/,
      ],
      [
        'malformed size',
        tar(raw({ name: 'a.md', sizeText: '12x4' })),
        /malformed number in the size of the entry "a\.md"/,
      ],
      [
        'negative base-256 size',
        tar(raw({ name: 'a.md', sizeText: '\xff' })),
        /negative number in the size of the entry "a\.md"/,
      ],
      ['empty input', new Uint8Array(0), /The archive is empty\./],
      ['bzip2', bytes('BZh91AY&SY'), /bzip2-compressed; only gzip/],
      ['zip', bytes('PK\x03\x04'), /zip archive/],
    ]
    it.each(refused)('%s', (_, archive, message) => {
      const p = problem(readTarball(archive))
      expect(p).toMatch(message)
      expect(p).toMatch(/^[A-Z].*\.$/) // one sentence
      expect(p.split('\n')).toHaveLength(1)
    })

    it('more than maxEntries entries (folders count)', () => {
      const archive = tar(
        raw({ name: 'p/', type: '5' }),
        raw({ name: 'p/a', data: '' }),
        raw({ name: 'p/b', data: '' }),
      )
      expect(files(readTarball(archive, { maxEntries: 3 }))).toHaveLength(2)
      expect(problem(readTarball(archive, { maxEntries: 2 }))).toBe(
        'The archive has more than 2 entries (the limit); "p/b" is one too many.',
      )
      const many = tar(...Array.from({ length: 10_001 }, (_, i) => raw({ name: `p/${i}`, data: '' })))
      expect(problem(readTarball(many))).toMatch(/more than 10000 entries/)
    })

    it('more than maxBytes, judged on the declared size before anything is read', () => {
      const archive = tar(
        raw({ name: 'p/a', data: 'x'.repeat(600) }),
        raw({ name: 'p/b', data: 'y'.repeat(600) }),
      )
      expect(files(readTarball(archive, { maxBytes: 1200 }))).toHaveLength(2)
      expect(problem(readTarball(archive, { maxBytes: 1199 }))).toMatch(
        /"p\/b" declares 600 bytes, which takes the files past the 1199-byte limit/,
      )
      // A header claiming 8 GiB with no data behind it: refused for the size, not read or allocated.
      const liar = tar(raw({ name: 'p/huge', size: 0o77777777777 }))
      expect(problem(readTarball(liar))).toMatch(
        /"p\/huge" declares 8589934591 bytes, which takes the files past the 67108864-byte limit/,
      )
      const pax = tar(
        raw({ name: 'x', type: 'x', data: paxData({ size: String(2 ** 40) }) }),
        raw({ name: 'p/huge' }),
      )
      expect(problem(readTarball(pax))).toMatch(/"p\/huge" declares 1099511627776 bytes/)
    })

    it('a gzip bomb stops at the decompression cap', () => {
      const bomb = gz(new Uint8Array(8 * 1024 * 1024)) // 8 MiB of zeros in ~8 KiB
      expect(bomb.length).toBeLessThan(20_000)
      expect(problem(readTarball(bomb, { maxBytes: 1024, maxEntries: 10 }))).toMatch(
        /^The archive decompresses to more than \d+ bytes, more than 1024 bytes of files can need\.$/,
      )
    })

    it('truncated or corrupt gzip', () => {
      const tgz = createTarball(sample)
      expect(problem(readTarball(tgz.subarray(0, tgz.length - 20)))).toBe(
        'The archive is truncated: the gzip stream ends early.',
      )
      const corrupt = Uint8Array.from(tgz)
      corrupt[corrupt.length - 6]! ^= 0xff // CRC32 trailer
      expect(problem(readTarball(corrupt))).toMatch(/^The archive's gzip stream is corrupt \(.+\)\.$/)
    })

    it('bad limits', () => {
      expect(problem(readTarball(createTarball([]), { maxBytes: -1 }))).toMatch(/maxBytes limit must be/)
      expect(problem(readTarball(createTarball([]), { maxEntries: 1.5 }))).toMatch(/maxEntries limit must be/)
    })
  })

  it('never throws, whatever the bytes (property)', () => {
    const valid = untar(createTarball(sample))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          // Valid archives with a few bytes flipped: deep paths into the parser.
          fc
            .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 })
            .map((edits) => {
              const copy = Uint8Array.from(valid)
              for (const [at, v] of edits) copy[at] = v
              return copy
            }),
        ),
        (input) => {
          const result = readTarball(input)
          expect('files' in result || typeof result.problem === 'string').toBe(true)
        },
      ),
      { seed: 19851026, numRuns: 300 },
    )
  })
})

// --- interoperability -------------------------------------------------------------------------------

describe('interoperability', () => {
  const longInput = [
    ...sample,
    { path: `agents/${'n'.repeat(120)}.md`, contents: 'pax' },
    { path: `${'d'.repeat(90)}/${'e'.repeat(90)}/ü-日本.md`, contents: 'prefix split' },
  ]

  it.skipIf(!hasCommand('tar'))('the system tar extracts a created tarball to the same files', () => {
    const dir = tmp()
    const file = join(dir, 'pack.tgz')
    writeFileSync(file, createTarball(longInput))
    const out = join(dir, 'out')
    mkdirSync(out)
    execFileSync('tar', ['-xzf', file, '-C', out], { stdio: 'pipe' })
    const root = join(out, 'package')
    expect(listFiles(root)).toEqual(longInput.map((f) => f.path).sort())
    for (const f of longInput) {
      const want = typeof f.contents === 'string' ? bytes(f.contents) : f.contents
      expect(Buffer.from(readFileSync(join(root, f.path))).equals(Buffer.from(want))).toBe(true)
    }
    expect(statSync(join(root, 'README.md')).mtimeMs).toBe(TAR_MTIME_SECONDS * 1000)
  })

  it.skipIf(!hasCommand('tar'))('reads what the system tar writes, in GNU and POSIX formats', () => {
    const dir = tmp()
    const src = join(dir, 'my-pack-1.0.0')
    for (const f of longInput) {
      mkdirSync(dirname(join(src, f.path)), { recursive: true })
      writeFileSync(join(src, f.path), f.contents)
    }
    const want = longInput
      .map((f) => ({
        path: f.path,
        text: dec.decode(typeof f.contents === 'string' ? bytes(f.contents) : f.contents),
      }))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
    for (const format of ['gnu', 'posix']) {
      const file = join(dir, `${format}.tgz`)
      // GNU format writes 'L' long names; POSIX writes 'x' headers with mtime/atime/ctime records too.
      execFileSync('tar', [`--format=${format}`, '-czf', file, '-C', dir, 'my-pack-1.0.0'], { stdio: 'pipe' })
      expect(files(readTarball(new Uint8Array(readFileSync(file))))).toEqual(want)
    }
  })

  it.skipIf(!hasCommand('npm'))('reads a tarball made by npm pack', () => {
    const dir = tmp()
    const pkg = join(dir, 'pkg')
    mkdirSync(join(pkg, 'lib'), { recursive: true })
    const manifest = '{"name":"agentc-tar-probe","version":"1.2.3","files":["lib"]}\n'
    writeFileSync(join(pkg, 'package.json'), manifest)
    writeFileSync(join(pkg, 'lib', 'index.js'), 'export const x = 1\n')
    const out = join(dir, 'out')
    mkdirSync(out)
    execFileSync('npm', ['pack', '--pack-destination', out, '--ignore-scripts', '--silent'], {
      cwd: pkg,
      stdio: 'pipe',
      env: { ...process.env, npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false' },
      timeout: 30_000,
    })
    const tgz = readFileSync(join(out, 'agentc-tar-probe-1.2.3.tgz'))
    expect(files(readTarball(new Uint8Array(tgz)))).toEqual([
      { path: 'lib/index.js', text: 'export const x = 1\n' },
      { path: 'package.json', text: manifest },
    ])
    // npm's own header fields agree with ours where it matters: same fixed mtime, mode, top folder.
    const t = untar(tgz)
    expect(headers(t).every((h) => h.name.startsWith('package/') && h.type === '0')).toBe(true)
    expect(Number.parseInt(field(t, 136, 12), 8)).toBe(TAR_MTIME_SECONDS)
    expect(Number.parseInt(field(t, 100, 8), 8)).toBe(0o644)
    expect(tgz[9]).toBe(0xff)
  })
})
