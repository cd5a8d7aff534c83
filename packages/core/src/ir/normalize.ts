import type { AgentDocument, PermissionRule } from './document'

/**
 * The canonical form of a document for comparison and golden files: `source` dropped, tool
 * lists sorted and de-duplicated, empty groups removed, extension keys sorted, the body's
 * trailing newlines collapsed to one. Permission rule order is meaningful and kept.
 * @param doc A document.
 * @returns A new, normalised document.
 */
export function normalize(doc: AgentDocument): AgentDocument {
  const { source: _source, ...rest } = doc
  const out: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { ...rest }
  if (doc.sampling) {
    const sampling = dropUndefined({ temperature: doc.sampling.temperature, topP: doc.sampling.topP })
    if (Object.keys(sampling).length > 0) out.sampling = sampling
    else delete out.sampling
  }
  const { permissions, denied } = foldFinalDenials(doc.permissions ?? [])
  const deny = doc.tools?.deny || denied.length > 0 ? [...(doc.tools?.deny ?? []), ...denied] : undefined
  // With an allow-list, a denial only matters for listed tools: {allow: [a, b], deny: [b, c]} is {allow: [a]}.
  const allow = doc.tools?.allow?.filter((t) => !deny?.includes(t))
  const tools = dropUndefined({ allow: sortUnique(allow), deny: allow ? undefined : sortUnique(deny) })
  if (Object.keys(tools).length > 0) out.tools = tools
  else delete out.tools
  if (permissions.length > 0) out.permissions = permissions.map((r) => dropUndefined({ ...r }) as typeof r)
  else delete out.permissions
  if (doc.activation?.kind === 'globs') out.activation = { kind: 'globs', globs: [...doc.activation.globs] }
  const extensions: Record<string, Record<string, unknown>> = {}
  for (const target of Object.keys(doc.extensions).sort()) {
    const keys = Object.keys(doc.extensions[target]!).sort()
    if (keys.length === 0) continue
    extensions[target] = Object.fromEntries(keys.map((k) => [k, doc.extensions[target]![k]]))
  }
  out.extensions = extensions
  const text = doc.body.text.replace(/\r\n/g, '\n').replace(/\n+$/, '')
  out.body = { text: text === '' ? '' : `${text}\n` }
  return out as AgentDocument
}

/**
 * A tool whose last applicable rule is a plain `deny` is simply unavailable: the same as listing
 * it in `tools.deny` (OpenCode turns `tools: {x: false}` into exactly that rule). Folding those
 * rules into the deny-list gives equivalent documents one normal form. A denial of `edit` also
 * covers `write` (see PermissionRule).
 */
function foldFinalDenials(rules: readonly PermissionRule[]): {
  permissions: PermissionRule[]
  denied: string[]
} {
  const denied: string[] = []
  let kept = [...rules]
  const governs = (rule: PermissionRule, tool: string) =>
    rule.tool === tool || rule.tool === '*' || (tool === 'write' && rule.tool === 'edit')
  const lastFor = (tool: string) => kept.findLast((rule) => governs(rule, tool))
  const tools = [...new Set(rules.map((r) => r.tool))].filter((t) => t !== '*')
  for (const tool of tools) {
    const last = lastFor(tool)
    if (!last || last.tool !== tool || last.pattern !== undefined || last.decision !== 'deny') continue
    if (tool === 'edit') {
      // The denial covers `write` too, unless a later `write` rule decides some `write` calls.
      if (lastFor('write') !== last && !denied.includes('write')) continue
      kept = kept.filter((r) => r.tool !== 'edit' && r.tool !== 'write')
      denied.push('edit', 'write')
    } else {
      kept = kept.filter((r) => r.tool !== tool)
      denied.push(tool)
    }
  }
  return { permissions: kept, denied }
}

function sortUnique(list: readonly string[] | undefined): string[] | undefined {
  return list ? [...new Set(list)].sort() : undefined
}

function dropUndefined<T extends Record<string, unknown>>(
  object: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(object)) if (v !== undefined) out[k] = v
  return out as { [K in keyof T]?: Exclude<T[K], undefined> }
}

/** Deep equality of JSON-like values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, i) => deepEqual(item, other[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined)
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]))
}
