/**
 * Pattern conversions between the IR's permission wildcards (`*` = any run of characters,
 * `/` included; `?` = one character) and Kiro's forms: path globs (`*` stops at `/`, `**` spans
 * folders, gitignore-like) for file and URL capabilities, and the anchored regular expressions of
 * the legacy `toolsSettings` (`allowedCommands`, `deniedCommands`, `trusted`, `blocked`).
 */

const WILD = /[*?]/

/** A Kiro `match` glob for an IR path wildcard: `undefined` = every path; `exact` = same meaning. */
export function pathGlobFromWildcard(pattern: string): { glob: string | undefined; exact: boolean } {
  const collapsed = pattern.replace(/\*+/g, '*')
  if (collapsed === '*') return { glob: undefined, exact: true }
  if (!WILD.test(collapsed)) return { glob: pattern, exact: !/[[\]{}!\\]/.test(pattern) }
  // `dir/*`: everything below `dir` at any depth.
  const below = /^([^*?]+)\/\*$/.exec(collapsed)
  if (below) return { glob: `${below[1]}/**`, exact: !/[[\]{}!\\]/.test(below[1]!) }
  // `*.ext`: any path whose last part ends with `.ext` (`*` reaches into folders in the IR).
  const suffix = /^\*([^*?/]+)$/.exec(collapsed)
  if (suffix) return { glob: `**/*${suffix[1]}`, exact: !/[[\]{}!\\]/.test(suffix[1]!) }
  // `*/name`, `*/*.ext`: in a folder, at any depth (`**/…` would also match at the top).
  const nested = /^\*\/([^/]+)$/.exec(collapsed)
  if (nested) return { glob: `*/**/${nested[1]}`, exact: !/[[\]{}!\\]/.test(nested[1]!) }
  return { glob: pattern, exact: false }
}

// The IR wildcards a Kiro path glob reads as (the inverse of `pathGlobFromWildcard`):
// `dir/**` → `dir/*`, `**/*.ext` → `*.ext`, `**/name` → `name` and `*/name` (at the top or in
// any folder), `*/**/name` → `*/name`; `[]` for a glob matching every path; anything else as
// written.
export function wildcardsFromPathGlob(glob: string): string[] {
  if (glob === '**' || glob === '**/*' || glob === '*') return []
  const below = /^([^*?[\]{}]+)\/\*\*$/.exec(glob)
  if (below) return [`${below[1]}/*`]
  const suffix = /^\*\*\/\*([^*?/[\]{}]+)$/.exec(glob)
  if (suffix) return [`*${suffix[1]}`]
  const anywhere = /^\*\*\/([^*?/[\]{}]+)$/.exec(glob)
  if (anywhere) return [anywhere[1]!, `*/${anywhere[1]}`]
  const nested = /^\*\/\*\*\/([^/[\]{}]+)$/.exec(glob)
  if (nested) return [`*/${nested[1]}`]
  return [glob]
}

/** A non-path pattern (command, name, `server/tool`): `*` alone matches everything. */
export function plainPattern(pattern: string): string | undefined {
  return pattern.replace(/\*+/g, '*') === '*' ? undefined : pattern
}

/**
 * The IR wildcard an anchored regular expression means, when it means exactly a wildcard:
 * literal characters (escaped metacharacters included), `.*` (any run) and `.` (one
 * character). Leading `^` and trailing `$` are redundant (Kiro anchors with `\A` and `\z`).
 * Returns undefined for anything else (classes, alternation, repetition, groups).
 */
export function wildcardFromRegex(regex: string): string | undefined {
  let source = regex
  if (source.startsWith('^')) source = source.slice(1)
  if (source.endsWith('$') && !source.endsWith('\\$')) source = source.slice(0, -1)
  let out = ''
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (ch === '\\') {
      const next = source[i + 1]
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined
      // An escaped `*` or `?` is a literal the IR cannot write (its `*` and `?` are wildcards).
      if (next === '*' || next === '?') return undefined
      out += next
      i++
      continue
    }
    if (ch === '.') {
      if (source[i + 1] === '*') {
        out += '*'
        i++
        continue
      }
      if (/[*+?{]/.test(source[i + 1] ?? '')) return undefined
      out += '?'
      continue
    }
    if (/[[\](){}|*+?^$]/.test(ch)) return undefined
    // A literal followed by a quantifier is not a literal.
    if (/[*+?{]/.test(source[i + 1] ?? '')) return undefined
    if (ch === '*' || ch === '?') return undefined
    out += ch
  }
  return out
}
