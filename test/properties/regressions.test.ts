/**
 * Shrunk counterexamples of the property tests that revealed bugs, kept as plain examples.
 */
import {
  type AgentDocument,
  emitDocument,
  normalize,
  type PermissionRule,
  parseFile,
  type Target,
} from '@agentc/core'
import {
  agentsMd,
  augment,
  builtinTargets,
  claude,
  codex,
  copilot,
  cursor,
  gemini,
  kilo,
  kiro,
  kiroSteering,
  opencode,
  roo,
  windsurf,
} from '@agentc/targets'
import { describe, expect, it } from 'vitest'
import { roundTrip, withoutSource } from './helpers'

const doc = (fields: Partial<AgentDocument> = {}): AgentDocument => ({
  irVersion: 1,
  name: 'a',
  extensions: {},
  body: { text: '' },
  ...fields,
})

const rules = (...list: PermissionRule[]) => ({ permissions: list })
const codes = (target: Target, d: AgentDocument) =>
  emitDocument(target, d).diagnostics.map((x) => `${x.code} ${x.field}`)

describe('OpenCode', () => {
  it('writes the effort under a free spelling when an option keeps `reasoningEffort`', () => {
    const { file, parsed } = roundTrip(
      opencode,
      doc({ effort: 'minimal', extensions: { opencode: { reasoningEffort: 'turbo' } } }),
    )
    expect(file.contents).toBe('---\nreasoning_effort: minimal\nreasoningEffort: turbo\n---\n')
    expect(parsed.effort).toBe('minimal')
    expect(parsed.extensions).toEqual({ opencode: { reasoningEffort: 'turbo' } })
  })

  it('keeps options in file order, so that re-emitting gives the same bytes', () => {
    const d = doc({ extensions: { opencode: { reasoning_effort: 'turbo', reasoningEffort: 'turbo' } } })
    const { file, parsed } = roundTrip(opencode, d)
    expect(emitDocument(opencode, withoutSource(parsed)).value?.[0]?.contents).toBe(file.contents)
  })

  it('keeps a tool rule after a rule for every tool in its place', () => {
    const d = doc(
      rules(
        { tool: 'read', decision: 'allow' },
        { tool: '*', decision: 'allow' },
        { tool: 'read', decision: 'deny' },
      ),
    )
    const { file, parsed } = roundTrip(opencode, d)
    expect(file.contents).toBe('---\npermission:\n  "*": allow\n  read: deny\n---\n')
    expect(normalize(parsed).tools).toEqual({ deny: ['read'] })
  })

  it('drops the rules a later rule for every tool overrides', () => {
    const d = doc(
      rules(
        { tool: 'edit', decision: 'allow' },
        { tool: '*', decision: 'ask' },
        { tool: 'edit', pattern: 'src/**', decision: 'allow' },
      ),
    )
    const { file, emitDiagnostics } = roundTrip(opencode, d)
    expect(file.contents).toBe('---\npermission:\n  "*": ask\n  edit:\n    src/**: allow\n---\n')
    expect(emitDiagnostics).toEqual([])
    expect(
      codes(opencode, doc(rules({ tool: 'notebook', decision: 'allow' }, { tool: '*', decision: 'allow' }))),
    ).toEqual([])
  })

  it('reports a rule that can no longer follow a rule of an overlapping tool', () => {
    const d = doc(
      rules(
        { tool: 'edit', decision: 'allow' },
        { tool: 'write', decision: 'deny' },
        { tool: 'edit', pattern: 'src/**', decision: 'allow' },
      ),
    )
    expect(codes(opencode, d)).toEqual(['AGC202 permissions'])
  })

  it('writes a tool-wide rule (or a `*` pattern) as a plain decision', () => {
    const a = roundTrip(
      opencode,
      doc(rules({ tool: 'read', pattern: '.env', decision: 'allow' }, { tool: 'read', decision: 'allow' })),
    )
    expect(a.file.contents).toBe('---\npermission:\n  read: allow\n---\n')
    const b = roundTrip(
      opencode,
      doc(rules({ tool: 'bash', pattern: '*', decision: 'allow' }, { tool: 'task', decision: 'allow' })),
    )
    expect(b.file.contents).toBe('---\npermission:\n  bash: allow\n  task: allow\n---\n')
    const c = roundTrip(
      opencode,
      doc(rules({ tool: '*', decision: 'allow' }, { tool: 'notebook', decision: 'allow' })),
    )
    expect(c.file.contents).toBe('---\npermission: allow\n---\n')
  })

  it('writes write where edit sorts, and nothing for empty maps', () => {
    expect(roundTrip(opencode, doc({ tools: { allow: ['read', 'write'] } })).file.contents).toBe(
      '---\ntools:\n  "*": false\n  edit: true\n  read: true\n---\n',
    )
    expect(roundTrip(opencode, doc({ tools: { deny: ['notebook'] } })).file.contents).toBe('---\n---\n')
    expect(roundTrip(opencode, doc(rules({ tool: 'notebook', decision: 'allow' }))).file.contents).toBe(
      '---\n---\n',
    )
  })

  it('reads back a name below an `agent` folder', () => {
    const { file, parsed, emitDiagnostics } = roundTrip(opencode, doc({ name: 'agent/0' }))
    expect(file.path).toBe('.opencode/agents/agent/0.md')
    expect(parsed.name).toBe('agent/0')
    expect(emitDiagnostics).toEqual([])
  })
})

