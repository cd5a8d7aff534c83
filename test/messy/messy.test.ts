/**
 * Messy input: small hand-written files (unquoted globs, tool lists of every shape, CRLF, BOM,
 * tabs, trailing spaces, empty or header-only files, repeated and unknown keys, non-ASCII text,
 * `---` in the body) × the markdown-frontmatter targets they apply to. Each cell expects what the
 * owning tool does with the file:
 *
 * - accepted: agentc reads it without errors; the values that matter are checked, and emitting
 *   the document again in its own format gives back the original bytes;
 * - ignored: the tool does not load the file, but agentc can read it: a warning says why, at the
 *   position of the problem (the same-format re-emit is still byte-identical);
 * - rejected: an error with its code, the exact line and column, and a message naming the field.
 *
 * How each tool reads a header (the evidence for every expectation below):
 *
 * - `gray-matter` (OpenCode: `packages/opencode/src/config/markdown.ts`): gray-matter 4.0.3 with
 *   js-yaml 3 (BOM stripped, fences found by `---` prefix, duplicate keys and unresolved aliases
 *   throw, a tab-indented key is a top-level key), then a fallback that quotes top-level values
 *   containing `:` only; the zod `Agent` schema refuses a `tools` that is not a map of booleans.
 *   Checked by running gray-matter 4.0.3 on these inputs.
 * - `claude` (Claude Code `utils/frontmatterParser.ts`, as third-party reconstructions quote it):
 *   `/^---\s*\n([\s\S]*?)---\s*\n?/`, YAML, and on a YAML error one retry with values containing
 *   `[{}[\]*&#!|>%@`]` or `: ` quoted; if that fails too the header is empty and the agent, with no
 *   `name`, is not loaded. Whether a UTF-8 BOM is dropped before matching is not verified.
 * - `cursor` (closed source; RULE-FORMATS §1.1 and the corpus): `key: raw value` lines, not YAML.
 * - `vscode` (Copilot agents and instructions: `promptFileParser.ts` + `src/vs/base/common/yaml.ts`):
 *   fences `^---[\s\r\n]*$`, VS Code's own YAML reader: no aliases (`*.ts` is text), a repeated key
 *   is reported and the first one is used, a tab counts as one column of indentation.
 * - `gemini` (`agents/agentLoader.ts`, `skills/skillLoader.ts`): `/^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n([\s\S]*))?/`
 *   on the file as read (no BOM skipping), js-yaml 4 `load`, a strict zod schema.
 * - `windsurf`, `kiro`, `factory`, `cursor-agent`: closed source. Windsurf reads unquoted globs
 *   (corpus, README); Kiro steering is read as strict YAML; Factory as leniently as Claude Code,
 *   whose agents it imports; Cursor subagents like Claude Code agents (see each target's README).
 *   Strict YAML errors (repeated keys, tab indentation) are rejections for these.
 * - `cline` (`frontmatter.ts`): the file trimmed, `^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$`,
 *   js-yaml 4; a header that does not parse is fail-open: the whole file is an always-on rule.
 * - `qwen` (`subagent-manager.ts` `parseSubagentContent`, `utils/yaml-parser.ts`): BOM and CR
 *   removed, `/^---\n([\s\S]*?)\n---\n([\s\S]*)$/` (exact fences, a line break after the closing
 *   one), `yaml.parse`, and on any error a simple line reader (`key: value` split at the first
 *   colon, the last of a repeated key wins, a tab-indented key is a key).
 */
import {
  type Activation,
  type AgentDocument,
  type Diagnostic,
  emitDocument,
  parseFile,
  type Target,
} from '@agentc/core'
import {
  claude,
  cline,
  copilot,
  copilotInstructions,
  cursor,
  cursorAgent,
  factory,
  gemini,
  kiroSteering,
  opencode,
  qwen,
  windsurf,
} from '@agentc/targets'
import { describe, expect, it } from 'vitest'

