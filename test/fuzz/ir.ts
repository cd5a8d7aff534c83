/**
 * IR values for the emitters: documents of the property tests' domain with hostile values mixed
 * in (very long strings, names with `/`, `..`, `:`, control characters and unicode, empty
 * strings, extreme numbers, NaN and Infinity), and garbage (anything at all, and documents
 * almost right but with a field of the wrong type or missing).
 */
import type { AgentDocument } from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { arbAgentDocument, CANONICAL } from '../properties/arbitraries'

/** Strings that break names, paths, YAML, TOML, JSON, markdown and terminals. */
const HOSTILE = [
  '',
  ' ',
  '.',
  '..',
  '/',
  '//',
  '../../etc/passwd',
  'a/../b',
  'a/./b',
  '/abs',
  'C:\\x',
  'a\\b',
  'a:b',
  'con',
  'NUL.txt',
  'com1',
  'lpt9.md',
  'x.',
  'x ',
  '.hidden',
  '-x',
  '*?"<>|',
  '\t',
  '\n',
  'a\nb',
  'a\rb',
  'a\r\nb',
  '---',
  '---\nname: x\n---',
  '<!-- agentc:end -->',
  '<!-- agentc:agent name="x" -->',
  '"""',
  "'''",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder some tools expand, written as text
  '${env:HOME}',
  '{env:MODEL}',
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udc00',
  'ﬁ',
  '／',
  'Ⅻ',
  'e\u0301',
  '日本語/エージェント',
  '🚀',
  '👨‍👩‍👧‍👦',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'mcp:',
  'mcp:a',
  'mcp:a/b/c',
  'mcp:/x',
  'claude:',
  'x:y',
  'opencode:x_*',
  '*',
  '**',
  'Bash(rm -rf /)',
  'true',
  'null',
  '0x1F',
  '1e400',
]

/** A hostile string: a fragment, several glued, random code units, or a very long run. */
export const arbHostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('x', 'é', '日', '🚀', '\\', '"', 'a b', '\n', '-'),
        fc.integer({ min: 100, max: 20_000 }),
      )
      .map(([s, n]) => s.repeat(n)),
  },
)

/** Numbers the IR schema takes that writers may not: huge, tiny, negative, negative zero. */
const arbExtremeNumber = fc.oneof(
  fc.constantFrom(-1, -0, 0, 5e-324, 1e-7, 1e21, 1e308, 2 ** 53, -(2 ** 53), 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)

/** Numbers the IR schema refuses. */
const arbNonFinite = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)

const arbToolName = fc.oneof(fc.constantFrom(...CANONICAL), arbHostileString)

/** Extension values: JSON of every kind, deep nesting, hostile keys and strings. */
const arbExtensionValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.dictionary(arbHostileString, fc.jsonValue(), { maxKeys: 4 }) },
  { weight: 1, arbitrary: arbHostileString },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 10, max: 60 }), fc.boolean()).map(([n, list]) => {
      let v: unknown = 'leaf'
      for (let i = 0; i < n; i++) v = list ? [v] : { k: v }
      return v
    }),
  },
)

const arbExtensions = fc.dictionary(
  fc.oneof(fc.constantFrom(...builtinTargets.map((t) => t.id)), arbHostileString),
  fc.dictionary(
    fc.oneof(fc.constantFrom('name', 'tools', 'model', 'x'), arbHostileString),
    arbExtensionValue,
    {
      maxKeys: 4,
    },
  ),
  { maxKeys: 3 },
)

/** Field overrides with hostile values (valid IR unless a number is not finite or a name empty). */
const arbOverrides = fc.record(
  {
    name: arbHostileString,
    description: arbHostileString,
    body: arbHostileString.map((text) => ({ text: text.replace(/\r/g, '') })),
    model: fc.record(
      { written: arbHostileString, provider: arbHostileString, id: arbHostileString },
      { requiredKeys: ['written', 'id'] },
    ),
    sampling: fc.record(
      {
        temperature: fc.oneof(
          { weight: 5, arbitrary: arbExtremeNumber },
          { weight: 1, arbitrary: arbNonFinite },
        ),
        topP: fc.oneof({ weight: 5, arbitrary: arbExtremeNumber }, { weight: 1, arbitrary: arbNonFinite }),
      },
      { requiredKeys: [] },
    ),
    maxSteps: fc.oneof(
      {
        weight: 5,
        arbitrary: fc.oneof(fc.integer({ min: 1 }), fc.constantFrom(2 ** 31, Number.MAX_SAFE_INTEGER)),
      },
      { weight: 1, arbitrary: fc.oneof(arbNonFinite, fc.constantFrom(0, -1, 1.5)) },
    ),
    color: arbHostileString,
    tools: fc.record(
      { allow: fc.array(arbToolName, { maxLength: 4 }), deny: fc.array(arbToolName, { maxLength: 4 }) },
      { requiredKeys: [] },
    ),
    permissions: fc.array(
      fc.record(
        { tool: arbToolName, pattern: arbHostileString, decision: fc.constantFrom('allow', 'ask', 'deny') },
        { requiredKeys: ['tool', 'decision'] },
      ),
      { maxLength: 4 },
    ),
    activation: fc.oneof(
      fc.constantFrom({ kind: 'always' }, { kind: 'manual' }, { kind: 'model-decision' }),
      fc.array(arbHostileString, { maxLength: 4 }).map((globs) => ({ kind: 'globs', globs })),
    ),
    extensions: arbExtensions,
  },
  { requiredKeys: [] },
)

