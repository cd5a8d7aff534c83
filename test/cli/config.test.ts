/**
 * The project configuration (`agentc.config.json` / `.yaml` / `.yml`): discovery, both syntaxes,
 * errors at their positions, the effect of every setting, and `agentc build` with no paths.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { type Deps, nodeFileSystem, run } from 'agentc'
import { describe, expect, it } from 'vitest'
import { findConfig, loadConfig } from '../../packages/cli/src/config/load'
import { configJsonSchema, configSchema } from '../../packages/cli/src/config/schema'
import { agentc, listTree, ROOT, read, tempDir } from './helpers'

/** A temporary folder holding `files` (path → text). */
function project(files: Record<string, string>): string {
  const dir = tempDir()
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const REVIEWER = `---
description: Reviews diffs for defects
mode: subagent
model: openai/gpt-5.2-codex
temperature: 0.2
---
Review the diff. Read AGENTS.md first.
`

const HELPER = `---
description: Answers questions
model: anthropic/claude-sonnet-4-5
---
Answer briefly.
`

/** The outputs of a project (everything but sources, config and agentc's state). */
function outputs(dir: string): string[] {
  return listTree(dir).filter(
    (p) => !p.startsWith('agents/') && !p.startsWith('agentc.config') && !p.startsWith('.agentc/'),
  )
}

/** Diagnostic lines (`path:line:col  severity  message  CODE`) of a run's stderr. */
function lines(stderr: string, code: string): string[] {
  return stderr.split('\n').filter((l) => l.endsWith(`  ${code}`))
}

describe('finding the configuration', () => {
  it('walks up from the working directory; the project root is the config’s folder', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\n',
      'agents/reviewer.md': REVIEWER,
      'src/deep/er/.keep': '',
    })
    const result = await agentc(join(dir, 'src/deep/er'), 'build')
    expect(result.code).toBe(0)
    // Outputs go to the project root, not to the working directory; paths are shown from it.
    expect(outputs(dir)).toEqual(['.claude/agents/reviewer.md', 'src/deep/er/.keep'])
    expect(result.stdout).toBe('created      ../../../.claude/agents/reviewer.md\n')
  })

  it('an empty YAML configuration takes every default', async () => {
    const dir = project({
      'agentc.config.yaml': '# nothing yet\n',
      'agents/helper.md': HELPER,
      'sub/.keep': '',
    })
    const result = await agentc(join(dir, 'sub'), 'build', '--target', 'claude')
    expect(result.code, result.stderr).toBe(0)
    expect(outputs(dir)).toEqual(['.claude/agents/helper.md', 'sub/.keep'])
  })

  it('takes the nearest configuration', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\n',
      'sub/agentc.config.yaml': 'targets: [cursor]\n',
      'sub/agents/helper.md': HELPER,
    })
    expect((await agentc(join(dir, 'sub'), 'build')).code).toBe(0)
    expect(outputs(join(dir, 'sub'))).toEqual(['.cursor/rules/helper.mdc'])
  })

  it('looks in every folder up to the root of the file system, then stops', async () => {
    const seen: string[] = []
    const deps: Deps = {
      cwd: '/a/b/c',
      fs: {
        ...nodeFileSystem,
        async stat(path) {
          seen.push(path)
          return undefined
        },
      },
      stdout: () => {},
      stderr: () => {},
    }
    expect(await findConfig(deps, '/a/b/c')).toEqual({ kind: 'none' })
    const folders = [...new Set(seen.map((p) => dirname(p)))]
    expect(folders).toEqual(['/a/b/c', '/a/b', '/a', '/'].map((p) => p.split('/').join(sep)))
    expect(seen.filter((p) => dirname(p) === sep).map((p) => p.slice(1))).toEqual([
      'agentc.config.json',
      'agentc.config.yaml',
      'agentc.config.yml',
    ])
  })

  it('refuses two configurations in one folder, naming both', async () => {
    const dir = project({
      'agentc.config.json': '{"targets": ["claude"]}\n',
      'agentc.config.yaml': 'targets: [claude]\n',
      'agents/helper.md': HELPER,
    })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /agentc\.config\.json {2}error {2}agentc\.config\.json and agentc\.config\.yaml are both project configurations .* {2}AGC310/,
    )
    expect(outputs(dir)).toEqual([])
  })

  it('without a configuration and without paths, build is a usage error pointing at init', async () => {
    const result = await agentc(tempDir(), 'build')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('build needs paths')
    expect(result.stderr).toContain('agentc init')
  })

  it('--no-config ignores the configuration, --config names one', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\nout: out\n',
      'other.yaml': 'targets: [cursor]\nsources: [agents/*.md]\n',
      'agents/helper.md': HELPER,
    })
    expect((await agentc(dir, 'build', 'agents', '--no-config', '--target', 'opencode')).code).toBe(0)
    expect(existsSync(join(dir, '.opencode/agents/helper.md'))).toBe(true)
    expect((await agentc(dir, 'build', '--config', 'other.yaml')).code).toBe(0)
    expect(existsSync(join(dir, '.cursor/rules/helper.mdc'))).toBe(true)
    expect(existsSync(join(dir, 'out'))).toBe(false)
    const missing = await agentc(dir, 'build', '--config', 'nope.yaml')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--config nope.yaml: no such file')
  })
})