type Reader =
  | 'gray-matter'
  | 'claude'
  | 'cursor'
  | 'vscode'
  | 'gemini'
  | 'windsurf'
  | 'cline'
  | 'kiro'
  | 'factory'
  | 'qwen'
  | 'cursor-agent'

/** A target, where its files live, and a minimal valid header in which messy lines are placed. */
interface Profile {
  readonly target: Target
  readonly path: string
  readonly reader: Reader
  /** A valid header; its `description` is `Reviews code`. */
  readonly header: readonly string[]
  /** Header lines that make a rule apply to files matching `value` (rule targets only). */
  readonly globs?: (value: string) => string[]
  /** Tool lists in the tool's own names (agent targets with tools only), and the IR they read as. */
  readonly tools?: {
    readonly comma: string
    readonly list: readonly string[]
    readonly map?: readonly string[]
    readonly allow: readonly string[]
  }
}

const PROFILES: readonly Profile[] = [
  {
    target: opencode,
    path: '.opencode/agents/reviewer.md',
    reader: 'gray-matter',
    header: ['description: Reviews code', 'mode: subagent'],
    tools: {
      comma: 'read, grep',
      list: ['read', 'grep'],
      map: ['  bash: false', '  edit: false'],
      allow: [],
    },
  },
  {
    target: claude,
    path: '.claude/agents/reviewer.md',
    reader: 'claude',
    header: ['name: reviewer', 'description: Reviews code'],
    tools: { comma: 'Read, Grep, Glob', list: ['Read', 'Grep', 'Glob'], allow: ['glob', 'grep', 'read'] },
  },
  {
    target: cursor,
    path: '.cursor/rules/reviewer.mdc',
    reader: 'cursor',
    header: ['description: Reviews code', 'alwaysApply: false'],
    globs: (value) => ['description: Reviews code', `globs: ${value}`, 'alwaysApply: false'],
  },
  {
    target: copilot,
    path: '.github/agents/reviewer.agent.md',
    reader: 'vscode',
    header: ['name: Reviewer', 'description: Reviews code'],
    tools: {
      comma: 'read, search',
      list: ['read', 'search'],
      allow: ['glob', 'grep', 'list', 'lsp', 'read'],
    },
  },
  {
    target: gemini,
    path: '.gemini/agents/reviewer.md',
    reader: 'gemini',
    header: ['name: reviewer', 'description: Reviews code'],
    tools: { comma: 'read_file, grep_search', list: ['read_file', 'grep_search'], allow: ['grep', 'read'] },
  },
  {
    target: windsurf,
    path: '.windsurf/rules/reviewer.md',
    reader: 'windsurf',
    header: ['trigger: model_decision', 'description: Reviews code'],
    globs: (value) => ['trigger: glob', 'description: Reviews code', `globs: ${value}`],
  },
  {
    target: cline,
    path: '.clinerules/reviewer.md',
    reader: 'cline',
    header: ['description: Reviews code', 'paths:', '  - "src/**"'],
    globs: (value) => ['description: Reviews code', `paths: ${value}`],
  },
  {
    target: kiroSteering,
    path: '.kiro/steering/reviewer.md',
    reader: 'kiro',
    header: ['inclusion: auto', 'name: reviewer', 'description: Reviews code'],
    globs: (value) => ['inclusion: fileMatch', 'description: Reviews code', `fileMatchPattern: ${value}`],
  },
  {
    target: copilotInstructions,
    path: '.github/instructions/reviewer.instructions.md',
    reader: 'vscode',
    header: ['description: Reviews code', 'applyTo: "src/**"'],
    globs: (value) => ['description: Reviews code', `applyTo: ${value}`],
  },
  {
    target: factory,
    path: '.factory/droids/reviewer.md',
    reader: 'factory',
    header: ['name: reviewer', 'description: Reviews code'],
    tools: {
      comma: 'Read, Grep, Glob',
      list: ['Read', 'Grep', 'Glob'],
      allow: ['glob', 'grep', 'read', 'todowrite'],
    },
  },
  {
    target: qwen,
    path: '.qwen/agents/reviewer.md',
    reader: 'qwen',
    header: ['name: reviewer', 'description: Reviews code'],
    tools: { comma: 'read_file, grep_search', list: ['read_file', 'grep_search'], allow: ['grep', 'read'] },
  },
  {
    target: cursorAgent,
    path: '.cursor/agents/reviewer.md',
    reader: 'cursor-agent',
    header: ['name: reviewer', 'description: Reviews code'],
  },
]

