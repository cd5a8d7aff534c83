import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDiagnostic } from './collector'
import type { Diagnostic } from './diagnostic'
import { type FormatPart, formatCodeFrame, formatDiagnostics } from './format'

const PROPERTY = { seed: 0x5eed_f4a3, numRuns: 300 }

/** The caret line of a frame: how many cells precede the caret after the `| ` gutter. */
function caretCells(frame: string): number {
  const caretLine = frame.split('\n').find((l) => /^\s+\| *\^$/.test(l))
  if (!caretLine) throw new Error(`no caret line in:\n${frame}`)
  return caretLine.indexOf('^') - (caretLine.indexOf('|') + 2)
}

/** The source line of a frame as shown (after `N | `). */
function shownLine(frame: string, line: number): string {
  const row = frame.split('\n').find((l) => new RegExp(`^\\s+${line} \\|`).test(l))
  if (row === undefined) throw new Error(`no line ${line} in:\n${frame}`)
  return row.replace(/^\s+\d+ \|( |$)/, '')
}

describe('formatDiagnostics without sources', () => {
  it('prints one line per diagnostic, `path:line:col  severity  message  code`', () => {
    const ds: Diagnostic[] = [
      createDiagnostic('AGC002', 'Bad YAML.', { file: 'a.md', line: 4, column: 14 }),
      createDiagnostic('AGC201', 'Lost.', { file: 'a.md', line: 2 }),
      createDiagnostic('AGC304', 'Missing.', { file: 'b.md' }),
      createDiagnostic('AGC301', 'Unknown target.'),
    ]
    expect(formatDiagnostics(ds)).toBe(
      [
        'a.md:4:14  error  Bad YAML.  AGC002',
        'a.md:2:1  warning  Lost.  AGC201',
        'b.md  error  Missing.  AGC304',
        'agentc  error  Unknown target.  AGC301',
        '',
      ].join('\n'),
    )
  })

  it('also prints one line per diagnostic when the source of its file is not known', () => {
    const d = createDiagnostic('AGC002', 'Bad.', { file: 'a.md', line: 1, column: 1 })
    expect(formatDiagnostics([d], { sources: new Map([['other.md', 'x\n']]) })).toBe(
      'a.md:1:1  error  Bad.  AGC002\n',
    )
  })
})

