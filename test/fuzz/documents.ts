/**
 * Structured documents for the parsers: nested maps, lists and scalars whose keys come from each
 * target's vocabulary (and random keys), whose values are of the right shape for the key or of
 * any other, rendered as YAML in random styles (block and flow, plain and quoted scalars, block
 * scalars, anchors, aliases and merge keys, tags, comments), as TOML and as JSON; and hostile
 * documents (very deep nesting, alias bombs, huge keys and lines, thousands of keys).
 *
 * Rendering styles come from a small seeded generator (`styleSeed`), so that a counterexample is
 * a value and a number: fast-check shrinks the value, the style choices stay reproducible.
 */

import fc from 'fast-check'
import { arbBodyText } from '../properties/arbitraries'
import { VOCABULARY } from './vocabulary'

/** A JSON-like value with numbers that JSON cannot hold (NaN, ±Infinity, -0). */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value }

/** Values the targets read in some key, beyond their schemas' enums. */
const WORDS = [
  // Tool names of every dialect.
  'Read',
  'Write',
  'Edit',
  'Bash',
  'Bash(git *)',
  'Bash(npm run test:*)',
  'Grep',
  'Glob',
  'WebFetch',
  'WebFetch(domain:example.com)',
  'Task',
  'mcp__github__create_issue',
  'mcp__github',
  'read',
  'write',
  'edit',
  'bash',
  'shell',
  'webfetch',
  'websearch',
  'codebase',
  'terminal',
  'fetch',
  'search',
  'fs_read',
  'fs_write',
  'execute_bash',
  '@builtin',
  '@git',
  '@git/status',
  '*',
  'command',
  'browser',
  'mcp',
  'read_file',
  'run_shell_command',
  'github/*',
  // Models.
  'sonnet',
  'opus',
  'haiku',
  'inherit',
  'fast',
  'gpt-5',
  'claude-sonnet-4.5',
  'anthropic/claude-sonnet-4-5',
  'openai/gpt-5.2-codex',
  'openrouter/anthropic/claude-opus-4.5',
  'custom:my-model',
  'Claude Sonnet 4 (copilot)',
  '{env:MODEL}',
  // Activations and modes.
  'always_on',
  'model_decision',
  'glob',
  'manual',
  'always_apply',
  'agent_requested',
  'fileMatch',
  'primary',
  'subagent',
  'all',
  'allow',
  'ask',
  'deny',
  // Globs, regexes, colours.
  '**/*.ts',
  '*.md',
  'src/**',
  '*.{ts,tsx}',
  '\\.md$',
  '(',
  '#ff0000',
  'blue',
  'accent',
  // Keys of Object.prototype, which a lookup table without `Object.hasOwn` finds.
  'constructor',
  '__proto__',
  'toString',
]

/** Strings that are special to YAML, TOML, JSON, markdown or file systems. */
const NASTY = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  'a\nb',
  'line1\n  indented\n\nlast\n',
  ': ',
  '- ',
  '#',
  ' # c',
  '---',
  '...',
  '"',
  "'",
  '\\',
  '"""',
  "'''",
  '{',
  '[',
  '}',
  ']',
  '*',
  '&',
  '!',
  '%',
  '@',
  '`',
  '|',
  '>',
  '?',
  'null',
  '~',
  'true',
  'no',
  'NaN',
  '.inf',
  '0x1F',
  '1e400',
  '2024-01-01',
  '1979-05-27T07:32:00Z',
  '../..',
  '/etc/passwd',
  'C:\\x',
  'con',
  'NUL.md',
  'a/b',
  'a:b',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\u201c',
  '\u2019',
  'é',
  'e\u0301',
  'ﬁ',
  '／',
  '日本語',
  '🚀',
  '👨‍👩‍👧',
  '\u202e',
]

const arbWord = fc.constantFrom(...WORDS)
const arbNasty = fc.constantFrom(...NASTY)

/** Strings: words, nasty fragments and random text, glued. */
const arbString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: arbWord },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(arbWord, arbNasty, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 4 })
      .map((p) => p.join('')),
  },
  { weight: 1, arbitrary: arbNasty },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: arbBodyText },
)

/** Numbers, including the ones that break writers and schemas. */
const arbNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -3, max: 300 }),
  fc.constantFrom(
    0,
    -0,
    0.5,
    1.5,
    2,
    7,
    1e21,
    1e-7,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    1.7976931348623157e308,
  ),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE),
  fc.double(),
)

