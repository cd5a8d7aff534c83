/**
 * The real-world corpus test: every agent file of the shared corpus (`../shared/corpus` next to
 * the repository; see its NOTES.md) is parsed with the target that owns its format, re-emitted
 * with the same target (byte for byte) and emitted to every other target, which must read the
 * result back without errors. The corpus is never copied into the repository; without it (a
 * fresh clone) the test skips and says why.
 *
 * Two reviewed lists say where a file may do otherwise, each entry with the reason: files the
 * owning tool rejects too (EXPECTED_REJECTIONS, with the position of the problem) and files whose
 * same-format re-emit is not byte-identical (KNOWN_DIFFERENCES). Both prune themselves: an entry
 * that no longer applies, or that names a file the corpus does not hold, fails the test.
 *
 * `AGENTC_CORPUS=<dir>` points the test at another copy of the corpus;
 * `AGENTC_CORPUS_VERBOSE=1` prints the diagnostics of every file that does not parse cleanly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AgentDocument, type Diagnostic, emitDocument, parseFile, type Target } from '@agentc/core'
import {
  agentsMd,
  builtinRegistry,
  builtinTargets,
  claude,
  copilot,
  copilotInstructions,
  cursor,
  factory,
  kiroSteering,
  opencode,
  roo,
  windsurf,
} from '@agentc/targets'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CORPUS = resolve(ROOT, process.env.AGENTC_CORPUS ?? '../shared/corpus')
const PRESENT = existsSync(CORPUS)
const VERBOSE = process.env.AGENTC_CORPUS_VERBOSE === '1'
/** Another copy of the corpus (AGENTC_CORPUS) need not hold the files the lists name. */
const OWN_CORPUS = process.env.AGENTC_CORPUS === undefined

interface Format {
  /** The corpus folder. */
  readonly folder: string
  /** The target that owns the format. */
  readonly target: Target
  /** Whether the target reads the file at this (original) path; other files are skipped. */
  readonly reads: (path: string) => boolean
}

/** Corpus folders of the targets that exist. */
const FORMATS: readonly Format[] = [
  { folder: 'opencode', target: opencode, reads: (p) => p.endsWith('.md') },
  { folder: 'claude-agents', target: claude, reads: (p) => p.endsWith('.md') },
  { folder: 'cursor-mdc', target: cursor, reads: (p) => p.endsWith('.mdc') || p.endsWith('.md') },
  { folder: 'codex-agents-md', target: agentsMd, reads: (p) => /(^|\/)AGENTS(\.override)?\.md$/i.test(p) },
  { folder: 'factory-droids', target: factory, reads: (p) => /(^|\/)\.factory\/droids\/[^/]+\.md$/.test(p) },
  { folder: 'copilot-agents', target: copilot, reads: (p) => p.endsWith('.md') },
  { folder: 'copilot-chatmodes', target: copilot, reads: (p) => p.endsWith('.chatmode.md') },
  {
    folder: 'windsurf-rules',
    target: windsurf,
    reads: (p) => /(^|\/)\.(windsurf|devin)\/rules\/.+\.md$/.test(p),
  },
  {
    folder: 'copilot-instructions',
    target: copilotInstructions,
    reads: (p) => p.endsWith('.instructions.md'),
  },
  {
    folder: 'kiro-steering',
    target: kiroSteering,
    reads: (p) => /(^|\/)\.kiro\/steering\/.+\.md$/.test(p),
  },
  // roo: `.roomodes`, `custom_modes.yaml` and shared one-mode YAML files (not CI configs).
  {
    folder: 'roo-modes',
    target: roo,
    reads: (p) => /(^|\/)\.roomodes$/.test(p) || (/\.ya?ml$/.test(p) && !p.startsWith('.github/')),
  },
]

/**
 * Corpus folders no target reads, and why (checked against all 19 targets). A listed folder the
 * corpus does not have, or a folder in neither list, fails the test; so does any file below these
 * folders whose path a target's layout includes (it would belong in FORMATS).
 */