describe('both syntaxes', () => {
  const settings = {
    sources: ['agents/**/*.md', '!agents/drafts/**'],
    targets: { claude: { settings: true }, cursor: {}, codex: false },
    out: 'build',
    agents: { reviewer: { targets: { cursor: { activation: 'always' } } } },
  }
  const yaml = `# comments are fine
sources:
  - agents/**/*.md
  - "!agents/drafts/**"
targets:
  claude: {settings: true}
  cursor:
  codex: false
out: build
agents:
  reviewer:
    targets:
      cursor: {activation: always}
`
  const json = `{
  // comments and trailing commas are fine, as in tsconfig.json
  "sources": ["agents/**/*.md", "!agents/drafts/**"],
  "targets": {"claude": {"settings": true}, "cursor": {}, "codex": false},
  "out": "build",
  "agents": {"reviewer": {"targets": {"cursor": {"activation": "always"}}}},
}
`
  const agents = {
    'agents/reviewer.md': `${REVIEWER.replace('temperature: 0.2\n', 'permission:\n  bash:\n    "*": ask\n    "git *": allow\n')}`,
    'agents/drafts/wip.md': HELPER,
  }

  it.each([
    ['agentc.config.yaml', yaml],
    ['agentc.config.yml', yaml],
    ['agentc.config.json', json],
  ])('%s builds the same project', async (name, text) => {
    const dir = project({ [name]: text, ...agents })
    const result = await agentc(dir, 'build')
    expect(result.code, result.stderr).toBe(0)
    expect(listTree(join(dir, 'build'))).toEqual([
      '.agentc/manifest.json',
      '.claude/agents/reviewer.md',
      '.claude/settings.json',
      '.cursor/rules/reviewer.mdc',
    ])
    expect(read(join(dir, 'build/.cursor/rules/reviewer.mdc'))).toContain('alwaysApply: true\n')
    expect(read(join(dir, 'build/.claude/settings.json'))).toContain('Bash(git *)')
  })

  it('the two read to the same settings', async () => {
    const load = async (name: string, text: string) => {
      const dir = project({ [name]: text })
      const deps: Deps = { cwd: dir, fs: nodeFileSystem, stdout: () => {}, stderr: () => {} }
      const { config, diagnostics } = await loadConfig(deps, join(dir, name))
      expect(diagnostics).toEqual([])
      const { positions: _p, path: _a, display: _d, dir: _r, out, ...rest } = config!
      return { ...rest, out: out.slice(dir.length) }
    }
    const fromYaml = await load('agentc.config.yaml', yaml)
    expect(fromYaml).toEqual(await load('agentc.config.json', json))
    expect(configSchema.parse(settings)).toEqual(settings)
    expect(fromYaml.targets).toEqual(['claude', 'cursor'])
    expect(fromYaml.targetOptions).toEqual({ claude: { settings: true } })
  })
})