const arbScalar: fc.Arbitrary<Value> = fc.oneof(
  { weight: 5, arbitrary: arbString },
  { weight: 2, arbitrary: arbNumber },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
)

/** A key: one of the target's, a word, or anything. */
function arbKey(keys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(keys.length > 0 ? keys : ['name'])) },
    { weight: 1, arbitrary: arbWord },
    { weight: 1, arbitrary: arbNasty },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  )
}

/** A value of any shape, keys from `keys`, nested a few levels (deeper ones come from {@link arbHostileYaml}). */
function arbAny(keys: readonly string[], values: readonly string[]): fc.Arbitrary<Value> {
  const scalar: fc.Arbitrary<Value> =
    values.length > 0
      ? fc.oneof({ weight: 4, arbitrary: arbScalar }, { weight: 1, arbitrary: fc.constantFrom(...values) })
      : arbScalar
  return fc.letrec<{ value: Value }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      { weight: 2, arbitrary: fc.dictionary(arbKey(keys), tie('value'), { maxKeys: 4 }) },
    ),
  })).value
}

/** Values of the right shape for keys the targets share (a name, a tool list, a permission map…). */
function arbFitting(key: string, keys: readonly string[], values: readonly string[]): fc.Arbitrary<Value> {
  const list = (item: fc.Arbitrary<Value>) => fc.array(item, { maxLength: 5 })
  if (/^(name|slug|display_?[nN]ame)$/.test(key)) {
    return fc.oneof(fc.constantFrom('fuzz', 'code-reviewer', 'Fuzz Agent', 'a/b', 'team/audit'), arbString)
  }
  if (
    /description|whenToUse|roleDefinition|customInstructions|prompt|instructions|welcomeMessage/.test(key)
  ) {
    return fc.oneof(arbBodyText, arbString)
  }
  if (/^(model|variant)$/.test(key)) return fc.oneof(arbWord, list(arbWord), arbString)
  const decision = fc.constantFrom<Value>('allow', 'ask', 'deny', 'maybe', true, false)
  const rules = fc.dictionary(arbWord, fc.oneof(decision, fc.dictionary(arbWord, decision, { maxKeys: 3 })), {
    maxKeys: 4,
  })
  const names = fc.oneof(
    list(fc.oneof(arbWord, arbString)),
    arbWord,
    fc.array(arbWord).map((l) => l.join(', ')),
  )
  if (/^(permission|permissions|toolsSettings)$/.test(key)) return fc.oneof(decision, rules)
  if (key === 'tools') return fc.oneof(names, rules)
  if (
    /[tT]ools|agents|nickname|MCP|Mcp|mcpServers$|servers$|^paths$|globs|applyTo|fileMatch|regex|match/.test(
      key,
    )
  ) {
    return names
  }
  if (key === 'groups') {
    const group = fc.constantFrom<Value>('read', 'edit', 'browser', 'command', 'mcp', 'modes', 'fly')
    const limited = fc
      .tuple(
        fc.constantFrom('edit', 'read'),
        fc.record({ fileRegex: fc.oneof(arbWord, arbString), description: arbString }, { requiredKeys: [] }),
      )
      .map(([g, o]) => [g, o as Value] as Value)
    return fc.oneof(list(fc.oneof(group, limited)), arbAny(keys, values))
  }
  if (/temperature|top_p|steps|[mM]ax|timeout/.test(key)) return fc.oneof(arbNumber, arbString)
  if (
    /^(alwaysApply|hidden|disable|readonly|is_background|infer|includeMcpJson|useLegacyMcpJson|includePowers|enabled|trust)$/.test(
      key,
    )
  ) {
    return fc.oneof(fc.boolean(), fc.constantFrom('true', 'yes', 'false', 1, null))
  }
  if (/^(mcp_servers|mcpServers|features)$/.test(key)) {
    const server = fc.record(
      {
        command: arbWord,
        args: list(arbString),
        enabled: fc.boolean(),
        disabled_tools: list(arbWord),
        shell_tool: fc.boolean(),
        url: fc.constantFrom('https://example.com/mcp', 'not a url'),
      },
      { requiredKeys: [] },
    )
    return fc.oneof(
      fc.dictionary(arbWord, server as fc.Arbitrary<Value>, { maxKeys: 3 }),
      server as fc.Arbitrary<Value>,
    )
  }
  return fc.oneof(fc.constantFrom(...(values.length > 0 ? values : WORDS)), arbString)
}

/**
 * A document (a map) for a target: mostly its own keys with fitting values, some with values of
 * any shape, some random keys.
 */
