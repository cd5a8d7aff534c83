/**
 * Outputs merged into one shared file in one pass (`mergeAll`: Roo's `.roomodes`, AGENTS.md)
 * must give exactly what merging them one after the other gives: the same bytes, or the same
 * diagnostic at the same line and column. Checked on random agents and random existing files,
 * well-formed and not (hand-written shapes, earlier builds, random damage: quotes, brackets,
 * comments, anchors, line endings, markers).
 */
import {
  type AgentDocument,
  type Diagnostic,
  emitDocument,
  type OutputFile,
  parseFile,
  resolveOutputs,
  type Target,
} from '@agentc/core'
import { agentsMd, roo } from '@agentc/targets'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { upsertSection, upsertSections } from '../../packages/targets/src/agents-md/emit'
import { modePart } from '../../packages/targets/src/roo/emit'
import { type ModeUpsert, mergeRun } from '../../packages/targets/src/roo/merge'
import { arbAgentDocument, configureProperties } from './arbitraries'

/** How many parts (from the first) one pass merges: 0 when it does not apply. */
function oneRun(...args: Parameters<typeof mergeRun>): number {
  const run = mergeRun(...args)
  return typeof run === 'object' ? run.next : 0
}

configureProperties()

type Output = OutputFile & { readonly origin?: string }

/** The outputs of `docs` for a target, one per key (the first), as the CLI would merge them. */
function outputsOf(target: Target, docs: readonly AgentDocument[]): Output[] {
  const seen = new Set<string>()
  const out: Output[] = []
  docs.forEach((doc, i) => {
    for (const file of emitDocument(target, doc).value ?? []) {
      if (file.key === undefined || seen.has(file.key)) continue
      seen.add(file.key)
      out.push({ ...file, origin: `agent-${i}.md` })
    }
  })
  return out
}

/** resolveOutputs' result without the stack traces of AGC901 notes (they name the call path). */
function resolved(outputs: readonly Output[], existing: string | undefined) {
  const result = resolveOutputs(outputs, () => existing)
  return {
    value: result.value,
    diagnostics: result.diagnostics.map((d: Diagnostic) => ({ ...d, note: undefined })),
  }
}

/** Merges in one pass and one by one (the same outputs without `mergeAll`); both must agree. */
function expectSameAsFold(outputs: readonly Output[], existing: string | undefined): void {
  const sequential = outputs.map(({ mergeAll: _mergeAll, ...rest }) => rest)
  expect(resolved(outputs, existing)).toEqual(resolved(sequential, existing))
}

/** Text that makes the guards, the parsers and the region markers work. */
const NASTY = [
  '"',
  "'",
  " '",
  '[',
  ']',
  '{',
  '}',
  ' #',
  '#',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '   ',
  '\t',
  ':',
  '- ',
  '? ',
  '&a ',
  '*a',
  '|',
  '>',
  '\u201c',
  '\u00a0',
  '\ufeff',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  'customModes:',
  'slug: x',
  '\n  - slug: dup\n    name: Dup\n    roleDefinition: r\n    groups: []',
  `\n${'['.repeat(40)}`,
  `${'['.repeat(70)}`,
  '<!-- agentc:begin -->',
  '<!-- agentc:end -->',
  '<!-- agentc:end-agent -->',
  '<!-- agentc:agent name="x" -->',
  '\n<!-- agentc:agent name="zz" -->\n## zz\n\nhand\n<!-- agentc:end-agent -->\n',
]

/** Random damage: snippets inserted and ranges deleted at random places. */
const arbDamage = fc.array(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...NASTY), fc.nat({ max: 3 })),
  { maxLength: 3 },
)

function damage(text: string, edits: readonly (readonly [number, string, number])[]): string {
  for (const [where, insert, remove] of edits) {
    const at = Math.floor(where * text.length)
    text = text.slice(0, at) + insert + text.slice(at + remove)
  }
  return text
}

/** A value once in `n` draws, else undefined. */
function sometimes<T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb })
}

