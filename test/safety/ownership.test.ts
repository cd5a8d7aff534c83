/**
 * Ownership: agentc overwrites or deletes only files it wrote and nobody changed since; it
 * removes outputs their sources no longer produce; a second build writes nothing.
 */
import { readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { agentc, agentSource, listTree, projectWith, read, snapshot, writeTree } from './helpers'

const build = (dir: string, ...extra: string[]) =>
  agentc(dir, 'build', 'agents', '--target', 'claude,cursor', '--out', 'out', ...extra)

const CLAUDE = 'out/.claude/agents/agent-0000.md'

describe('ownership of output files', () => {
  it('records what it wrote in a deterministic manifest', async () => {
    const dir = projectWith(2)
    expect((await build(dir)).code).toBe(0)
    const manifest = JSON.parse(read(join(dir, 'out/.agentc/manifest.json')))
    expect(Object.keys(manifest.files)).toEqual([
      '.claude/agents/agent-0000.md',
      '.claude/agents/agent-0001.md',
      '.cursor/rules/agent-0000.mdc',
      '.cursor/rules/agent-0001.mdc',
    ])
    expect(manifest.files['.claude/agents/agent-0000.md']).toEqual({
      target: 'claude',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      sources: ['../agents/agent-0000.md'],
    })
    expect(manifest.pending).toBeUndefined()
    // No machine paths, no times: the same project built elsewhere gives the same bytes.
    const other = projectWith(2)
    await build(other)
    expect(read(join(other, 'out/.agentc/manifest.json'))).toBe(read(join(dir, 'out/.agentc/manifest.json')))
  })

  it('a second build writes nothing: every modification time stays', async () => {
    const dir = projectWith(3)
    await build(dir)
    const past = new Date('2020-01-01T00:00:00Z')
    for (const [path, entry] of snapshot(join(dir, 'out'))) {
      if (entry.kind === 'file') utimesSync(join(dir, 'out', path), past, past)
    }
    const before = snapshot(join(dir, 'out'))
    const again = await build(dir)
    expect(again.code).toBe(0)
    expect(again.stdout).toBe('')
    expect(again.stderr).toContain('0 files written, 6 unchanged')
    expect(snapshot(join(dir, 'out'))).toEqual(before)
  })

  it('--dry-run and --check write nothing at all, not even the manifest', async () => {
    const dir = projectWith(2)
    expect((await build(dir, '--dry-run')).code).toBe(0)
    expect((await build(dir, '--check')).code).toBe(1)
    expect(listTree(join(dir, 'out'))).toEqual([])
  })

  it('refuses to overwrite a hand-edited output, lists it, and writes nothing', async () => {
    const dir = projectWith(2)
    await build(dir)
    writeFileSync(join(dir, CLAUDE), `${read(join(dir, CLAUDE))}\nMy own note.\n`)
    writeFileSync(join(dir, 'agents/agent-0000.md'), agentSource('agent-0000').replace('reviews', 'audits'))
    writeFileSync(join(dir, 'agents/agent-0001.md'), agentSource('agent-0001').replace('reviews', 'audits'))
    const before = snapshot(join(dir, 'out'))
    const result = await build(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /error {2}agentc would replace or delete a file it does not own: out\/\.claude\/agents\/agent-0000\.md \(edited since agentc wrote it\)\. {2}AGC308/,
    )
    expect(result.stderr).toContain('nothing written')
    expect(snapshot(join(dir, 'out'))).toEqual(before)
    // --force replaces it, and the build is then owned again.
    const forced = await build(dir, '--force')
    expect(forced.code).toBe(0)
    expect(read(join(dir, CLAUDE))).not.toContain('My own note.')
    expect(read(join(dir, CLAUDE))).toContain('audits')
    expect((await build(dir)).code).toBe(0)
  })

  it('never overwrites a file it did not create, unless it is already what it would write', async () => {
    const dir = projectWith(2)
    writeTree(dir, { [CLAUDE]: 'a file someone wrote by hand\n' })
    const refused = await build(dir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('out/.claude/agents/agent-0000.md (not written by agentc)')
    expect(read(join(dir, CLAUDE))).toBe('a file someone wrote by hand\n')
    expect(listTree(join(dir, 'out'))).toEqual(['.claude/agents/agent-0000.md'])
    // An identical foreign file is adopted without a write.
    const reference = projectWith(2)
    await build(reference)
    writeFileSync(join(dir, CLAUDE), read(join(reference, CLAUDE)))
    expect((await build(dir)).code).toBe(0)
    expect(read(join(dir, 'out/.agentc/manifest.json'))).toBe(
      read(join(reference, 'out/.agentc/manifest.json')),
    )
  })

  it('removes the outputs of a deleted source, and folders it emptied, and nothing else', async () => {
    const dir = projectWith(2)
    writeTree(dir, { 'out/.claude/agents/mine.md': 'not agentc’s\n', 'out/notes.txt': 'keep\n' })
    await build(dir)
    unlinkSync(join(dir, 'agents/agent-0001.md'))
    const result = await build(dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      'deleted      out/.claude/agents/agent-0001.md\ndeleted      out/.cursor/rules/agent-0001.mdc\n',
    )
    expect(result.stderr).toContain('0 files written, 2 unchanged, 2 deleted')
    expect(listTree(join(dir, 'out'))).toEqual([
      '.agentc/manifest.json',
      '.claude/agents/agent-0000.md',
      '.claude/agents/mine.md',
      '.cursor/rules/agent-0000.mdc',
      'notes.txt',
    ])
    unlinkSync(join(dir, 'agents/agent-0000.md'))
    writeTree(dir, { 'agents/other.md': agentSource('other') })
    await build(dir)
    expect(listTree(join(dir, 'out'))).toEqual([
      '.agentc/manifest.json',
      '.claude/agents/mine.md',
      '.claude/agents/other.md',
      '.cursor/rules/other.mdc',
      'notes.txt',
    ])
  })

  it('renaming an agent moves its outputs', async () => {
    const dir = projectWith(1)
    await build(dir)
    writeTree(dir, { 'agents/renamed.md': read(join(dir, 'agents/agent-0000.md')) })
    rmSync(join(dir, 'agents/agent-0000.md'))
    const result = await build(dir)
    expect(result.code).toBe(0)
    expect(listTree(join(dir, 'out/.claude/agents'))).toEqual(['renamed.md'])
  })

  it('keeps a stale output that was edited, and says so', async () => {
    const dir = projectWith(2)
    await build(dir)
    writeFileSync(join(dir, 'out/.cursor/rules/agent-0001.mdc'), 'edited\n')
    unlinkSync(join(dir, 'agents/agent-0001.md'))
    const result = await build(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'out/.cursor/rules/agent-0001.mdc (edited since agentc wrote it; no source produces it any more)',
    )
    expect(read(join(dir, 'out/.cursor/rules/agent-0001.mdc'))).toBe('edited\n')
    expect(read(join(dir, 'out/.claude/agents/agent-0001.md'))).toContain('agent-1')
    expect((await build(dir, '--force')).code).toBe(0)
    expect(listTree(join(dir, 'out/.cursor/rules'))).toEqual(['agent-0000.mdc'])
  })

  it('answers only for its own targets and inputs: other builds into the same root keep their files', async () => {
    const dir = projectWith(1)
    writeTree(dir, { 'more/extra.md': agentSource('extra') })
    expect((await agentc(dir, 'build', 'agents', '--target', 'claude', '--out', 'out')).code).toBe(0)
    expect((await agentc(dir, 'build', 'more', '--target', 'claude', '--out', 'out')).code).toBe(0)
    expect((await agentc(dir, 'build', 'agents', '--target', 'cursor', '--out', 'out')).code).toBe(0)
    expect(listTree(join(dir, 'out'))).toEqual([
      '.agentc/manifest.json',
      '.claude/agents/agent-0000.md',
      '.claude/agents/extra.md',
      '.cursor/rules/agent-0000.mdc',
    ])
  })

  it('merges into shared files and leaves everything else in them byte for byte', async () => {
    const dir = projectWith(1)
    const agentsMd =
      '# House rules\n\nUse tabs.\r\n\n<!-- agentc:begin -->\n<!-- agentc:end -->\n\nTrailing text.\n'
    const roomodes =
      '{\n  "customModes": [\n    { "slug": "mine", "name": "Mine", "roleDefinition": "Mine.", "groups": ["read"] }\n  ]\n}\n'
    writeTree(dir, { 'out/AGENTS.md': agentsMd, 'out/.roomodes': roomodes })
    const result = await agentc(dir, 'build', 'agents', '--target', 'agents-md,roo', '--out', 'out')
    expect(result.stderr).not.toMatch(/ {2}error {2}/)
    expect(result.code).toBe(0)
    const md = read(join(dir, 'out/AGENTS.md'))
    expect(md.startsWith('# House rules\n\nUse tabs.\r\n\n<!-- agentc:begin -->\n')).toBe(true)
    expect(md.endsWith('<!-- agentc:end -->\n\nTrailing text.\n')).toBe(true)
    expect(md).toContain('agent-0000')
    const modes = read(join(dir, 'out/.roomodes'))
    expect(modes).toContain(
      '{ "slug": "mine", "name": "Mine", "roleDefinition": "Mine.", "groups": ["read"] }',
    )
    expect(modes).toContain('"slug": "agent-0000"')
    // A malformed shared file is an error and is never replaced.
    writeFileSync(join(dir, 'out/.roomodes'), '{ "customModes": [ }\n')
    const broken = await agentc(dir, 'build', 'agents', '--target', 'agents-md,roo', '--out', 'out')
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/out\/\.roomodes:1:\d+ {2}error .* {2}AGC305/)
    expect(readFileSync(join(dir, 'out/.roomodes'), 'utf8')).toBe('{ "customModes": [ }\n')
  })

  it("takes a removed agent's part out of shared files, and nothing else", async () => {
    const dir = projectWith(2)
    const agentsMd = '# House rules\n\nUse tabs.\n'
    const roomodes =
      'customModes:\n  - slug: mine # mine\n    name: Mine\n    roleDefinition: Mine.\n    groups: [read]\n'
    writeTree(dir, { 'out/AGENTS.md': agentsMd, 'out/.roomodes': roomodes })
    const build = () => agentc(dir, 'build', 'agents', '--target', 'agents-md,roo', '--out', 'out')
    expect((await build()).code).toBe(0)
    const both = { md: read(join(dir, 'out/AGENTS.md')), modes: read(join(dir, 'out/.roomodes')) }
    const manifest = JSON.parse(read(join(dir, 'out/.agentc/manifest.json')))
    expect(manifest.files['AGENTS.md']).toEqual({
      target: 'agents-md',
      merged: true,
      sources: ['../agents/agent-0000.md', '../agents/agent-0001.md'],
      keys: { 'agent-0000': '../agents/agent-0000.md', 'agent-0001': '../agents/agent-0001.md' },
    })
    unlinkSync(join(dir, 'agents/agent-0001.md'))
    const result = await build()
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('updated      out/.roomodes\nupdated      out/AGENTS.md\n')
    const md = read(join(dir, 'out/AGENTS.md'))
    expect(md).toContain('agent-0000')
    expect(md).not.toContain('agent-0001')
    expect(md.startsWith(agentsMd)).toBe(true)
    const modes = read(join(dir, 'out/.roomodes'))
    expect(modes.startsWith(roomodes)).toBe(true)
    expect(modes).not.toContain('agent-0001')
    // Building the removed agent again gives back the same files.
    writeTree(dir, { 'agents/agent-0001.md': agentSource('agent-1') })
    await build()
    expect({ md: read(join(dir, 'out/AGENTS.md')), modes: read(join(dir, 'out/.roomodes')) }).toEqual(both)
    // With every agent gone, the shared files are back to what the user wrote, byte for byte.
    unlinkSync(join(dir, 'agents/agent-0000.md'))
    unlinkSync(join(dir, 'agents/agent-0001.md'))
    const emptied = await build()
    expect(emptied.code).toBe(0)
    expect(read(join(dir, 'out/AGENTS.md'))).toBe(agentsMd)
    expect(read(join(dir, 'out/.roomodes'))).toBe(roomodes)
    expect(listTree(join(dir, 'out/.agentc'))).toEqual([])
  })

  it('deletes a shared file that held nothing but agentc parts when the last agent goes', async () => {
    const dir = projectWith(1)
    expect((await agentc(dir, 'build', 'agents', '--target', 'agents-md', '--out', 'out')).code).toBe(0)
    expect(listTree(join(dir, 'out'))).toEqual(['.agentc/manifest.json', 'AGENTS.md'])
    rmSync(join(dir, 'agents/agent-0000.md'))
    const result = await agentc(dir, 'build', 'agents', '--target', 'agents-md', '--out', 'out')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('deleted      out/AGENTS.md\n')
    expect(listTree(join(dir, 'out'))).toEqual([])
  })

  it('a malformed or tampered manifest stops the build before anything is touched', async () => {
    const dir = projectWith(1)
    writeTree(dir, { 'victim.txt': 'precious\n' })
    await build(dir)
    const before = snapshot(dir)
    writeFileSync(join(dir, 'out/.agentc/manifest.json'), '{ "agentc": 1, "files": { ')
    const broken = await build(dir)
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/out\/\.agentc\/manifest\.json:1:\d+ {2}error .*not valid JSON.* {2}AGC305/)
    const tampered = {
      agentc: 1,
      files: {
        '../victim.txt': { target: 'claude', sha256: 'a'.repeat(64), sources: ['../agents/agent-0000.md'] },
      },
    }
    writeFileSync(join(dir, 'out/.agentc/manifest.json'), JSON.stringify(tampered))
    const result = await build(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('it is not an agentc manifest')
    expect(read(join(dir, 'victim.txt'))).toBe('precious\n')
    const after = snapshot(dir)
    after.delete('out/.agentc/manifest.json')
    before.delete('out/.agentc/manifest.json')
    expect(after).toEqual(before)
  })
})
