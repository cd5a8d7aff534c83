import type { AgentDocument } from './document'

/**
 * The capability vocabulary: every field of {@link AgentDocument} a target may or may not carry.
 * Capabilities, loss diagnostics (`field`) and round-trip tests all speak in these names.
 */
export const FEATURES = [
  'name',
  'description',
  'role',
  'model',
  'sampling.temperature',
  'sampling.topP',
  'effort',
  'tools.allow',
  'tools.deny',
  'permissions',
  'maxSteps',
  'color',
  'hidden',
  'disabled',
  'activation.always',
  'activation.globs',
  'activation.model-decision',
  'activation.manual',
] as const

/** One feature of the IR. */
export type Feature = (typeof FEATURES)[number]

/** A field path used in diagnostics and positions: a feature or a finer path below one. */
export type FieldPath = Feature | (string & {})

/** Whether `doc` sets `feature`. */
export function hasFeature(doc: AgentDocument, feature: Feature): boolean {
  switch (feature) {
    case 'name':
      return true
    case 'sampling.temperature':
      return doc.sampling?.temperature !== undefined
    case 'sampling.topP':
      return doc.sampling?.topP !== undefined
    case 'tools.allow':
      return doc.tools?.allow !== undefined
    case 'tools.deny':
      return doc.tools?.deny !== undefined
    case 'activation.always':
    case 'activation.globs':
    case 'activation.model-decision':
    case 'activation.manual':
      return doc.activation !== undefined && `activation.${doc.activation.kind}` === feature
    default:
      return doc[feature] !== undefined
  }
}

/** The value of `feature` in `doc` (undefined when absent). */
export function featureValue(doc: AgentDocument, feature: Feature): unknown {
  switch (feature) {
    case 'sampling.temperature':
      return doc.sampling?.temperature
    case 'sampling.topP':
      return doc.sampling?.topP
    case 'tools.allow':
      return doc.tools?.allow
    case 'tools.deny':
      return doc.tools?.deny
    case 'activation.always':
    case 'activation.globs':
    case 'activation.model-decision':
    case 'activation.manual':
      return hasFeature(doc, feature) ? doc.activation : undefined
    default:
      return doc[feature]
  }
}

/** A copy of `doc` without `feature`. */
export function withoutFeature(doc: AgentDocument, feature: Feature): AgentDocument {
  const copy: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { ...doc }
  switch (feature) {
    case 'name':
      return doc
    case 'sampling.temperature':
    case 'sampling.topP': {
      const key = feature === 'sampling.temperature' ? 'temperature' : 'topP'
      const { [key]: _dropped, ...rest } = doc.sampling ?? {}
      if (Object.keys(rest).length === 0) delete copy.sampling
      else copy.sampling = rest
      return copy as AgentDocument
    }
    case 'tools.allow':
    case 'tools.deny': {
      const key = feature === 'tools.allow' ? 'allow' : 'deny'
      const { [key]: _dropped, ...rest } = doc.tools ?? {}
      if (Object.keys(rest).length === 0) delete copy.tools
      else copy.tools = rest
      return copy as AgentDocument
    }
    case 'activation.always':
    case 'activation.globs':
    case 'activation.model-decision':
    case 'activation.manual':
      if (hasFeature(doc, feature)) delete copy.activation
      return copy as AgentDocument
    default:
      delete copy[feature]
      return copy as AgentDocument
  }
}
