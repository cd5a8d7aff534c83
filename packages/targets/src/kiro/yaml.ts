import { ensureFinalNewline, type FrontmatterEntry } from '@agentc/core'
import { Document, isScalar, isSeq, Scalar, visit } from 'yaml'

/**
 * Kiro's frontmatter as its documentation writes it: short lists of scalars in flow style
 * (`tools: [read, write]`, `match: ["npm *"]`), everything else in block style; keys in the order
 * given, LF, no line folding, strings quoted only when a YAML reader would misread them.
 * @param entries Keys and values in output order; `undefined` values are skipped.
 * @param body The markdown body, written verbatim with exactly one final newline.
 */
export function writeKiroFile(entries: readonly FrontmatterEntry[], body: string): string {
  const object: Record<string, unknown> = {}
  for (const [key, value] of entries) if (value !== undefined) object[key] = value
  let yaml = ''
  if (Object.keys(object).length > 0) {
    const doc = new Document(object)
    visit(doc, {
      Seq(_key, node) {
        if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true
      },
      Scalar(_key, node: Scalar, path) {
        const parent = path[path.length - 1]
        const flow = isSeq(parent) && parent.flow === true
        if (typeof node.value === 'string' && needsQuotes(node.value, flow)) node.type = Scalar.QUOTE_DOUBLE
      },
    })
    yaml = doc.toString({
      lineWidth: 0,
      minContentWidth: 0,
      indent: 2,
      indentSeq: true,
      singleQuote: false,
      flowCollectionPadding: false,
    })
  }
  return `---\n${yaml}---\n${ensureFinalNewline(body)}`
}

/**
 * Strings quoted for readers and people: those a YAML reader would misread, those holding flow
 * punctuation inside a flow list, and globs (`"npm *"`, as Kiro's documentation writes them).
 */
function needsQuotes(value: string, flow: boolean): boolean {
  return (
    /^[*&!%@`#|>'"[\]{},?:-]/.test(value) ||
    /: |\s#|\*/.test(value) ||
    (flow && /[,[\]{}]/.test(value)) ||
    value !== value.trim()
  )
}