const BODY = 'Review the code carefully.\n'

/** A file: `---`, the header lines, `---`, a blank line, the body. */
const file = (header: readonly string[], body = BODY) => `---\n${header.join('\n')}\n---\n\n${body}`
/** The header with `line` inserted after its first line. */
const withLine = (p: Profile, line: string) => [p.header[0]!, line, ...p.header.slice(1)]
/** The (1-based) file line of the `description` key in a header built by {@link file}. */
const descriptionLine = (header: readonly string[]) =>
  header.findIndex((l) => l.startsWith('description:')) + 2

/** The IR values a cell checks (only those given). */
interface Values {
  readonly name?: string
  readonly description?: string | undefined
  readonly body?: string
  readonly activation?: Activation
  readonly allow?: readonly string[]
  readonly deny?: readonly string[]
  readonly extensions?: Readonly<Record<string, unknown>>
}

/** A diagnostic's code and exact position. */
interface Positioned {
  readonly code: string
  readonly line: number
  readonly column: number
}

/** A refusal: its code, its exact position, and text the message must contain. */
interface Refusal {
  readonly code: string
  readonly line: number
  readonly column: number
  /** The field, or the key the problem is about. */
  readonly names: string
}

type Expectation =
  | {
      readonly kind: 'accepted'
      readonly values?: Values
      /** The warning codes, exactly (default: none). */
      readonly warnings?: readonly string[]
      /** Info codes that must be among the diagnostics. */
      readonly notes?: readonly string[]
      /** Diagnostics that must be reported at exactly this position. */
      readonly at?: readonly Positioned[]
    }
  | ({ readonly kind: 'ignored' } & Refusal)
  | ({ readonly kind: 'rejected' } & Refusal)

const accepted = (
  values?: Values,
  warnings: readonly string[] = [],
  notes: readonly string[] = [],
  at: readonly Positioned[] = [],
): Expectation => ({ kind: 'accepted', ...(values ? { values } : {}), warnings, notes, at })
const rejected = (code: string, line: number, column: number, names: string): Expectation => ({
  kind: 'rejected',
  code,
  line,
  column,
  names,
})
const ignored = (code: string, line: number, column: number, names: string): Expectation => ({
  kind: 'ignored',
  code,
  line,
  column,
  names,
})

/** The rule Cline makes of a file whose header it cannot read: the whole file, always on. */
const clineWholeFile = (text: string): Values => ({
  description: undefined,
  activation: { kind: 'always' },
  body: text.replace(/^\ufeff/, '').replace(/\r\n/g, '\n'),
})

interface Case {
  readonly name: string
  /** Whether the case applies to the target (default: all). */
  readonly applies?: (p: Profile) => boolean
  readonly input: (p: Profile) => string
  readonly expect: (p: Profile, text: string) => Expectation
}

