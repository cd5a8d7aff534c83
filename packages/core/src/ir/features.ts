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

/**
 * A copy of `doc` without `feature`. Made by leaving keys out rather than deleting them: an object
 * that has had a key deleted is slower to read for the rest of its life, and the emitters read
 * the projected document field by field.
 */
export function withoutFeature(doc: AgentDocument, feature: Feature): AgentDocument {
  switch (feature) {
    case 'name':
      return doc
    case 'sampling.temperature':
    case 'sampling.topP': {
      const key = feature === 'sampling.temperature' ? 'temperature' : 'topP'
      const { [key]: _dropped, ...rest } = doc.sampling ?? {}
      return withKey(doc, 'sampling', Object.keys(rest).length === 0 ? undefined : rest)
    }
    case 'tools.allow':
    case 'tools.deny': {
      const key = feature === 'tools.allow' ? 'allow' : 'deny'
      const { [key]: _dropped, ...rest } = doc.tools ?? {}
      return withKey(doc, 'tools', Object.keys(rest).length === 0 ? undefined : rest)
    }
    case 'activation.always':
    case 'activation.globs':
    case 'activation.model-decision':
    case 'activation.manual':
      return hasFeature(doc, feature) ? withKey(doc, 'activation', undefined) : { ...doc }
    default:
      return withKey(doc, feature, undefined)
  }
}

/** A copy of `doc` with `key` set to `value` in its place, or left out when `value` is undefined. */
function withKey(doc: AgentDocument, key: keyof AgentDocument, value: unknown): AgentDocument {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(doc)) {
    if (k !== key) out[k] = doc[k as keyof AgentDocument]
    else if (value !== undefined) out[k] = value
  }
  return out as unknown as AgentDocument
}