describe('errors in the configuration are diagnostics at their position', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'a misspelt target id, with a suggestion',
      'agentc.config.yaml',
      'targets:\n  claude: {}\n  cursr: {}\n',
      /^agentc\.config\.yaml:3:3 {2}error {2}`cursr` is not a setting of `targets` \(did you mean `cursor`\?\)/,
    ],
    [
      'a misspelt top-level key',
      'agentc.config.yaml',
      'target: [claude]\n',
      /^agentc\.config\.yaml:1:1 {2}error {2}`target` is not a setting of the configuration \(did you mean `targets`\?\)/,
    ],
    [
      'an unknown id in a list of targets',
      'agentc.config.yaml',
      'targets: [claude, claud]\n',
      /^agentc\.config\.yaml:1:19 {2}error {2}`targets\[1\]` must be a target id \(opencode, claude,.*\), not the text "claud"\./,
    ],
    [
      'a value of the wrong type (JSON)',
      'agentc.config.json',
      '{\n  "targets": ["claude"],\n  "strict": "yes"\n}\n',
      /^agentc\.config\.json:3:13 {2}error {2}`strict` must be true or false, not the text "yes"\./,
    ],
    [
      'a bad option deep in a target entry',
      'agentc.config.yaml',
      'targets:\n  claude:\n    settings: maybe\n',
      /^agentc\.config\.yaml:3:15 {2}error {2}`targets\.claude\.settings` must be true or false, not the text "maybe"\./,
    ],
    [
      'an option another target has',
      'agentc.config.yaml',
      'targets:\n  cursor:\n    settings: true\n',
      /^agentc\.config\.yaml:3:5 {2}error {2}`settings` is not a setting of `targets\.cursor`; the settings are `models`\./,
    ],
    [
      'an override of an unknown field',
      'agentc.config.yaml',
      'targets: [claude]\nagents:\n  reviewer:\n    targets:\n      claude:\n        modle: opus\n',
      /^agentc\.config\.yaml:6:9 {2}error {2}`modle` is not a setting of `agents\.reviewer\.targets\.claude` \(did you mean `model`\?\)/,
    ],
    [
      'a tool name outside agentc’s vocabulary',
      'agentc.config.yaml',
      'targets: [claude]\nagents:\n  reviewer:\n    tools: {deny: [WebFetch]}\n',
      /^agentc\.config\.yaml:4:20 {2}error {2}`agents\.reviewer\.tools\.deny\[0\]` must be a tool name in agentc's vocabulary .*, not the text "WebFetch"\./,
    ],
    [
      'an extension for an unknown target',
      'agentc.config.yaml',
      'agents:\n  reviewer:\n    extensions:\n      claud: {permissionMode: plan}\n',
      /^agentc\.config\.yaml:4:7 {2}error {2}`claud` is not a setting of `agents\.reviewer\.extensions` \(did you mean `claude`\?\); the settings are `opencode`, `claude`, /,
    ],
    [
      'a temperature out of range',
      'agentc.config.yaml',
      'agents:\n  reviewer:\n    temperature: 7\n',
      /^agentc\.config\.yaml:3:18 {2}error {2}`agents\.reviewer\.temperature` must be a number from 0 to 2, not the number 7\./,
    ],
    [
      'invalid YAML',
      'agentc.config.yaml',
      'targets: [claude\nout: x\n',
      /^agentc\.config\.yaml:\d+:\d+ {2}error {2}agentc\.config\.yaml cannot be read: it is not valid YAML: /,
    ],
    [
      'a key written twice (YAML)',
      'agentc.config.yaml',
      'targets: [claude]\ntargets: [cursor]\n',
      /^agentc\.config\.yaml:2:1 {2}error {2}agentc\.config\.yaml cannot be read: it is not valid YAML: Map keys must be unique/,
    ],
    [
      'invalid JSON',
      'agentc.config.json',
      '{\n  "targets": ["claude"]\n  "out": "x"\n}\n',
      /^agentc\.config\.json:3:3 {2}error {2}agentc\.config\.json cannot be read: it is not valid JSON: `,` is expected between entries\./,
    ],
    [
      'a key written twice (JSON)',
      'agentc.config.json',
      '{"out": "a",\n "out": "b"}\n',
      /^agentc\.config\.json:2:2 {2}error {2}agentc\.config\.json cannot be read: the key "out" is written twice in the same object\./,
    ],
    [
      'a list instead of a map',
      'agentc.config.yaml',
      '- claude\n',
      /^agentc\.config\.yaml:1:1 {2}error {2}agentc\.config\.yaml must be a map of settings .*, not a list\./,
    ],
    [
      'a size that is not one',
      'agentc.config.yaml',
      'targets: [claude]\nlimits:\n  maxFileSize: huge\n',
      /^agentc\.config\.yaml:3:16 {2}error {2}`limits\.maxFileSize` must be a size such as 1048576, 512KiB or 2MiB, not the text "huge"\./,
    ],
  ]

  it.each(cases)('%s', async (_what, name, text, expected) => {
    const dir = project({ [name]: text, 'agents/reviewer.md': REVIEWER })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(1)
    const errors = lines(result.stderr, 'AGC310')
    expect(errors.length, result.stderr).toBeGreaterThan(0)
    expect(errors[0]).toMatch(expected)
    // A code frame under the error, never a stack trace; nothing written.
    expect(result.stderr).toMatch(/\n +\d+ \| /)
    expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
    expect(result.stderr).not.toContain('this is a bug')
    expect(outputs(dir)).toEqual([])
  })

  it('a broken configuration stops a build of explicit paths too', async () => {
    const dir = project({ 'agentc.config.yaml': 'strict: 1\n', 'agents/reviewer.md': REVIEWER })
    const result = await agentc(dir, 'build', 'agents', '--target', 'claude')
    expect(result.code).toBe(1)
    expect(lines(result.stderr, 'AGC310')).toHaveLength(1)
    expect(outputs(dir)).toEqual([])
  })

  it('overrides of an agent no source defines are a warning at the agent’s key', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\nagents:\n  reveiwer:\n    model: opus\n',
      'agents/reviewer.md': REVIEWER,
    })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(0)
    expect(lines(result.stderr, 'AGC312')).toEqual([
      'agentc.config.yaml:3:3  warning  `agents.reveiwer` has overrides, but no source defines an agent named `reveiwer` (the agents are reviewer); they do nothing.  AGC312',
    ])
    expect((await agentc(dir, 'build', '--strict')).code).toBe(1)
  })
})

