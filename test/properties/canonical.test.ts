import { type AgentDocument, type Capabilities, project } from '@agentc/core'
import { opencode } from '@agentc/targets'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbAgentDocument, configureProperties } from './arbitraries'
import { changedFeatures, roundTrip, show, vocabularyGaps } from './helpers'

configureProperties()

/** Only the features OpenCode supports `'full'`. */
const fullOnly: Capabilities = Object.fromEntries(
  Object.entries(opencode.capabilities).map(([f, s]) => [f, s === 'full' ? 'full' : 'none']),
) as Capabilities

/**
 * Documents whose every feature OpenCode supports `'full'`, with values in OpenCode's
 * vocabulary (no Claude aliases, models with a provider, edit and write switched together).
 */
const arbOpenCodeDocument: fc.Arbitrary<AgentDocument> = arbAgentDocument()
  .map((doc) => project(doc, fullOnly, 'opencode').document)
  .filter((doc) => vocabularyGaps('opencode', doc).size === 0)

/**
 * OpenCode is the source format: a document it can hold entirely survives emit → parse
 * unchanged (normalize(parse(emit(d))) means what normalize(d) means, under the IR's documented
 * equivalences), and emitting it reports no loss at all.
 */
describe('OpenCode as the canonical format', () => {
  it('normalize(parse(emit(d))) = normalize(d) for documents of full OpenCode features', () => {
    fc.assert(
      fc.property(arbOpenCodeDocument, (doc) => {
        const { parsed, emitDiagnostics, file } = roundTrip(opencode, doc)
        const context = `${file.contents}\n---- document\n${show(doc)}\n---- parsed\n${show(parsed)}`
        expect([...changedFeatures(doc, parsed, 'opencode')], context).toEqual([])
        const losses = emitDiagnostics.filter((d) => /^AGC2/.test(d.code))
        expect(losses, context).toEqual([])
      }),
    )
  })
})
