/**
 * Containment: whatever the agent names and whatever links sit in the output tree, nothing is
 * written outside the output root.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtinTargets } from '@agentc/targets'
import { describe, expect, it } from 'vitest'
import { agentc, agentSource, listTree, read, snapshot, tempDir, writeTree } from './helpers'

const ALL = builtinTargets.map((t) => t.id).join(',')

/** A sandbox: `project/` holds the sources and the output root `project/out`. */
function sandbox(): { root: string; project: string } {
  const root = tempDir()
  const project = join(root, 'project')
  mkdirSync(project)
  writeTree(root, { 'outside/keep.txt': 'outside\n' })
  return { root, project }
}

/** Every path of the sandbox that changed, outside `project/out` and the sources. */
function changedOutside(root: string, before: Map<string, unknown>): string[] {
  const after = snapshot(root)
  const changed: string[] = []
  for (const [path, entry] of after) {
    if (path === 'project/out' || path.startsWith('project/out/') || path.startsWith('project/src')) continue
    if (JSON.stringify(before.get(path)) !== JSON.stringify(entry)) changed.push(path)
  }
  for (const path of before.keys()) if (!after.has(path)) changed.push(path)
  return changed.sort()
}

const HOSTILE = [
  '../../escape',
  '../../../../../../tmp/agentc-escape',
  '/etc/agentc-escape',
  'C:\\\\Windows\\\\x',
  'con',
  'NUL.txt',
  'com1',
  'aux/x',
  'a:b',
  'x\\u0001y',
  'tab\\tname',
  '..',
  '.',
  'a/../../b',
  'ｃｏｎ',
  'name.',
  '-x',
  '.hidden',
  '日本語',
  'Code Reviewer',
  'x'.repeat(300),
]