describe('what each setting does', () => {
  it('sources: globs relative to the config, `!` excludes, a folder stands for its *.md, README skipped', async () => {
    const dir = project({
      'agentc.config.yaml': 'sources: [team, "solo/*.md", "!team/drafts/**"]\ntargets: [opencode]\n',
      'team/reviewer.md': REVIEWER,
      'team/README.md': '# not an agent\n',
      'team/nested/helper.md': HELPER,
      'team/drafts/wip.md': HELPER.replace('Answers', 'Drafts'),
      'solo/one.md': HELPER,
      'solo/deeper/two.md': HELPER,
      'elsewhere/three.md': HELPER,
    })
    const result = await agentc(join(dir, 'solo'), 'build')
    expect(result.code, result.stderr).toBe(0)
    expect(outputs(dir).filter((p) => p.startsWith('.opencode/'))).toEqual([
      '.opencode/agents/helper.md',
      '.opencode/agents/one.md',
      '.opencode/agents/reviewer.md',
    ])
  })

  it('sources never include the outputs agentc wrote, however wide the glob', async () => {
    const dir = project({
      'agentc.config.yaml': 'sources: "**/*.md"\ntargets: [agents-md, claude]\n',
      'docs/helper.md': HELPER,
    })
    expect((await agentc(dir, 'build')).code).toBe(0)
    expect(outputs(dir)).toEqual(['.claude/agents/helper.md', 'AGENTS.md', 'docs/helper.md'])
    const again = await agentc(dir, 'build')
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toBe('')
    expect(outputs(dir)).toEqual(['.claude/agents/helper.md', 'AGENTS.md', 'docs/helper.md'])
  })

  it('sources that match nothing are a warning at `sources`', async () => {
    const dir = project({ 'agentc.config.yaml': 'targets: [claude]\nsources: lib/*.md\n' })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(0)
    expect(lines(result.stderr, 'AGC303')[0]).toMatch(
      /^agentc\.config\.yaml:2:10 {2}warning {2}The sources of agentc\.config\.yaml \(lib\/\*\.md\) match no agent files/,
    )
  })

  it('from: sources in another tool’s format', async () => {
    const dir = project({
      'agentc.config.yaml': 'from: claude\nsources: [".claude/agents/*.md"]\ntargets: [opencode]\n',
      '.claude/agents/fixer.md': '---\nname: fixer\ndescription: Fixes bugs\nmodel: opus\n---\nFix it.\n',
    })
    expect((await agentc(dir, 'build')).code).toBe(0)
    expect(read(join(dir, '.opencode/agents/fixer.md'))).toContain('model: anthropic/claude-opus-5\n')
  })

  it('targets: `false` leaves a target out; --target wins over the list', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets:\n  claude: true\n  cursor: false\n  opencode:\n',
      'agents/helper.md': HELPER,
    })
    expect((await agentc(dir, 'build')).code).toBe(0)
    expect(outputs(dir)).toEqual(['.claude/agents/helper.md', '.opencode/agents/helper.md'])
    expect((await agentc(dir, 'build', '--target', 'gemini')).code).toBe(0)
    expect(outputs(dir)).toContain('.gemini/agents/helper.md')
  })

  it('a configuration without targets needs --target', async () => {
    const dir = project({ 'agentc.config.yaml': 'out: x\n', 'agents/helper.md': HELPER })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('build needs --target, or `targets` in agentc.config.yaml')
    expect((await agentc(dir, 'build', '-t', 'claude')).code).toBe(0)
    expect(listTree(join(dir, 'x'))).toContain('.claude/agents/helper.md')
  })

  it('out: relative to the config; --out (relative to the working directory) wins', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\nout: generated\n',
      'agents/helper.md': HELPER,
      'sub/.keep': '',
    })
    expect((await agentc(join(dir, 'sub'), 'build')).code).toBe(0)
    expect(listTree(join(dir, 'generated'))).toEqual(['.agentc/manifest.json', '.claude/agents/helper.md'])
    expect((await agentc(join(dir, 'sub'), 'build', '--out', 'here')).code).toBe(0)
    expect(listTree(join(dir, 'sub/here'))).toContain('.claude/agents/helper.md')
  })

  it('strict: warnings fail the build', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\nstrict: true\n',
      'agents/reviewer.md': REVIEWER,
    })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('AGC204')
    const relaxed = project({ 'agentc.config.yaml': 'targets: [claude]\n', 'agents/reviewer.md': REVIEWER })
    expect((await agentc(relaxed, 'build')).code).toBe(0)
  })

  it('rewriteReferences: the body’s references to the source tool are rewritten', async () => {
    const config = (rewrite: boolean) => `targets: [claude]\nrewriteReferences: ${rewrite}\n`
    const on = project({ 'agentc.config.yaml': config(true), 'agents/reviewer.md': REVIEWER })
    const rewritten = await agentc(on, 'build')
    expect(rewritten.stderr).toContain('AGC210')
    expect(read(join(on, '.claude/agents/reviewer.md'))).toContain('Read CLAUDE.md first.')
    const off = project({ 'agentc.config.yaml': config(false), 'agents/reviewer.md': REVIEWER })
    const reported = await agentc(off, 'build')
    expect(reported.stderr).toContain('AGC209')
    expect(read(join(off, '.claude/agents/reviewer.md'))).toContain('Read AGENTS.md first.')
  })

  it('limits: apply to the sources; the --max-* flags win', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\nlimits:\n  maxFileSize: 100b\n',
      'agents/reviewer.md': REVIEWER,
    })
    const small = await agentc(dir, 'build')
    expect(small.code).toBe(1)
    expect(small.stderr).toMatch(/The file is \d+ bytes, more than the limit of 100 bytes/)
    expect((await agentc(dir, 'build', '--max-file-size', '1MiB')).code).toBe(0)
    const files = project({
      'agentc.config.yaml': 'targets: [claude]\nlimits: {maxFiles: 1}\n',
      'agents/a.md': HELPER,
      'agents/b.md': HELPER,
    })
    expect((await agentc(files, 'build')).stderr).toContain(
      '2 input files were found, more than the limit of 1',
    )
  })

  it('models: a substitution for every target, one per target winning, `inherit` allowed', async () => {
    const dir = project({
      'agentc.config.yaml': `targets:
  claude:
    models:
      openai/gpt-5.2-codex: opus
  opencode:
  codex:
  cursor:
models:
  openai/gpt-5.2-codex: inherit
`,
      'agents/reviewer.md': REVIEWER,
      'agents/helper.md': HELPER,
    })
    const result = await agentc(dir, 'build')
    expect(result.code, result.stderr).toBe(0)
    expect(read(join(dir, '.claude/agents/reviewer.md'))).toContain('\nmodel: opus\n')
    expect(read(join(dir, '.opencode/agents/reviewer.md'))).not.toContain('model:')
    expect(read(join(dir, '.codex/agents/reviewer.toml'))).not.toContain('gpt-5.2-codex')
    // The helper's model is not in the table: untouched.
    expect(read(join(dir, '.opencode/agents/helper.md'))).toContain('model: anthropic/claude-sonnet-4-5\n')
    // Each substitution is reported once per target, at the setting that made it; no AGC204 left.
    expect(lines(result.stderr, 'AGC311')).toEqual([
      'agentc.config.yaml:4:29  info  reviewer: the model is `opus` for Claude Code subagents (the agent says `openai/gpt-5.2-codex`), by `targets.claude.models["openai/gpt-5.2-codex"]`.  AGC311',
      'agentc.config.yaml:9:25  info  reviewer: the model is `inherit` for Codex custom agents (the agent says `openai/gpt-5.2-codex`), by `models["openai/gpt-5.2-codex"]`.  AGC311',
      'agentc.config.yaml:9:25  info  reviewer: the model is `inherit` for OpenCode agents (the agent says `openai/gpt-5.2-codex`), by `models["openai/gpt-5.2-codex"]`.  AGC311',
    ])
    expect(lines(result.stderr, 'AGC204').filter((l) => l.includes('gpt-5.2-codex'))).toEqual([])
    // A target without models (Cursor) is not substituted: it loses the agent's own model.
    expect(lines(result.stderr, 'AGC201').filter((l) => l.includes('gpt-5.2-codex'))).toEqual([
      'agents/reviewer.md:4:1  warning  The model (openai/gpt-5.2-codex) cannot be expressed in Cursor rules; left out.  AGC201',
    ])
  })

  it('agents: overrides for every target and per target, in the IR’s vocabulary', async () => {
    const dir = project({
      'agentc.config.yaml': `targets: [claude, cursor, opencode]
agents:
  reviewer:
    temperature: null
    effort: high
    tools: {deny: [webfetch]}
    targets:
      claude:
        model: opus
        extensions:
          claude: {permissionMode: plan}
      cursor:
        activation: always
        model: opus
`,
      'agents/reviewer.md': REVIEWER,
      'agents/helper.md': HELPER,
    })
    const result = await agentc(dir, 'build')
    expect(result.code, result.stderr).toBe(0)
    const claude = read(join(dir, '.claude/agents/reviewer.md'))
    expect(claude).toContain('\nmodel: opus\n')
    expect(claude).toContain('\neffort: high\n')
    expect(claude).toContain('\ndisallowedTools: WebFetch\n')
    expect(claude).toContain('\npermissionMode: plan\n')
    const cursor = read(join(dir, '.cursor/rules/reviewer.mdc'))
    expect(cursor).toContain('alwaysApply: true\n')
    const opencode = read(join(dir, '.opencode/agents/reviewer.md'))
    expect(opencode).not.toContain('temperature')
    expect(opencode).toContain('reasoningEffort: high\n')
    expect(opencode).toContain('model: openai/gpt-5.2-codex\n')
    // Other agents are untouched.
    expect(read(join(dir, '.cursor/rules/helper.mdc'))).toContain('alwaysApply: false\n')
    expect(read(join(dir, '.opencode/agents/helper.md'))).toBe(HELPER)

    const info = lines(result.stderr, 'AGC311')
    expect(info).toContain(
      'agentc.config.yaml:4:18  info  reviewer: `temperature` is removed for OpenCode agents (the agent says 0.2), by `agents.reviewer.temperature`.  AGC311',
    )
    expect(info).toContain(
      'agentc.config.yaml:9:16  info  reviewer: `model` is `opus` for Claude Code subagents (the agent says `openai/gpt-5.2-codex`), by `agents.reviewer.targets.claude.model`.  AGC311',
    )
    expect(info).toContain(
      'agentc.config.yaml:11:36  info  reviewer: `permissionMode` (claude) is `plan` for Claude Code subagents (the agent has none), by `agents.reviewer.targets.claude.extensions.claude.permissionMode`.  AGC311',
    )
    expect(info).toContain(
      'agentc.config.yaml:13:21  info  reviewer: `activation` is `always` for Cursor rules (the agent has none), by `agents.reviewer.targets.cursor.activation`.  AGC311',
    )
    // A value the target cannot hold is a loss like any other, at the setting that asked for it.
    expect(lines(result.stderr, 'AGC201')).toContain(
      'agentc.config.yaml:14:16  warning  The model (opus) cannot be expressed in Cursor rules; left out.  AGC201',
    )
    // The agent's own temperature is no longer reported as lost: the configuration removed it.
    expect(result.stderr).not.toMatch(/temperature \(0\.2\) cannot be expressed/)
  })

  it('an override that changes nothing is not reported', async () => {
    const dir = project({
      'agentc.config.yaml':
        'targets: [opencode]\nagents:\n  reviewer:\n    temperature: 0.2\n    model: openai/gpt-5.2-codex\n',
      'agents/reviewer.md': REVIEWER,
    })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('AGC311')
    // An OpenCode source built to OpenCode keeps its bytes.
    expect(read(join(dir, '.opencode/agents/reviewer.md'))).toBe(REVIEWER)
  })

  it('a native key of one tool is reported as not carried by the others, at the setting', async () => {
    const dir = project({
      'agentc.config.yaml':
        'targets: [claude, opencode]\nagents:\n  helper:\n    extensions:\n      claude: {permissionMode: plan}\n',
      'agents/helper.md': HELPER,
    })
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(0)
    expect(read(join(dir, '.claude/agents/helper.md'))).toContain('permissionMode: plan')
    expect(lines(result.stderr, 'AGC203')).toEqual([
      'agentc.config.yaml:5:32  info  `permissionMode` is specific to claude and is not carried to OpenCode agents.  AGC203',
    ])
  })
})

