import {
  type AgentDocument,
  deepEqual,
  isUnchangedSinceParse,
  normalize,
  type SourceFile,
  type TargetContext,
} from '@agentc/core'

const silent: TargetContext = { report() {}, options: {} }

/**
 * The original text of a document that came from this very target and has not changed since:
 * re-emitting a file in its own format keeps its bytes (BOM, line endings, comments, quoting,
 * key order). Returns undefined when the document changed or came from elsewhere.
 * @param doc The (projected) document being emitted.
 * @param targetId The emitting target.
 * @param parse The target's parser, used to re-read the original text for comparison.
 */
export function unchangedRaw(
  doc: AgentDocument,
  targetId: string,
  parse: (file: SourceFile, ctx: TargetContext) => readonly AgentDocument[],
): string | undefined {
  const source = doc.source
  if (!source || source.target !== targetId || source.raw === undefined) return undefined
  // The document parseFile made, untouched since: its text is the source's, without re-reading.
  if (isUnchangedSinceParse(doc)) return source.raw
  // A file may hold several documents (AGENTS.md sections, .roomodes modes): compare with the
  // one of the same name.
  const original = parse({ path: source.path, text: source.raw }, silent).find((d) => d.name === doc.name)
  if (!original) return undefined
  return deepEqual(normalize(original), normalize(doc)) ? source.raw : undefined
}
