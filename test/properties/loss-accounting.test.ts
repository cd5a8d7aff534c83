import { type AgentDocument, emitDocument, type Target } from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbAgentDocument, configureProperties } from './arbitraries'
import {
  ACCESS_GROUP,
  changedFeatures,
  cursorDefaultActivation,
  DEFAULT_ACTIVATION_TARGETS,
  grouped,
  isAdvisory,
  reportedFeatures,
  roundTrip,
  show,
  toolListsDiffer,
  withoutDeadRules,
} from './helpers'

configureProperties()

/**
 * Every loss is reported and nothing is reported that was not lost: the features (and
 * extension keys) whose meaning differs between a document and the document read back from its
 * emitted file are exactly the features the emit step's AGC2xx diagnostics name. Tools and
 * permissions count as one access policy (see `grouped`); warnings about the target's own
 * behaviour that change nothing (see `isAdvisory`) need no loss.
 */
describe.each(builtinTargets.map((t) => [t.id, t] as const))('loss accounting for %s', (_id, target) => {
  it('reports exactly the features that do not survive emit → parse', () => {
    fc.assert(
      fc.property(arbAgentDocument({ unsafeNames: true }), (doc) => {
        const base = DEFAULT_ACTIVATION_TARGETS.has(target.id) ? cursorDefaultActivation(doc) : doc
        // A role every agent of the tool has (Target.impliedRoles) reads back as no role: the same.
        const implied: readonly string[] = (target as Target).impliedRoles ?? []
        const expected = base.role !== undefined && implied.includes(base.role) ? withoutRole(base) : base
        const { parsed, emitDiagnostics, file } = roundTrip(target, doc)
        const changed = grouped(changedFeatures(expected, parsed, target.id))
        const reported = grouped(reportedFeatures(emitDiagnostics))
        const context = [
          file.contents,
          '---- diagnostics',
          ...emitDiagnostics.map((d) => `${d.code} ${d.field}: ${d.message}`),
          '---- document',
          show(expected),
          '---- parsed',
          show(parsed),
        ].join('\n')

        // Every loss is reported.
        const unreported = [...changed].filter((f) => !reported.has(f))
        expect(unreported, `unreported loss\n${context}`).toEqual([])

        // Nothing is reported that was not lost, but for warnings about the target's behaviour.
        const losses = (diagnostics: typeof emitDiagnostics) =>
          grouped(reportedFeatures(diagnostics.filter((d) => !isAdvisory(target.id, d, doc))))
        const claimed = losses(emitDiagnostics)
        if (claimed.has(ACCESS_GROUP) && !changed.has(ACCESS_GROUP)) {
          // The access policy means the same, but a report about it is still justified when its
          // tool list changed (edit and write switched together, then masked by a rule), or when it
          // is about parts that decide nothing (without them, nothing is reported).
          const live = losses(emitDocument(target, withoutDeadRules(doc, target.id)).diagnostics)
          if (toolListsDiffer(expected, parsed) || !live.has(ACCESS_GROUP)) claimed.delete(ACCESS_GROUP)
        }
        const unfounded = [...claimed].filter((f) => !changed.has(f))
        expect(unfounded, `reported but not lost\n${context}`).toEqual([])
      }),
    )
  })
})

/** The document without its role. */
function withoutRole(doc: AgentDocument): AgentDocument {
  const { role: _role, ...rest } = doc
  return rest
}
