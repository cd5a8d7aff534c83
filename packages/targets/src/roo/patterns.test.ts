import { describe, expect, it } from 'vitest'
import { patternsToRegex, regexToPatterns } from './patterns'

describe('regexToPatterns', () => {
  it('converts the regexes people write for file restrictions exactly', () => {
    expect(regexToPatterns('\\.md$')).toEqual(['*.md'])
    expect(regexToPatterns('\\.(md|mdx)$')).toEqual(['*.md', '*.mdx'])
    expect(regexToPatterns('(.*\\.(md|ts)$|.*\\.json$)')).toEqual(['*.md', '*.ts', '*.json'])
    expect(regexToPatterns('^src/')).toEqual(['src/*'])
    expect(regexToPatterns('\\.[jt]sx?$')).toEqual(['*.js', '*.jsx', '*.ts', '*.tsx'])
    expect(regexToPatterns('^(docs|src)/.+\\.md$')).toEqual(['docs/?*.md', 'src/?*.md'])
  })

  it('treats an unanchored end as "anything may follow" and a match-all as every path', () => {
    expect(regexToPatterns('docs/')).toEqual(['*docs/*'])
    expect(regexToPatterns('')).toEqual(['*'])
    expect(regexToPatterns('a|')).toEqual(['*'])
  })

  it('refuses regexes that no finite list of patterns matches exactly', () => {
    for (const regex of [
      '\\w+\\.md$',
      '[^/]+\\.md',
      'x{2}',
      'ab*c',
      '(?!tmp/)',
      '\\*\\.md',
      '[a-z]\\.md',
      '(',
    ])
      expect(regexToPatterns(regex), regex).toBeUndefined()
  })
})

describe('patternsToRegex', () => {
  it('writes regexes that read back to the same patterns', () => {
    for (const patterns of [
      ['*.md'],
      ['*.md', '*.mdx'],
      ['docs/*', '*.md'],
      ['a?b'],
      ['x.y*z'],
      ['/etc/*'],
    ]) {
      const regex = patternsToRegex(patterns)!
      expect(regexToPatterns(regex), regex).toEqual(patterns)
    }
    expect(patternsToRegex(['*.md', '*.mdx'])).toBe('\\.(md|mdx)$')
    expect(patternsToRegex(['src/**'])).toBe('^src/')
    expect(patternsToRegex(['*'])).toBe('')
  })
})