describe('code frames', () => {
  const text = '---\ndescription: ok\ntools:\n  bash: [true\n---\nBody\n'
  const error = createDiagnostic('AGC002', 'Bad YAML.', { file: 'a.md', line: 4, column: 14 })

  it('follow an error: its line with its number, and a caret under the column', () => {
    expect(formatDiagnostics([error], { sources: new Map([['a.md', text]]) })).toBe(
      ['a.md:4:14  error  Bad YAML.  AGC002', '  4 |   bash: [true', '    |              ^', ''].join('\n'),
    )
  })

  it('take the source from a function as well as a map', () => {
    const viaMap = formatDiagnostics([error], { sources: new Map([['a.md', text]]) })
    expect(formatDiagnostics([error], { sources: (f) => (f === 'a.md' ? text : undefined) })).toBe(viaMap)
  })

  it('are printed once for consecutive diagnostics at one position, with the strongest severity', () => {
    const warning = createDiagnostic('AGC201', 'Lost.', { file: 'a.md', line: 4, column: 14 })
    const out = formatDiagnostics([warning, error], {
      sources: new Map([['a.md', text]]),
      style: (part, t) => (part === 'error' && t === '^' ? 'E' : t),
    })
    expect(out.match(/ \| {3}bash: \[true/g)).toHaveLength(1)
    expect(out.split('\n').at(-2)).toBe('    |              E')
    expect(out.indexOf('AGC002')).toBeLessThan(out.indexOf('bash: [true'))
  })

  it('are not printed for infos, nor for lines the file does not have', () => {
    const info = createDiagnostic('AGC102', 'Kept.', { file: 'a.md', line: 2, column: 1 })
    const beyond = createDiagnostic('AGC002', 'Bad.', { file: 'a.md', line: 99, column: 1 })
    const out = formatDiagnostics([info, beyond], { sources: new Map([['a.md', text]]) })
    expect(out).toBe('a.md:2:1  info  Kept.  AGC102\na.md:99:1  error  Bad.  AGC002\n')
  })

  it('show a line without a caret when the diagnostic has no column', () => {
    const d = createDiagnostic('AGC201', 'Lost.', { file: 'a.md', line: 2 })
    expect(formatDiagnostics([d], { sources: new Map([['a.md', text]]) })).toBe(
      'a.md:2:1  warning  Lost.  AGC201\n  2 | description: ok\n',
    )
  })

  it('show the line before a blank line (an error at the end of a file)', () => {
    const frame = formatCodeFrame('a: [\n  b\n\n', 3, 1)
    expect(frame).toBe('  2 |   b\n  3 |\n    | ^\n')
  })

  it('put the caret just after the line for a column one past its end', () => {
    expect(caretCells(formatCodeFrame('abc\n', 1, 4))).toBe(3)
  })

  it('read CRLF files and a byte-order mark as the core counts positions', () => {
    expect(formatCodeFrame('a: 1\r\nbb: [\r\n', 2, 5)).toBe(formatCodeFrame('a: 1\nbb: [\n', 2, 5))
    expect(formatCodeFrame('\ufeffkey: x\n', 1, 6)).toBe(formatCodeFrame('key: x\n', 1, 6))
  })

  it('align the gutter of multi-digit line numbers', () => {
    const source = `${'x\n'.repeat(9)}\n`
    expect(formatCodeFrame(source, 10, 1)).toBe('   9 | x\n  10 |\n     | ^\n')
  })
})

/** Pieces of a line with the terminal cells each takes in a frame, written out by hand. */
const PIECES: readonly (readonly [string, number])[] = [
  ['a', 1],
  ['Z', 1],
  [' ', 1],
  [':', 1],
  ['\t', 4],
  ['中', 2],
  ['語', 2],
  ['ｶ', 1], // halfwidth katakana
  ['Ａ', 2], // fullwidth latin
  ['한', 2],
  ['😀', 2], // two UTF-16 code units
  ['👍🏽', 2], // emoji with a skin-tone modifier: one grapheme, four code units
  ['é', 1], // e + combining acute: one grapheme, two code units
  ['ß', 1],
  ['\u0000', 1], // shown as ␀
  ['\u001b', 1], // shown as ␛
  ['\u202e', 1], // a bidirectional override, shown as �
]

describe('the caret', () => {
  it('sits under the piece the column points at: columns count UTF-16 code units, a tab one', () => {
    const arbLine = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 })
    fc.assert(
      fc.property(arbLine, fc.nat(), (pieces, pick) => {
        const k = pick % (pieces.length + 1) // the piece the column points at (or one past the end)
        const line = pieces.map(([s]) => s).join('')
        const column = pieces.slice(0, k).reduce((n, [s]) => n + s.length, 0) + 1
        const cells = pieces.slice(0, k).reduce((n, [, w]) => n + w, 0)
        const frame = formatCodeFrame(`first\n${line}\nlast\n`, 2, column, { width: 1000 })
        expect(caretCells(frame)).toBe(cells)
      }),
      PROPERTY,
    )
  })

  it('is placed on lines of any length: only the part around the column is measured', () => {
    // Segmenting a whole 2-million-character line into graphemes would take hours.
    const line = `${'y'.repeat(1_000_000)}X${'z'.repeat(1_000_000)}`
    const frame = formatCodeFrame(line, 1, 1_000_001, { width: 60 })
    expect(shownLine(frame, 1)).toMatch(/^…y+Xz+…$/)
    expect(shownLine(frame, 1)[caretCells(frame)]).toBe('X')
    expect(formatCodeFrame(line, 1, 1, { width: 60 })).toMatch(/\| y{58}…\n +\| \^\n$/)
  })

  it('points at the whole character for a column inside a surrogate pair', () => {
    expect(caretCells(formatCodeFrame('ab😀c', 1, 4))).toBe(2)
  })

  it('stays under its character when a long line is cut to the frame width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 20, max: 120 }),
        (before, after, width) => {
          const line = `${'ab'.repeat(before)}X${'cd'.repeat(after)}`
          const frame = formatCodeFrame(line, 1, 2 * before + 1, { width })
          const shown = shownLine(frame, 1)
          expect(shown.length).toBeLessThanOrEqual(width)
          expect(shown[caretCells(frame)]).toBe('X')
          if (line.length > width) expect(shown).toMatch(/…/)
        },
      ),
      PROPERTY,
    )
  })
})