describe('Claude Code', () => {
  it('reports a pattern rule no Claude form can hold, even without settings', () => {
    const d = doc(rules({ tool: 'webfetch', pattern: 'https://example.com/*', decision: 'allow' }))
    expect(codes(claude, { ...d, description: 'x' })).toEqual(['AGC202 permissions'])
  })

  it('does not disallow Write when a later edit rule allows writes', () => {
    const later = roundTrip(
      claude,
      doc({
        description: 'x',
        ...rules(
          { tool: 'write', decision: 'allow' },
          { tool: '*', decision: 'deny' },
          { tool: 'edit', decision: 'allow' },
        ),
      }),
    )
    expect(later.parsed.tools?.deny ?? []).not.toContain('write')
    const patterned = roundTrip(
      claude,
      doc({
        description: 'x',
        ...rules({ tool: 'write', decision: 'deny' }, { tool: 'edit', pattern: 'src/**', decision: 'allow' }),
      }),
    )
    expect(patterned.parsed.tools?.deny ?? []).not.toContain('write')
  })
})

describe('Cursor', () => {
  it('writes boolean and empty options so that they read back as they were', () => {
    const { file, parsed } = roundTrip(cursor, doc({ extensions: { cursor: { glob: false, x_note: '' } } }))
    expect(file.contents).toContain('glob: false\nx_note: ""\n')
    expect(parsed.extensions).toEqual({ cursor: { glob: false, x_note: '' } })
  })

  it('reads a header value containing U+2028', () => {
    const { parsed } = roundTrip(cursor, doc({ description: '\u2028!' }))
    expect(parsed.description).toBe('\u2028!')
    expect(parsed.activation).toEqual({ kind: 'model-decision' })
  })

  it('names a nested rule by its path below .cursor/rules', () => {
    const { file, parsed } = roundTrip(cursor, doc({ name: 'a/A' }))
    expect(file.path).toBe('.cursor/rules/a/A.mdc')
    expect(parsed.name).toBe('a/A')
    const rule = parseFile(cursor, { path: '.cursor/rules/team/sql/RULE.md', text: 'x\n' })
    expect(rule.value?.[0]?.name).toBe('team/sql')
  })
})

describe('normalize', () => {
  it('folds a final denial only when no later edit rule decides write calls', () => {
    expect(
      normalize(doc(rules({ tool: 'write', decision: 'deny' }, { tool: 'edit', decision: 'allow' }))),
    ).toMatchObject({
      permissions: [
        { tool: 'write', decision: 'deny' },
        { tool: 'edit', decision: 'allow' },
      ],
    })
    const editThenWrite = normalize(
      doc(rules({ tool: 'edit', decision: 'deny' }, { tool: 'write', decision: 'allow' })),
    )
    expect(editThenWrite.tools?.deny ?? []).not.toContain('write')
    expect(normalize(doc(rules({ tool: 'edit', decision: 'deny' }))).tools).toEqual({
      deny: ['edit', 'write'],
    })
  })
})