/** An agent, sometimes with a body that leaves a quote or brackets open, or Roo-specific keys. */
const arbAgent = fc
  .tuple(
    arbAgentDocument(),
    sometimes(fc.constantFrom(...NASTY), 4),
    sometimes(
      fc.constantFrom<Record<string, unknown>>(
        { customInstructions: 'Also this.' },
        { source: 'project' },
        { slug: 'other' },
        { groups: 'nonsense' },
        { name: 'Display “name”' },
        { whenToUse: 'x' },
      ),
      8,
    ),
  )
  .map(([doc, extra, own]) => ({
    ...doc,
    body: { text: extra ? `${doc.body.text}${extra}more\n` : doc.body.text },
    extensions: own ? { ...doc.extensions, roo: own } : doc.extensions,
  }))

/** Names that sort and collide in interesting ways (AGENTS.md inserts sections by name). */
const arbNamedAgents = fc
  .array(
    fc.tuple(
      arbAgent,
      fc.constantFrom('a', 'b', 'c', 'm', 'n', 'x', 'z', 'ab', 'ba', 'mm', 'zz', 'q-1', 'q-2'),
    ),
    { maxLength: 8 },
  )
  .map((list) => list.map(([doc, name]) => ({ ...doc, name })))

/** A body change, so that an agent already in the file is written again. */
const changed = (doc: AgentDocument): AgentDocument => ({
  ...doc,
  body: { text: `${doc.body.text}Changed.\n` },
})

const JSON_ROO =
  '{\n  // hand-written\n  "customModes": [\n    { "slug": "mine", "name": "Mine", "roleDefinition": "Mine.", "groups": ["read"] }\n  ]\n}\n'
const JSON_ROO_PLAIN = JSON_ROO.replace('  // hand-written\n', '')

const HAND_ROO = [
  '',
  '\n',
  '# just a comment\n',
  'customModes: []\n',
  'customModes:\n',
  'customModes: ~\n',
  'customModes:\n  - slug: mine\n    name: Mine # hand-written\n    roleDefinition: Mine.\n    groups: [read]\n',
  'customModes:\n- slug: mine\n  name: Mine\n  roleDefinition: |\n    Mine.\n  groups:\n  - read\nother: 1\n',
  '# modes\ncustomModes:\n    -   slug: mine\n        name: Mine\n        roleDefinition: Mine.\n        groups: []\n\n# trailing\n',
  'customModes:\n  - slug: mine\n    name: Mine\n    roleDefinition: &r Mine.\n    groups: []\n  - slug: yours\n    name: Yours\n    roleDefinition: *r\n    groups: []\n',
  'customModes:\n  - {slug: mine, name: Mine, roleDefinition: Mine., groups: []}\n',
  'customModes: [{slug: mine, name: Mine, roleDefinition: Mine., groups: []}]\n',
  'slug: mine\nname: Mine\nroleDefinition: Mine.\ngroups: []\n',
  '{\n  "customModes": [\n    { "slug": "mine", "name": "Mine", "roleDefinition": "Mine.", "groups": ["read"] }\n  ]\n}\n',
  '{ "customModes": [] }',
  JSON_ROO,
  JSON_ROO_PLAIN,
  JSON_ROO_PLAIN.replace(/\n/g, '\r\n'),
  '{\n\t"customModes": [\n\t\t{ "slug": "mine", "name": "Mine", "roleDefinition": "Mine.", "groups": ["read"] },\n\t],\n}',
  'customModes:\n  - slug: mine\n    name: “Mine”\n    roleDefinition: Mine.\n    groups: []\n',
  'customModes:\n  - slug: mine\n    name: Mine\n    roleDefinition: say "hi\n    groups: []\n',
  'customModes:\n  - slug: mine\n    name: Mine\n    roleDefinition: |\n      say "hi\n    groups: []\n  - slug: two\n    name: Two\n    roleDefinition: "\n    groups: []\n',
  'customModes:\n  - slug: mine\n    name: Mine\n    roleDefinition: Mine.\n    groups: []\n  - slug: mine\n    name: Again\n    roleDefinition: Again.\n    groups: []\n',
  'customModes:\n  - slug: mine\n    roleDefinition: no name\n    groups: []\n',
]

