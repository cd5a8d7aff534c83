/**
 * fast-check arbitraries for the agentc IR. `arbAgentDocument()` draws documents in the domain
 * the targets' parsers produce: every optional field set independently, descriptions and bodies
 * full of the characters that break YAML and markdown frontmatter, extension values of the
 * shapes each target can read back.
 */
import {
  type Activation,
  type AgentDocument,
  CANONICAL_TOOLS,
  type Effort,
  IR_VERSION,
  type ModelRef,
  type PermissionRule,
  type Role,
  type Sampling,
  type ToolPolicy,
} from '@agentc/core'
import fc from 'fast-check'

/**
 * Deterministic runs: a fixed seed (override with FC_SEED) and 200 runs per property (override
 * with FC_NUM_RUNS). fast-check prints the seed and the shrunk counterexample on failure.
 */
export function configureProperties(): void {
  fc.configureGlobal({
    seed: Number(process.env.FC_SEED ?? 0x5eed_a9c),
    numRuns: Number(process.env.FC_NUM_RUNS ?? 200),
  })
}

/** Characters the pipeline rejects as binary / undecodable (AGC005); never valid IR text. */
const clean = (s: string) => s.replaceAll('\u0000', '').replaceAll('\ufffd', '')

/** A kebab-case name: `code-reviewer`, `a1`, `x-2-y`. */
export const arbKebabName: fc.Arbitrary<string> = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'))

/** Names a target may have to sanitise (AGC207): upper case, spaces, unicode, slashes, dots. */
export const arbAnyName: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: arbKebabName },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(
            'Code',
            'review',
            'QA',
            'agent',
            'agents',
            'team',
            'ünï',
            '日本',
            'v1.2',
            'a_b',
            ' ',
            '/',
            '.',
            '-',
            ':',
          ),
          fc.stringMatching(/^[a-zA-Z0-9]{1,4}$/),
        ),
        { minLength: 1, maxLength: 5 },
      )
      .map((parts) => parts.join(''))
      .filter((s) => s.trim() !== ''),
  },
)

/** Fragments that are special somewhere: YAML indicators, comment marks, fences, quotes, unicode. */
const SPECIAL_FRAGMENTS = [
  'Reviews code',
  'Use when: the user asks',
  ': ',
  ':',
  '#',
  ' # not a comment',
  '*',
  '* star',
  '&anchor',
  '!tag',
  '%',
  '@',
  '`code`',
  '|',
  '>',
  '[x]',
  '{a: b}',
  ',',
  '?',
  '- ',
  '"',
  "'",
  "it's",
  '"quoted"',
  '---',
  '...',
  'true',
  'false',
  'null',
  '~',
  'yes',
  '123',
  '1.5',
  '0x1F',
  '2024-01-01',
  'ünïcødé',
  '日本語',
  '🚀',
  'é',
  '\\',
  '\\n',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\ufeff',
]

/** A description: special fragments, ASCII and unicode text; occasionally multi-line. */
export const arbDescription: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_FRAGMENTS) },
      { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant('\n') },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => clean(parts.join('')))

/** One line of a markdown body. */
const arbBodyLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '# Role',
    '## Steps',
    '- item',
    '1. first',
    '```',
    '```ts',
    '~~~',
    '---',
    '***',
    '    indented code',
    '> quote',
    'key: value',
    'description: not frontmatter',
    '<!-- comment -->',
    '  two leading spaces',
    'trailing spaces  ',
    '\tTab',
    '| a | b |',
    '\\---',
  ),
  fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n') && !s.includes('\r')),
  fc.string({ unit: 'grapheme', maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)),
)

/** A markdown body: lines joined with LF, sometimes with a final newline. */
export const arbBodyText: fc.Arbitrary<string> = fc
  .tuple(fc.array(arbBodyLine, { maxLength: 8 }), fc.boolean())
  .map(([lines, final]) => clean(lines.join('\n') + (final && lines.length > 0 ? '\n' : '')))
  .filter((s) => !s.includes('\r'))

export const arbRole: fc.Arbitrary<Role> = fc.constantFrom('primary', 'subagent', 'all')