export function arbDocumentFor(targetId: string): fc.Arbitrary<Record<string, Value>> {
  const vocabulary = VOCABULARY[targetId]!
  const keys = [...vocabulary.top, ...vocabulary.nested]
  const any = arbAny(keys, vocabulary.values)
  const entry = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .constantFrom(...(vocabulary.top.length > 0 ? vocabulary.top : ['name']))
        .chain((key) => fc.tuple(fc.constant(key), arbFitting(key, keys, vocabulary.values))),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom(...(vocabulary.top.length > 0 ? vocabulary.top : ['name'])), any),
    },
    { weight: 1, arbitrary: fc.tuple(arbKey(keys), any) },
  )
  return fc.array(entry, { maxLength: 9 }).map((entries) => {
    const doc: Record<string, Value> = {}
    for (const [key, value] of entries) {
      // Defined as own data properties, `__proto__` included.
      Object.defineProperty(doc, key, { value, enumerable: true, writable: true, configurable: true })
    }
    return doc
  })
}

/** A Roo Code mode: the required keys usually there, with fitting values or any. */
export function arbRooMode(): fc.Arbitrary<Value> {
  const vocabulary = VOCABULARY.roo!
  const keys = [...vocabulary.top]
  const field = (key: string) =>
    fc.oneof(
      { weight: 5, arbitrary: arbFitting(key, keys, vocabulary.values) },
      { weight: 1, arbitrary: arbAny(keys, vocabulary.values) },
    )
  const slug = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) },
    { weight: 1, arbitrary: arbString },
  )
  return fc
    .tuple(
      fc.record(
        {
          slug,
          name: field('name'),
          roleDefinition: field('roleDefinition'),
          groups: field('groups'),
        },
        { requiredKeys: [] },
      ),
      arbDocumentFor('roo'),
    )
    .map(([base, extra]) => ({ ...extra, ...base }) as Value)
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/** A small seeded generator (mulberry32) for rendering choices. */
export function styleRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const chance = (random: Random, p: number) => random() < p

const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** YAML in random styles. */
class YamlWriter {
  private readonly anchors: string[] = []
  constructor(private readonly random: Random) {}

