import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchWildcard } from './glob'

/** The definition: `*` any run, `?` one character, everything else literal. */
function byRegex(pattern: string, text: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`, 's').test(text)
}

describe('matchWildcard', () => {
  it('agrees with the regular-expression definition', () => {
    const chars = fc.constantFrom('a', 'b', '*', '?', '.', '/', ' ', '\n', '(')
    const str = fc.array(chars, { maxLength: 10 }).map((c) => c.join(''))
    fc.assert(
      fc.property(str, str, (pattern, text) => {
        expect(matchWildcard(pattern, text)).toBe(byRegex(pattern, text))
      }),
      { seed: 7, numRuns: 3000 },
    )
  })
  it('matches the usual permission patterns', () => {
    expect(matchWildcard('git *', 'git push origin main')).toBe(true)
    expect(matchWildcard('git *', 'gh pr')).toBe(false)
    expect(matchWildcard('*', '')).toBe(true)
    expect(matchWildcard('rm -rf ?', 'rm -rf /')).toBe(true)
  })
  it('handles patterns far longer than a RegExp may be, in linear time', () => {
    const long = 'x'.repeat(200_000)
    expect(matchWildcard(long, long)).toBe(true)
    expect(matchWildcard(long, 'x')).toBe(false)
    expect(matchWildcard(`${'*a'.repeat(20_000)}*`, 'a'.repeat(20_000))).toBe(true)
  })
})