describe('Roo Code: modes merged into one modes file in one pass', () => {
  const arbCase = fc.record({
    agents: fc.array(arbAgent, { maxLength: 8 }),
    /** How the file there came to be: absent, written by hand, or by an earlier build. */
    start: fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(...HAND_ROO),
      fc.record({
        earlier: fc.array(fc.nat({ max: 7 }), { maxLength: 8 }),
        change: fc.boolean(),
        /** Start from a JSON file (the modes are then added as JSON). */
        json: fc.boolean(),
      }),
    ),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    /** Re-emit some agents from the file itself (Roo to Roo: unchanged modes keep their bytes). */
    reparse: fc.boolean(),
    damage: sometimes(arbDamage, 2),
  })

  it('gives what folding upsertMode gives, byte for byte and diagnostic for diagnostic', () => {
    let batched = 0
    let eligible = 0
    fc.assert(
      fc.property(arbCase, (c) => {
        let existing: string | undefined
        if (typeof c.start === 'string') existing = c.start
        else if (c.start) {
          // An earlier build of some of these agents (some changed since), merged the slow way.
          const { earlier, change, json } = c.start
          const docs = earlier.flatMap((i) =>
            c.agents[i] ? [change && i % 2 ? changed(c.agents[i]) : c.agents[i]] : [],
          )
          const sequential = outputsOf(roo, docs).map(({ mergeAll: _m, ...rest }) => rest)
          existing =
            resolveOutputs(sequential, () => (json ? JSON_ROO_PLAIN : undefined)).value?.[0]?.contents ?? ''
        }
        if (existing !== undefined) {
          if (c.crlf) existing = existing.replace(/\n/g, '\r\n')
          if (c.bom) existing = `\ufeff${existing}`
          if (c.damage) existing = damage(existing, c.damage)
        }
        let agents: AgentDocument[] = c.agents
        if (c.reparse && existing !== undefined) {
          const read = parseFile(roo, { path: '.roomodes', text: existing }).value ?? []
          agents = [...read.slice(0, 3), ...agents]
        }
        const outputs = outputsOf(roo, agents)
        expectSameAsFold(outputs, existing)
        if (existing !== undefined && outputs.length > 1) {
          eligible++
          if (oneRun(existing, partsOf(outputs), 0) === outputs.length) batched++
        }
      }),
    )
    // The one-pass path is taken (most of these files are damaged or odd on purpose).
    expect(batched).toBeGreaterThan(eligible / 10)
  })

  it('builds many agents into a new file and rebuilds it in one pass', () => {
    let runs = 0
    let batched = 0
    fc.assert(
      fc.property(fc.array(arbAgent, { minLength: 2, maxLength: 12 }), (agents) => {
        const outputs = outputsOf(roo, agents)
        fc.pre(outputs.length > 1)
        expectSameAsFold(outputs, undefined)
        const built = resolveOutputs(outputs, () => undefined).value?.[0]?.contents
        fc.pre(built !== undefined)
        expectSameAsFold(outputs, built)
        const again = outputsOf(roo, agents.map(changed))
        expectSameAsFold(again, built)
        // New file (the first mode is the file), unchanged rebuild, every mode changed.
        for (const [list, text] of [
          [outputs.slice(1), outputs[0]!.contents],
          [outputs, built],
          [again, built],
        ] as const) {
          runs++
          if (oneRun(text!, partsOf(list), 0) === list.length) batched++
        }
      }),
      { numRuns: 100 },
    )
    // Only modes Roo would not read (odd kept keys) or odd quoting leave the one-pass path.
    expect(batched).toBeGreaterThan(runs * 0.8)
  })

  it('builds many agents into a JSON modes file and rebuilds it in one pass', () => {
    let runs = 0
    let batched = 0
    fc.assert(
      fc.property(fc.array(arbAgent, { minLength: 2, maxLength: 12 }), fc.boolean(), (agents, crlf) => {
        const start = crlf ? JSON_ROO_PLAIN.replace(/\n/g, '\r\n') : JSON_ROO_PLAIN
        const outputs = outputsOf(roo, agents)
        expectSameAsFold(outputs, start)
        const built = resolveOutputs(outputs, () => start).value?.[0]?.contents
        fc.pre(built !== undefined)
        const again = outputsOf(roo, agents.map(changed))
        expectSameAsFold(again, built)
        for (const [list, text] of [
          [outputs, start],
          [again, built],
        ] as const) {
          runs++
          if (oneRun(text!, partsOf(list), 0) === list.length) batched++
        }
      }),
      { numRuns: 100 },
    )
    expect(batched).toBeGreaterThan(runs * 0.8)
  })
})

