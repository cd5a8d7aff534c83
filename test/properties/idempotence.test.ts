import { emitDocument } from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbAgentDocument, configureProperties } from './arbitraries'
import { mainFile, roundTrip, withoutSource } from './helpers'

configureProperties()

/**
 * Emitting is a fixpoint after one round: emit(parse(emit(d))) is emit(d) byte for byte. Checked
 * twice: with the parsed provenance (a same-format re-emit reproduces the file's bytes) and
 * without it (the emitter itself writes the same bytes for what it read back).
 */
describe.each(builtinTargets.map((t) => [t.id, t] as const))('emit fixpoint for %s', (_id, target) => {
  it('emit(parse(emit(d))) = emit(d), byte for byte', () => {
    fc.assert(
      fc.property(arbAgentDocument({ unsafeNames: true }), (doc) => {
        const { file, parsed } = roundTrip(target, doc)
        for (const again of [parsed, withoutSource(parsed)]) {
          const emitted = emitDocument(target, again)
          expect(emitted.value, JSON.stringify(emitted.diagnostics)).toBeDefined()
          const second = mainFile(emitted.value!)
          expect(second.path).toBe(file.path)
          expect(second.contents).toBe(file.contents)
        }
      }),
    )
  })
})