/** Counterexamples of the fuzz campaign (test/fuzz). */
describe('hostile input (fuzz)', () => {
  const read = (target: Target, path: string, text: string) => parseFile(target, { path, text })
  const errors = (r: { diagnostics: readonly { severity: string; code: string }[] }) =>
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)

  it('positions the error about a missing required key at the mode', () => {
    const r = read(roo, 'custom_modes.yaml', 'customModes:\n  - slug: fuzz')
    const missing = r.diagnostics.filter((d) => d.code === 'AGC101')
    expect(missing.length).toBeGreaterThan(0)
    for (const d of missing) expect(d.line).toBe(2)
  })

  it('reads a Cursor glob list with an alias or too deep to parse as text', () => {
    const alias = read(cursor, '.cursor/rules/a.mdc', '---\nglobs: [*.md, "x"]\n---\n')
    expect(alias.diagnostics.map((d) => d.code)).not.toContain('AGC901')
    expect(alias.value?.[0]?.activation).toEqual({ kind: 'globs', globs: ['[*.md', '"x"]'] })
    const deep = read(
      cursor,
      '.cursor/rules/a.mdc',
      `---\nglobs: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`,
    )
    expect(deep.diagnostics.map((d) => d.code)).not.toContain('AGC901')
  })

  it('does not find Object.prototype in lookup tables', () => {
    const trigger = read(windsurf, '.windsurf/rules/a.md', '---\ntrigger: constructor\n---\n')
    expect(trigger.value?.[0]?.activation).toEqual({ kind: 'manual' })
    const type = read(augment, '.augment/rules/a.md', '---\ntype: __proto__\n---\n')
    expect(type.value?.[0]?.activation).toEqual({ kind: 'always' })
    const tools = read(
      claude,
      '.claude/agents/a.md',
      '---\nname: a\ndescription: d\ndisallowedTools: __proto__\n---\n',
    )
    expect(tools.value?.[0]?.tools).toEqual({ deny: ['claude:__proto__'] })
    for (const target of builtinTargets) {
      for (const value of ['constructor', 'hasOwnProperty', '__proto__']) {
        const r = emitDocument(
          target,
          doc({ color: value, model: { written: value, id: value, provider: 'anthropic' } }),
        )
        expect(
          r.diagnostics.map((d) => d.code),
          `${target.id} ${value}`,
        ).not.toContain('AGC901')
      }
    }
  })

  it('keeps a permission pattern named __proto__ as a pattern', () => {
    const d = doc(rules({ tool: 'bash', pattern: '__proto__', decision: 'deny' }))
    for (const target of [opencode, kilo]) {
      const r = emitDocument(target, d)
      expect(r.diagnostics.map((x) => x.code)).not.toContain('AGC901')
      expect(r.value?.[0]?.contents).toContain('__proto__: deny')
    }
  })

  it('names a document whose name is empty after its file, and one in a file named `.md`', () => {
    const cases: [Target, string][] = [
      [opencode, '.opencode/agents/x.md'],
      [claude, '.claude/agents/x.md'],
      [copilot, '.github/agents/x.md'],
      [kiro, '.kiro/agents/x.md'],
      [kilo, '.kilo/agents/x.md'],
      [kiroSteering, '.kiro/steering/x.md'],
    ]
    for (const [target, path] of cases) {
      expect(read(target, path, '---\nname: ""\ndescription: d\n---\n').value?.[0]?.name, target.id).toBe('x')
      const dotMd = read(target, path.replace('x.md', '.md'), '---\ndescription: d\n---\n')
      expect(dotMd.value?.[0]?.name, target.id).not.toBe('')
    }
    expect(read(cursor, '.cursor/rules/.mdc', 'x\n').value?.[0]?.name).toBe('.mdc')
  })

  it('positions Gemini CLI errors about remote agents and unknown keys', () => {
    const remote = read(gemini, '.gemini/agents/a.md', '---\n# comment\nauth: "apiKey"\n---\n')
    const unknown = read(gemini, '.gemini/agents/a.md', '---\nname: a\ndescription: d\nnull: false\n---\n')
    for (const r of [remote, unknown]) {
      expect(errors(r).length).toBeGreaterThan(0)
      for (const d of r.diagnostics.filter((x) => x.severity === 'error'))
        expect(d.line, d.message).toBeDefined()
    }
  })

  it('refuses a Codex file nested too deep with dotted keys, and writes lone surrogates as U+FFFD', () => {
    const header = `[${Array.from({ length: 4000 }, (_, i) => `t${i}`).join('.')}]\nx = 1\n`
    expect(errors(read(codex, '.codex/agents/a.toml', header))).toEqual(['AGC007'])
    const out = emitDocument(codex, doc({ description: 'a\ud800b', body: { text: 'x' } })).value?.[0]
    expect(out?.contents).toContain('description = "a\ufffdb"')
    expect(errors(read(codex, out!.path, out!.contents))).toEqual([])
  })

  it('keeps an AGENTS.md region readable whatever the name, globs and body hold', () => {
    const d = doc({
      name: '\r\nRead',
      description: 'a\rb',
      activation: { kind: 'globs', globs: ['a\r\nb'] },
      body: { text: 'before\n<!-- agentc:end -->\n  <!-- agentc:end-agent -->\nafter\n' },
    })
    const r = emitDocument(agentsMd, d)
    const text = r.value![0]!.contents
    expect(text).not.toContain('\r')
    expect(r.diagnostics.map((x) => `${x.code} ${x.field}`)).toContain('AGC202 body')
    const back = read(agentsMd, 'AGENTS.md', text)
    expect(errors(back)).toEqual([])
    expect(back.value?.[0]?.name).toBe('\r\nRead')
    expect(back.value?.[0]?.activation).toEqual({ kind: 'globs', globs: ['a\r\nb'] })
  })

  it('writes Cursor header values on one line, control characters escaped', () => {
    const r = emitDocument(
      cursor,
      doc({
        description: 'a\u0007b',
        activation: { kind: 'globs', globs: ['a\rb'] },
        extensions: { cursor: { x: Object.create(null) } },
      }),
    )
    const text = r.value![0]!.contents
    expect(text).not.toContain('\r')
    expect(text).toContain('description: "a\\u0007b"')
    expect(r.diagnostics.map((x) => `${x.code} ${x.field}`)).toContain('AGC202 activation.globs')
    expect(read(cursor, '.cursor/rules/a.mdc', text).value?.[0]?.description).toBe('a\u0007b')
  })

  it('leaves out a Cursor extension key that is not a header key', () => {
    const r = emitDocument(cursor, doc({ extensions: { cursor: { 'a\rb': 1, ok: 2 } } }))
    expect(r.value?.[0]?.contents).toBe('---\ndescription:\nglobs:\nalwaysApply: false\nok: 2\n---\n')
    expect(r.diagnostics.map((x) => `${x.code} ${x.field}`)).toContain('AGC201 extensions.cursor.a\rb')
  })

  it('refuses a Roo Code mode made circular by a recursive alias', () => {
    const text =
      'customModes:\n  - &m\n    slug: a\n    name: A\n    roleDefinition: r\n    groups: []\n    x: *m\n'
    const r = read(roo, '.roomodes', text)
    expect(errors(r)).toEqual(['AGC002'])
  })

  it('leaves out an OpenCode top_p outside 0–1 and a blank model, which OpenCode refuses', () => {
    const r = emitDocument(opencode, doc({ sampling: { topP: 7 }, model: { written: '', id: '' } }))
    expect(r.value?.[0]?.contents).toBe('---\n---\n')
    expect(r.diagnostics.map((x) => `${x.code} ${x.field}`)).toEqual(['AGC204 model', 'AGC201 sampling.topP'])
  })
})
