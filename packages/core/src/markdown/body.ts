import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Body } from '../ir/document'

/** Creates a body from markdown text (line endings normalised to LF). */
export function createBody(text: string): Body {
  // CRLF and a lone CR are both line endings (CommonMark, YAML); the IR body is LF only.
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text }
}

const trees = new WeakMap<Body, Root>()
let parser: ReturnType<typeof createParser> | undefined
function createParser() {
  return unified().use(remarkParse).freeze()
}

/**
 * The markdown tree (mdast) of a body, parsed on first use and cached per body object. Plain
 * conversions never call it: parsing costs milliseconds per document.
 * @param body The body.
 * @returns Its mdast root (read-only: never edit it in place).
 */
export function bodyTree(body: Body): Root {
  let tree = trees.get(body)
  if (!tree) {
    parser ??= createParser()
    tree = parser.parse(body.text)
    trees.set(body, tree)
  }
  return tree
}
