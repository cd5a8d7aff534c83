/**
 * The emitting side of the fuzz campaign. Every target writes:
 * - (c) documents of the property tests' domain with hostile values mixed in (very long
 *   strings, names with `/`, `..`, `:`, control characters and unicode, empty strings, extreme
 *   numbers, NaN and Infinity), checked as emitted; and its own output, from valid documents
 *   (the property tests' domain, and hostile text), parsed back (no errors but the deliberate
 *   ones) and converted to every target;
 * - (d) garbage: anything at all, and documents almost right (a field of the wrong type or
 *   missing), which `emitDocument` refuses with AGC101 naming the field.
 * Nothing throws, nothing is an internal error, every diagnostic points inside the file it
 * names, every output path is safe and every output LF-only.
 */
import {
  type AgentDocument,
  agentDocumentSchema,
  convertFile,
  type Diagnostic,
  matchGlob,
  type OutputFile,
  type Result,
  type Target,
} from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import { describe } from 'vitest'
import { arbAgentDocument } from '../properties/arbitraries'
import { checkDiagnostics, checkedEmit, checkedParse, checkOutputs, fuzzIt } from './harness'
import { arbGarbage, arbHostileDocument, arbHostileTextDocument } from './ir'

const FILE = 'emit.test.ts'

describe('(c) hostile IR values', () => {
  for (const target of builtinTargets) {
    fuzzIt(FILE, 'hostile IR', target.id, { quick: 30, long: 6_000 }, arbHostileDocument, (doc) => {
      const result = checkedEmit(target, doc)
      refusedIfInvalid(doc, result.value, result.diagnostics)
    })
  }
})

describe('(d) garbage documents', () => {
  for (const target of builtinTargets) {
    fuzzIt(FILE, 'garbage', target.id, { quick: 30, long: 20_000 }, arbGarbage, (value) => {
      const result = checkedEmit(target, value as AgentDocument)
      refusedIfInvalid(value, result.value, result.diagnostics)
    })
  }
})

/**
 * A document the IR schema refuses gets no files and an AGC101 that names the first bad field
 * (the lead's IR validation in `emitDocument`).
 */
function refusedIfInvalid(
  value: unknown,
  files: unknown,
  diagnostics: readonly { code: string; message: string }[],
): void {
  const valid = agentDocumentSchema.safeParse(value)
  if (valid.success) return
  if (files !== undefined) throw new Error('an invalid document was emitted')
  const path = valid.error.issues[0]!.path.map(String).join('.')
  const named = diagnostics.some(
    (d) => d.code === 'AGC101' && (path === '' || d.message.includes(`\`${path}\``)),
  )
  if (!named) {
    throw new Error(
      `no AGC101 naming \`${path}\`: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`,
    )
  }
}

/**
 * Errors agentc reports on a target's own output on purpose: a NUL the document held makes the
 * file binary (AGC005), and a line longer than the reader's limit is refused (AGC007; the limit
 * can be raised).
 */
function deliberate(d: Diagnostic, doc: AgentDocument): boolean {
  if (d.code === 'AGC005') return JSON.stringify(doc).includes('\\u0000')
  return d.code === 'AGC007'
}

function throughEveryTarget(source: Target, doc: AgentDocument): void {
  const emitted = checkedEmit(source, doc)
  for (const file of emitted.value ?? []) {
    // Only the agent files the target reads (Claude's settings.json is a merged side file).
    if (!source.layout.include.some((glob) => matchGlob(glob, file.path))) continue
    const input = { path: file.path, text: file.contents }
    const parsed = checkedParse(source, input)
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error' && !deliberate(d, doc))
    if (errors.length > 0) {
      throw new Error(
        `${source.id} cannot read its own output:\n${file.contents.slice(0, 2000)}\n${errors.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join('\n')}`,
      )
    }
    if (!parsed.value) continue
    for (const target of builtinTargets) {
      let result: Result<readonly OutputFile[]>
      try {
        result = convertFile(source, target, input)
      } catch (error) {
        throw new Error(
          `convertFile(${source.id}, ${target.id}) threw: ${error instanceof Error ? error.stack : error}`,
        )
      }
      checkDiagnostics(result.diagnostics, { [file.path]: file.contents })
      checkOutputs(result.value, target.id === source.id ? file.contents : undefined)
    }
  }
}

describe('(c) own output, parsed back and converted to every target', () => {
  for (const source of builtinTargets) {
    fuzzIt(
      FILE,
      'own output',
      source.id,
      { quick: 3, long: 300 },
      arbAgentDocument({ unsafeNames: true }),
      (doc) => throughEveryTarget(source, doc),
    )
    fuzzIt(
      FILE,
      'own output, hostile text',
      source.id,
      { quick: 3, long: 200 },
      arbHostileTextDocument,
      (doc) => throughEveryTarget(source, doc),
    )
  }
})
