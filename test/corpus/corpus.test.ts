/**
 * The real-world corpus test: every agent file of the shared corpus (`../shared/corpus` next to
 * the repository; see its NOTES.md) is parsed with the target that owns its format, re-emitted
 * with the same target (byte for byte) and emitted to every other target, which must read the
 * result back without errors. The corpus is never copied into the repository; without it (a
 * fresh clone) the test skips and says why.
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

interface Format {
  /** The corpus folder. */
  readonly folder: string
  /** The target that owns the format. */
  readonly target: Target
  /** Whether the target reads the file at this (original) path; other files are skipped. */
  readonly reads: (path: string) => boolean
}

/** Corpus folders of the targets that exist. Other folders wait for their targets. */
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
const TARGETS: readonly Target[] = builtinTargets

/**
 * These droids start with `name:` but have no `---` fences at all, so there is no frontmatter:
 * Factory loads a droid only from a file that starts with YAML frontmatter holding `name`.
 */
const LAMMESEN_NO_FENCES = {
  code: 'AGC101',
  reason:
    'No frontmatter: the `name:`/`tools:` lines are not inside `---` fences, and Factory requires frontmatter with `name`.',
}

/**
 * Files the owning tool itself would reject, by corpus path, with the error code agentc reports
 * and why. A listed file that starts parsing, or an unlisted file that is rejected, fails the
 * test: the list prunes itself.
 */
const EXPECTED_REJECTIONS: Readonly<Record<string, { readonly code: string; readonly reason: string }>> = {
  'factory-droids/lammesen__networkautomation/.factory__droids__api-developer.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__code-reviewer.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__codebase-auditor.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__e2e-tester.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__test-engineer.md': LAMMESEN_NO_FENCES,
  'factory-droids/lammesen__networkautomation/.factory__droids__ui-builder.md': LAMMESEN_NO_FENCES,
  'opencode/darellchua2__opencode-config-template/opencode_app__.opencode__agents__startup-ceo-subagent.md': {
    code: 'AGC002',
    reason:
      '`permission` holds the key `task` twice. gray-matter (js-yaml 3) throws "duplicated mapping key" and ' +
      "OpenCode's fallback only rewrites top-level values containing `:`, so OpenCode reports a frontmatter error as well.",
  },
  'roo-modes/jtgsystems__Custom-Modes-Roo-Code/custom_modes.d__website__website-foundation-planner.yaml': {
    code: 'AGC002',
    reason:
      'Roo Code replaces curly quotes with straight ones before parsing (CustomModesManager.cleanInvisibleCharacters); ' +
      'the “…” inside a double-quoted customInstructions then ends the string early and the `yaml` parser fails.',
  },
}

type Outcome = 'clean' | 'warnings' | 'rejected' | 'crashed'

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

/** Checks one file; returns its outcome and its error codes. Failures go to `problems`. */
function check(
  format: Format,
  corpusFile: string,
  summary: FormatSummary,
  problems: string[],
): { outcome: Outcome; errorCodes: readonly string[] } {
  const where = `${format.folder}/${corpusFile}`
  const text = readFileSync(join(CORPUS, format.folder, corpusFile), 'utf8')
  let parsed: ReturnType<typeof parseFile>
  try {
    parsed = parseFile(format.target, { path: originalPath(corpusFile), text })
  } catch (error) {
    problems.push(`${where}: parseFile threw: ${String(error)}`)
    return { outcome: 'crashed', errorCodes: [] }
  }
  if (VERBOSE && parsed.diagnostics.some((d) => d.severity !== 'info')) {
    console.log(`${where}\n${parsed.diagnostics.map((d) => `  ${d.severity} ${show(d)}`).join('\n')}`)
  }
  const crash = parsed.diagnostics.find((d) => d.code === 'AGC901')
  if (crash) {
    problems.push(`${where}: ${show(crash)}`)
    return { outcome: 'crashed', errorCodes: [] }
  }
  const errors = parsed.diagnostics.filter(isError)
  const lines = text.split('\n')
  for (const error of errors) {
    const { line, column } = error
    const length = line === undefined ? -1 : (lines[line - 1]?.length ?? -1)
    if (
      line === undefined ||
      column === undefined ||
      line < 1 ||
      length < 0 ||
      column < 1 ||
      column > length + 1
    ) {
      problems.push(
        `${where}: an error is not positioned inside the file (${lines.length} lines): ${show(error)}`,
      )
    }
  }
  if (errors.length > 0 || parsed.value === undefined) {
    return { outcome: 'rejected', errorCodes: [...new Set(errors.map((e) => e.code))].sort() }
  }
  summary.parsed++
  let identical = parsed.value.length > 0
  for (const doc of parsed.value) {
    if (!roundTrip(format.target, doc, text, where, problems)) identical = false
    for (const other of TARGETS) {
      if (other === format.target) continue
      crossEmit(other, doc, where, problems)
      summary.conversions++
    }
  }
  if (identical) summary.identical++
  return {
    outcome: parsed.diagnostics.some((d) => d.severity === 'warning') ? 'warnings' : 'clean',
    errorCodes: [],
  }
}