/** The modes behind Roo outputs, as the one-pass merge receives them. */
function partsOf(outputs: readonly Output[]): ModeUpsert[] {
  return outputs.flatMap((o) => {
    const part = modePart(o)
    return part ? [part] : []
  })
}

describe('AGENTS.md: sections merged in one pass', () => {
  const HAND_MD = [
    '',
    '# Rules\n\nUse pnpm.\n',
    '# Rules\r\n\r\nUse pnpm.',
    '<!-- agentc:begin -->\n<!-- agentc:end -->\n',
    '<!-- agentc:begin -->\n\n<!-- agentc:agent name="m" -->\n## m\n\nhand\n<!-- agentc:end-agent -->\ntext inside\n\n<!-- agentc:agent name="b" -->\nb\n<!-- agentc:end-agent -->\n<!-- agentc:agent -->\nnameless\n<!-- agentc:end-agent -->\n\n<!-- agentc:end -->\nafter\n',
    'Intro\n<!-- agentc:begin -->\n<!-- agentc:agent name="x" -->\n<!-- agentc:end-agent -->\n<!-- agentc:agent name="x" -->\n<!-- agentc:end-agent -->\n<!-- agentc:agent name="c" -->\n<!-- agentc:end-agent -->\n<!-- agentc:end -->',
    '<!-- agentc:begin -->\n<!-- agentc:agent name="a" -->\nnever closed\n<!-- agentc:end -->\n',
    '<!-- agentc:begin -->\nno end\n',
  ]
  const arbCase = fc.record({
    agents: arbNamedAgents,
    start: fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(...HAND_MD),
      fc.record({ earlier: fc.array(fc.nat({ max: 7 }), { maxLength: 8 }), change: fc.boolean() }),
    ),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    reparse: fc.boolean(),
    damage: arbDamage,
  })

  it('gives what folding upsertSection gives, byte for byte and diagnostic for diagnostic', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        let existing: string | undefined
        if (typeof c.start === 'string') existing = c.start
        else if (c.start) {
          const { earlier, change } = c.start
          const docs = earlier.flatMap((i) =>
            c.agents[i] ? [change && i % 2 ? changed(c.agents[i]) : c.agents[i]] : [],
          )
          const sequential = outputsOf(agentsMd, docs).map(({ mergeAll: _m, ...rest }) => rest)
          existing = resolveOutputs(sequential, () => undefined).value?.[0]?.contents ?? ''
        }
        if (existing !== undefined) {
          if (c.crlf) existing = existing.replace(/\n/g, '\r\n')
          if (c.bom) existing = `\ufeff${existing}`
          if (c.damage) existing = damage(existing, c.damage)
        }
        let agents: AgentDocument[] = c.agents
        if (c.reparse && existing !== undefined) {
          const read = parseFile(agentsMd, { path: 'AGENTS.md', text: existing }).value ?? []
          agents = [...read.slice(0, 3), ...agents]
        }
        expectSameAsFold(outputsOf(agentsMd, agents), existing)
      }),
    )
  })

  it('matches the fold on many sections in every order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-e]{1,3}$/), { minLength: 2, maxLength: 30 }),
        fc.constantFrom(...HAND_MD.slice(0, 6)),
        (names, existing) => {
          const parts = names.map((name) => ({
            name,
            section: `<!-- agentc:agent name="${name}" -->\n## ${name}\n\nBody of ${name}.\n<!-- agentc:end-agent -->\n`,
          }))
          let text = existing
          for (const p of parts) {
            const merged = upsertSection(text, p.name, p.section)
            if (!merged.ok) return
            text = merged.contents
          }
          expect(upsertSections(existing, parts)).toEqual({ ok: true, contents: text })
        },
      ),
    )
  })
})
