import picomatch from 'picomatch/posix.js'

const matchers = new Map<string, (path: string) => boolean>()

/**
 * Whether a project-relative POSIX path matches a file glob (`**`, `*`, `?`, `{a,b}`; dot files
 * included), as used by target layouts.
 */
export function matchGlob(glob: string, path: string): boolean {
  let matcher = matchers.get(glob)
  if (!matcher) {
    matcher = picomatch(glob, { dot: true })
    matchers.set(glob, matcher)
  }
  return matcher(path)
}

/**
 * Whether `text` matches a permission wildcard with OpenCode semantics: `*` matches any run of
 * characters (including `/` and spaces), `?` exactly one character, everything else is literal.
 */
export function matchWildcard(pattern: string, text: string): boolean {
  // Greedy two-pointer matching with backtracking to the last `*`: linear in practice, no
  // RegExp (which V8 refuses for patterns of tens of thousands of characters).
  let p = 0
  let t = 0
  let star = -1
  let resume = 0
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || (pattern[p] !== '*' && pattern[p] === text[t]))) {
      p++
      t++
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++
      resume = t
    } else if (star !== -1) {
      p = star + 1
      t = ++resume
    } else return false
  }
  while (p < pattern.length && pattern[p] === '*') p++
  return p === pattern.length
}

/**
 * Whether some text matches both permission wildcards (see {@link matchWildcard}). Used to find
 * rules that overlap when translating between rule orders.
 */
export function wildcardsIntersect(a: string, b: string): boolean {
  const memo = new Map<number, boolean>()
  const width = b.length + 1
  const go = (i: number, j: number): boolean => {
    const key = i * width + j
    const cached = memo.get(key)
    if (cached !== undefined) return cached
    let result: boolean
    if (i === a.length && j === b.length) result = true
    else if (i < a.length && a[i] === '*') result = go(i + 1, j) || (j < b.length && go(i, j + 1))
    else if (j < b.length && b[j] === '*') result = go(i, j + 1) || (i < a.length && go(i + 1, j))
    else if (i < a.length && j < b.length)
      result = (a[i] === '?' || b[j] === '?' || a[i] === b[j]) && go(i + 1, j + 1)
    else result = false
    memo.set(key, result)
    return result
  }
  return go(0, 0)
}