const MODELS: readonly ModelRef[] = [
  { written: 'sonnet', id: 'sonnet' },
  { written: 'opus', id: 'opus' },
  { written: 'haiku', id: 'haiku' },
  { written: 'inherit', id: 'inherit' },
  { written: 'claude-opus-4-5', id: 'claude-opus-4-5' },
  { written: 'claude-sonnet-4-5-20250929', id: 'claude-sonnet-4-5-20250929' },
  { written: 'gpt-5', id: 'gpt-5' },
  { written: 'anthropic/claude-sonnet-4-5', provider: 'anthropic', id: 'claude-sonnet-4-5' },
  { written: 'anthropic/claude-haiku-4-5', provider: 'anthropic', id: 'claude-haiku-4-5' },
  { written: 'openai/gpt-5', provider: 'openai', id: 'gpt-5' },
  { written: 'openai/gpt-5.2-codex', provider: 'openai', id: 'gpt-5.2-codex' },
  { written: 'google/gemini-2.5-pro', provider: 'google', id: 'gemini-2.5-pro' },
  {
    written: 'openrouter/anthropic/claude-opus-4.5',
    provider: 'openrouter',
    id: 'anthropic/claude-opus-4.5',
  },
  { written: 'github-copilot/claude-sonnet-4.5', provider: 'github-copilot', id: 'claude-sonnet-4.5' },
  // As Claude Code's parser reads them: every Claude model is Anthropic's.
  { written: 'sonnet', provider: 'anthropic', id: 'sonnet' },
  { written: 'claude-opus-4-5', provider: 'anthropic', id: 'claude-opus-4-5' },
]
export const arbModel: fc.Arbitrary<ModelRef> = fc.constantFrom(...MODELS)

export const arbSampling: fc.Arbitrary<Sampling> = fc
  .record(
    {
      temperature: fc.oneof(
        fc.constantFrom(0, 0.1, 0.2, 0.7, 1, 2),
        fc.double({ min: 0, max: 2, noNaN: true }),
      ),
      topP: fc.oneof(fc.constantFrom(0, 0.5, 0.9, 0.95, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    },
    { requiredKeys: [] },
  )
  .filter((s) => Object.keys(s).length > 0)
  .map((s) => {
    // -0 is not a value anyone writes (and YAML prints it as `-0`).
    const out: { temperature?: number; topP?: number } = {}
    if (s.temperature !== undefined) out.temperature = s.temperature === 0 ? 0 : s.temperature
    if (s.topP !== undefined) out.topP = s.topP === 0 ? 0 : s.topP
    return out
  })

export const arbEffort: fc.Arbitrary<Effort> = fc.constantFrom(
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
)

export const CANONICAL = Object.keys(CANONICAL_TOOLS)
const arbToolList = fc.uniqueArray(fc.constantFrom(...CANONICAL), { maxLength: 5 }).map((l) => l.sort())

export const arbTools: fc.Arbitrary<ToolPolicy> = fc
  .record({ allow: arbToolList, deny: arbToolList.filter((l) => l.length > 0) }, { requiredKeys: [] })
  .filter((t) => t.allow !== undefined || t.deny !== undefined)

const PATTERNS: Record<string, readonly string[]> = {
  bash: ['git *', 'git status', 'rm -rf *', 'npm test', 'ls*', '*'],
  edit: ['src/**', '*.md', '/etc/*', 'docs/*'],
  read: ['.env', '**/*.key', 'src/*'],
  webfetch: ['https://example.com/*', 'https://*.internal/*'],
  task: ['review*', 'explore'],
}

const arbRule: fc.Arbitrary<PermissionRule> = fc
  .tuple(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('bash', 'edit', 'read', 'webfetch') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('task', 'write', 'websearch', 'glob', 'list', 'notebook', 'todoread'),
      },
      { weight: 1, arbitrary: fc.constant('*') },
    ),
    fc.constantFrom<PermissionRule['decision']>('allow', 'ask', 'deny'),
    fc.boolean(),
    fc.nat(),
  )
  .map(([tool, decision, patterned, i]) => {
    const patterns = PATTERNS[tool]
    if (!patterned || !patterns) return { tool, decision }
    return { tool, pattern: patterns[i % patterns.length]!, decision }
  })

export const arbPermissions: fc.Arbitrary<PermissionRule[]> = fc.array(arbRule, {
  minLength: 1,
  maxLength: 5,
})

