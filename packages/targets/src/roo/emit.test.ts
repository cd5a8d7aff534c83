import { type AgentDocument, emitDocument, IR_VERSION, parseFile, resolveOutputs } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { roo } from './index'

const base: AgentDocument = {
  irVersion: IR_VERSION,
  name: 'reviewer',
  description: 'Reviews diffs',
  body: { text: 'You review diffs.\n' },
  extensions: {},
}

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(roo, { ...base, ...doc })
  const file = result.value?.[0]
  return {
    file,
    text: file?.contents ?? '',
    codes: result.diagnostics.map((d) => `${d.code} ${d.message}`),
  }
}

const EXISTING = `# Team modes — edit with care
customModes:
  - slug: translate
    name: 🌐 Translate
    roleDefinition: >-
      You translate.
    groups:
      - read # reading is enough
  - slug: reviewer
    name: Old reviewer
    roleDefinition: Old.
    groups: [read]
`

describe('emitRoo', () => {
  it('writes a new file with just this mode', () => {
    const { file, text } = emit({
      tools: { allow: ['read', 'grep', 'glob', 'list', 'question', 'skill', 'task', 'todowrite'] },
    })
    expect(file?.path).toBe('.roomodes')
    expect(text).toBe(
      'customModes:\n  - slug: reviewer\n    name: reviewer\n    roleDefinition: You review diffs.\n    whenToUse: Reviews diffs\n    groups:\n      - read\n',
    )
  })

  it('turns deny-then-allow edit rules into fileRegex, and says approvals are global in Roo', () => {
    const { text, codes } = emit({
      permissions: [
        { tool: 'edit', decision: 'deny' },
        { tool: 'edit', pattern: '*.md', decision: 'ask' },
        { tool: 'edit', pattern: 'docs/*', decision: 'allow' },
      ],
    })
    expect(text).toContain('      - - edit\n        - fileRegex: \\.md$|^docs/\n')
    expect(codes).toContainEqual(
      expect.stringMatching(/^AGC202 Roo Code decides whether edits need approval/),
    )
  })

  it('leaves out a whole group when one of its tools is denied (the safe side), and says so', () => {
    const { text, codes } = emit({ tools: { deny: ['grep'] } })
    expect(text).not.toContain('- read')
    expect(codes).toContainEqual(
      expect.stringMatching(/the whole group is left out and the mode cannot use read, list and glob/),
    )
  })

  it('leaves out tools whose rules deny every call but some patterns', () => {
    const { text, codes } = emit({
      permissions: [
        { tool: 'bash', decision: 'deny' },
        { tool: 'bash', pattern: 'git *', decision: 'allow' },
      ],
    })
    expect(text).not.toContain('- command')
    expect(codes).toContainEqual(
      expect.stringMatching(/^AGC201 The bash permission rules deny every call but some patterns/),
    )
  })

  it('sanitises names into slugs and escapes the characters Roo would rewrite', () => {
    const { text, codes } = emit({ name: 'Code Review/Team', description: 'Reviews — “carefully”' })
    expect(text).toContain('slug: Code-Review-Team\n')
    expect(text).toContain('whenToUse: "Reviews \\u2014 \\u201Ccarefully\\u201D"\n')
    expect(codes).toContainEqual(expect.stringMatching(/^AGC207 /))
    const [doc] = parseFile(roo, { path: '.roomodes', text }).value ?? []
    expect(doc?.description).toBe('Reviews — “carefully”')
  })

  it('replaces its own mode in an existing file and keeps every other byte', () => {
    const { file } = emit({
      tools: { allow: ['read', 'grep', 'glob', 'list', 'question', 'skill', 'task', 'todowrite'] },
    })
    const merged = file!.merge!(EXISTING)
    expect(merged).toEqual({
      ok: true,
      contents: EXISTING.replace(
        '  - slug: reviewer\n    name: Old reviewer\n    roleDefinition: Old.\n    groups: [read]\n',
        '  - slug: reviewer\n    name: reviewer\n    roleDefinition: You review diffs.\n    whenToUse: Reviews diffs\n    groups:\n      - read\n',
      ),
    })
    // Merging again changes nothing; a mode that already means the same is left as written.
    expect(file!.merge!((merged as { contents: string }).contents)).toEqual(merged)
  })

  it('appends a new mode after the others, in the file’s own layout and line endings', () => {
    const { file } = emit({
      name: 'docs',
      tools: { allow: ['read', 'grep', 'glob', 'list', 'question', 'skill', 'task', 'todowrite'] },
    })
    const crlf = EXISTING.replace(/\n/g, '\r\n')
    const merged = file!.merge!(crlf)
    expect(merged.ok && merged.contents.startsWith(crlf.slice(0, -2))).toBe(true)
    expect(
      merged.ok &&
        merged.contents.endsWith(
          'groups: [read]\r\n  - slug: docs\r\n    name: docs\r\n    roleDefinition: You review diffs.\r\n    whenToUse: Reviews diffs\r\n    groups:\r\n      - read\r\n',
        ),
    ).toBe(true)
  })

  it('edits a JSON .roomodes as JSON', () => {
    const { file } = emit({ tools: { allow: ['bash', 'question', 'skill', 'task', 'todowrite'] } })
    const json =
      '{\n  "customModes": [\n    { "slug": "other", "name": "O", "roleDefinition": "R", "groups": [] }\n  ]\n}\n'
    const merged = file!.merge!(json)
    expect(merged.ok).toBe(true)
    const contents = (merged as { contents: string }).contents
    expect(JSON.parse(contents).customModes.map((m: { slug: string }) => m.slug)).toEqual([
      'other',
      'reviewer',
    ])
    expect(
      contents.startsWith(
        '{\n  "customModes": [\n    { "slug": "other", "name": "O", "roleDefinition": "R", "groups": [] },',
      ),
    ).toBe(true)
  })

  it('adds the list to a file that has none, or fills an empty one', () => {
    const { file } = emit({ tools: { allow: ['bash', 'question', 'skill', 'task', 'todowrite'] } })
    const mode =
      '  - slug: reviewer\n    name: reviewer\n    roleDefinition: You review diffs.\n    whenToUse: Reviews diffs\n    groups:\n      - command\n'
    expect(file!.merge!('# modes\n')).toEqual({ ok: true, contents: `# modes\ncustomModes:\n${mode}` })
    expect(file!.merge!('customModes: [] # none yet\n')).toEqual({
      ok: true,
      contents: `customModes:\n${mode.replace(/\n$/, '')} # none yet\n`,
    })
    expect(file!.merge!('customModes:\n')).toEqual({ ok: true, contents: `customModes:\n${mode}` })
  })

  it('refuses to merge into a file that is not valid YAML or JSON, or a single mode of another slug', () => {
    const { file } = emit({})
    expect(file!.merge!('customModes:\n  - slug: [\n')).toMatchObject({ ok: false, line: 3 })
    expect(file!.merge!('slug: other\nname: O\nroleDefinition: R\ngroups: []\n')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/single mode without a `customModes` list/),
    })
  })

  it('folds several modes into one file, as the CLI does', () => {
    const a = emitDocument(roo, { ...base, name: 'a' }).value ?? []
    const b = emitDocument(roo, { ...base, name: 'b' }).value ?? []
    const resolved = resolveOutputs([...a, ...b], () => undefined)
    const [file] = resolved.value ?? []
    expect(parseFile(roo, { path: '.roomodes', text: file!.contents }).value?.map((d) => d.name)).toEqual([
      'a',
      'b',
    ])
  })

  it('writes a mode read from a Roo file back unchanged, with the rest of that file', () => {
    const [, doc] = parseFile(roo, { path: '.roomodes', text: EXISTING }).value ?? []
    const result = emitDocument(roo, doc!)
    expect(result.value?.[0]?.contents).toBe(EXISTING)
    expect(result.value?.[0]?.merge?.(EXISTING)).toEqual({ ok: true, contents: EXISTING })
  })
})
