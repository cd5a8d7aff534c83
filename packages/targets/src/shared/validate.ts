import type { TargetContext } from '@agentc/core'
import type { z } from 'zod'
import { at, type Positions, typeName } from './markdown-file'

/**
 * Validates frontmatter data against a target's zod schema and reports each issue as AGC101 at
 * the offending value: "`temperature` must be a number in OpenCode, not the text "hot"."
 * Schemas phrase their expectations as error messages (`z.number({error: 'a number'})`).
 * @returns Whether the data is valid.
 */
export function validateFrontmatter(
  schema: z.ZodType,
  data: Record<string, unknown>,
  positions: Positions,
  ctx: TargetContext,
  tool: string,
  fieldOf: (key: string) => string,
): boolean {
  const result = schema.safeParse(data)
  if (result.success) return true
  for (const issue of result.error.issues.flatMap((i) => closestIssues(i, []))) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    const value = path.reduce<unknown>(
      (v, k) =>
        v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined,
      data,
    )
    const shown = path.map(String).join('.')
    const expected = issue.code === 'invalid_union' ? describeUnion(issue) : issue.message
    ctx.report('AGC101', `\`${shown}\` must be ${expected} in ${tool}, not ${typeName(value)}.`, {
      field: fieldOf(String(path[0] ?? '')),
      ...at(nearestPosition(positions, path)),
    })
  }
  return false
}

/**
 * The position of the value at `path`, or, for a key that is missing (a required key), of the
 * closest enclosing value that is there (the mode, the map).
 */
function nearestPosition(positions: Positions, path: readonly (string | number)[]) {
  for (let n = path.length; n >= 0; n--) {
    const p = positions.value(path.slice(0, n))
    if (p) return p
  }
  return undefined
}

function describeUnion(issue: z.core.$ZodIssue): string {
  const messages = new Set<string>()
  if ('errors' in issue && Array.isArray(issue.errors)) {
    for (const branch of issue.errors as z.core.$ZodIssue[][]) {
      const first = branch[0]
      if (first && first.path.length === 0) messages.add(first.message)
    }
  }
  // A branch without its own message says zod's "Invalid input: …"; the union's message is better.
  const own = [...messages].filter((m) => !m.startsWith('Invalid input'))
  if (own.length > 0 && own.length === messages.size) return own.join(' or ')
  if (!issue.message.startsWith('Invalid input') || own.length === 0) return issue.message
  return own.join(' or ')
}

/**
 * For a value that matches no branch of a union, the issues of the branch that got furthest
 * into the value (deepest path): `permission.bash.git *` rather than `permission`.
 */
function closestIssues(issue: z.core.$ZodIssue, prefix: PropertyKey[]): z.core.$ZodIssue[] {
  const path = [...prefix, ...issue.path]
  if (issue.code !== 'invalid_union' || !('errors' in issue) || !Array.isArray(issue.errors))
    return [{ ...issue, path }]
  let best: z.core.$ZodIssue[] | undefined
  let bestDepth = 0
  for (const branch of issue.errors as z.core.$ZodIssue[][]) {
    const depth = Math.max(0, ...branch.map((b) => b.path.length + (b.code === 'invalid_union' ? 1 : 0)))
    if (depth > bestDepth) {
      best = branch
      bestDepth = depth
    }
  }
  if (!best) return [{ ...issue, path }]
  return best.flatMap((b) => closestIssues(b, path))
}
