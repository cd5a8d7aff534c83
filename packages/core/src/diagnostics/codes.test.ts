import { describe, expect, it } from 'vitest'
import { codes } from './codes'

describe('diagnostic codes', () => {
  it('are AGCnnn with a kebab-case name, a severity and an explanation', () => {
    for (const [code, entry] of Object.entries(codes)) {
      expect(code).toMatch(/^AGC\d{3}$/)
      expect(entry.name).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(['error', 'warning', 'info']).toContain(entry.severity)
      expect(entry.summary.length).toBeGreaterThan(10)
      expect(entry.fix.length).toBeGreaterThan(5)
    }
  })

  it('have unique names', () => {
    const names = Object.values(codes).map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })
})
