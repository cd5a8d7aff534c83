import { type CodeInfo, codes, type DiagnosticCode } from '@agentc/core'
import { UsageError } from '../errors'
import type { Deps } from '../io/deps'
import { printJson } from '../report'

/** Every diagnostic code, in table order. */
export const CODE_IDS = Object.keys(codes) as DiagnosticCode[]

/**
 * What `agentc explain` does (see ./explain.command for the command line): prints the code asked
 * for, or every code.
 * @throws UsageError for a query that is no code.
 */
export function runExplain(deps: Deps, query: string | undefined, flags: { format: 'human' | 'json' }): void {
  if (query === undefined) {
    if (flags.format === 'json') printJson(deps, CODE_IDS.map(codeJson))
    else deps.stdout(listText())
    return
  }
  const code = findCode(query)
  if (code === undefined) throw new UsageError(unknownCodeMessage(query))
  if (flags.format === 'json') printJson(deps, codeJson(code))
  else deps.stdout(explainText(code))
}

/**
 * The code a user means: `AGC201`, `agc201`, `201` or the name `field-unsupported`; undefined
 * when there is none.
 */
export function findCode(query: string): DiagnosticCode | undefined {
  const q = query.trim()
  const normal = /^\d{1,3}$/.test(q) ? `AGC${q.padStart(3, '0')}` : q.toUpperCase()
  if (normal in codes) return normal as DiagnosticCode
  return CODE_IDS.find((c) => codes[c].name === q.toLowerCase())
}

/**
 * The closest codes to something that is not a code (at most three), best first. For a code or
 * a number: the codes one typo away, then the nearest numbers; for a name: the names a few
 * typos away.
 */
export function closestCodes(query: string): DiagnosticCode[] {
  const q = query.trim()
  const number = /^(?:AGC)?(\d{1,4})$/i.exec(q)?.[1]
  if (number !== undefined) {
    const forms = [`AGC${number}`, `AGC${number.padStart(3, '0')}`]
    const gap = (code: DiagnosticCode) => Math.abs(Number(number) - Number(code.slice(3)))
    const typos = CODE_IDS.filter((c) => forms.some((f) => editDistance(f, c) <= 1)).sort(
      (a, b) => gap(a) - gap(b),
    )
    const nearest = CODE_IDS.filter((c) => !typos.includes(c)).sort((a, b) => gap(a) - gap(b))
    return [...typos, ...nearest].slice(0, 3)
  }
  const name = q.toLowerCase()
  const limit = Math.max(2, Math.floor(name.length / 4))
  return CODE_IDS.map((code) => ({ code, distance: editDistance(name, codes[code].name) }))
    .filter((s) => s.distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((s) => s.code)
}

function unknownCodeMessage(query: string): string {
  const closest = closestCodes(query)
  const hint = closest.length > 0 ? `; the closest are ${closest.join(', ')}` : ''
  return `unknown diagnostic code ${JSON.stringify(query)}${hint} (agentc explain lists every code)`
}

/** Levenshtein distance: the fewest single-character edits that turn one string into the other. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)))
    }
    row = next
  }
  return row[b.length]!
}

function info(code: DiagnosticCode): CodeInfo {
  return codes[code]
}

function codeJson(code: DiagnosticCode): Record<string, unknown> {
  const c = info(code)
  return {
    code,
    name: c.name,
    severity: c.severity,
    summary: c.summary,
    fix: c.fix,
    explanation: c.explanation ?? null,
    example: c.example ?? null,
  }
}

/** The table of every code: code, severity, name and summary, one a line. */
export function listText(): string {
  const width = Math.max(...CODE_IDS.map((c) => codes[c].name.length))
  let out = ''
  for (const code of CODE_IDS) {
    const c = info(code)
    out += `${code}  ${c.severity.padEnd(7)}  ${c.name.padEnd(width)}  ${c.summary}\n`
  }
  return `${out}\nRun agentc explain <code> for what a code means and how to fix it.\n`
}

/** The explanation of one code, wrapped for a terminal. */
export function explainText(code: DiagnosticCode): string {
  const c = info(code)
  let out = `${code}  ${c.name}  (${c.severity})\n\n${wrap(c.summary)}\n`
  if (c.explanation) out += `\n${wrap(c.explanation)}\n`
  if (c.example) {
    out += '\nExample:\n\n'
    for (const line of c.example.split('\n')) out += line === '' ? '\n' : `    ${line}\n`
  }
  out += `\nWhat to do:\n\n${wrap(c.fix)}\n`
  return out
}

/** Wraps prose at 88 columns, at spaces only (a longer word stays whole). */
function wrap(text: string, width = 88): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  lines.push(line)
  return lines.join('\n')
}