const NOT_CHECKED: Readonly<Record<string, string>> = {
  'claude-commands': 'Claude Code slash commands (`.claude/commands/`); no target converts commands.',
  'claude-skills': 'Claude Code skills (`SKILL.md`); no target converts skills.',
  'copilot-prompts': 'Copilot prompt files (`.prompt.md`); no target converts prompts.',
  cursorrules: 'Legacy single-file `.cursorrules`; the `cursor` target reads `.cursor/rules/`.',
  'gemini-commands':
    'Gemini CLI commands (`.gemini/commands/*.toml`); the `gemini` target reads subagents (`.gemini/agents/*.md`).',
  other:
    'Files no target reads: CLAUDE.md, GEMINI.md, single-file `.clinerules`, `.windsurf/workflows/`, ' +
    '`.amazonq/rules/`, Markdown below `.codex/agents/` (Codex reads TOML there).',
}

const TARGETS: readonly Target[] = builtinTargets

/** A file the owning tool rejects too: the code agentc reports, where, and why. */
interface ExpectedRejection {
  readonly code: string
  /** The 1-based line and column of the error, checked by hand. */
  readonly line: number
  readonly column: number
  /** The text the position points at (the start of the offending key or value). */
  readonly at: string
  readonly reason: string
}

/**
 * These droids start with `name:` but have no `---` fences at all, so there is no frontmatter:
 * Factory loads a droid only from a file that starts with YAML frontmatter holding `name`.
 */
const LAMMESEN_NO_FENCES: ExpectedRejection = {
  code: 'AGC101',
  line: 1,
  column: 1,
  at: 'name: ',
  reason:
    'No frontmatter: the `name:`/`tools:` lines are not inside `---` fences, and Factory requires frontmatter with `name`.',
}

/**
 * Files the owning tool itself would reject, by corpus path, with the error agentc reports and
 * why. A listed file that starts parsing, or an unlisted file that is rejected, fails the test:
 * the list prunes itself.
 */
const EXPECTED_REJECTIONS: Readonly<Record<string, ExpectedRejection>> = {
  'factory-droids/lammesen__networkautomation/.factory__droids__api-developer.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__code-reviewer.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__codebase-auditor.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__e2e-tester.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__test-engineer.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__ui-builder.md': LAMMESEN_NO_FENCES,
  'opencode/darellchua2__opencode-config-template/opencode_app__.opencode__agents__startup-ceo-subagent.md': {
    code: 'AGC002',
    line: 14,
    column: 3,
    at: 'task:',
    reason:
      '`permission` holds the key `task` twice (lines 9 and 14). gray-matter (js-yaml 3) throws "duplicated mapping key" ' +
      "and OpenCode's fallback only rewrites top-level values containing `:`, so OpenCode reports a frontmatter error as well.",
  },
  'roo-modes/jtgsystems__Custom-Modes-Roo-Code/custom_modes.d__website__website-foundation-planner.yaml': {
    code: 'AGC002',
    line: 49,
    column: 35,
    at: '“Apply',
    reason:
      'Roo Code replaces curly quotes with straight ones before parsing (CustomModesManager.cleanInvisibleCharacters); ' +
      'the “ inside the double-quoted customInstructions then ends the string early and the `yaml` parser fails.',
  },
}

/**
 * Parsed files whose same-format re-emit is not byte-identical, by corpus path, with the reason
 * the difference is accepted. Reviewed: none today, every parsed file re-emits byte for byte. A
 * listed file that re-emits identically again, does not parse, or is not in the corpus fails the
 * test; so does an unlisted file that differs.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, { readonly reason: string }>> = {}

type Outcome = 'clean' | 'warnings' | 'rejected' | 'crashed'

/** One error of a rejected file, with the text its position points at. */
interface PositionedError {
  readonly code: string
  readonly line?: number
  readonly column?: number
  /** The rest of the line from the column (empty when the position is outside the file). */
  readonly text: string
}

