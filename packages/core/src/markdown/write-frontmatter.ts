import { Document, Scalar, visit } from 'yaml'

/** One frontmatter entry: a key and a plain JSON-like value. */
export type FrontmatterEntry = readonly [key: string, value: unknown]

/**
 * Serialises frontmatter entries to YAML with fixed options (deterministic: keys in the order
 * given, LF, no line folding, strings quoted only when YAML needs it, double quotes then).
 * @param entries Keys and values in output order; `undefined` values are skipped.
 * @returns The YAML text, ending with a newline (empty string for no entries).
 */
export function stringifyYaml(entries: readonly FrontmatterEntry[]): string {
  const object: Record<string, unknown> = {}
  for (const [key, value] of entries) if (value !== undefined) object[key] = value
  if (Object.keys(object).length === 0) return ''
  const doc = new Document(object)
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = Scalar.QUOTE_DOUBLE
    },
  })
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true, singleQuote: false })
}

/** Plain strings the yaml library would accept but other tools' readers may not. */
function needsQuotes(value: string): boolean {
  return /^[*&!%@`#|>'"[\]{},?:-]/.test(value) || /: |\s#/.test(value) || value !== value.trim()
}

/**
 * Builds a markdown file from frontmatter entries and a body.
 * @param entries Frontmatter keys and values in output order.
 * @param body The markdown body (LF); written verbatim, with exactly one final newline.
 * @returns `---\n<yaml>---\n<body>`.
 */
export function writeFrontmatterFile(entries: readonly FrontmatterEntry[], body: string): string {
  const yaml = stringifyYaml(entries)
  return `---\n${yaml}---\n${ensureFinalNewline(body)}`
}

/** The text with exactly one trailing newline (empty text stays empty). */
export function ensureFinalNewline(text: string): string {
  const trimmed = text.replace(/\n+$/, '')
  return trimmed === '' ? '' : `${trimmed}\n`
}
