import { blockLevels, MAX_NESTING } from '@agentc/core'

/**
 * `checkNesting` (core's guard, run on a modes file before every edit) read piece by piece, so
 * that editing one piece of a file (one mode) costs a look at that piece, not at the whole file.
 *
 * The guard scans left to right with a small state: inside a `"` or `'` quote or not, inside a
 * `#` comment, right after a backslash in a `"` quote, at the start of a line, and the bracket
 * depth. Apart from the depth, that state decides alone what each character does; the depth
 * only goes up on `[` `{` and down (never below 0) on `]` `}` outside quotes and comments. So a
 * piece read from a given state (without the depth) gives the state at its end and a bracket
 * walk, which any starting depth turns into the depth at its end and the deepest point inside.
 * The pieces here are cut so that what the guard looks at across a cut is known: the character
 * before a piece is given (it matters when the piece starts with `'` or `#`), and so is the one
 * after a piece that ends with a line break (inside a `'` quote the guard looks past one).
 *
 * This mirrors core's `checkNesting` rule for rule (tested against it in nesting.test.ts); a
 * file whose lines start with more than MAX_NESTING block indicators is simply refused (`risky`).
 */

/** The guard's state between two characters, without the depth. */
export interface ScanMode {
  readonly quote: '' | '"' | "'"
  readonly lineStart: boolean
  /** The next character is skipped (it follows a backslash in a `"` quote). */
  readonly escaped: boolean
  readonly comment: boolean
}

/** What reading a piece from one mode does. */
export interface PieceScan {
  /** The mode after the piece. */
  readonly mode: ScanMode
  /** Sum of the bracket steps (+1, -1) that count. */
  readonly net: number
  /** Lowest partial sum (0 or less). */
  readonly low: number
  /** Over the `[` `{` that count: the highest partial sum, and the highest rise above the lowest point before it. */
  readonly top: number
  readonly rise: number
}

/** The guard's full state: a mode and a depth. */
export interface ScanState {
  readonly mode: ScanMode
  readonly depth: number
}

/** The state at the start of a text. */
export const START: ScanState = {
  mode: { quote: '', lineStart: true, escaped: false, comment: false },
  depth: 0,
}

/**
 * Reads a piece from a mode. `before` and `after` are the characters around the piece in the
 * file (undefined at its start and end).
 */
