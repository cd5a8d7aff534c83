import { type AgentDocument, emitDocument, IR_VERSION, parseFile, resolveOutputs } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { removeSection, type SectionUpsert, upsertSection, upsertSections } from './emit'
import { agentsMd } from './index'

const doc = (name: string, body = `Instructions of ${name}.\n`): AgentDocument => ({
  irVersion: IR_VERSION,
  name,
  description: `When to use ${name}`,
  body: { text: body },
  extensions: {},
})

/** Builds several agents into an existing AGENTS.md the way the CLI does. */
function build(existing: string | undefined, ...docs: AgentDocument[]) {
  const outputs = docs.flatMap((d) => emitDocument(agentsMd, d).value ?? [])
  return resolveOutputs(outputs, () => existing)
}

const HUMAN = '# Project rules\n\nUse pnpm. Never commit secrets.\n'

describe('AGENTS.md sections', () => {
  it('adds a region after hand-written text and keeps that text byte for byte', () => {
    const result = build(HUMAN, doc('reviewer'), doc('builder'))
    const text = result.value![0]!.contents
    expect(text.startsWith(`${HUMAN}\n<!-- agentc:begin -->\n`)).toBe(true)
    expect(text.indexOf('name="builder"')).toBeLessThan(text.indexOf('name="reviewer"'))
    expect(text).toContain('> When to use reviewer\n\nInstructions of reviewer.\n<!-- agentc:end-agent -->')
  })

  it('gives the same file whatever order the agents are built in, and is idempotent', () => {
    const a = build(HUMAN, doc('a'), doc('b'), doc('c')).value![0]!.contents
    const b = build(HUMAN, doc('c'), doc('a'), doc('b')).value![0]!.contents
    expect(b).toBe(a)
    expect(build(a, doc('b'), doc('a'), doc('c')).value![0]!.contents).toBe(a)
  })

  it('replaces a changed section and leaves the text around the region alone', () => {
    const before = `${build(HUMAN, doc('a'), doc('b')).value![0]!.contents}\n## Notes\n\nWritten by hand after the region.\n`
    const after = build(before, doc('a', 'New instructions.\n')).value![0]!.contents
    expect(after).toContain('New instructions.\n')
    expect(after).not.toContain('Instructions of a.')
    expect(after).toContain('Instructions of b.')
    expect(after.endsWith('\n## Notes\n\nWritten by hand after the region.\n')).toBe(true)
    expect(after.startsWith(HUMAN)).toBe(true)
  })

  it('keeps CRLF line endings of an existing file', () => {
    const text = build(HUMAN.replace(/\n/g, '\r\n'), doc('a')).value![0]!.contents
    expect(text).not.toMatch(/[^\r]\n/)
  })

  it('refuses to merge into a file whose region is broken', () => {
    const result = build(`${HUMAN}<!-- agentc:begin -->\nno end\n`, doc('a'))
    expect(result.value).toBeUndefined()
    expect(result.diagnostics).toMatchObject([{ code: 'AGC305', line: 4 }])
  })

  it('reads its sections back, and a hand-written AGENTS.md as one always-on document', () => {
    const text = build(HUMAN, doc('a'), doc('b', '\n# Heading\n\n> a quote in the body\n')).value![0]!
      .contents
    const parsed = parseFile(agentsMd, { path: 'AGENTS.md', text }).value!
    expect(parsed.map((d) => [d.name, d.description, d.body.text])).toEqual([
      ['a', 'When to use a', 'Instructions of a.\n'],
      ['b', 'When to use b', '\n# Heading\n\n> a quote in the body\n'],
    ])
    const human = parseFile(agentsMd, { path: 'docs/AGENTS.md', text: HUMAN }).value!
    expect(human).toMatchObject([{ name: 'docs', activation: { kind: 'always' }, body: { text: HUMAN } }])
    expect(emitDocument(agentsMd, human[0]!).value![0]!.contents).toBe(HUMAN)
  })
})

