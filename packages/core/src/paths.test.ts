import { describe, expect, it } from 'vitest'
import { isReservedFileName, isSafeRelativePath, pathProblem } from './paths'

describe('isReservedFileName', () => {
  it('knows the Windows device names, with any extension and case', () => {
    for (const name of ['con', 'CON', 'nul.txt', 'Aux.md', 'com1', 'LPT9.tar.gz', 'com¹', 'conin$'])
      expect(isReservedFileName(name), name).toBe(true)
    for (const name of ['console', 'con-agent', 'nullable.md', 'com', 'lpt10', 'xcon', 'a.con'])
      expect(isReservedFileName(name), name).toBe(false)
  })
})

describe('pathProblem', () => {
  it('accepts ordinary relative paths', () => {
    for (const path of ['.claude/agents/x.md', 'AGENTS.md', 'a/b/c-d_e.f.md', '.roomodes', '日本/語.md'])
      expect(pathProblem(path), path).toBeUndefined()
  })
  it('names what is wrong with an unsafe or unportable path', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['/etc/passwd', /absolute/],
      ['C:/x', /absolute/],
      ['\\\\server/x', /absolute/],
      ['a/../../x', /climbs out/],
      ['..', /climbs out/],
      ['a//b', /empty/],
      ['./a', /empty or `.`/],
      ['a\\b', /backslash/],
      ['a\u0001b', /control/],
      ['a/b:c.md', /`:`/],
      ['a/what?.md', /`\?`/],
      ['a/con.md', /reserved device name/],
      ['a/x./b', /ends with a dot/],
      ['a/x /b', /ends with a dot or a space/],
    ]
    for (const [path, problem] of cases) {
      expect(pathProblem(path), JSON.stringify(path)).toMatch(problem)
      expect(isSafeRelativePath(path)).toBe(false)
    }
  })
})