export function scanPiece(
  piece: string,
  mode: ScanMode,
  before: string | undefined,
  after?: string,
): PieceScan {
  let { quote, lineStart, escaped, comment } = mode
  let sum = 0
  let low = 0
  let top = Number.NEGATIVE_INFINITY
  let rise = Number.NEGATIVE_INFINITY
  const previous = (i: number) => (i > 0 ? piece[i - 1] : before)
  for (let i = 0; i < piece.length; i++) {
    const c = piece[i]!
    if (escaped) {
      escaped = false
      continue
    }
    if (comment) {
      if (c !== '\n') continue
      comment = false
    }
    if (quote) {
      if (c === '\\' && quote === '"') {
        if (i + 1 < piece.length) i++
        else escaped = true
      } else if (c === quote) quote = ''
      else if (c === '\n' && quote === "'" && (i + 1 < piece.length ? piece[i + 1] : after) === '\n')
        quote = ''
      continue
    }
    if (c === '\n') {
      lineStart = true
      continue
    }
    if (c === '"') quote = c
    else if (c === "'" && (lineStart || /[\s[{,:]/.test(previous(i) ?? ' '))) quote = c
    else if (c === '#' && /\s/.test(previous(i) ?? '\n')) comment = true
    else if (c === '[' || c === '{') {
      sum++
      if (sum > top) top = sum
      if (sum - low > rise) rise = sum - low
    } else if (c === ']' || c === '}') {
      sum--
      if (sum < low) low = sum
    }
    if (c !== ' ' && c !== '\t') lineStart = false
  }
  return { mode: { quote, lineStart, escaped, comment }, net: sum, low, top, rise }
}

/** The state after a piece read from `state`, or undefined when the guard refuses it on the way. */
export function afterPiece(scan: PieceScan, state: ScanState): ScanState | undefined {
  const deepest = Math.max(state.depth + scan.top, scan.rise)
  if (deepest > MAX_NESTING) return undefined
  return { mode: scan.mode, depth: Math.max(state.depth + scan.net, scan.net - scan.low) }
}

/** Whether two states are the same. */
export function sameState(a: ScanState, b: ScanState): boolean {
  return (
    a.depth === b.depth &&
    a.mode.quote === b.mode.quote &&
    a.mode.lineStart === b.mode.lineStart &&
    a.mode.escaped === b.mode.escaped &&
    a.mode.comment === b.mode.comment
  )
}

/**
 * Whether a line of the piece (the first one when `first`, and each after a line feed) starts
 * with more than MAX_NESTING block indicators (`- - - x`): the guard counts those apart from
 * brackets, and agentc does not edit such a file piece by piece.
 */
export function risky(piece: string, first: boolean): boolean {
  if (first && blockLevels(piece, 0) > MAX_NESTING) return true
  for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) {
    if (blockLevels(piece, i + 1) > MAX_NESTING) return true
  }
  return false
}

/** A key for a mode (for remembering scans). */
export function modeKey(mode: ScanMode): number {
  return (
    (mode.quote === '"' ? 1 : mode.quote === "'" ? 2 : 0) |
    (mode.lineStart ? 4 : 0) |
    (mode.escaped ? 8 : 0) |
    (mode.comment ? 16 : 0)
  )
}

/** A piece of a file and the characters around it that the guard may look at. */
export interface Piece {
  readonly text: string
  readonly before: string | undefined
  readonly after?: string
}

/**
 * The guard's state along a file cut into pieces, kept up to date while pieces are replaced
 * and added before the last one (the tail). After each change it tells whether the guard still
 * passes on the whole file, reading again only the changed piece and the pieces after it up to
 * the first one reached in the same state as before. Once a change is refused the track is
 * spent: the caller stops using it.
 */
export class NestingTrack {
  private readonly pieces: string[] = []
  private readonly befores: (string | undefined)[] = []
  private readonly afters: (string | undefined)[] = []
  private readonly scans: Map<number, PieceScan>[] = []
  /** states[i]: the state at the start of piece i; the last one is the state at the tail. */
  private readonly states: ScanState[] = [START]
  private readonly tailScans = new Map<number, PieceScan>()

  /**
   * @param pieces The file's pieces before the tail (none empty), each with the character
   * before it and, when it ends with a line break, the one after it (the guard may look at
   * both); a change that would change either of them is refused.
   * @param tail The last piece (nothing follows it); it must not start with `'` or `#`.
   */
  constructor(
    pieces: readonly Piece[],
    private readonly tail: string,
  ) {
    if (/^['#]/.test(tail)) {
      this.passes = false
      return
    }
    for (const piece of pieces) {
      if (!this.push(piece)) {
        this.passes = false
        return
      }
    }
    this.passes = this.tailPasses()
  }

  /** Whether the guard passes on the file as it is now. */
  passes: boolean

  /** Replaces piece `index`; returns whether the guard passes on the file then. */
  replace(index: number, text: string): boolean {
    if (!this.passes || text === '' || text.endsWith('\n') || !this.fits(index, text)) return this.refuse()
    // The next piece sees this one's last character when it starts with `'` or `#`.
    const next = this.pieces[index + 1] ?? this.tail
    if (/^['#]/.test(next) && text.at(-1) !== this.pieces[index]!.at(-1)) return this.refuse()
    this.pieces[index] = text
    this.scans[index] = new Map()
    for (let i = index; i < this.pieces.length; i++) {
      const next = this.step(i, this.states[i]!)
      if (!next) return this.refuse()
      const unchanged = sameState(next, this.states[i + 1]!)
      this.states[i + 1] = next
      if (unchanged) return true
    }
    return this.tailPasses() || this.refuse()
  }

  /** Adds a piece before the tail; returns whether the guard passes on the file then. */
  append(piece: Piece): boolean {
    if (!this.passes || !this.push(piece)) return this.refuse()
    return this.tailPasses() || this.refuse()
  }

  /**
   * Whether `text` can go at `index` as far as the piece before it is concerned: when that one
   * ends with a line break, the guard looked at the character after it.
   */
  private fits(index: number, text: string): boolean {
    const previous = this.pieces[index - 1]
    return previous === undefined || !previous.endsWith('\n') || this.afters[index - 1] === text[0]
  }

  private tailPasses(): boolean {
    if (!this.fits(this.pieces.length, this.tail)) return false
    const state = this.states[this.pieces.length]!
    const key = modeKey(state.mode)
    let scan = this.tailScans.get(key)
    if (!scan) {
      scan = scanPiece(this.tail, state.mode, undefined)
      this.tailScans.set(key, scan)
    }
    return afterPiece(scan, state) !== undefined
  }

  private refuse(): false {
    this.passes = false
    return false
  }

  private push(piece: Piece): boolean {
    if (piece.text === '' || !this.fits(this.pieces.length, piece.text)) return false
    this.pieces.push(piece.text)
    this.befores.push(piece.before)
    this.afters.push(piece.after)
    this.scans.push(new Map())
    const i = this.pieces.length - 1
    const next = this.step(i, this.states[i]!)
    if (!next) return false
    this.states.push(next)
    return true
  }

  private step(i: number, state: ScanState): ScanState | undefined {
    const key = modeKey(state.mode)
    let scan = this.scans[i]!.get(key)
    if (!scan) {
      scan = scanPiece(this.pieces[i]!, state.mode, this.befores[i], this.afters[i])
      this.scans[i]!.set(key, scan)
    }
    return afterPiece(scan, state)
  }
}