describe('agentc build with no paths', () => {
  it('removes the outputs of a deleted source, and leaves those of paths outside the sources', async () => {
    const dir = project({
      'agentc.config.yaml': 'targets: [claude]\n',
      'agents/reviewer.md': REVIEWER,
      'agents/helper.md': HELPER,
      'extra/other.md': HELPER,
    })
    expect((await agentc(dir, 'build')).code).toBe(0)
    expect((await agentc(dir, 'build', 'extra')).code).toBe(0)
    expect(outputs(dir).filter((p) => p.startsWith('.claude'))).toEqual([
      '.claude/agents/helper.md',
      '.claude/agents/other.md',
      '.claude/agents/reviewer.md',
    ])
    rmSync(join(dir, 'agents/helper.md'))
    const result = await agentc(dir, 'build')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('deleted      .claude/agents/helper.md\n')
    expect(outputs(dir).filter((p) => p.startsWith('.claude'))).toEqual([
      '.claude/agents/other.md',
      '.claude/agents/reviewer.md',
    ])
    // Nothing changed: nothing written.
    const again = await agentc(dir, 'build', '--check')
    expect(again.code).toBe(0)
  })

  it('--check, --dry-run and --format json work as with paths', async () => {
    const dir = project({ 'agentc.config.yaml': 'targets: [claude]\n', 'agents/helper.md': HELPER })
    expect((await agentc(dir, 'build', '--check')).code).toBe(1)
    const json = await agentc(dir, 'build', '--dry-run', '--format', 'json')
    expect(JSON.parse(json.stdout).files).toEqual([
      { path: '.claude/agents/helper.md', target: 'claude', status: 'new', action: 'would-write' },
    ])
    expect(outputs(dir)).toEqual([])
  })
})

