import { FEATURES, type Feature, normalize, project } from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbAgentDocument, configureProperties } from './arbitraries'
import {
  changedFeatures,
  cursorDefaultActivation,
  DEFAULT_ACTIVATION_TARGETS,
  grouped,
  reportedFeatures,
  roundTrip,
  show,
  vocabularyGaps,
} from './helpers'

configureProperties()

/**
 * emit → parse keeps every feature a target supports `'full'`: the document read back means
 * what the projected document meant, feature by feature, and the body and the target's own
 * extensions are unchanged. Values outside a target's vocabulary (see `vocabularyGaps`) may be
 * approximated, and then the emitter must have reported it on that feature.
 */
describe.each(builtinTargets.map((t) => [t.id, t] as const))('round trip through %s', (_id, target) => {
  const full = FEATURES.filter((f) => target.capabilities[f] === 'full')

  it('keeps every full feature, the body and its own extensions', () => {
    fc.assert(
      fc.property(arbAgentDocument(), (doc) => {
        const projected = project(doc, target.capabilities, target.id).document
        let expected = normalize(projected)
        if (DEFAULT_ACTIVATION_TARGETS.has(target.id)) expected = cursorDefaultActivation(expected)
        const { parsed, emitDiagnostics, file } = roundTrip(target, doc)
        const changed = changedFeatures(expected, parsed, target.id)
        // Tools and permissions are one access policy (see `grouped`): a gap or a report in one
        // may show as a change in another.
        const gaps = grouped([
          ...vocabularyGaps(target.id, projected).keys(),
          ...vocabularyGaps(target.id, expected).keys(),
        ])
        const reported = grouped(reportedFeatures(emitDiagnostics))
        const context = `${file.contents}\n---- expected\n${show(expected)}\n---- parsed\n${show(parsed)}`
        for (const feature of grouped(full.filter((f) => changed.has(f)))) {
          expect(gaps.has(feature), `${feature} changed\n${context}`).toBe(true)
          expect(reported.has(feature), `${feature} approximated without a report\n${context}`).toBe(true)
        }
        expect(changed.has('body'), `body changed\n${context}`).toBe(false)
        const own = [...changed].filter((k) => k.startsWith(`extensions.${target.id}.`))
        expect(own, context).toEqual([])
        expect(normalize(parsed).extensions[target.id] ?? {}).toEqual(expected.extensions[target.id] ?? {})
      }),
    )
  })

  it('declares a support level for every feature', () => {
    for (const feature of FEATURES)
      expect(['full', 'partial', 'none']).toContain(target.capabilities[feature as Feature])
  })
})