export const arbColor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 0xffffff }), fc.boolean())
    .map(([n, upper]) => `#${n.toString(16).padStart(6, '0')}`[upper ? 'toUpperCase' : 'toLowerCase']()),
  fc.constantFrom('primary', 'secondary', 'accent', 'success', 'warning', 'error', 'info'),
  fc.constantFrom('red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple', 'pink'),
  fc.constantFrom('magenta', 'Blue', 'rgb(1,2,3)'),
)

const arbGlob = fc.constantFrom(
  '**/*.ts',
  'src/**',
  '*.{ts,tsx}',
  'docs/*.md',
  'packages/*/src/**/*.test.ts',
  '*.md',
)
export const arbActivation: fc.Arbitrary<Activation> = fc.oneof(
  fc.constant<Activation>({ kind: 'always' }),
  fc.constant<Activation>({ kind: 'model-decision' }),
  fc.constant<Activation>({ kind: 'manual' }),
  fc
    .uniqueArray(arbGlob, { minLength: 1, maxLength: 3 })
    .map((globs): Activation => ({ kind: 'globs', globs })),
)

/** JSON-like YAML values (what a YAML frontmatter key can hold). */
const arbYamlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 10 }).map(clean),
    fc.integer({ min: -1000, max: 1000 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,6}$/), tie('value'), { maxKeys: 3 }),
  ),
})).value

/** A single-line string a Cursor header can hold. */
const arbCursorText = fc
  .oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...SPECIAL_FRAGMENTS))
  .map((s) => clean(s).replace(/[\r\n\u2028\u0085]/g, ' '))

/** Extension keys that no target models (the parsers would otherwise read them as fields). */
const OPENCODE_EXTENSION_KEYS = [
  'options',
  'category',
  'reasoningSummary',
  'textVerbosity',
  'x_custom',
  'prompt',
]
const CLAUDE_EXTENSION_KEYS = [
  'permissionMode',
  'skills',
  'mcpServers',
  'hooks',
  'memory',
  'background',
  'x-note',
]
const CURSOR_EXTENSION_KEYS = ['glob', 'priority', 'tags', 'x_note']

export const arbExtensions: fc.Arbitrary<Record<string, Record<string, unknown>>> = fc
  .record(
    {
      opencode: fc.oneof(
        fc.dictionary(fc.constantFrom(...OPENCODE_EXTENSION_KEYS), arbYamlValue, { minKeys: 1, maxKeys: 3 }),
        // The parser keeps an effort key that is not a known level as an extension.
        fc.dictionary(
          fc.constantFrom('reasoningEffort', 'reasoning_effort', 'effort'),
          fc.constantFrom('turbo', 'auto', 3),
          {
            minKeys: 1,
            maxKeys: 2,
          },
        ),
      ),
      claude: fc.dictionary(fc.constantFrom(...CLAUDE_EXTENSION_KEYS), arbYamlValue, {
        minKeys: 1,
        maxKeys: 3,
      }),
      cursor: fc.dictionary(
        fc.constantFrom(...CURSOR_EXTENSION_KEYS),
        fc.oneof(arbCursorText, fc.boolean(), fc.constant(null), fc.array(arbCursorText, { maxLength: 3 })),
        { minKeys: 1, maxKeys: 3 },
      ),
    },
    { requiredKeys: [] },
  )
  .map((e) => e as Record<string, Record<string, unknown>>)

/** Options of {@link arbAgentDocument}. */
export interface DocumentOptions {
  /** Draw names that targets must sanitise (AGC207) as well as kebab-case ones. */
  readonly unsafeNames?: boolean
}

/** An agent document with every optional field set independently. */
export function arbAgentDocument(options: DocumentOptions = {}): fc.Arbitrary<AgentDocument> {
  return fc
    .record(
      {
        name: options.unsafeNames ? arbAnyName : arbKebabName,
        description: arbDescription,
        role: arbRole,
        model: arbModel,
        sampling: arbSampling,
        effort: arbEffort,
        tools: arbTools,
        permissions: arbPermissions,
        maxSteps: fc.integer({ min: 1, max: 500 }),
        color: arbColor,
        hidden: fc.boolean(),
        disabled: fc.boolean(),
        activation: arbActivation,
        body: arbBodyText,
        extensions: arbExtensions,
      },
      { requiredKeys: ['name', 'body', 'extensions'] },
    )
    .map(({ body, ...rest }) => ({ irVersion: IR_VERSION, ...rest, body: { text: body } }) as AgentDocument)
}
