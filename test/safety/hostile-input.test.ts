/**
 * Huge, malformed and binary input: each ends in one clear diagnostic with a code and a position,
 * exit 1, no stack trace, and nothing written. The limits a user may need to raise are flags.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { agentc, listTree, tempDir, writeTree } from './helpers'

const GOOD = '---\ndescription: Fine\n---\nBody.\n'

async function buildWith(files: Record<string, string | Uint8Array>, ...flags: string[]) {
  const dir = tempDir()
  writeTree(dir, { 'agents/good.md': GOOD, ...files })
  const result = await agentc(
    dir,
    'build',
    'agents',
    '--target',
    'claude,cursor,roo',
    '--out',
    'out',
    ...flags,
  )
  return { dir, ...result }
}

function expectRefused(result: { code: number; stderr: string; dir: string }, pattern: RegExp): void {
  expect(result.stderr).toMatch(pattern)
  expect(result.code).toBe(1)
  expect(result.stderr).not.toMatch(/\n\s+at |internal error|unexpected error/)
  expect(result.stderr).toContain('nothing written')
  expect(listTree(join(result.dir, 'out'))).toEqual([])
}

describe('limits', () => {
  it('a file over 1 MiB is refused before it is read; --max-file-size raises the limit', async () => {
    const big = `${GOOD}${'All work and no play.\n'.repeat(60_000)}`
    const files = { 'agents/big.md': big }
    expectRefused(
      await buildWith(files),
      /^agents\/big\.md:1:1 {2}error {2}The file is 1320032 bytes, more than the limit of 1 MiB \(raise it with --max-file-size\)\. {2}AGC007$/m,
    )
    const raised = await buildWith(files, '--max-file-size', '2MiB')
    expect(raised.code).toBe(0)
  })

  it('an over-long line is refused at its line; --max-line-length raises the limit', async () => {
    const files = { 'agents/long.md': `---\ndescription: x\n---\n\nok\n${'y'.repeat(150_000)}\n` }
    expectRefused(
      await buildWith(files),
      /^agents\/long\.md:6:1 {2}error {2}This line is 150000 characters long, more than the limit of 100000 \(raise it with --max-line-length\)\. {2}AGC007$/m,
    )
    expect((await buildWith(files, '--max-line-length', '200000')).code).toBe(0)
  })

  it('too many input files; --max-files raises the limit', async () => {
    const files = { 'agents/a.md': GOOD, 'agents/b.md': GOOD }
    expectRefused(
      await buildWith(files, '--max-files', '2'),
      /^agents {2}error {2}3 input files were found, more than the limit of 2 \(raise it with --max-files\)\. {2}AGC007$/m,
    )
    expect((await buildWith(files, '--max-files', '3')).code).toBe(0)
  })

  it('a bad limit value is a usage error (exit 2)', async () => {
    const result = await buildWith({}, '--max-file-size', 'lots')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('expected a size such as 1048576, 512KiB or 2MiB')
  })

  it('deeply nested frontmatter is refused before a recursive parser sees it', async () => {
    const deep = `---\ndescription: x\ntools: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nBody\n`
    expectRefused(
      await buildWith({ 'agents/deep.md': deep }),
      /^agents\/deep\.md:3:72 {2}error {2}The data nests more than 64 levels deep here; .* {2}AGC007$/m,
    )
  })

  it('a YAML alias bomb (billion laughs) is refused, not expanded', async () => {
    const lines = ['---', 'description: x', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    lines.push('---', 'Body', '')
    expectRefused(
      await buildWith({ 'agents/bomb.md': lines.join('\n') }),
      /^agents\/bomb\.md:\d+:\d+ {2}error .* {2}AGC007$/m,
    )
  })

  it('a deeply nested .roomodes that agentc must merge into is refused, never replaced', async () => {
    const dir = tempDir()
    const deep = `{"customModes": ${'['.repeat(20_000)}${']'.repeat(20_000)}}\n`
    writeTree(dir, { 'agents/good.md': GOOD, 'out/.roomodes': deep })
    const result = await agentc(dir, 'build', 'agents', '--target', 'roo', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^out\/\.roomodes:1:\d+ {2}error {2}\.roomodes cannot be updated: it nests more than 64 levels deep\. {2}AGC305$/m,
    )
    expect(listTree(join(dir, 'out'))).toEqual(['.roomodes'])
  })
})

describe('binary and undecodable files', () => {
  it('a PNG renamed .md is refused as binary', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ])
    expectRefused(
      await buildWith({ 'agents/image.md': png }),
      /^agents\/image\.md:\d+:\d+ {2}error {2}.* {2}AGC005$/m,
    )
  })

  it('Latin-1 text is refused at the first byte that is not UTF-8', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('---\ndescription: caf'),
      0xe9,
      0x0a,
      ...new TextEncoder().encode('---\nBody\n'),
    ])
    expectRefused(
      await buildWith({ 'agents/latin1.md': latin1 }),
      /^agents\/latin1\.md:2:17 {2}error {2}The file is not valid UTF-8 text \(byte 0xe9 at offset 20\); save it as UTF-8\. {2}AGC005$/m,
    )
  })

  it('UTF-16 with a byte-order mark is refused', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'---\n'].flatMap((c) => [c.charCodeAt(0), 0])])
    expectRefused(
      await buildWith({ 'agents/utf16.md': utf16 }),
      /^agents\/utf16\.md:1:1 {2}error .* {2}AGC005$/m,
    )
  })

  it('a NUL byte in otherwise fine text is refused at its position', async () => {
    expectRefused(
      await buildWith({ 'agents/nul.md': '---\ndescription: a\u0000b\n---\nBody\n' }),
      /^agents\/nul\.md:2:15 {2}error {2}The file contains a NUL byte; .* {2}AGC005$/m,
    )
  })
})

describe('odd files and folders', () => {
  it('an empty file, a BOM-only file and a frontmatter-only file do not crash', async () => {
    const result = await buildWith({
      'agents/empty.md': '',
      'agents/bom.md': '\ufeff',
      'agents/fm-only.md': '---\ndescription: only\n---',
    })
    expect(result.stderr).not.toMatch(/\n\s+at |internal error|unexpected error|AGC901/)
  })

  it('a folder named like an agent file is walked, not read', async () => {
    const dir = tempDir()
    writeTree(dir, { 'agents/good.md': GOOD })
    mkdirSync(join(dir, 'agents/folder.md'))
    const result = await agentc(dir, 'build', 'agents', '--target', 'claude', '--out', 'out')
    expect(result.code).toBe(0)
  })

  it.skipIf(process.getuid?.() === 0)('an unreadable file is AGC304, not a stack trace', async () => {
    const dir = tempDir()
    writeTree(dir, { 'agents/good.md': GOOD, 'agents/secret.md': GOOD })
    chmodSync(join(dir, 'agents/secret.md'), 0o000)
    const result = await agentc(dir, 'build', 'agents', '--target', 'claude', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^agents\/secret\.md {2}error {2}agents\/secret\.md cannot be read \(EACCES\)\. {2}AGC304$/m,
    )
    chmodSync(join(dir, 'agents/secret.md'), 0o600)
  })

  it('convert refuses the same inputs the same way', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'bad.md'), new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28, 0x0a]))
    const result = await agentc(dir, 'convert', 'bad.md', '--to', 'claude', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^bad\.md:2:1 {2}error .* {2}AGC005$/m)
    expect(listTree(join(dir, 'out'))).toEqual([])
  })
})