/** What happened to one corpus file. */
interface FileResult {
  /** `<folder>/<corpus path>`. */
  readonly where: string
  readonly outcome: Outcome
  /** The errors, when rejected. */
  readonly errors: readonly PositionedError[]
  /** The same-format re-emit, when parsed: the original bytes, other bytes, or no output. */
  readonly reemit?: 'identical' | 'different' | 'failed'
}

/**
 * Compares rejections with EXPECTED_REJECTIONS: every rejection listed with its code and exact
 * position, every listed file rejected (and in the corpus when `complete`).
 * @returns One message per disagreement.
 */
export function reconcileRejections(
  results: readonly FileResult[],
  expected: Readonly<Record<string, ExpectedRejection>>,
  complete: boolean,
): string[] {
  const problems: string[] = []
  for (const r of results) {
    const listed = expected[r.where]
    if (r.outcome === 'crashed') continue
    if (r.outcome !== 'rejected') {
      if (listed)
        problems.push(`${r.where}: listed in EXPECTED_REJECTIONS but now parses; remove it from the list`)
      continue
    }
    const codes = [...new Set(r.errors.map((e) => e.code))].sort()
    if (!listed) {
      problems.push(`${r.where}: rejected (${codes.join(', ')}) but not in EXPECTED_REJECTIONS`)
      continue
    }
    const error = r.errors.find((e) => e.code === listed.code)
    if (!error) {
      problems.push(`${r.where}: rejected with ${codes.join(', ')}, expected ${listed.code}`)
    } else if (
      error.line !== listed.line ||
      error.column !== listed.column ||
      !error.text.startsWith(listed.at)
    ) {
      problems.push(
        `${r.where}: ${listed.code} at ${error.line}:${error.column} (${JSON.stringify(error.text.slice(0, 20))}), ` +
          `expected ${listed.line}:${listed.column} (${JSON.stringify(listed.at)})`,
      )
    }
  }
  if (complete) problems.push(...missing(results, expected, 'EXPECTED_REJECTIONS'))
  return problems
}

/**
 * Compares same-format re-emits with KNOWN_DIFFERENCES: every parsed file identical or listed,
 * every listed file parsed, different, and in the corpus when `complete`.
 * @returns One message per disagreement.
 */
export function reconcileDifferences(
  results: readonly FileResult[],
  known: Readonly<Record<string, { readonly reason: string }>>,
  complete: boolean,
): string[] {
  const problems: string[] = []
  for (const r of results) {
    const listed = known[r.where]
    if (r.reemit === 'different' && !listed) {
      problems.push(
        `${r.where}: re-emitting it in its own format changed the bytes; not in KNOWN_DIFFERENCES`,
      )
    } else if (listed && r.reemit === 'identical') {
      problems.push(
        `${r.where}: listed in KNOWN_DIFFERENCES but re-emits byte for byte now; remove it from the list`,
      )
    } else if (listed && r.reemit === undefined) {
      problems.push(`${r.where}: listed in KNOWN_DIFFERENCES but does not parse (${r.outcome})`)
    }
  }
  if (complete) problems.push(...missing(results, known, 'KNOWN_DIFFERENCES'))
  return problems
}

/** Listed files (of the folders the results cover) that the results do not have. */
function missing(
  results: readonly FileResult[],
  list: Readonly<Record<string, unknown>>,
  name: string,
): string[] {
  const seen = new Set(results.map((r) => r.where))
  const folders = new Set(results.map((r) => r.where.slice(0, r.where.indexOf('/'))))
  return Object.keys(list)
    .filter((where) => folders.has(where.slice(0, where.indexOf('/'))) && !seen.has(where))
    .map((where) => `${where}: listed in ${name} but not in the corpus`)
}

interface FormatSummary {
  readonly folder: string
  files: number
  skipped: number
  clean: number
  warnings: number
  readonly rejected: Record<string, number>
  crashed: number
  parsed: number
  identical: number
  known: number
  conversions: number
}