  /** A scalar in flow or block-key position (one line, unless `block` allows a block scalar). */
  scalar(value: Exclude<Value, Value[] | { [key: string]: Value }>, indent: string, block: boolean): string {
    const r = this.random
    if (value === null) return pick(r, ['null', '~', '', 'Null', 'NULL'])
    if (typeof value === 'boolean') return pick(r, value ? ['true', 'True', 'TRUE'] : ['false', 'False'])
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return pick(r, ['.nan', '.NaN', 'NaN'])
      if (value === Number.POSITIVE_INFINITY) return pick(r, ['.inf', '+.inf', '.Inf'])
      if (value === Number.NEGATIVE_INFINITY) return pick(r, ['-.inf', '-.Inf'])
      if (Object.is(value, -0)) return pick(r, ['-0', '-0.0'])
      if (Number.isInteger(value) && value >= 0 && value < 1e6 && chance(r, 0.1)) {
        return pick(r, [`0x${value.toString(16)}`, `0o${value.toString(8)}`, `+${value}`, `${value}.0`])
      }
      return String(value)
    }
    const multiline = value.includes('\n')
    const style = chance(r, 0.05)
      ? 'plain'
      : multiline
        ? pick(
            r,
            block
              ? ['literal', 'literal', 'folded', 'double', 'single', 'plain']
              : ['double', 'single', 'plain'],
          )
        : pick(r, ['plain', 'plain', 'double', 'single', block ? 'literal' : 'double'])
    switch (style) {
      case 'double':
        return JSON.stringify(value)
      case 'single':
        return `'${value.replaceAll("'", "''")}'`
      case 'literal':
      case 'folded': {
        const chomp = pick(r, ['', '-', '+'])
        const lines = value.split('\n')
        const indicator = /^\s/.test(value) && chance(r, 0.8) ? '2' : ''
        const head = `${style === 'literal' ? '|' : '>'}${indicator}${chomp}`
        return `${head}${chance(r, 0.1) ? ' # block' : ''}\n${lines.map((l) => (l === '' ? '' : `${indent}  ${l}`)).join('\n')}`
      }
      default:
        return multiline ? value.split('\n').join(`\n${indent}  `) : value
    }
  }

  key(key: string): string {
    const r = this.random
    if (SAFE_KEY.test(key) && !chance(r, 0.05)) return key
    if (chance(r, 0.05)) return `? ${JSON.stringify(key)}\n`.trimEnd()
    return chance(r, 0.5) ? JSON.stringify(key) : chance(r, 0.7) ? `'${key.replaceAll("'", "''")}'` : key
  }

  /** Properties before a node: an anchor or a tag, sometimes. */
  private properties(): string {
    const r = this.random
    let out = ''
    if (chance(r, 0.06)) {
      const name = `a${this.anchors.length}`
      this.anchors.push(name)
      out += `&${name} `
    }
    if (chance(r, 0.02)) out += `${pick(r, ['!!str', '!!map', '!!seq', '!!int', '!custom', '!'])} `
    return out
  }

  /** An alias to an anchor written before (or a missing one), sometimes, instead of a value. */
  private alias(): string | undefined {
    const r = this.random
    if (!chance(r, 0.04)) return undefined
    if (this.anchors.length === 0 || chance(r, 0.1)) return '*missing'
    return `*${pick(r, this.anchors)}`
  }

  flow(value: Value, indent: string): string {
    const alias = this.alias()
    if (alias) return alias
    const props = this.properties()
    if (Array.isArray(value)) return `${props}[${value.map((v) => this.flow(v, indent)).join(', ')}]`
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).map(([k, v]) => `${this.key(k)}: ${this.flow(v, indent)}`)
      return `${props}{${entries.join(', ')}}`
    }
    return props + this.scalar(value, indent, false)
  }

  /** A value after `key:` or `- ` at `indent`: inline (` value`) or a block on the next lines. */
  value(value: Value, indent: string): string {
    const r = this.random
    const alias = this.alias()
    if (alias) return ` ${alias}`
    const collection = value !== null && typeof value === 'object'
    if (!collection || chance(r, 0.25)) {
      const props = this.properties()
      const text = collection ? this.flow(value, indent) : this.scalar(value, indent, true)
      return text === '' && props === '' ? '' : ` ${props}${text}`
    }
    const props = this.properties().trimEnd()
    const inner = `${indent}${pick(r, ['  ', '  ', '    ', ' '])}`
    const body = Array.isArray(value)
      ? this.seq(value, chance(r, 0.2) ? indent : inner)
      : this.map(value, inner)
    if (body === '') return ` ${props}${Array.isArray(value) ? '[]' : '{}'}`.trimEnd()
    return `${props ? ` ${props}` : ''}\n${body}`
  }

  map(value: { [key: string]: Value }, indent: string): string {
    const r = this.random
    const lines: string[] = []
    for (const [k, v] of Object.entries(value)) {
      if (chance(r, 0.05)) lines.push(`${indent}# ${pick(r, ['comment', 'key: not a key', '---'])}`)
      if (chance(r, 0.02) && this.anchors.length > 0) lines.push(`${indent}<<: *${pick(r, this.anchors)}`)
      const comment = chance(r, 0.04) ? ' # trailing' : ''
      const text = this.value(v, indent)
      lines.push(`${indent}${this.key(k)}:${text}${text.includes('\n') ? '' : comment}`)
    }
    return lines.join('\n')
  }

  seq(value: Value[], indent: string): string {
    return value.map((v) => `${indent}-${this.value(v, `${indent}  `)}`).join('\n')
  }
}

/**
 * YAML text of a top-level map in random styles (or, sometimes, flow style on one line).
 * @param value The map.
 * @param seed The style seed.
 */
export function renderYaml(value: { [key: string]: Value }, seed: number): string {
  const random = styleRandom(seed)
  const writer = new YamlWriter(random)
  if (chance(random, 0.05)) return writer.flow(value, '')
  return writer.map(value, '')
}

/** A markdown file with the map as YAML frontmatter and a body, in random line endings. */
export function renderFrontmatterFile(value: { [key: string]: Value }, body: string, seed: number): string {
  const random = styleRandom(seed ^ 0x5bd1e995)
  const yaml = renderYaml(value, seed)
  const eol = pick(random, ['\n', '\n', '\n', '\r\n'])
  const open = pick(random, ['---', '---', '---', '--- ', '---\t'])
  const close = chance(random, 0.02) ? '' : pick(random, ['---', '---', '---', '...', '--- '])
  const bom = chance(random, 0.05) ? '\ufeff' : ''
  const text = `${bom}${open}\n${yaml}${yaml === '' ? '' : '\n'}${close}${close === '' ? '' : '\n'}${body}`
  return eol === '\n' ? text : text.replaceAll('\n', eol)
}

