import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeFileSystem } from './node-deps'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agentc-fs-'))
  made.push(dir)
  return dir
}

describe('createExclusive (lock files)', () => {
  it('creates the file with its contents, in a folder it makes, and leaves nothing else', async () => {
    const dir = folder()
    await nodeFileSystem.createExclusive(join(dir, 'state/lock'), '{"pid":1}\n')
    expect(readFileSync(join(dir, 'state/lock'), 'utf8')).toBe('{"pid":1}\n')
    expect(readdirSync(join(dir, 'state'))).toEqual(['lock'])
  })

  it('fails with EEXIST when the file is there, leaving it and nothing else', async () => {
    const dir = folder()
    writeFileSync(join(dir, 'lock'), 'theirs\n')
    await expect(nodeFileSystem.createExclusive(join(dir, 'lock'), 'mine\n')).rejects.toMatchObject({
      code: 'EEXIST',
    })
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe('theirs\n')
    expect(readdirSync(dir)).toEqual(['lock'])
  })

  it('lets exactly one of many racing creators win, and the winner’s contents are whole', async () => {
    const dir = folder()
    const contents = (i: number) => `${JSON.stringify({ pid: i, pad: 'x'.repeat(4096) })}\n`
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) => nodeFileSystem.createExclusive(join(dir, 'lock'), contents(i))),
    )
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []))
    expect(won).toHaveLength(1)
    expect(readFileSync(join(dir, 'lock'), 'utf8')).toBe(contents(won[0]!))
    expect(readdirSync(dir)).toEqual(['lock'])
  })
})