describe('agentc build --watch with no paths', () => {
  it('watches the source folders and the configuration, and rebuilds when either changes', async () => {
    const dir = project({ 'agentc.config.yaml': 'targets: [claude]\n', 'agents/helper.md': HELPER })
    let watched: readonly string[] = []
    let onChange: (path: string) => void = () => {}
    let interrupt: () => void = () => {}
    const timers: (() => unknown)[] = []
    let started: () => void = () => {}
    const watching = new Promise<void>((resolve) => {
      started = resolve
    })
    let stderr = ''
    const deps: Deps = {
      cwd: dir,
      fs: nodeFileSystem,
      stdout: () => {},
      stderr: (t) => {
        stderr += t
      },
      watch: {
        watch(paths, listener) {
          watched = paths
          onChange = listener
          started()
          return { close() {} }
        },
        now: () => 0,
        setTimer(fn) {
          timers.push(fn)
          return () => {}
        },
        onInterrupt(handler) {
          interrupt = handler
          return () => {}
        },
      },
    }
    const done = run(['build', '--watch'], deps)
    await Promise.race([watching, done])
    expect([...watched].sort()).toEqual([join(dir, 'agentc.config.yaml'), join(dir, 'agents')])
    expect(existsSync(join(dir, '.claude/agents/helper.md'))).toBe(true)
    // The configuration changes: the next build uses it.
    writeFileSync(join(dir, 'agentc.config.yaml'), 'targets: [claude, cursor]\n')
    onChange(join(dir, 'agentc.config.yaml'))
    while (timers.length > 0) await timers.shift()!()
    expect(existsSync(join(dir, '.cursor/rules/helper.mdc'))).toBe(true)
    interrupt()
    expect(await done).toBe(0)
    expect(stderr).toContain('agentc: watching agents, agentc.config.yaml for changes')
  })
})

describe('the published JSON Schema', () => {
  const SCHEMA = join(ROOT, 'packages/cli/schema/agentc.config.schema.json')

  it('is generated from the zod schema (run `npx vitest run test/cli/config.test.ts -u` after changing it)', async () => {
    await expect(`${JSON.stringify(configJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(SCHEMA)
  })

  it('names every setting and the target ids', () => {
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as {
      properties: Record<string, unknown>
      $defs: { targetId: { enum: string[] } }
    }
    expect(Object.keys(schema.properties)).toEqual(Object.keys(configSchema.shape))
    expect(schema.$defs.targetId.enum).toContain('claude')
    expect(schema.$defs.targetId.enum).toContain('agents-md')
  })
})
