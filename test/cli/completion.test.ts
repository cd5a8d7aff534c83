/**
 * `agentc completion bash|zsh|fish`: scripts that parse in their shell and complete the commands,
 * their flags, the target ids (comma-separated lists too), choices and codes. Bash is always
 * here; zsh and fish are tested when installed.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { codes } from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import { createProgram } from 'agentc'
import { describe, expect, it } from 'vitest'
import {
  type CompletionModel,
  completionModel,
  completionScript,
  SHELLS,
  type Shell,
} from '../../packages/cli/src/commands/completion'
import { agentc, tempDir } from './helpers'

const IDS = builtinRegistry().targets.map((t) => t.id)
const CODES = Object.keys(codes)

function has(shell: string): boolean {
  return spawnSync(shell, ['-c', 'exit 0']).status === 0
}
const HAS_ZSH = has('zsh')
const HAS_FISH = has('fish')

/** The program the CLI runs, for its commands and flags. */
function program(): ReturnType<typeof createProgram> {
  const noop = () => {}
  return createProgram({ cwd: '/', fs: undefined as never, stdout: noop, stderr: noop }, noop)
}

async function script(shell: Shell): Promise<string> {
  const result = await agentc(tempDir(), 'completion', shell)
  expect(result.code).toBe(0)
  expect(result.stderr).toBe('')
  return result.stdout
}

