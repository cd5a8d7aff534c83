import { describe, expect, it } from 'vitest'
import { checkNesting, checkTextLimits, DEFAULT_LIMITS, formatBytes, positionOf, utf8Length } from './limits'

describe('utf8Length', () => {
  it('counts bytes as TextEncoder encodes them', () => {
    for (const text of ['', 'abc', 'é', '日本語', '😀x', 'a\ud800b', '\udc00', 'mixed é 日 😀']) {
      expect(utf8Length(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length)
    }
  })
})

describe('checkTextLimits', () => {
  const limits = { ...DEFAULT_LIMITS, maxFileBytes: 10, maxLineLength: 4 }
  it('refuses a file over the size limit, counting UTF-8 bytes', () => {
    expect(checkTextLimits('0123456789', { ...limits, maxLineLength: 100 })).toBeUndefined()
    expect(checkTextLimits('日本語a', { ...limits, maxLineLength: 100 })).toBeUndefined()
    expect(checkTextLimits('日本語ab', { ...limits, maxLineLength: 100 })).toMatchObject({
      offset: 0,
      message: expect.stringContaining('11 bytes'),
    })
  })
  it('points at the first line over the length limit', () => {
    expect(checkTextLimits('abcd\nabcd', limits)).toBeUndefined()
    expect(checkTextLimits('ab\nabcde\nx', limits)).toMatchObject({ offset: 3 })
  })
  it('formats sizes', () => {
    expect(formatBytes(1024 * 1024)).toBe('1 MiB')
    expect(formatBytes(2048)).toBe('2 KiB')
    expect(formatBytes(1000)).toBe('1000 bytes')
  })
})

describe('checkNesting', () => {
  it('finds the first bracket beyond the limit', () => {
    expect(checkNesting('[[[]]]', 3)).toBeUndefined()
    expect(checkNesting('x: [{[[', 3)).toMatchObject({ offset: 6 })
  })
  it('skips quoted strings and comments', () => {
    expect(checkNesting('"[[[[\\"[[[" # x\n\'{{{{\' # [[[[[\n', 1)).toBeUndefined()
    expect(checkNesting("it's [[ fine", 2)).toBeUndefined()
  })
  it('counts compact block collections on one line', () => {
    expect(checkNesting(`k:\n  ${'- '.repeat(3)}x\n`, 3)).toBeUndefined()
    expect(checkNesting(`k:\n  ${'- '.repeat(4)}x\n`, 3)).toMatchObject({ offset: 3 })
    expect(checkNesting(`${'? '.repeat(5)}x`, 3)).toMatchObject({ offset: 0 })
  })
  it('balances closing brackets', () => {
    expect(checkNesting('[][][][][]{}{}', 1)).toBeUndefined()
  })
})

describe('positionOf', () => {
  it('gives 1-based line and column', () => {
    expect(positionOf('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 })
    expect(positionOf('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 })
    expect(positionOf('ab\ncd\n', 6)).toEqual({ line: 3, column: 1 })
  })
})