describe('removeSection', () => {
  const human = '# House rules\r\n\r\nUse tabs.\n'
  const withSections = (...names: string[]) => {
    let text = human
    for (const name of names) {
      const result = upsertSection(
        text,
        name,
        `<!-- agentc:agent name="${name}" -->\n## ${name}\n\nBody of ${name}.\n<!-- agentc:end-agent -->\n`,
      )
      if (!result.ok) throw new Error(result.message)
      text = result.contents
    }
    return text
  }
  it('is the inverse of upsertSection, for any section of the region', () => {
    for (const remove of ['a', 'b', 'c']) {
      const all = withSections('a', 'b', 'c')
      const others = ['a', 'b', 'c'].filter((n) => n !== remove)
      expect(removeSection(all, remove)).toEqual({ ok: true, contents: withSections(...others) })
    }
  })
  it('removes the whole region (and the blank line before it) with the last section', () => {
    expect(removeSection(withSections('a'), 'a')).toEqual({ ok: true, contents: human })
  })
  it('leaves a file without the section as it is, and refuses a broken region', () => {
    expect(removeSection(withSections('a'), 'zz')).toEqual({ ok: true, contents: withSections('a') })
    expect(removeSection(human, 'a')).toEqual({ ok: true, contents: human })
    expect(removeSection('<!-- agentc:begin -->\n', 'a')).toMatchObject({ ok: false, line: 1 })
  })
})

describe('upsertSections', () => {
  const section = (name: string, body = `Body of ${name}.`) =>
    `<!-- agentc:agent name="${name}" -->\n## ${name}\n\n${body}\n<!-- agentc:end-agent -->\n`
  const fold = (text: string, parts: readonly SectionUpsert[]) => {
    for (const p of parts) {
      const result = upsertSection(text, p.name, p.section)
      if (!result.ok) return result
      text = result.contents
    }
    return { ok: true, contents: text }
  }
  const parts = ['m', 'c', 'x', 'a', 'q', 'b', 'z', 'y'].map((name) => ({ name, section: section(name) }))
  // A region written by hand: sections out of order, one without a name, text between them.
  const REGION =
    '<!-- agentc:begin -->\n\n<!-- agentc:agent name="p" -->\np\n<!-- agentc:end-agent -->\nnotes\n\n<!-- agentc:agent -->\nnameless\n<!-- agentc:end-agent -->\n<!-- agentc:agent name="d" -->\nd\n<!-- agentc:end-agent -->\n<!-- agentc:agent name="x" -->\nold x\n<!-- agentc:end-agent -->\n\n<!-- agentc:end -->\n'

  for (const [what, text] of [
    ['no file content', ''],
    ['hand-written text', HUMAN],
    ['CRLF text without a final line break', HUMAN.replace(/\n/g, '\r\n').trimEnd()],
    ['an empty region', '<!-- agentc:begin -->\n<!-- agentc:end -->\n'],
    ['a hand-edited region', `${HUMAN}\n${REGION}after\n`],
    ['a hand-edited CRLF region with a BOM', `\ufeff${REGION.replace(/\n/g, '\r\n')}`],
  ] as const) {
    it(`${what}: the same bytes as one section after the other`, () => {
      expect(upsertSections(text, parts)).toEqual(fold(text, parts))
      expect(upsertSections(text, [...parts].reverse())).toEqual(fold(text, [...parts].reverse()))
    })
  }

  it('a broken region: the same failure', () => {
    const broken = `${HUMAN}<!-- agentc:begin -->\nno end\n`
    expect(upsertSections(broken, parts)).toEqual(fold(broken, parts))
    expect(upsertSections(broken, parts)).toMatchObject({ ok: false, line: 4 })
  })

  it('a section whose body reads as a marker: the same bytes (merged one by one)', () => {
    const odd = [...parts, { name: 'odd', section: section('odd', '<!-- agentc:end -->') }]
    expect(upsertSections(REGION, odd)).toEqual(fold(REGION, odd))
  })
})