const CASES: readonly Case[] = [
  {
    name: 'unquoted glob `*.ts` (an alias in strict YAML)',
    applies: (p) => p.globs !== undefined,
    input: (p) => file(p.globs!('*.ts')),
    expect: (p, text) => {
      const line = text.split('\n').findIndex((l) => l.endsWith('*.ts')) + 1
      const column = text.split('\n')[line - 1]!.indexOf('*') + 1
      switch (p.reader) {
        // Cursor reads `key: raw value` lines; Windsurf and VS Code (no aliases) read the text.
        case 'cursor':
          return accepted({ description: 'Reviews code', activation: { kind: 'globs', globs: ['*.ts'] } })
        case 'windsurf':
        case 'vscode':
          return accepted({ activation: { kind: 'globs', globs: ['*.ts'] } }, [], ['AGC004'])
        // js-yaml 4 throws on the alias; Cline then uses the whole file as an always-on rule.
        case 'cline':
          return accepted(clineWholeFile(text), ['AGC104'], [], [{ code: 'AGC104', line, column }])
        // Kiro steering is strict YAML: the alias cannot be resolved.
        case 'kiro':
          return rejected('AGC002', line, column, '`fileMatchPattern`')
        default:
          throw new Error(`no expectation for ${p.reader}`)
      }
    },
  },
  {
    name: 'unquoted comma-separated globs `src/**/*.ts, *.md` (valid YAML text)',
    applies: (p) => p.globs !== undefined,
    input: (p) => file(p.globs!('src/**/*.ts, *.md')),
    expect: (p, text) => {
      switch (p.reader) {
        // Kiro: a `fileMatchPattern` string is one glob, commas included (README, Kiro issue #9176).
        case 'kiro':
          return accepted({ activation: { kind: 'globs', globs: ['src/**/*.ts, *.md'] } })
        // Cline evaluates `paths` only as a YAML list; a string is ignored and the rule is always on.
        case 'cline': {
          const line = text.split('\n').findIndex((l) => l.startsWith('paths:')) + 1
          return accepted(
            { activation: { kind: 'always' } },
            ['AGC104'],
            [],
            [{ code: 'AGC104', line, column: 8 }],
          )
        }
        default:
          return accepted({ activation: { kind: 'globs', globs: ['src/**/*.ts', '*.md'] } })
      }
    },
  },
  {
    name: 'tools as a comma-separated string',
    applies: (p) => p.tools !== undefined,
    input: (p) => file([...p.header, `tools: ${p.tools!.comma}`]),
    expect: (p, text) => {
      const line = text.split('\n').findIndex((l) => l.startsWith('tools:')) + 1
      switch (p.reader) {
        // OpenCode's zod schema wants a map of booleans; Gemini's a YAML list.
        case 'gray-matter':
          return rejected('AGC101', line, 8, '`tools`')
        case 'gemini':
          return rejected('AGC101', line, 8, '`tools`')
        // Claude Code, Factory, Qwen Code split the text at commas; GitHub documents it for Copilot.
        default:
          return accepted({ allow: p.tools!.allow })
      }
    },
  },
  {
    name: 'tools as a YAML list',
    applies: (p) => p.tools !== undefined,
    input: (p) => file([...p.header, 'tools:', ...p.tools!.list.map((t) => `  - ${t}`)]),
    expect: (p, text) => {
      if (p.reader === 'gray-matter') {
        const line = text.split('\n').findIndex((l) => l.startsWith('tools:')) + 2
        return rejected('AGC101', line, 3, '`tools`')
      }
      return accepted({ allow: p.tools!.allow })
    },
  },
  {
    name: 'tools as a map (OpenCode: `false` removes a tool)',
    applies: (p) => p.tools?.map !== undefined,
    input: (p) => file([...p.header, 'tools:', ...p.tools!.map!]),
    // OpenCode turns `edit`, `write` and `apply_patch` into one `edit` permission (opencode README).
    expect: () => accepted({ deny: ['bash', 'edit', 'write'] }),
  },
  {
    name: 'CRLF line ends',
    input: (p) => file(p.header).replace(/\n/g, '\r\n'),
    // Every reader matches `\r?\n` or normalises the line ends (Qwen Code) before reading.
    expect: (p) =>
      p.reader === 'cline'
        ? accepted({
            description: 'Reviews code',
            activation: { kind: 'globs', globs: ['src/**'] },
            body: `\n${BODY}`,
          })
        : accepted({ description: 'Reviews code', body: `\n${BODY}` }),
  },
  {
    name: 'a byte-order mark',
    input: (p) => `\ufeff${file(p.header)}`,
    expect: (p) => {
      // Gemini CLI matches `^---` on the text as read: the mark hides the frontmatter.
      if (p.reader === 'gemini') return ignored('AGC104', 1, 1, 'byte-order mark')
      // gray-matter and Qwen Code strip it, VS Code's text model drops it, Cline trims the file.
      return accepted({ description: 'Reviews code', body: `\n${BODY}` })
    },
  },
  {
    name: 'a key indented with a tab',
    // Cursor's header reader is closed source: how it takes an indented line is not known.
    applies: (p) => p.reader !== 'cursor',
    input: (p) => file(withLine(p, '\tflavour: mint')),
    expect: (p, text) => {
      switch (p.reader) {
        // js-yaml 3 does not count tabs as indentation; VS Code reports it and reads the key;
        // Qwen Code's simple reader trims the key.
        case 'gray-matter':
        case 'vscode':
        case 'qwen':
          return accepted(
            { description: 'Reviews code', extensions: { [p.target.id]: { flavour: 'mint' } } },
            [],
            ['AGC004'],
            [{ code: 'AGC004', line: 3, column: p.reader === 'qwen' ? 1 : 2 }],
          )
        // js-yaml 4 refuses tab indentation: Cline uses the whole file as an always-on rule.
        case 'cline':
          return accepted(clineWholeFile(text), ['AGC104'], [], [{ code: 'AGC104', line: 3, column: 1 }])
        // YAML refuses tab indentation (Claude Code's retry does not change indented lines).
        default:
          return rejected('AGC002', 3, 1, '`flavour`')
      }
    },
  },
  {
    name: 'a tab inside a value',
    input: (p) => file(p.header.map((l) => l.replace('Reviews code', 'Reviews\tcode'))),
    expect: () => accepted({ description: 'Reviews\tcode' }),
  },
  {
    name: 'trailing spaces after a value',
    input: (p) => file(p.header.map((l) => (l.startsWith('description:') ? `${l}  \t ` : l))),
    expect: () => accepted({ description: 'Reviews code' }),
  },
  {
    name: 'trailing spaces after the opening fence',
    input: (p) => file(p.header).replace(/^---\n/, '---  \n'),
    expect: (p, text) => {
      switch (p.reader) {
        // Gemini CLI and Qwen Code need the first line to be exactly `---`.
        case 'gemini':
        case 'qwen':
          return rejected('AGC101', 1, 4, '`---`')
        // Cline's `^---\r?\n` does not match: no header, the whole file is the rule.
        case 'cline':
          return accepted(clineWholeFile(text))
        default:
          return accepted({ description: 'Reviews code', body: `\n${BODY}` })
      }
    },
  },
  {
    name: 'trailing spaces after the closing fence',
    input: (p) => file(p.header).replace(/\n---\n/, '\n--- \t\n'),
    expect: (p) => {
      const closing = p.header.length + 2
      switch (p.reader) {
        // Gemini CLI: nothing may follow the closing `---` but a line break, or the body is lost.
        case 'gemini':
          return ignored('AGC104', closing, 4, 'empty system prompt')
        // Qwen Code needs `\n---\n`.
        case 'qwen':
          return rejected('AGC101', closing, 4, '`---`')
        // Cline's `\r?\n---\r?\n?([\s\S]*)$`: the body starts right after `---`, spaces included.
        case 'cline':
          return accepted({ description: 'Reviews code', body: ` \t\n\n${BODY}` })
        default:
          return accepted({ description: 'Reviews code', body: `\n${BODY}` })
      }
    },
  },
  {
    name: 'an empty frontmatter (`---` then `---`)',
    input: () => `---\n---\n${BODY}`,
    expect: (p, text) => {
      switch (p.reader) {
        // `name` is required (Gemini's pattern does not even match an empty header).
        case 'gemini':
        case 'factory':
          return rejected('AGC101', 1, 1, '`name`')
        case 'qwen':
          return rejected('AGC101', 2, 1, 'no line between the fences')
        // Claude Code loads no agent without `name` (and `description`).
        case 'claude':
          return ignored('AGC104', 1, 1, '`name`')
        // Cline's pattern needs a line between the fences: the whole file is the rule.
        case 'cline':
          return accepted(clineWholeFile(text))
        // VS Code loads it; GitHub wants a description.
        case 'vscode':
          return p.target === copilot
            ? accepted({ description: undefined, body: BODY }, ['AGC104'])
            : accepted({ description: undefined, body: BODY, activation: { kind: 'manual' } })
        default:
          return accepted({ description: undefined, body: BODY })
      }
    },
  },
  {
    name: 'a frontmatter-only file with a final line break',
    input: (p) => `---\n${p.header.join('\n')}\n---\n`,
    expect: (p) => {
      const end = p.header.length + 3
      switch (p.reader) {
        // Factory does not load a droid without instructions; Qwen Code one under 10 characters.
        case 'factory':
          return ignored('AGC104', end, 1, 'body')
        case 'qwen':
          return ignored('AGC104', end, 1, 'body')
        default:
          return accepted({ description: 'Reviews code', body: '' })
      }
    },
  },
  {
    name: 'a frontmatter-only file without a final line break',
    input: (p) => `---\n${p.header.join('\n')}\n---`,
    expect: (p) => {
      const closing = p.header.length + 2
      switch (p.reader) {
        case 'factory':
          return ignored('AGC104', closing, 1, 'body')
        // Qwen Code's pattern needs a line break after the closing `---`.
        case 'qwen':
          return rejected('AGC101', closing, 4, 'line break')
        default:
          return accepted({ description: 'Reviews code', body: '' })
      }
    },
  },
  {
    name: 'no final line break',
    input: (p) => file(p.header, 'Review the code carefully.'),
    expect: () => accepted({ description: 'Reviews code', body: '\nReview the code carefully.' }),
  },
  {
    name: 'a key written twice',
    input: (p) => file([...p.header, 'description: Other text']),
    expect: (p, text) => {
      const first = descriptionLine(p.header)
      const second = p.header.length + 2
      switch (p.reader) {
        // VS Code reports the repeat and uses the first; Qwen Code's simple reader the last.
        case 'vscode':
          return accepted(
            { description: 'Reviews code' },
            ['AGC104'],
            [],
            [{ code: 'AGC104', line: second, column: 1 }],
          )
        case 'qwen':
          return accepted(
            { description: 'Other text' },
            ['AGC104'],
            ['AGC004'],
            [{ code: 'AGC104', line: first, column: 1 }],
          )
        // Cursor's line reader: the last value counts.
        case 'cursor':
          return accepted(
            { description: 'Other text' },
            ['AGC104'],
            [],
            [{ code: 'AGC104', line: second, column: 1 }],
          )
        // js-yaml 4 throws: Cline uses the whole file.
        case 'cline':
          return accepted(clineWholeFile(text), ['AGC104'], [], [{ code: 'AGC104', line: second, column: 1 }])
        // js-yaml and `yaml` refuse a repeated key.
        default:
          return rejected('AGC002', second, 1, '`description`')
      }
    },
  },
  {
    name: 'an unknown key',
    input: (p) => file([...p.header, 'flavour: mint']),
    expect: (p) => {
      // Gemini CLI's schema is strict: an unknown key fails the file.
      if (p.reader === 'gemini') return rejected('AGC101', p.header.length + 2, 1, '`flavour`')
      // The others ignore it; agentc keeps it for the same target.
      return accepted(
        { description: 'Reviews code', extensions: { [p.target.id]: { flavour: 'mint' } } },
        [],
        ['AGC102'],
      )
    },
  },
  {
    name: 'non-ASCII descriptions and bodies (CJK, emoji, RTL, combining marks)',
    input: (p) =>
      file(
        p.header.map((l) => l.replace('Reviews code', 'コードを見る 🔍 مراجعة re\u0301sume\u0301')),
        'コードを丁寧に確認してください 🚀\nבדוק את הקוד\n',
      ),
    expect: () =>
      accepted({
        description: 'コードを見る 🔍 مراجعة re\u0301sume\u0301',
        body: '\nコードを丁寧に確認してください 🚀\nבדוק את הקוד\n',
      }),
  },
  {
    name: 'a non-ASCII display name',
    // Names that are display text, not file names: Copilot agents, Kiro steering, Copilot instructions.
    applies: (p) => p.target === copilot || p.target === kiroSteering || p.target === copilotInstructions,
    input: (p) => file([...p.header.filter((l) => !l.startsWith('name:')), 'name: Réviseur 🔍 レビュー']),
    expect: () => accepted({ name: 'Réviseur 🔍 レビュー' }, [], [], []),
  },
  {
    name: '`---` inside the body',
    input: (p) => file(p.header, 'Intro\n\n---\n\nMore text.\n---\n'),
    expect: () => accepted({ description: 'Reviews code', body: '\nIntro\n\n---\n\nMore text.\n---\n' }),
  },
  {
    name: 'a body that starts right after the closing fence',
    input: (p) => `---\n${p.header.join('\n')}\n---\n${BODY}`,
    expect: () => accepted({ description: 'Reviews code', body: BODY }),
  },
]

