import type { Capabilities } from '../target/target'
import type { AgentDocument, Role, TargetId } from './document'
import { FEATURES, type Feature, hasFeature, withoutFeature } from './features'

/** What {@link project} removed. */
export interface Projection {
  /** The document restricted to what the target can hold. */
  readonly document: AgentDocument
  /** Features present in the source that the target cannot express at all. */
  readonly dropped: readonly Feature[]
  /** Extension keys of other targets: `[targetId, key]`. */
  readonly droppedExtensions: readonly (readonly [TargetId, string])[]
}

/**
 * Restricts a document to a target's capabilities: removes features the target supports
 * `'none'` and the extensions of every other target.
 * @param doc The document.
 * @param capabilities The target's capabilities.
 * @param targetId The target's id (its own extensions are kept).
 * @param impliedRoles Roles every agent of the target has: a role among them is removed without
 *   counting as dropped (see `Target.impliedRoles`).
 * @returns The projected document and what was removed.
 */
export function project(
  doc: AgentDocument,
  capabilities: Capabilities,
  targetId: TargetId,
  impliedRoles: readonly Role[] = [],
): Projection {
  let document = doc
  const dropped: Feature[] = []
  for (const feature of FEATURES) {
    if (capabilities[feature] === 'none' && hasFeature(document, feature)) {
      if (!(feature === 'role' && document.role !== undefined && impliedRoles.includes(document.role)))
        dropped.push(feature)
      document = withoutFeature(document, feature)
    }
  }
  const droppedExtensions: [TargetId, string][] = []
  const foreign = Object.keys(doc.extensions).filter((t) => t !== targetId)
  if (foreign.length > 0) {
    for (const t of foreign.sort())
      for (const key of Object.keys(doc.extensions[t]!)) droppedExtensions.push([t, key])
    const own = doc.extensions[targetId]
    document = { ...document, extensions: own ? { [targetId]: own } : {} }
  }
  return { document, dropped, droppedExtensions }
}
