import type { Decision, Effort, TargetContext } from '@agentc/core'
import { at, type Positions, typeName } from './markdown-file'

/** The reasoning effort levels of the IR. */
export const EFFORTS: readonly Effort[] = ['minimal', 'low', 'medium', 'high', 'xhigh', 'max']

/** Whether a value is an IR effort level. */
export function isEffort(value: unknown): value is Effort {
  return typeof value === 'string' && (EFFORTS as readonly string[]).includes(value)
}

/** Whether a value is a permission decision. */
export function isDecision(value: unknown): value is Decision {
  return value === 'allow' || value === 'ask' || value === 'deny'
}

/**
 * Reads validated frontmatter values and records the position of each key under its IR field.
 * Values of the wrong type read as absent: the target's zod schema has already reported them.
 */
export class FieldReader {
  constructor(
    private readonly data: Record<string, unknown>,
    private readonly positions: Positions,
    private readonly ctx: TargetContext,
    private readonly tool: string,
  ) {}

  /** Reports a wrong value at `path` (AGC101). */
  invalid(path: readonly (string | number)[], field: string, expected: string, value: unknown): void {
    this.ctx.report(
      'AGC101',
      `\`${path.join('.')}\` must be ${expected} in ${this.tool}, not ${typeName(value)}.`,
      {
        field,
        ...at(this.positions.value(path)),
      },
    )
  }

  /** Whether the key is present with a value. */
  has(key: string): boolean {
    return Object.hasOwn(this.data, key) && this.data[key] !== undefined && this.data[key] !== null
  }

  private get(key: string, field: string): unknown {
    if (!this.has(key)) return undefined
    this.positions.key(field, [key])
    return this.data[key]
  }

  string(key: string, field: string): string | undefined {
    const value = this.get(key, field)
    return typeof value === 'string' ? value : undefined
  }

  number(key: string, field: string): number | undefined {
    const value = this.get(key, field)
    return typeof value === 'number' ? value : undefined
  }

  boolean(key: string, field: string): boolean | undefined {
    const value = this.get(key, field)
    return typeof value === 'boolean' ? value : undefined
  }

  oneOf<T extends string>(key: string, field: string, values: readonly T[]): T | undefined {
    const value = this.get(key, field)
    return typeof value === 'string' && (values as readonly string[]).includes(value)
      ? (value as T)
      : undefined
  }
}

/** Splits a comma-separated string or a list into trimmed, non-empty strings. */
export function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') {
    return splitTopLevelCommas(value)
      .map((s) => s.trim())
      .filter((s) => s !== '')
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.map((v) => String(v).trim()).filter((s) => s !== '')
  }
  return undefined
}

/**
 * Splits on commas outside brackets: `Bash(git add, commit)` (with `()`) or `src/*.{ts,tsx}`
 * (with `{}`) stays whole.
 */
export function splitTopLevelCommas(text: string, open = '(', close = ')'): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of text) {
    if (ch === open) depth++
    else if (ch === close) depth = Math.max(0, depth - 1)
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}

/**
 * The entry of a lookup table for a key read from a file, or undefined: only the table's own
 * keys, so that `constructor` or `__proto__` do not find `Object.prototype`'s.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/**
 * Sets an own, enumerable property, `__proto__` included (a plain assignment of `__proto__`
 * changes the object's prototype instead, and the entry is lost).
 */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
}