/** TOML in random styles: root keys, tables, arrays of tables, dotted keys, every string kind. */
export function renderToml(value: { [key: string]: Value }, seed: number): string {
  const random = styleRandom(seed)
  const key = (k: string) =>
    /^[A-Za-z0-9_-]+$/.test(k) && !chance(random, 0.05)
      ? k
      : chance(random, 0.8)
        ? JSON.stringify(k)
        : `'${k}'`
  const string = (s: string): string => {
    const style = pick(random, ['basic', 'basic', 'literal', 'multi', 'multiLiteral'])
    if (style === 'literal' && !/['\n\r]/.test(s)) return `'${s}'`
    if (style === 'multi') return `"""\n${s.replaceAll('\\', '\\\\').replaceAll('"""', '""\\"')}"""`
    if (style === 'multiLiteral' && !s.includes("'''")) return `'''\n${s}'''`
    return JSON.stringify(s)
  }
  const inline = (v: Value): string | undefined => {
    if (v === null) return chance(random, 0.2) ? '' : undefined
    if (typeof v === 'boolean') return String(v)
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return pick(random, ['nan', '+nan', '-nan'])
      if (!Number.isFinite(v)) return v > 0 ? pick(random, ['inf', '+inf']) : '-inf'
      if (Number.isInteger(v) && Math.abs(v) < 1e6 && chance(random, 0.1)) {
        return pick(random, [`0x${Math.abs(v).toString(16)}`, `${v}.0`, `${v}`.replace(/(\d)(\d)$/, '$1_$2')])
      }
      return String(v)
    }
    if (typeof v === 'string') return string(v)
    if (Array.isArray(v)) {
      const items = v.map(inline).filter((x): x is string => x !== undefined)
      return `[${items.join(', ')}${chance(random, 0.1) ? ',' : ''}]`
    }
    const entries = Object.entries(v)
      .map(([k, x]) => [k, inline(x)] as const)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${key(k)} = ${x}`)
    return `{${entries.join(', ')}}`
  }
  const lines: string[] = []
  const table = (map: { [key: string]: Value }, path: string[]) => {
    const later: [string, Value][] = []
    for (const [k, v] of Object.entries(map)) {
      const isTable = v !== null && typeof v === 'object' && !Array.isArray(v)
      const isTables =
        Array.isArray(v) &&
        v.length > 0 &&
        v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x))
      if ((isTable || isTables) && chance(random, 0.7)) {
        later.push([k, v])
        continue
      }
      if (chance(random, 0.04)) lines.push(pick(random, ['# comment', '', '  ']))
      const text = inline(v)
      if (text !== undefined) lines.push(`${key(k)} = ${text}`)
    }
    for (const [k, v] of later) {
      const sub = [...path, k]
      if (Array.isArray(v)) {
        for (const item of v) {
          lines.push('', `[[${sub.map(key).join('.')}]]`)
          table(item as { [key: string]: Value }, sub)
        }
      } else {
        lines.push('', `[${sub.map(key).join('.')}]`)
        table(v as { [key: string]: Value }, sub)
      }
    }
  }
  table(value, [])
  const text = `${lines.join('\n')}\n`
  return chance(random, 0.1) ? text.replaceAll('\n', '\r\n') : text
}

/** JSON with random indentation; sometimes broken (a trailing comma, a comment, cut short). */
export function renderJson(value: Value, seed: number): string {
  const random = styleRandom(seed)
  let text = JSON.stringify(value, null, pick(random, [0, 2, 2, 4, '\t'])) ?? 'null'
  if (chance(random, 0.05)) text = text.replace(/(["\d\]}el])(\s*[\]}])/, '$1,$2')
  if (chance(random, 0.03)) text = `// comment\n${text}`
  if (chance(random, 0.03)) text = text.slice(0, Math.floor(random() * text.length))
  if (chance(random, 0.05)) text = text.replaceAll('\n', '\r\n')
  return `${text}${chance(random, 0.8) ? '\n' : ''}`
}

// ---------------------------------------------------------------------------------------------
// Hostile documents.

/** YAML (a frontmatter block's text) that tests the limits: depth, aliases, size, breadth. */
export const arbHostileYaml: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 10, max: 20_000 }).map((n) => `deep: ${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 10, max: 20_000 }).map((n) => `deep: ${'{a: '.repeat(n)}1${'}'.repeat(n)}`),
  fc
    .integer({ min: 10, max: 400 })
    .map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')),
  fc
    .integer({ min: 10, max: 400 })
    .map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}-`).join('\n')),
  // Compact nesting, two characters a level. Kept below the depth at which the yaml library's
  // recursion nears the stack limit (about a thousand levels; see the README's known issues).
  fc.integer({ min: 10, max: 300 }).map((n) => `k:\n  ${'- '.repeat(n)}x`),
  fc.integer({ min: 10, max: 80 }).map((n) => `k:\n  ${'? '.repeat(n)}x`),
  fc.integer({ min: 2, max: 12 }).map((levels) => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i <= levels; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      )
    return lines.join('\n')
  }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => `description: ${'x'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => `${'k'.repeat(n)}: v`),
  // Breadth. Kept to hundreds of keys: reading positions is quadratic in the number of keys
  // (see the README's known issues), and thousands would spend the campaign on a few cases.
  fc
    .integer({ min: 100, max: 600 })
    .map((n) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')),
  fc.integer({ min: 2, max: 200 }).map((n) => Array.from({ length: n }, () => 'name: x').join('\n')),
  fc.constantFrom(
    'a: &a\n  b: *a',
    '<<: [*a]',
    'a: !!binary aGVsbG8=',
    'a: !!timestamp 2001-12-14t21:59:43.10-05:00',
    'a: !!set {x, y}',
    'a: !!omap [b: 1]',
    '? [a, b]\n: c',
    '? {a: b}\n: c',
    '[a]: b',
    '{a: b}: c',
    '%TAG ! tag:example.com,2000:\n---\na: !foo b',
    '---\na: 1\n---\nb: 2',
    'a: "\\x"',
    'a: "\\uD800"',
    'a: \u0085b',
    '\ta: b',
  ),
)

/** TOML that tests limits and corner cases. */
export const arbHostileToml: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 10, max: 20_000 }).map((n) => `deep = ${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 10, max: 20_000 }).map((n) => `deep = ${'{a = '.repeat(n)}1${'}'.repeat(n)}`),
  fc
    .integer({ min: 10, max: 6_000 })
    .map((n) => `[${Array.from({ length: n }, (_, i) => `t${i}`).join('.')}]\nx = 1`),
  fc
    .integer({ min: 10, max: 6_000 })
    .map((n) => `${Array.from({ length: n }, (_, i) => `t${i}`).join('.')} = 1`),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => `developer_instructions = "${'x'.repeat(n)}"`),
  fc
    .integer({ min: 100, max: 600 })
    .map((n) => Array.from({ length: n }, (_, i) => `k${i} = ${i}`).join('\n')),
  fc.constantFrom(
    'name = "a"\nname = "b"',
    '[a]\n[a]',
    'a = 1\n[a]',
    'a.b = 1\n[a]\nc = 2',
    'x = 99999999999999999999',
    'x = 1979-05-27',
    'x = 07:32:00',
    'x = 1979-05-27T07:32:00.999999-07:00',
    'x = "\\uD800"',
    'x = "\\U0010FFFF"',
    'x = """\na\\\n  b"""',
    "x = '''\n'''",
    '[[mcp_servers]]\nx = 1',
    '[mcp_servers.a]\nenabled = "no"',
    'features = { shell_tool = false, shell_tool = true }',
  ),
)

