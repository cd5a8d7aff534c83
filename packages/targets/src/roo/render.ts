import { Document, isScalar, Scalar, visit } from 'yaml'
import { escapeChar, PROBLEMATIC } from './mappings'

/** Characters YAML writers and readers may take for line breaks, and the BOM: always escaped. */
const BREAKS = /[\u0085\u2028\u2029\uFEFF]/
const BREAKS_ALL = new RegExp(BREAKS.source, 'g')

/** A mode as ordered keys and plain values. */
export type ModeEntries = readonly (readonly [string, unknown])[]

const OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  blockQuote: 'literal',
  singleQuote: false,
  doubleQuotedAsJSON: true,
} as const

/** The mode as a plain object, keys in order, undefined values left out. */
export function modeObject(entries: ModeEntries): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of entries) if (value !== undefined) out[key] = value
  return out
}

/** A new modes file holding one mode: `customModes:` and a block list (LF, final newline). */
export function renderModesFile(entries: ModeEntries): string {
  return render({ customModes: [modeObject(entries)] })
}

/** One mode as a YAML block map (no list dash), LF, ending with a newline. */
export function renderMode(entries: ModeEntries): string {
  return render(modeObject(entries))
}

/**
 * YAML with fixed options. Roo Code rewrites typographic characters (curly quotes, dashes,
 * no-break and zero-width spaces) in the file before it parses it, so strings holding them are
 * double-quoted with those characters escaped: Roo then reads them as written.
 */
function render(value: unknown): string {
  const doc = new Document(value)
  const problematic = new RegExp(PROBLEMATIC.source)
  const quoted = (text: string) =>
    problematic.test(text) || BREAKS.test(text) || /(^|\n)[ \t]+(\n|$)/.test(text)
  visit(doc, {
    Scalar(_key, node: Scalar) {
      // Block scalars cannot hold lines of spaces only (they read back empty) nor Unicode line
      // breaks; Roo's clean-up would rewrite the problematic characters.
      if (typeof node.value === 'string' && quoted(node.value)) node.type = Scalar.QUOTE_DOUBLE
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && quoted(pair.key.value)) {
        pair.key.type = Scalar.QUOTE_DOUBLE
      }
    },
  })
  // An empty line of a block scalar needs no indentation; yaml writes it, which leaves lines of
  // trailing spaces.
  return doc
    .toString(OPTIONS)
    .replace(PROBLEMATIC, escapeChar)
    .replace(BREAKS_ALL, escapeChar)
    .replace(/^ +$/gm, '')
}