const summaries: FormatSummary[] = []

if (!PRESENT) {
  console.log(
    `Real-world corpus test skipped: ${CORPUS} does not exist. The corpus lives outside the repository ` +
      '(../shared/corpus, or set AGENTC_CORPUS); a fresh clone has none.',
  )
}

/** Every file below `dir`, as sorted POSIX paths relative to `dir`. */
function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) out.push(relative(dir, full).split('\\').join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** `<owner>__<repo>/<path with / as __>` → the file's path inside its repository. */
function originalPath(corpusFile: string): string {
  return corpusFile.slice(corpusFile.indexOf('/') + 1).replace(/__/g, '/')
}

const isError = (d: Diagnostic) => d.severity === 'error'
const show = (d: Diagnostic) =>
  `${d.code}${d.line !== undefined ? ` ${d.line}:${d.column}` : ''} ${d.message}`
// codex: Codex custom agents are TOML files. roo: Roo Code modes live in `.roomodes`.
const isAgentFile = (path: string) => /\.(md|mdc|toml)$/.test(path) || /(^|\/)\.roomodes$/.test(path)

/** Checks one file. Failures other than rejections and re-emit differences go to `problems`. */
function check(format: Format, corpusFile: string, summary: FormatSummary, problems: string[]): FileResult {
  const where = `${format.folder}/${corpusFile}`
  const text = readFileSync(join(CORPUS, format.folder, corpusFile), 'utf8')
  let parsed: ReturnType<typeof parseFile>
  try {
    parsed = parseFile(format.target, { path: originalPath(corpusFile), text })
  } catch (error) {
    problems.push(`${where}: parseFile threw: ${String(error)}`)
    return { where, outcome: 'crashed', errors: [] }
  }
  if (VERBOSE && parsed.diagnostics.some((d) => d.severity !== 'info')) {
    console.log(`${where}\n${parsed.diagnostics.map((d) => `  ${d.severity} ${show(d)}`).join('\n')}`)
  }
  const crash = parsed.diagnostics.find((d) => d.code === 'AGC901')
  if (crash) {
    problems.push(`${where}: ${show(crash)}`)
    return { where, outcome: 'crashed', errors: [] }
  }
  const lines = text.split('\n')
  const errors = parsed.diagnostics.filter(isError).map((error): PositionedError => {
    const { line, column } = error
    const content = line === undefined ? undefined : lines[line - 1]?.replace(/\r$/, '')
    if (
      line === undefined ||
      content === undefined ||
      column === undefined ||
      column < 1 ||
      column > content.length + 1
    ) {
      problems.push(
        `${where}: an error is not positioned inside the file (${lines.length} lines): ${show(error)}`,
      )
      return { code: error.code, ...(line !== undefined ? { line } : {}), text: '' }
    }
    return { code: error.code, line, column, text: content.slice(column - 1) }
  })
  if (errors.length > 0 || parsed.value === undefined) return { where, outcome: 'rejected', errors }
  summary.parsed++
  let reemit: FileResult['reemit'] = parsed.value.length > 0 ? 'identical' : 'failed'
  for (const doc of parsed.value) {
    const again = roundTrip(format.target, doc, text, where, problems)
    if (again !== 'identical' && reemit !== 'failed') reemit = again
    for (const other of TARGETS) {
      if (other === format.target) continue
      crossEmit(other, doc, where, problems)
      summary.conversions++
    }
  }
  if (reemit === 'identical') summary.identical++
  if (reemit === 'different' && KNOWN_DIFFERENCES[where]) summary.known++
  const outcome = parsed.diagnostics.some((d) => d.severity === 'warning') ? 'warnings' : 'clean'
  return { where, outcome, errors: [], reemit }
}

/** Emits a document with its own target; the agent file should be the original bytes. */
function roundTrip(
  target: Target,
  doc: AgentDocument,
  text: string,
  where: string,
  problems: string[],
): 'identical' | 'different' | 'failed' {
  let emitted: ReturnType<typeof emitDocument>
  try {
    emitted = emitDocument(target, doc)
  } catch (error) {
    problems.push(`${where}: emitDocument(${target.id}) threw: ${String(error)}`)
    return 'failed'
  }
  // roo: a mode read from a shared YAML file is written back to that file.
  const out =
    (emitted.value ?? []).find((f) => f.path === doc.source?.path) ??
    (emitted.value ?? []).find((f) => isAgentFile(f.path))
  if (!out) {
    problems.push(
      `${where}: re-emitting as ${target.id} wrote no agent file: ${emitted.diagnostics.map(show).join('; ')}`,
    )
    return 'failed'
  }
  if (out.contents === text) return 'identical'
  if (VERBOSE || !KNOWN_DIFFERENCES[where]) {
    let at = 0
    while (at < text.length && out.contents[at] === text[at]) at++
    console.log(`${where}: re-emitting as ${target.id} changed the bytes (first difference at offset ${at})`)
  }
  return 'different'
}

/** Emits a document to another target and reads the output back with that target. */
function crossEmit(target: Target, doc: AgentDocument, where: string, problems: string[]): void {
  const label = `${where} → ${target.id}`
  let emitted: ReturnType<typeof emitDocument>
  try {
    emitted = emitDocument(target, doc)
  } catch (error) {
    problems.push(`${label}: emitDocument threw: ${String(error)}`)
    return
  }
  const errors = emitted.diagnostics.filter(isError)
  if (errors.length > 0 || !emitted.value) {
    problems.push(`${label}: ${errors.map(show).join('; ') || 'no output'}`)
    return
  }
  const outputs = emitted.value.filter((f) => isAgentFile(f.path))
  if (outputs.length === 0) problems.push(`${label}: no agent file was written`)
  for (const out of outputs) {
    let reread: ReturnType<typeof parseFile>
    try {
      reread = parseFile(target, { path: out.path, text: out.contents })
    } catch (error) {
      problems.push(`${label}: re-parsing ${out.path} threw: ${String(error)}`)
      continue
    }
    const rereadErrors = reread.diagnostics.filter(isError)
    if (rereadErrors.length > 0) {
      problems.push(`${label}: re-parsing ${out.path}: ${rereadErrors.map(show).join('; ')}`)
    }
  }
}

const percent = (n: number, of: number) => (of === 0 ? '-' : `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`)

function printSummary(): void {
  if (summaries.length === 0) return
  const header = [
    'format',
    'files',
    'skipped',
    'clean',
    'warnings',
    'rejected',
    'crashed',
    'byte-identical',
    'known diffs',
    'conversions',
  ]
  const total: FormatSummary = {
    folder: 'total',
    files: 0,
    skipped: 0,
    clean: 0,
    warnings: 0,
    rejected: {},
    crashed: 0,
    parsed: 0,
    identical: 0,
    known: 0,
    conversions: 0,
  }
  for (const s of summaries) {
    for (const key of [
      'files',
      'skipped',
      'clean',
      'warnings',
      'crashed',
      'parsed',
      'identical',
      'known',
    ] as const) {
      total[key] += s[key]
    }
    total.conversions += s.conversions
    for (const [code, n] of Object.entries(s.rejected)) total.rejected[code] = (total.rejected[code] ?? 0) + n
  }
  const rows = [...summaries, total].map((s) => {
    const codes = Object.entries(s.rejected).sort(([a], [b]) => (a < b ? -1 : 1))
    const rejected = Object.values(s.rejected).reduce((a, b) => a + b, 0)
    return [
      s.folder,
      String(s.files),
      String(s.skipped),
      String(s.clean),
      String(s.warnings),
      rejected === 0 ? '0' : `${rejected} (${codes.map(([code, n]) => `${code}×${n}`).join(', ')})`,
      String(s.crashed),
      percent(s.identical, s.parsed),
      String(s.known),
      String(s.conversions),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`
  const table = [row(header), rule, ...rows.slice(0, -1).map(row), rule, row(rows[rows.length - 1]!)]
  const waiting = Object.entries(NOT_CHECKED).map(([folder, why]) => `  ${folder}: ${why}`)
  console.log(
    `\nReal-world corpus (${CORPUS}):\n${table.join('\n')}\n` +
      'byte-identical = parsed files whose same-format re-emit is the original bytes.\n' +
      `Not checked (no target reads them):\n${waiting.join('\n')}\n`,
  )
}

describe.skipIf(!PRESENT)('real-world corpus', () => {
  afterAll(printSummary)

  for (const format of FORMATS) {
    it(`${format.folder}: parses, re-emits byte for byte and converts to the other targets`, () => {
      const dir = join(CORPUS, format.folder)
      const all = existsSync(dir) ? listFiles(dir) : []
      const files = all.filter((f) => format.reads(originalPath(f)))
      const summary: FormatSummary = {
        folder: format.folder,
        files: files.length,
        skipped: all.length - files.length,
        clean: 0,
        warnings: 0,
        rejected: {},
        crashed: 0,
        parsed: 0,
        identical: 0,
        known: 0,
        conversions: 0,
      }
      summaries.push(summary)
      const problems: string[] = []
      const results = files.map((file) => check(format, file, summary, problems))
      for (const r of results) {
        if (r.outcome === 'rejected') {
          for (const code of new Set(r.errors.map((e) => e.code))) {
            summary.rejected[code] = (summary.rejected[code] ?? 0) + 1
          }
        } else summary[r.outcome]++
      }
      const inFolder = <T>(list: Readonly<Record<string, T>>) =>
        Object.fromEntries(Object.entries(list).filter(([where]) => where.startsWith(`${format.folder}/`)))
      // With no file at all, `missing` cannot tell which folder the list entries belong to.
      const complete = OWN_CORPUS && results.length > 0
      expect
        .soft(files.length, `${dir} holds no files the ${format.target.id} target reads`)
        .toBeGreaterThan(0)
      expect
        .soft(reconcileRejections(results, inFolder(EXPECTED_REJECTIONS), complete), 'EXPECTED_REJECTIONS')
        .toEqual([])
      expect
        .soft(reconcileDifferences(results, inFolder(KNOWN_DIFFERENCES), complete), 'KNOWN_DIFFERENCES')
        .toEqual([])
      expect.soft(problems, 'positions, round trips and conversions').toEqual([])
      expect(summary.crashed, 'files that crashed the parser').toBe(0)
    })
  }

  it('every corpus folder is checked or listed as read by no target, and no target reads an unchecked file', () => {
    const folders = readdirSync(CORPUS, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
    const checked = new Set(FORMATS.map((f) => f.folder))
    const problems: string[] = []
    for (const folder of folders) {
      if (!checked.has(folder) && !Object.hasOwn(NOT_CHECKED, folder)) {
        problems.push(`${folder}: neither in FORMATS nor in NOT_CHECKED`)
      }
    }
    if (OWN_CORPUS) {
      for (const folder of Object.keys(NOT_CHECKED)) {
        if (!folders.includes(folder)) problems.push(`${folder}: listed in NOT_CHECKED but not in the corpus`)
      }
    }
    // A file whose path a target's layout includes must be read by that target in FORMATS.
    const registry = builtinRegistry()
    for (const folder of folders) {
      for (const file of listFiles(join(CORPUS, folder))) {
        const path = originalPath(file)
        const owner = registry.detect(path)
        if (!owner) continue
        const read = FORMATS.some((f) => f.folder === folder && f.target === owner && f.reads(path))
        if (!read)
          problems.push(`${folder}/${file}: ${owner.id} reads ${path}, but FORMATS does not check it`)
      }
    }
    expect(problems).toEqual([])
  })
})

/** The self-pruning lists, exercised with made-up results (runs without the corpus too). */
describe('corpus lists prune themselves', () => {
  const reason = 'because'
  const parsed = (where: string, reemit: 'identical' | 'different'): FileResult => ({
    where,
    outcome: 'clean',
    errors: [],
    reemit,
  })
  const rejected = (where: string, code: string, line: number, column: number, text: string): FileResult => ({
    where,
    outcome: 'rejected',
    errors: [{ code, line, column, text }],
  })

  it('KNOWN_DIFFERENCES: an unlisted difference, a listed file now identical, unparsed or missing fail', () => {
    const results = [
      parsed('f/same.md', 'identical'),
      parsed('f/differs.md', 'different'),
      parsed('f/listed.md', 'different'),
      parsed('f/fixed.md', 'identical'),
      rejected('f/broken.md', 'AGC002', 1, 1, 'x'),
    ]
    const known = { 'f/listed.md': { reason }, 'f/fixed.md': { reason }, 'f/broken.md': { reason } }
    expect(
      reconcileDifferences(results, { ...known, 'f/gone.md': { reason }, 'g/other.md': { reason } }, true),
    ).toEqual([
      'f/differs.md: re-emitting it in its own format changed the bytes; not in KNOWN_DIFFERENCES',
      'f/fixed.md: listed in KNOWN_DIFFERENCES but re-emits byte for byte now; remove it from the list',
      'f/broken.md: listed in KNOWN_DIFFERENCES but does not parse (rejected)',
      'f/gone.md: listed in KNOWN_DIFFERENCES but not in the corpus',
    ])
    expect(
      reconcileDifferences([parsed('f/listed.md', 'different')], { 'f/listed.md': { reason } }, true),
    ).toEqual([])
    // Another copy of the corpus need not hold the listed files.
    expect(
      reconcileDifferences([parsed('f/same.md', 'identical')], { 'f/gone.md': { reason } }, false),
    ).toEqual([])
  })

  it('EXPECTED_REJECTIONS: the code and the exact position are checked, and the list prunes itself', () => {
    const expected = (code: string, line: number, column: number, at: string): ExpectedRejection => ({
      code,
      line,
      column,
      at,
      reason,
    })
    const results = [
      rejected('f/ok.md', 'AGC002', 4, 3, 'task: x'),
      rejected('f/moved.md', 'AGC002', 5, 3, 'task: x'),
      rejected('f/other-text.md', 'AGC002', 4, 3, 'tusk: x'),
      rejected('f/other-code.md', 'AGC101', 1, 1, 'name'),
      rejected('f/unlisted.md', 'AGC001', 1, 1, '---'),
      parsed('f/fixed.md', 'identical'),
    ]
    const list = {
      'f/ok.md': expected('AGC002', 4, 3, 'task:'),
      'f/moved.md': expected('AGC002', 4, 3, 'task:'),
      'f/other-text.md': expected('AGC002', 4, 3, 'task:'),
      'f/other-code.md': expected('AGC002', 1, 1, 'name'),
      'f/fixed.md': expected('AGC002', 1, 1, 'x'),
      'f/gone.md': expected('AGC002', 1, 1, 'x'),
    }
    expect(reconcileRejections(results, list, true)).toEqual([
      'f/moved.md: AGC002 at 5:3 ("task: x"), expected 4:3 ("task:")',
      'f/other-text.md: AGC002 at 4:3 ("tusk: x"), expected 4:3 ("task:")',
      'f/other-code.md: rejected with AGC101, expected AGC002',
      'f/unlisted.md: rejected (AGC001) but not in EXPECTED_REJECTIONS',
      'f/fixed.md: listed in EXPECTED_REJECTIONS but now parses; remove it from the list',
      'f/gone.md: listed in EXPECTED_REJECTIONS but not in the corpus',
    ])
  })

  it('every listed rejection and difference has a reason', () => {
    for (const entry of [...Object.values(EXPECTED_REJECTIONS), ...Object.values(KNOWN_DIFFERENCES)]) {
      expect(entry.reason.length).toBeGreaterThan(20)
    }
  })
})
