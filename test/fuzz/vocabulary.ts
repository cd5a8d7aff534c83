/**
 * The keys and values each target's files use, read from the targets' own zod schemas
 * (`packages/targets/src/<id>/schema.ts`): every object key at any depth, and every enum and
 * literal value. The structured-document arbitraries draw keys and values from it, so that
 * generated files reach past "unknown key" into each target's field handling.
 */
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { builtinTargets } from '@agentc/targets'

/** What a target's schema names. */
export interface Vocabulary {
  /** Keys of the top-level object(s). */
  readonly top: readonly string[]
  /** Keys of nested objects. */
  readonly nested: readonly string[]
  /** Enum and literal values anywhere in the schema. */
  readonly values: readonly string[]
}

interface ZodLike {
  readonly _zod?: { readonly def?: Record<string, unknown> }
}

function walk(
  schema: unknown,
  depth: number,
  out: { top: Set<string>; nested: Set<string>; values: Set<string> },
  seen: Set<unknown>,
) {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return
  seen.add(schema)
  const def = (schema as ZodLike)._zod?.def
  if (!def) return
  const next = (s: unknown, d = depth) => walk(s, d, out, seen)
  switch (def.type) {
    case 'object': {
      const shape = (def.shape ?? {}) as Record<string, unknown>
      for (const [key, value] of Object.entries(shape)) {
        ;(depth === 0 ? out.top : out.nested).add(key)
        next(value, depth + 1)
      }
      next(def.catchall, depth + 1)
      break
    }
    case 'enum':
      for (const v of Object.values((def.entries ?? {}) as Record<string, unknown>)) {
        if (typeof v === 'string') out.values.add(v)
      }
      break
    case 'literal':
      for (const v of (def.values ?? []) as unknown[]) if (typeof v === 'string') out.values.add(v)
      break
    case 'union':
      for (const option of (def.options ?? []) as unknown[]) next(option)
      break
    case 'array':
      next(def.element, depth + 1)
      break
    case 'record':
      next(def.valueType, depth + 1)
      break
    case 'tuple':
      for (const item of (def.items ?? []) as unknown[]) next(item, depth + 1)
      break
    case 'pipe':
      next(def.in)
      next(def.out)
      break
    default:
      next(def.innerType)
  }
}

const targetsDir = fileURLToPath(new URL('../../packages/targets/src/', import.meta.url))

/** Every target's vocabulary, by target id. */
export const VOCABULARY: Readonly<Record<string, Vocabulary>> = Object.fromEntries(
  await Promise.all(
    builtinTargets.map(async (target) => {
      const out = { top: new Set<string>(), nested: new Set<string>(), values: new Set<string>() }
      if (readdirSync(`${targetsDir}${target.id}`).includes('schema.ts')) {
        const module = (await import(`${targetsDir}${target.id}/schema.ts`)) as Record<string, unknown>
        for (const schema of Object.values(module)) walk(schema, 0, out, new Set())
      }
      const vocabulary: Vocabulary = {
        top: [...out.top].sort(),
        nested: [...out.nested].filter((k) => !out.top.has(k)).sort(),
        values: [...out.values].sort(),
      }
      return [target.id, vocabulary] as const
    }),
  ),
)