/** Emits a document with its own target; the agent file must be the original bytes. */
function roundTrip(
  target: Target,
  doc: AgentDocument,
  text: string,
  where: string,
  problems: string[],
): boolean {
  let emitted: ReturnType<typeof emitDocument>
  try {
    emitted = emitDocument(target, doc)
  } catch (error) {
    problems.push(`${where}: emitDocument(${target.id}) threw: ${String(error)}`)
    return false
  }
  // roo: a mode read from a shared YAML file is written back to that file.
  const out =
    (emitted.value ?? []).find((f) => f.path === doc.source?.path) ??
    (emitted.value ?? []).find((f) => isAgentFile(f.path))
  if (!out) {
    problems.push(
      `${where}: re-emitting as ${target.id} wrote no agent file: ${emitted.diagnostics.map(show).join('; ')}`,
    )
    return false
  }
  if (out.contents !== text) {
    let at = 0
    while (at < text.length && out.contents[at] === text[at]) at++
    problems.push(
      `${where}: re-emitting as ${target.id} changed the bytes (first difference at offset ${at})`,
    )
    return false
  }
  return true
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
    'conversions',
  ]
  const rows = summaries.map((s) => {
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
      s.parsed === 0 ? '-' : `${s.identical}/${s.parsed} (${((100 * s.identical) / s.parsed).toFixed(1)}%)`,
      String(s.conversions),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const row = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  const table = [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(row)]
  const known = new Set(FORMATS.map((f) => f.folder))
  const waiting = readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !known.has(e.name))
    .map((e) => e.name)
    .sort()
  console.log(
    `\nReal-world corpus (${CORPUS}):\n${table.join('\n')}\n` +
      `Not checked (no target yet): ${waiting.join(', ') || 'none'}\n`,
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
        conversions: 0,
      }
      summaries.push(summary)
      const problems: string[] = []
      const rejections: string[] = []
      for (const file of files) {
        const where = `${format.folder}/${file}`
        const expected = EXPECTED_REJECTIONS[where]
        const { outcome, errorCodes } = check(format, file, summary, problems)
        if (outcome === 'rejected') {
          for (const code of errorCodes) summary.rejected[code] = (summary.rejected[code] ?? 0) + 1
          if (!expected) {
            rejections.push(`${where}: rejected (${errorCodes.join(', ')}) but not in EXPECTED_REJECTIONS`)
          } else if (!errorCodes.includes(expected.code)) {
            rejections.push(`${where}: rejected with ${errorCodes.join(', ')}, expected ${expected.code}`)
          }
        } else {
          summary[outcome]++
          if (expected && outcome !== 'crashed') {
            rejections.push(`${where}: listed in EXPECTED_REJECTIONS but now parses; remove it from the list`)
          }
        }
      }
      // Another copy of the corpus (AGENTC_CORPUS) need not hold the listed files.
      for (const listed of process.env.AGENTC_CORPUS ? [] : Object.keys(EXPECTED_REJECTIONS)) {
        if (
          listed.startsWith(`${format.folder}/`) &&
          !files.includes(listed.slice(format.folder.length + 1))
        ) {
          rejections.push(`${listed}: listed in EXPECTED_REJECTIONS but not in the corpus`)
        }
      }
      expect
        .soft(files.length, `${dir} holds no files the ${format.target.id} target reads`)
        .toBeGreaterThan(0)
      expect.soft(rejections, 'rejections that differ from EXPECTED_REJECTIONS').toEqual([])
      expect.soft(problems, 'positions, round trips and conversions').toEqual([])
      expect.soft(summary.identical, 'files re-emitted byte for byte').toBe(summary.parsed)
      expect(summary.crashed, 'files that crashed the parser').toBe(0)
    })
  }
})
