/**
 * Diagnostics people can act on: code frames under the one-line form, colours only where they
 * belong (NO_COLOR, FORCE_COLOR, terminals), one closing summary per command, `--format short`
 * and `--format json` for scripts, and `agentc explain` for every code.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type CodeInfo, codes, type DiagnosticCode } from '@agentc/core'
import { nodeFileSystem, run } from 'agentc'
import { describe, expect, it } from 'vitest'
import { cliBundle } from '../safety/helpers'
import { agentc, tempDir } from './helpers'

const ESC = String.fromCharCode(0x1b)
/** An ANSI colour sequence (SGR): `ESC [ … m`. */
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`)
const stripAnsi = (s: string) => s.replace(new RegExp(ANSI.source, 'g'), '')
const CODES = Object.keys(codes) as DiagnosticCode[]

/** Runs the CLI in-process with a chosen environment and terminal. */
async function agentcWith(
  cwd: string,
  env: Record<string, string | undefined>,
  stderrIsTTY: boolean,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    cwd,
    fs: nodeFileSystem,
    env,
    stderrIsTTY,
    stdout: (t) => {
      stdout += t
    },
    stderr: (t) => {
      stderr += t
    },
  })
  return { code, stdout, stderr }
}

/** A folder holding one file. */
function projectWith(name: string, text: string): string {
  const dir = tempDir()
  writeFileSync(join(dir, name), text)
  return dir
}

/** The frame lines printed right after the diagnostic line that matches `header`. */
function frameAfter(stderr: string, header: RegExp): string[] {
  const lines = stderr.split('\n')
  const at = lines.findIndex((l) => header.test(l))
  expect(at, `no line matching ${header} in:\n${stderr}`).toBeGreaterThanOrEqual(0)
  const frame: string[] = []
  for (const line of lines.slice(at + 1)) {
    if (!/^ +(\d+ )?\|/.test(line)) break
    frame.push(line)
  }
  return frame
}

/** How many cells precede the caret in a frame's caret line. */
function caretCells(frame: string[]): number {
  const line = frame.find((l) => /^ +\| *\^$/.test(l))
  expect(line, `no caret in:\n${frame.join('\n')}`).toBeDefined()
  return line!.indexOf('^') - (line!.indexOf('|') + 2)
}

const BAD_YAML = '---\ndescription: ok\ntools:\n  bash: [true\n---\nBody\n'

describe('code frames', () => {
  it('follow an error, the one-line form first and unchanged', async () => {
    const dir = projectWith('bad.md', BAD_YAML)
    const result = await agentc(dir, 'build', 'bad.md', '--target', 'claude', '--out', 'out')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^bad\.md:4:14 {2}error {2}The frontmatter is not valid YAML at `bash`: .+ {2}AGC002$/m,
    )
    expect(frameAfter(result.stderr, /AGC002$/)).toEqual(['  4 |   bash: [true', '    |              ^'])
  })

  it('follow warnings with a position too, once per position, but not infos', async () => {
    const text = '---\ndescription: Reviews\nmode: subagent\ntemperature: 0.2\n---\nUse the `read` tool.\n'
    const dir = projectWith('a.md', text)
    const result = await agentc(dir, 'build', 'a.md', '--target', 'claude,agents-md', '--out', 'out')
    expect(result.code).toBe(0)
    const lines = result.stderr.split('\n')
    const temperature = lines.filter((l) => /^a\.md:4:1 {2}warning .* {2}AGC201$/.test(l))
    expect(temperature).toHaveLength(2)
    expect(lines.filter((l) => l === '  4 | temperature: 0.2')).toHaveLength(1)
    expect(frameAfter(result.stderr, /^a\.md:4:1 .*Claude Code.*AGC201$/)).toEqual([
      '  4 | temperature: 0.2',
      '    | ^',
    ])
    expect(result.stderr).not.toContain('| Use the')
  })

  it('count columns as the core does (UTF-16 code units, a tab one) and place the caret by display width', async () => {
    // The same column (27) in three lines; the caret moves with tabs and wide characters before it.
    const cases: [string, number][] = [
      ['tools: {"ab": true, bash: "x"}', 26],
      ['tools: {"日本": true, bash: "x"}', 28], // two wide characters: two more cells
      ['tools: {"日本":\ttrue, bash: "x"}', 31], // and a tab shown as four spaces
      ['tools: {"😀": true, bash: "x"}', 26], // one emoji: two code units, two cells
    ]
    for (const [line, cells] of cases) {
      const dir = projectWith('a.md', `---\ndescription: d\n${line}\n---\nBody\n`)
      const result = await agentc(dir, 'convert', 'a.md', '--from', 'opencode', '--to', 'claude')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^a\.md:3:27 {2}error {2}`tools\.bash` must be .* {2}AGC101$/m)
      expect(line.slice(26).startsWith('"x"')).toBe(true)
      const frame = frameAfter(result.stderr, /AGC101$/)
      expect(frame[0]).toBe(`  3 | ${line.replace('\t', '    ')}`)
      expect(caretCells(frame)).toBe(cells)
    }
  })

  it('point past the end of a line ending in CJK and a tab (an unclosed quote)', async () => {
    const dir = projectWith('c.md', '---\ndescription: "日本語\t\n---\nBody\n')
    const result = await agentc(dir, 'convert', 'c.md', '--from', 'opencode', '--to', 'claude')
    expect(result.stderr).toMatch(/^c\.md:2:19 {2}error .* {2}AGC002$/m)
    expect(caretCells(frameAfter(result.stderr, /AGC002$/))).toBe('description: "'.length + 6 + 4)
  })

  it('show an existing output file agentc cannot merge into (AGC305), read from disk', async () => {
    const dir = projectWith('helper.md', '---\ndescription: Helps\n---\nBody\n')
    mkdirSync(join(dir, 'out'))
    writeFileSync(join(dir, 'out/.roomodes'), 'customModes:\n  - slug: mine\n    name: [oops\n')
    const result = await agentc(dir, 'build', 'helper.md', '--target', 'roo', '--out', 'out')
    expect(result.code).toBe(1)
    expect(frameAfter(result.stderr, /^out\/\.roomodes:4:1 {2}error .* {2}AGC305$/)).toEqual([
      '  3 |     name: [oops',
      '  4 |',
      '    | ^',
    ])
  })

  it('are left out by --format short, which prints exactly the one-line forms', async () => {
    const dir = projectWith('bad.md', BAD_YAML)
    const args = ['build', 'bad.md', '--target', 'claude', '--out', 'out']
    const human = await agentc(dir, ...args)
    const short = await agentc(dir, ...args, '--format', 'short')
    expect(short.code).toBe(human.code)
    const oneLine = human.stderr
      .split('\n')
      .filter((l) => !/^ +(\d+ )?\|/.test(l) && !l.includes('agentc explain'))
      .join('\n')
    expect(short.stderr).toBe(oneLine)
    expect(short.stderr).not.toMatch(/\|/)
  })

  it('never reach --format json, whose shape is unchanged', async () => {
    const dir = projectWith('bad.md', BAD_YAML)
    const result = await agentc(dir, 'build', 'bad.md', '--target', 'claude', '--format', 'json')
    expect(result.stderr).toBe('')
    const json = JSON.parse(result.stdout)
    expect(Object.keys(json)).toEqual(['files', 'diagnostics'])
    expect(json.diagnostics[0]).toEqual({
      code: 'AGC002',
      severity: 'error',
      message: expect.stringContaining('not valid YAML'),
      file: 'bad.md',
      line: 4,
      column: 14,
      target: 'opencode',
      field: null,
    })
  })

  it('end a failed run with the command that explains its first error', async () => {
    const dir = projectWith('bad.md', BAD_YAML)
    const result = await agentc(dir, 'build', 'bad.md', '--target', 'claude')
    expect(result.stderr).toContain('agentc: run `agentc explain AGC002` for what a code means')
    const explained = await agentc(dir, 'explain', 'AGC002')
    expect(explained.stdout.replace(/\s+/g, ' ')).toContain(codes.AGC002.explanation)
  })
})

describe('colours', () => {
  const dir = projectWith('bad.md', BAD_YAML)
  const build = (env: Record<string, string | undefined>, tty: boolean) =>
    agentcWith(dir, env, tty, 'build', 'bad.md', '--target', 'claude', '--out', 'out')

  it.each([
    ['a terminal', {}, true, true],
    ['not a terminal (a pipe, a file, CI logs)', {}, false, false],
    ['a terminal with NO_COLOR=1', { NO_COLOR: '1' }, true, false],
    ['a terminal with an empty NO_COLOR (which does not count)', { NO_COLOR: '' }, true, true],
    ['a dumb terminal', { TERM: 'dumb' }, true, false],
    ['not a terminal with FORCE_COLOR=1', { FORCE_COLOR: '1' }, false, true],
    ['not a terminal with an empty FORCE_COLOR', { FORCE_COLOR: '' }, false, true],
    [
      'FORCE_COLOR=1 and NO_COLOR=1 (FORCE_COLOR wins, as in Node)',
      { FORCE_COLOR: '1', NO_COLOR: '1' },
      false,
      true,
    ],
    ['a terminal with FORCE_COLOR=0', { FORCE_COLOR: '0' }, true, false],
  ] as const)('%s: colours %s', async (_label, env, tty, coloured) => {
    const result = await build(env, tty)
    expect(result.code).toBe(1)
    if (coloured) expect(result.stderr).toMatch(ANSI)
    else expect(result.stderr).not.toMatch(ANSI)
  })

  it('change nothing but the colour', async () => {
    const plain = await build({}, false)
    const coloured = await build({ FORCE_COLOR: '1' }, false)
    expect(stripAnsi(coloured.stderr)).toBe(plain.stderr)
    // The severity and the caret are red; the one-line form keeps its words.
    expect(coloured.stderr).toContain(`${ESC}[31merror${ESC}[39m`)
    expect(coloured.stderr).toContain(`${ESC}[31m^${ESC}[39m`)
  })

  it('never reach stdout (file lists, converted files, JSON)', async () => {
    const result = await agentcWith(
      dir,
      { FORCE_COLOR: '1' },
      true,
      'convert',
      'bad.md',
      '--to',
      'claude',
      '--format',
      'json',
    )
    expect(result.stdout).not.toMatch(ANSI)
  })

  it('follow the real process environment and stderr (a pipe here)', async () => {
    const bundle = await cliBundle()
    const runBundle = (env: Record<string, string>) => {
      const childEnv: Record<string, string | undefined> = { ...process.env, ...env }
      if (!('FORCE_COLOR' in env)) delete childEnv.FORCE_COLOR
      if (!('NO_COLOR' in env)) delete childEnv.NO_COLOR
      return spawnSync(process.execPath, [bundle, 'build', 'bad.md', '--target', 'claude'], {
        cwd: dir,
        env: childEnv,
        encoding: 'utf8',
      })
    }
    expect(runBundle({}).stderr).not.toMatch(ANSI)
    expect(runBundle({}).stderr).toMatch(/^ {4}\| {14}\^$/m)
    expect(runBundle({ FORCE_COLOR: '1' }).stderr).toMatch(ANSI)
    expect(runBundle({ FORCE_COLOR: '1', NO_COLOR: '' }).stderr).toMatch(ANSI)
    expect(runBundle({ NO_COLOR: '1' }).stderr).not.toMatch(ANSI)
  })
})

describe('the closing summary', () => {
  const AGENT = '---\ndescription: Reviews\ntemperature: 0.2\n---\nBody\n'

  it('ends build, convert and inspect alike: `agentc: <what>; <counts>` on stderr', async () => {
    const dir = projectWith('a.md', AGENT)
    const build = await agentc(dir, 'build', 'a.md', '--target', 'claude', '--out', 'out')
    expect(build.stderr.split('\n').at(-2)).toBe('agentc: 1 file written, 0 unchanged; 1 warning')
    const convert = await agentc(dir, 'convert', 'a.md', '--to', 'claude')
    expect(convert.stderr.split('\n').at(-2)).toBe('agentc: a.md converted to claude (1 file); 1 warning')
    const convertOut = await agentc(dir, 'convert', 'a.md', '--to', 'claude', '--out', 'out2')
    expect(convertOut.stderr.split('\n').at(-2)).toBe('agentc: 1 file written, 0 unchanged; 1 warning')
    const inspect = await agentc(dir, 'inspect', 'a.md')
    expect(inspect.stderr).toBe('agentc: a.md read as opencode (1 agent)\n')
    expect(JSON.parse(inspect.stdout)).toMatchObject({ description: 'Reviews' })
  })

  it('says what was not done when a command fails', async () => {
    const dir = projectWith('bad.md', BAD_YAML)
    const convert = await agentc(dir, 'convert', 'bad.md', '--to', 'claude')
    expect(convert.stdout).toBe('')
    expect(convert.stderr.split('\n').at(-2)).toBe('agentc: nothing converted (1 error)')
    const inspect = await agentc(dir, 'inspect', 'bad.md')
    expect(inspect.stderr.split('\n').at(-2)).toBe('agentc: nothing to show (1 error)')
  })

  it('is left out by --quiet, with everything but errors', async () => {
    const dir = projectWith('a.md', AGENT)
    const convert = await agentc(dir, 'convert', 'a.md', '--to', 'claude', '--quiet')
    expect(convert.code).toBe(0)
    expect(convert.stderr).toBe('')
  })
})

describe('agentc explain', () => {
  const dir = tempDir()
  const normal = (s: string) => s.replace(/\s+/g, ' ').trim()

  it.each(CODES)('explains %s: name, severity, summary, explanation, example and fix', async (code) => {
    const c: CodeInfo = codes[code]
    const result = await agentc(dir, 'explain', code)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout.split('\n')[0]).toBe(`${code}  ${c.name}  (${c.severity})`)
    const prose = normal(result.stdout)
    expect(prose).toContain(normal(c.summary))
    expect(prose).toContain(normal(c.fix))
    expect(c.explanation, `${code} has no explanation`).toBeDefined()
    expect(c.explanation!.length).toBeGreaterThan(c.summary.length)
    expect(prose).toContain(normal(c.explanation!))
    for (const line of (c.example ?? '').split('\n').filter((l) => l !== '')) {
      expect(result.stdout).toContain(`    ${line}\n`)
    }
    expect(result.stdout.split('\n').every((l) => l.length <= 88 || l.startsWith('    '))).toBe(true)
  })

  it('finds a code by its number, in lower case, or by its name', async () => {
    const expected = (await agentc(dir, 'explain', 'AGC201')).stdout
    for (const query of ['agc201', '201', 'field-unsupported', ' AGC201 ']) {
      expect((await agentc(dir, 'explain', query)).stdout).toBe(expected)
    }
    expect((await agentc(dir, 'explain', '7')).stdout.split('\n')[0]).toMatch(/^AGC007 /)
  })

  it.each([
    ['AGC299', ['AGC209', 'AGC301']],
    ['AGC21', ['AGC210']],
    ['field-unsuported', ['AGC201']],
    ['agc3010', ['AGC301']],
    // No code is one typo away: the three nearest numbers.
    [
      'AGC450',
      [...CODES]
        .sort((a, b) => Math.abs(450 - Number(a.slice(3))) - Math.abs(450 - Number(b.slice(3))))
        .slice(0, 3),
    ],
    ['999', ['AGC901']],
  ])('refuses the unknown code %s (exit 2), naming the closest codes', async (query, closest) => {
    const result = await agentc(dir, 'explain', query)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    const line = result.stderr.split('\n')[0]!
    expect(line).toMatch(new RegExp(`^agentc: unknown diagnostic code "${query}"; the closest are `))
    for (const code of closest) expect(line).toContain(code)
  })

  it('lists every code, once, with its severity, name and summary, when given none', async () => {
    const result = await agentc(dir, 'explain')
    expect(result.code).toBe(0)
    const rows = result.stdout.split('\n').filter((l) => /^AGC\d{3} /.test(l))
    expect(rows.map((r) => r.slice(0, 6))).toEqual(CODES)
    for (const [i, code] of CODES.entries()) {
      expect(rows[i]).toMatch(new RegExp(`^${code} {2}${codes[code].severity} +${codes[code].name} +`))
      expect(rows[i]!.endsWith(codes[code].summary)).toBe(true)
    }
  })

  it('prints JSON with --format json', async () => {
    const one = JSON.parse((await agentc(dir, 'explain', 'AGC308', '--format', 'json')).stdout)
    expect(one).toEqual({ code: 'AGC308', ...codes.AGC308 })
    const all = JSON.parse((await agentc(dir, 'explain', '--format', 'json')).stdout)
    expect(all.map((c: { code: string }) => c.code)).toEqual(CODES)
  })
})
