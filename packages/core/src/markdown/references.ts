/**
 * Finds, and optionally rewrites, references in an agent's body to the tool it was written for:
 * tool names ("use the Read tool", `` `WebFetch` ``) and paths (`.claude/agents/`, `CLAUDE.md`,
 * `~/.config/opencode`). Fenced code blocks are never touched; tool names count only where they
 * are clearly tool names (an inline code span holding exactly the name, or the name followed by
 * the word "tool"). A plain line scanner, not the markdown tree: it runs on every cross-format
 * conversion and must stay cheap.
 */

/** What a tool's prompts call things: its tool names and the paths it reads. */
export interface Vocabulary {
  /** The tool's own name for each canonical tool it has (`read` → `Read`). */
  readonly tools?: Readonly<Record<string, string>>
  /** Where the tool keeps agents, its instructions file and its configuration folder. */
  readonly paths?: {
    readonly agents?: string
    readonly instructions?: string
    readonly config?: string
  }
}

/** One reference found in a body. */
export interface Reference {
  /** 1-based line within the body. */
  readonly line: number
  /** 1-based column within the line. */
  readonly column: number
  /** What kind of name it is. */
  readonly kind: 'tool' | 'path'
  /** The text as written. */
  readonly found: string
  /** The target's equivalent, or undefined when it has none. */
  readonly replacement: string | undefined
}

/**
 * Scans a body for references to the `from` vocabulary that mean something else (or nothing)
 * in the `to` vocabulary.
 * @param body Markdown text (LF).
 * @param from The vocabulary the body was written for.
 * @param to The vocabulary of the target.
 * @param rewrite Replace each reference that has an equivalent.
 * @returns The (possibly rewritten) text and every reference found.
 */
export function scanReferences(
  body: string,
  from: Vocabulary,
  to: Vocabulary,
  rewrite: boolean,
): { text: string; references: Reference[] } {
  const scan = scanBody(body)
  const candidates = buildCandidates(from, to).filter((c) => scan.has(c.name))
  if (candidates.length === 0) return { text: body, references: [] }
  const references: Reference[] = []
  const lines = rewrite ? [...scan.lines] : scan.lines
  for (const i of scan.prose) {
    const line = scan.lines[i]!
    const found: { start: number; end: number; candidate: Candidate }[] = []
    for (const candidate of candidates) {
      // Most lines hold no candidate at all: a substring test spares the pattern.
      if (!line.includes(candidate.name)) continue
      for (const match of line.matchAll(candidate.pattern)) {
        const start = match.index + (match[1]?.length ?? 0)
        found.push({ start, end: start + candidate.name.length, candidate })
      }
    }
    if (found.length === 0) continue
    found.sort((a, b) => a.start - b.start)
    let out = ''
    let last = 0
    for (const f of found) {
      if (f.start < last) continue
      references.push({
        line: i + 1,
        column: f.start + 1,
        kind: f.candidate.kind,
        found: f.candidate.name,
        replacement: f.candidate.replacement,
      })
      out +=
        line.slice(last, f.start) +
        (rewrite && f.candidate.replacement !== undefined ? f.candidate.replacement : f.candidate.name)
      last = f.end
    }
    if (rewrite) (lines as string[])[i] = out + line.slice(last)
  }
  return { text: rewrite ? lines.join('\n') : body, references }
}

/** A body as the scan reads it: its lines, which of them are prose, and which names it holds. */
interface BodyScan {
  readonly lines: readonly string[]
  /** The indexes of the lines outside fenced and indented code, in order. */
  readonly prose: readonly number[]
  /** Whether the body holds the text anywhere. */
  has(name: string): boolean
}

/** The last body scanned: a document is emitted for several targets in a row, each scanning it. */
let last: BodyScan | undefined
let lastBody: string | undefined

function scanBody(body: string): BodyScan {
  if (last && lastBody === body) return last
  const lines = body.split('\n')
  const prose: number[] = []
  let fence: string | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)
    if (fence) {
      if (
        marker &&
        marker[1]![0] === fence[0] &&
        marker[1]!.length >= fence.length &&
        line.trim() === marker[1]
      )
        fence = undefined
      continue
    }
    if (marker) {
      fence = marker[1]
      continue
    }
    if (/^( {4}|\t)/.test(line) && (i === 0 || lines[i - 1]!.trim() === '')) continue // indented code
    prose.push(i)
  }
  const present = new Map<string, boolean>()
  last = {
    lines,
    prose,
    has(name) {
      let found = present.get(name)
      if (found === undefined) {
        found = body.includes(name)
        present.set(name, found)
      }
      return found
    },
  }
  lastBody = body
  return last
}

interface Candidate {
  readonly name: string
  readonly kind: 'tool' | 'path'
  readonly replacement: string | undefined
  readonly pattern: RegExp
}

const cache = new WeakMap<Vocabulary, WeakMap<Vocabulary, Candidate[]>>()

function buildCandidates(from: Vocabulary, to: Vocabulary): Candidate[] {
  let byTarget = cache.get(from)
  if (!byTarget) {
    byTarget = new WeakMap()
    cache.set(from, byTarget)
  }
  const cached = byTarget.get(to)
  if (cached) return cached
  const out: Candidate[] = []
  for (const [canonical, name] of Object.entries(from.tools ?? {})) {
    const replacement = to.tools?.[canonical]
    if (replacement === name) continue
    const escaped = escapeRegExp(name)
    // `Name` as a whole inline code span, or Name followed by the word "tool" (for names that
    // cannot be an ordinary word: capitalised or with an underscore).
    out.push({ name, kind: 'tool', replacement, pattern: new RegExp(`(\`)${escaped}(?=\`)`, 'g') })
    if (/[A-Z_]/.test(name)) {
      out.push({
        name,
        kind: 'tool',
        replacement,
        pattern: new RegExp(`(^|[^\\w\`])${escaped}(?= tools?\\b)`, 'g'),
      })
    }
  }
  for (const key of ['agents', 'instructions', 'config'] as const) {
    const name = from.paths?.[key]
    if (!name) continue
    const replacement = to.paths?.[key]
    if (replacement === name) continue
    out.push({
      name,
      kind: 'path',
      replacement,
      pattern: new RegExp(`(^|[^\\w./~-])${escapeRegExp(name)}${name.endsWith('/') ? '' : '(?![\\w])'}`, 'g'),
    })
  }
  byTarget.set(to, out)
  return out
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