describe('hostile agent names', () => {
  it('never lead outside the output root, in any target', async () => {
    const { root, project } = sandbox()
    // Claude Code agents carry their name in the frontmatter, so any string can arrive.
    const files: Record<string, string> = {}
    HOSTILE.forEach((name, i) => {
      files[`src/agent-${i}.md`] = `---\nname: "${name}"\ndescription: Hostile name ${i}\n---\nBody ${i}.\n`
    })
    writeTree(project, files)
    const before = snapshot(root)
    const result = await agentc(project, 'build', 'src', '--from', 'claude', '--target', ALL, '--out', 'out')
    expect(result.stderr).not.toMatch(/AGC901|internal error|unexpected error/)
    expect(changedOutside(root, before)).toEqual([])
    for (const path of listTree(join(project, 'out'))) {
      expect(path).not.toMatch(/(^|\/)\.\.(\/|$)/)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is checked
      expect(path).not.toMatch(/[\u0000-\u001f:*?"<>|\\]/)
      for (const segment of path.split('/')) {
        expect(segment.split('.')[0], path).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i)
      }
    }
    // Every name that had to change is reported; an unreportable path is an error, not a write.
    if (result.code === 0) expect(result.stderr).toContain('AGC207')
    else expect(result.stderr).toMatch(/AGC30[27]/)
  })

  it('a name that still leaves the root is refused with AGC307 and nothing is written', async () => {
    const { root, project } = sandbox()
    writeTree(project, { 'src/a.md': '---\nname: "../../escape"\ndescription: d\n---\nBody.\n' })
    const before = snapshot(root)
    // `--from claude --target claude` re-emits the file byte for byte, so the target keeps the name;
    // the core still refuses any path that climbs out.
    const result = await agentc(
      project,
      'build',
      'src',
      '--from',
      'claude',
      '--target',
      'opencode',
      '--out',
      'out',
    )
    expect(changedOutside(root, before)).toEqual([])
    expect(result.stderr).not.toMatch(/AGC901/)
  })
})

describe('symbolic links in the output tree', () => {
  it('refuses to write through a folder link that leads outside the root', async () => {
    const { root, project } = sandbox()
    writeTree(project, { 'src/helper.md': agentSource('helper') })
    mkdirSync(join(project, 'out'))
    symlinkSync(join(root, 'outside'), join(project, 'out/.claude'))
    const before = snapshot(root)
    const result = await agentc(project, 'build', 'src', '--target', 'claude,cursor', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /out\/\.claude\/agents\/helper\.md {2}error {2}out\/\.claude\/agents\/helper\.md is not written: the folder out\/\.claude is a symbolic link that leads outside the output folder .* {2}AGC307/,
    )
    expect(result.stderr).toContain('nothing written')
    expect(snapshot(root)).toEqual(before)
    // --force does not change that: containment is not an ownership question.
    expect(
      (await agentc(project, 'build', 'src', '--target', 'claude', '--out', 'out', '--force')).code,
    ).toBe(1)
    expect(snapshot(root)).toEqual(before)
  })

  it('refuses a bookkeeping folder (.agentc) that is a link, before taking the lock', async () => {
    const { root, project } = sandbox()
    writeTree(project, { 'src/helper.md': agentSource('helper') })
    mkdirSync(join(project, 'out'))
    symlinkSync(join(root, 'outside'), join(project, 'out/.agentc'))
    const before = snapshot(root)
    const result = await agentc(project, 'build', 'src', '--target', 'claude', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/out\/\.agentc must be a real folder .* {2}AGC307/)
    expect(snapshot(root)).toEqual(before)
  })

  it('writes through a folder link that stays inside the root', async () => {
    const { project } = sandbox()
    writeTree(project, { 'src/helper.md': agentSource('helper'), 'out/shared/.keep': '' })
    mkdirSync(join(project, 'out/shared/agents'))
    symlinkSync(join(project, 'out/shared'), join(project, 'out/.claude'))
    const result = await agentc(project, 'build', 'src', '--target', 'claude', '--out', 'out')
    expect(result.code).toBe(0)
    expect(read(join(project, 'out/shared/agents/helper.md'))).toContain('name: helper')
  })

  it('never writes through an output file that is a link; --force replaces the link itself', async () => {
    const { root, project } = sandbox()
    writeTree(project, { 'src/helper.md': agentSource('helper') })
    mkdirSync(join(project, 'out/.claude/agents'), { recursive: true })
    symlinkSync(join(root, 'outside/keep.txt'), join(project, 'out/.claude/agents/helper.md'))
    const refused = await agentc(project, 'build', 'src', '--target', 'claude', '--out', 'out')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('a symbolic link, which agentc does not write through')
    expect(read(join(root, 'outside/keep.txt'))).toBe('outside\n')
    const forced = await agentc(project, 'build', 'src', '--target', 'claude', '--out', 'out', '--force')
    expect(forced.code).toBe(0)
    expect(read(join(root, 'outside/keep.txt'))).toBe('outside\n')
    expect(snapshot(join(project, 'out')).get('.claude/agents/helper.md')?.kind).toBe('file')
  })

  it('a stale output whose folder became a link outside is not deleted through it', async () => {
    const { root, project } = sandbox()
    writeTree(project, { 'src/helper.md': agentSource('helper') })
    await agentc(project, 'build', 'src', '--target', 'cursor', '--out', 'out')
    // Someone replaces the rules folder by a link to a folder holding a file of the same name.
    writeTree(root, { 'outside/rules/helper.mdc': read(join(project, 'out/.cursor/rules/helper.mdc')) })
    const { rmSync } = await import('node:fs')
    rmSync(join(project, 'out/.cursor/rules'), { recursive: true })
    symlinkSync(join(root, 'outside/rules'), join(project, 'out/.cursor/rules'))
    writeFileSync(join(project, 'src/helper.md'), '')
    rmSync(join(project, 'src/helper.md'))
    writeTree(project, { 'src/other.md': agentSource('other') })
    const result = await agentc(project, 'build', 'src', '--target', 'cursor', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('AGC307')
    expect(listTree(join(root, 'outside/rules'))).toEqual(['helper.mdc'])
  })
})
