import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { agentc, listTree, tempDir } from './helpers'

const GOOD = '---\ndescription: Fine\n---\nBody.\n'

/** A project with one good agent and one bad file; builds must write nothing. */
async function buildWith(badName: string, bad: string | Uint8Array) {
  const dir = tempDir()
  writeFileSync(join(dir, 'good.md'), GOOD)
  writeFileSync(join(dir, badName), bad)
  const result = await agentc(dir, 'build', '.', '--target', 'claude,opencode', '--out', 'out')
  return { dir, ...result }
}

function expectCleanFailure(result: { code: number; stderr: string; dir: string }, pattern: RegExp) {
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\n\s+at /) // no stack trace
  expect(result.stderr).toContain('nothing written')
  expect(listTree(join(result.dir, 'out'))).toEqual([])
}

describe('bad input fails cleanly: one error with code and position, exit 1, nothing written', () => {
  it('unclosed frontmatter', async () => {
    const result = await buildWith('bad.md', '---\ndescription: never closed\nmode: subagent\n')
    expectCleanFailure(
      result,
      /^bad\.md:1:1 {2}error {2}The frontmatter opened on line 1 is never closed with `---`\. {2}AGC001$/m,
    )
  })

  it('invalid YAML', async () => {
    const result = await buildWith('bad.md', '---\ndescription: ok\ntools:\n  bash: [true\n---\nBody\n')
    expectCleanFailure(
      result,
      /^bad\.md:4:14 {2}error {2}The frontmatter is not valid YAML at `bash`: .+ {2}AGC002$/m,
    )
  })

  it('a wrong type (temperature: hot)', async () => {
    const result = await buildWith('bad.md', '---\ndescription: ok\ntemperature: hot\n---\nBody\n')
    expectCleanFailure(
      result,
      /^bad\.md:3:14 {2}error {2}`temperature` must be a number in OpenCode, not the text "hot"\. {2}AGC101$/m,
    )
  })

  it('a bad permission decision', async () => {
    const result = await buildWith('bad.md', '---\npermission:\n  bash:\n    "git *": maybe\n---\nBody\n')
    expectCleanFailure(result, /^bad\.md:4:14 {2}error {2}`permission\.bash\.git \*` must be .+ {2}AGC101$/m)
  })

  it('a binary file', async () => {
    const result = await buildWith('bad.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]))
    expectCleanFailure(result, /^bad\.md:2:1 {2}error {2}.*NUL byte.* {2}AGC005$/m)
  })

  it('invalid UTF-8', async () => {
    const result = await buildWith('bad.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]))
    expectCleanFailure(
      result,
      /^bad\.md:2:1 {2}error {2}The file is not valid UTF-8 text \(byte 0xff at offset 4\); save it as UTF-8\. {2}AGC005$/m,
    )
  })

  it('an unknown target', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'good.md'), GOOD)
    const result = await agentc(dir, 'build', 'good.md', '--target', 'claud', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^agentc {2}error {2}Unknown target "claud" \(did you mean "claude"\?\); the targets are .+ {2}AGC301$/m,
    )
    expect(listTree(join(dir, 'out'))).toEqual([])
  })

  it('a missing file', async () => {
    const dir = tempDir()
    const result = await agentc(dir, 'build', 'nope.md', '--target', 'claude', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^nope\.md {2}error {2}nope\.md does not exist\. {2}AGC304$/m)
  })

  it('a folder without agents', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'empty'))
    writeFileSync(join(dir, 'empty', 'notes.txt'), 'hello')
    const result = await agentc(dir, 'build', 'empty', '--target', 'claude', '--out', 'out')
    // A warning: removing the last agent and building again must clean up its outputs.
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /^empty {2}warning {2}The folder empty contains no agent files \(\*\.md\)\. {2}AGC303$/m,
    )
    expect(listTree(join(dir, 'out'))).toEqual([])
    expect((await agentc(dir, 'build', 'empty', '--target', 'claude', '--out', 'out', '--strict')).code).toBe(
      1,
    )
  })

  it('two agents with the same output path', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'a'))
    mkdirSync(join(dir, 'b'))
    writeFileSync(join(dir, 'a', 'same.md'), GOOD)
    writeFileSync(join(dir, 'b', 'same.md'), GOOD)
    const result = await agentc(dir, 'build', 'a', 'b', '--target', 'claude', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /Several agents would be written to \.claude\/agents\/same\.md \(from a\/same\.md, b\/same\.md\)\. {2}AGC302/,
    )
    expect(listTree(join(dir, 'out'))).toEqual([])
  })

  it('--format json reports errors as JSON too', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'bad.md'), '---\ntemperature: hot\n---\n')
    const result = await agentc(dir, 'build', 'bad.md', '--target', 'claude', '--format', 'json')
    expect(result.code).toBe(1)
    const json = JSON.parse(result.stdout) as {
      files: unknown[]
      diagnostics: { code: string; line: number }[]
    }
    expect(json.files).toEqual([])
    expect(json.diagnostics).toMatchObject([
      { code: 'AGC101', line: 2, column: 14, file: 'bad.md', field: 'sampling.temperature' },
    ])
  })
})

describe('usage', () => {
  it('exits 2 on usage errors', async () => {
    const dir = tempDir()
    expect((await agentc(dir)).code).toBe(2)
    expect((await agentc(dir, 'build', 'x.md')).code).toBe(2) // no --target
    expect((await agentc(dir, 'build', 'x.md', '--target', 'claude', '--bogus')).code).toBe(2)
    expect((await agentc(dir, 'frobnicate')).code).toBe(2)
    expect((await agentc(dir, 'build', 'x.md', '--target', 'claude', '--format', 'xml')).code).toBe(2)
  })

  it('--help and --version exit 0', async () => {
    const dir = tempDir()
    const help = await agentc(dir, '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('build')
    expect(help.stdout).toContain('convert')
    const buildHelp = await agentc(dir, 'build', '--help')
    expect(buildHelp.code).toBe(0)
    expect(buildHelp.stdout).toContain('--claude-settings')
    const version = await agentc(dir, '--version')
    expect(version.code).toBe(0)
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('shared files', () => {
  it('two agents that would be the same mode of .roomodes or section of AGENTS.md are an error', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'a'))
    mkdirSync(join(dir, 'b'))
    writeFileSync(join(dir, 'a', 'same.md'), GOOD)
    writeFileSync(join(dir, 'b', 'same.md'), GOOD)
    for (const target of ['roo', 'agents-md']) {
      const result = await agentc(dir, 'build', 'a', 'b', '--target', target, '--out', 'out')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(
        /Two agents would both be "same" in .* \(from a\/same\.md and b\/same\.md\)\. {2}AGC302/,
      )
      expect(listTree(join(dir, 'out'))).toEqual([])
    }
  })
})