/** A document of the property tests' domain with some fields replaced by hostile values. */
export const arbHostileDocument: fc.Arbitrary<AgentDocument> = fc
  .tuple(arbAgentDocument({ unsafeNames: true }), arbOverrides)
  .map(([doc, overrides]) => ({ ...doc, ...overrides }) as AgentDocument)

/**
 * Text fields with hostile values, and nothing else: a valid document whose every string is
 * hostile (no NUL, which marks a binary file, and no CR in the body, which holds LF text).
 */
const arbHostileText = fc.record(
  {
    name: arbHostileString.filter((s) => s !== ''),
    description: arbHostileString,
    body: arbHostileString.map((text) => ({ text: text.replaceAll('\r', '').replaceAll('\u0000', '') })),
    model: fc.record(
      { written: arbHostileString, provider: arbHostileString, id: arbHostileString },
      { requiredKeys: ['written', 'id'] },
    ),
    color: arbHostileString,
    tools: fc.record(
      { allow: fc.array(arbToolName, { maxLength: 4 }), deny: fc.array(arbToolName, { maxLength: 4 }) },
      { requiredKeys: [] },
    ),
    permissions: fc.array(
      fc.record(
        { tool: arbToolName, pattern: arbHostileString, decision: fc.constantFrom('allow', 'ask', 'deny') },
        { requiredKeys: ['tool', 'decision'] },
      ),
      { maxLength: 4 },
    ),
    activation: fc.array(arbHostileString, { maxLength: 4 }).map((globs) => ({ kind: 'globs', globs })),
  },
  { requiredKeys: [] },
)

/** A valid document of the property tests' domain with hostile text in some fields. */
export const arbHostileTextDocument: fc.Arbitrary<AgentDocument> = fc
  .tuple(arbAgentDocument({ unsafeNames: true }), arbHostileText)
  .map(([doc, overrides]) => ({ ...doc, ...overrides }) as AgentDocument)

/** The IR's top-level keys, and keys it does not have. */
const KEYS = [
  'irVersion',
  'name',
  'description',
  'role',
  'model',
  'sampling',
  'effort',
  'tools',
  'permissions',
  'maxSteps',
  'color',
  'hidden',
  'disabled',
  'activation',
  'body',
  'extensions',
  'source',
  'unknown',
  '__proto__',
]

/** Wrong values for nested places of a document (`model.written`, `body.text`, a rule's `tool`…). */
const arbNestedGarbage = fc.oneof(
  fc.record({ model: fc.record({ written: fc.anything(), id: fc.anything() }) }),
  fc.record({ body: fc.oneof(fc.record({ text: fc.anything() }), fc.anything()) }),
  fc.record({
    sampling: fc.record({ temperature: fc.anything(), topP: fc.anything() }, { requiredKeys: [] }),
  }),
  fc.record({
    tools: fc.record({ allow: fc.anything(), deny: fc.array(fc.anything()) }, { requiredKeys: [] }),
  }),
  fc.record({
    permissions: fc.array(
      fc.record({ tool: fc.anything(), pattern: fc.anything(), decision: fc.anything() }),
    ),
  }),
  fc.record({ activation: fc.record({ kind: fc.anything(), globs: fc.anything() }) }),
  fc.record({ extensions: fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything())) }),
  fc.record({
    source: fc.record({
      path: fc.anything(),
      target: fc.anything(),
      fields: fc.anything(),
      raw: fc.anything(),
    }),
  }),
  fc.record({ irVersion: fc.oneof(fc.constantFrom(0, 2, '1', null), fc.anything()) }),
)

/**
 * Garbage: anything at all, or a document almost right (a field of any type, a nested value of
 * the wrong type, a required field deleted, an unknown key added).
 */
export const arbGarbage: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withDate: true }),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(arbAgentDocument(), fc.constantFrom(...KEYS), fc.anything())
      .map(([doc, key, value]) => {
        const out: Record<string, unknown> = { ...doc }
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
        return out
      }),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(arbAgentDocument(), arbNestedGarbage)
      .map(([doc, garbage]) => ({ ...doc, ...garbage })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(arbAgentDocument(), fc.constantFrom('irVersion', 'name', 'body', 'extensions'))
      .map(([doc, key]) => {
        const out: Record<string, unknown> = { ...doc }
        delete out[key]
        return out
      }),
  },
)