/** JSON that tests limits and corner cases. */
export const arbHostileJson: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 10, max: 20_000 }).map((n) => `{"deep": ${'['.repeat(n)}${']'.repeat(n)}}`),
  fc.integer({ min: 10, max: 20_000 }).map((n) => `{"deep": ${'{"a": '.repeat(n)}1${'}'.repeat(n)}}`),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => `{"prompt": "${'x'.repeat(n)}"}`),
  fc
    .integer({ min: 100, max: 600 })
    .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}": ${i}`).join(', ')}}`),
  fc.constantFrom(
    '{"name": "a", "name": "b"}',
    '{"__proto__": {"x": 1}}',
    '{"constructor": {"prototype": {}}}',
    '{"name": "\\ud800"}',
    '{"temperature": 1e400}',
    '{"tools": [null, 1, {}, []]}',
    '{"customModes": [null]}',
    '{"customModes": [{"slug": "a", "name": "A", "roleDefinition": "r", "groups": [["edit", {"fileRegex": "("}]]}]}',
    '{"customModes": [{"slug": "a", "name": "A", "roleDefinition": "r", "groups": [["edit", {"fileRegex": "(a+)+$"}]]}]}',
    '[]',
    '"text"',
    'null',
    '',
    '\ufeff{}',
  ),
)