/** Writes a script to a file and returns its path. */
function saved(text: string, name: string): string {
  const dir = tempDir()
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/**
 * What bash completes for a command line whose last word is being typed, by calling the
 * completion function as bash would (COMP_WORDS split at `=` as bash does).
 */
function bashComplete(scriptPath: string, line: string[], cwd = tempDir()): string[] {
  const words = line.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')
  const program = `source '${scriptPath}'
COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=()
_agentc 2>/dev/null
printf '%s\\n' "\${COMPREPLY[@]}"`
  const result = spawnSync('bash', ['--norc', '-c', program], { cwd, encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  return result.stdout.split('\n').filter((l) => l !== '')
}

/** What fish completes for a command line (`complete -C`), candidates without descriptions. */
function fishComplete(scriptPath: string, line: string, cwd = tempDir()): string[] {
  const result = spawnSync(
    'fish',
    ['--no-config', '-c', `source '${scriptPath}'; complete -C '${line.replace(/'/g, "\\'")}'`],
    { cwd, encoding: 'utf8' },
  )
  expect(result.status, result.stderr).toBe(0)
  return result.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t')[0]!)
}

const sorted = (list: string[]) => [...list].sort()

describe('the scripts parse', () => {
  it('bash -n', async () => {
    const result = spawnSync('bash', ['-n', saved(await script('bash'), 'agentc.bash')], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
  })

  it.skipIf(!HAS_ZSH)('zsh -n', async () => {
    const result = spawnSync('zsh', ['-n', saved(await script('zsh'), '_agentc')], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
  })

  it.skipIf(!HAS_FISH)('fish --no-execute', async () => {
    const path = saved(await script('fish'), 'agentc.fish')
    const result = spawnSync('fish', ['--no-execute', path], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
  })

  it('and an unknown shell is a usage error (exit 2)', async () => {
    const result = await agentc(tempDir(), 'completion', 'powershell')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/bash, zsh, fish/)
    expect((await agentc(tempDir(), 'completion')).code).toBe(2)
  })
})

describe('every script lists', () => {
  it.each(SHELLS)('%s: every target id, command, flag and code', async (shell) => {
    const text = await script(shell)
    const wordsOf = (w: string) =>
      new RegExp(`(^|[\\s'(|*])${w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}($|[\\s'[:)|=+])`, 'm')
    for (const id of IDS) expect(text, id).toMatch(wordsOf(id))
    for (const code of CODES) expect(text, code).toMatch(wordsOf(code))
    for (const command of program().commands) {
      expect(text, command.name()).toMatch(wordsOf(command.name()))
      for (const option of command.options) {
        // fish names flags without their dashes (`-l target`, `-s t`).
        const long = shell === 'fish' ? option.long?.replace(/^--/, '') : option.long
        if (long) expect(text, `${command.name()} ${option.long}`).toMatch(wordsOf(long))
      }
    }
  })

  it('bash: the target ids exactly as the registry has them', async () => {
    const list = /^_agentc_targets='([^']*)'$/m.exec(await script('bash'))?.[1]
    expect(list?.split(' ')).toEqual(IDS)
  })
})

describe('bash completes', () => {
  const path = () => saved(completionScript('bash', completionModel(program())), 'agentc.bash')

  it('commands, then the flags of the command being typed', () => {
    const p = path()
    expect(bashComplete(p, ['agentc', ''])).toEqual(
      program()
        .commands.map((c) => c.name())
        .concat('help'),
    )
    expect(bashComplete(p, ['agentc', 'co'])).toEqual(['convert', 'completion'])
    const buildFlags = program()
      .commands.find((c) => c.name() === 'build')!
      .options.flatMap((o) => [o.short, o.long])
      .filter((f): f is string => f?.startsWith('--f') === true)
    expect(sorted(bashComplete(p, ['agentc', 'build', '--f']))).toEqual(sorted(buildFlags))
  })

  it('target ids after --target, -t, --to and --from, and each item of a comma list', () => {
    const p = path()
    const starting = (prefix: string) => IDS.filter((id) => id.startsWith(prefix))
    expect(bashComplete(p, ['agentc', 'build', '--target', 'c'])).toEqual(starting('c'))
    expect(bashComplete(p, ['agentc', 'build', '-t', ''])).toEqual(IDS)
    expect(bashComplete(p, ['agentc', 'build', '--target', 'claude,cu'])).toEqual(
      starting('cu').map((id) => `claude,${id}`),
    )
    expect(bashComplete(p, ['agentc', 'build', '--target', '=', 'ki'])).toEqual(starting('ki'))
    expect(bashComplete(p, ['agentc', 'convert', 'a.md', '--to', 'co'])).toEqual(starting('co'))
    expect(bashComplete(p, ['agentc', 'convert', 'a.md', '--from', ''])).toEqual(IDS)
  })

  it('choices, codes, shells and folders', () => {
    const p = path()
    expect(bashComplete(p, ['agentc', 'build', '--format', ''])).toEqual(['human', 'short', 'json'])
    expect(bashComplete(p, ['agentc', 'explain', 'AGC30'])).toEqual(
      CODES.filter((c) => c.startsWith('AGC30')),
    )
    expect(bashComplete(p, ['agentc', 'completion', ''])).toEqual(['bash', 'zsh', 'fish'])
    const cwd = tempDir()
    mkdirSync(join(cwd, 'out dir'))
    mkdirSync(join(cwd, 'other'))
    writeFileSync(join(cwd, 'open.md'), 'x')
    expect(sorted(bashComplete(p, ['agentc', 'build', '--out', 'o'], cwd))).toEqual(['other', 'out dir'])
    expect(bashComplete(p, ['agentc', 'build', '--out', 'ot'], cwd)).toEqual(['other'])
    expect(bashComplete(p, ['agentc', 'build', '--out', 'out'], cwd)).toEqual(['out dir'])
  })

  it('new targets and new commands as soon as the script is printed again', () => {
    const extended = program()
    extended.command('frob').option('--to <id>', 'a target').option('--level <n>', 'free text')
    const base = completionModel(extended)
    const model: CompletionModel = { ...base, targets: [...base.targets, { id: 'zz-new', name: 'Newcomer' }] }
    const p = saved(completionScript('bash', model), 'agentc.bash')
    expect(bashComplete(p, ['agentc', 'fr'])).toEqual(['frob'])
    expect(bashComplete(p, ['agentc', 'frob', '--to', 'zz'])).toEqual(['zz-new'])
    expect(bashComplete(p, ['agentc', 'frob', '--level', ''])).toEqual([])
    for (const shell of ['zsh', 'fish'] as const) expect(completionScript(shell, model)).toContain('zz-new')
  })
})

describe.skipIf(!HAS_FISH)('fish completes', () => {
  it('commands, target ids (also in comma lists and after `=`), choices and codes', async () => {
    const p = saved(await script('fish'), 'agentc.fish')
    const starting = (prefix: string) => IDS.filter((id) => id.startsWith(prefix))
    expect(sorted(fishComplete(p, 'agentc co'))).toEqual(['completion', 'convert'])
    expect(sorted(fishComplete(p, 'agentc build --target c'))).toEqual(sorted(starting('c')))
    expect(sorted(fishComplete(p, 'agentc build --target claude,cu'))).toEqual(
      sorted(starting('cu').map((id) => `claude,${id}`)),
    )
    expect(sorted(fishComplete(p, 'agentc build --target=ki'))).toEqual(
      sorted(starting('ki').map((id) => `--target=${id}`)),
    )
    expect(sorted(fishComplete(p, 'agentc build --format '))).toEqual(['human', 'json', 'short'])
    expect(fishComplete(p, 'agentc explain AGC30')).toEqual(CODES.filter((c) => c.startsWith('AGC30')))
  })
})