/** What happened, in the terms of {@link Expectation}. */
function check(p: Profile, text: string, expected: Expectation): void {
  const parsed = parseFile(p.target, { path: p.path, text })
  const show = (d: Diagnostic) => `${d.severity} ${d.code} ${d.line}:${d.column} ${d.message}`
  const all = parsed.diagnostics.map(show)
  if (expected.kind === 'rejected') {
    expect(parsed.value, all.join('\n')).toBeUndefined()
    const error = parsed.diagnostics.find((d) => d.severity === 'error' && d.code === expected.code)
    expect(error, all.join('\n')).toBeDefined()
    expect({ line: error!.line, column: error!.column }).toEqual({
      line: expected.line,
      column: expected.column,
    })
    expect(error!.message).toContain(expected.names)
    return
  }
  expect(parsed.diagnostics.filter((d) => d.severity === 'error').map(show)).toEqual([])
  const [doc] = parsed.value ?? []
  expect(doc).toBeDefined()
  if (expected.kind === 'ignored') {
    const warning = parsed.diagnostics.find((d) => d.severity === 'warning' && d.code === expected.code)
    expect(warning, all.join('\n')).toBeDefined()
    expect({ line: warning!.line, column: warning!.column }).toEqual({
      line: expected.line,
      column: expected.column,
    })
    expect(warning!.message).toContain(expected.names)
  } else {
    const warnings = [
      ...new Set(parsed.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)),
    ]
    expect(warnings.sort(), all.join('\n')).toEqual([...(expected.warnings ?? [])].sort())
    const codes = parsed.diagnostics.map((d) => d.code)
    for (const note of expected.notes ?? []) expect(codes, all.join('\n')).toContain(note)
    if (expected.values) expect(pick(doc!, expected.values)).toEqual(expected.values)
    for (const at of expected.at ?? []) {
      const found = parsed.diagnostics.filter((d) => d.code === at.code).map((d) => `${d.line}:${d.column}`)
      expect(found, all.join('\n')).toContain(`${at.line}:${at.column}`)
    }
  }
  const emitted = emitDocument(p.target, doc!)
  const out = emitted.value?.find((f) => f.path === p.path)
  expect(out?.contents, 'the same-format re-emit is byte-identical').toBe(text)
}

/** The fields of `doc` that `values` names. */
function pick(doc: AgentDocument, values: Values): Values {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(values)) {
    if (key === 'body') out.body = doc.body.text
    else if (key === 'allow') out.allow = doc.tools?.allow
    else if (key === 'deny') out.deny = doc.tools?.deny
    else out[key] = doc[key as keyof AgentDocument]
  }
  return out as Values
}

for (const c of CASES) {
  describe(c.name, () => {
    for (const p of PROFILES) {
      if (c.applies && !c.applies(p)) continue
      it(p.target.id, () => {
        const text = c.input(p)
        check(p, text, c.expect(p, text))
      })
    }
  })
}