describe('safety and decoration', () => {
  it('never sends a control character from the source to the terminal', () => {
    const arbText = fc.string({
      unit: fc.integer({ min: 0, max: 0x250 }).map((c) => String.fromCodePoint(c)),
    })
    fc.assert(
      fc.property(arbText, fc.integer({ min: 1, max: 40 }), (line, column) => {
        const frame = formatCodeFrame(`${line}\n`, 1, column)
        const unsafe = [...frame].filter((ch) => {
          const c = ch.codePointAt(0)!
          if (c === 0x0a) return false
          return (
            c < 0x20 ||
            (c >= 0x7f && c <= 0x9f) ||
            (c >= 0x202a && c <= 0x202e) ||
            (c >= 0x2066 && c <= 0x2069)
          )
        })
        expect(unsafe).toEqual([])
      }),
      PROPERTY,
    )
  })

  it('only decorates: removing the decoration gives the plain text, caret styled by severity', () => {
    const text = 'a: 1\nb: [\n'
    const ds = [
      createDiagnostic('AGC002', 'Bad.', { file: 'f', line: 2, column: 4, note: 'A note.' }),
      createDiagnostic('AGC201', 'Lost.', { file: 'f', line: 1, column: 1 }),
    ]
    const style = (part: FormatPart, t: string) => `<${part}>${t}</${part}>`
    const options = { sources: new Map([['f', text]]), verbose: true }
    const styled = formatDiagnostics(ds, { ...options, style })
    expect(styled.replace(/<\/?[a-z]+>/g, '')).toBe(formatDiagnostics(ds, options))
    expect(styled).toContain('<location>f:2:4</location>  <error>error</error>  Bad.  <code>AGC002</code>')
    expect(styled).toContain('<error>^</error>')
    expect(styled).toContain('<warning>^</warning>')
    expect(styled).toContain('<note>A note.</note>')
    expect(styled).toContain('<gutter>2</gutter> <gutter>|</gutter> b: [')
  })

  it('puts the note of a diagnostic under its line, before the frame', () => {
    const d = createDiagnostic('AGC002', 'Bad.', { file: 'f', line: 1, column: 1, note: 'Try quoting.' })
    expect(formatDiagnostics([d], { sources: new Map([['f', 'x: [\n']]), verbose: true })).toBe(
      'f:1:1  error  Bad.  AGC002\n    Try quoting.\n  1 | x: [\n    | ^\n',
    )
  })
})

describe('hostile text in messages', () => {
  it('shows control characters, line breaks and bidi overrides of a message instead of sending them', () => {
    const text = formatDiagnostics([
      {
        code: 'AGC102',
        severity: 'info',
        message: 'The key `a\u001b[31mb\nc\td\u202e` is kept.',
        file: 'x\u0007.md',
        line: 1,
        column: 1,
      },
    ])
    expect(text).toBe('x␇.md:1:1  info  The key `a␛[31mb␊c␉d�` is kept.  AGC102\n')
  })
})
