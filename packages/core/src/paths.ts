/**
 * Output path rules. Every path a target emits is relative to the output root, uses `/`, stays
 * inside the root, and is portable: a repository written on Linux must check out on Windows and
 * macOS, so device names (`con`, `nul.txt`, `com1`), characters Windows forbids (`:`, `*`, `?`,
 * `"`, `<`, `>`, `|`, `\`), control characters and segments ending in a dot or a space are refused.
 */

/** Windows device names; reserved with any extension (`con.md`, `NUL.txt`) and in any case. */
const DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i

/**
 * Whether a file or folder name is a device name on Windows (`con`, `nul.md`, `COM1`, `lpt9.x`):
 * such a file cannot be created or checked out there.
 * @param segment One path segment.
 */
export function isReservedFileName(segment: string): boolean {
  const stem = segment.split('.')[0] ?? segment
  return DEVICE.test(stem.trimEnd())
}

/**
 * Why a path is not a safe, portable relative path inside its root, or undefined when it is.
 * @param path A path relative to the output root, `/`-separated.
 * @returns One phrase describing the first problem found.
 */
export function pathProblem(path: string): string | undefined {
  if (path === '') return 'it is empty'
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.startsWith('\\\\')) return 'it is absolute'
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'it contains a control character'
  if (path.includes('\\')) return 'it contains a backslash'
  for (const part of path.split('/')) {
    if (part === '' || part === '.') return 'it has an empty or `.` segment'
    if (part === '..') return 'it climbs out of the output folder with `..`'
    const bad = /[:*?"<>|]/.exec(part)
    if (bad) return `the segment "${part}" contains \`${bad[0]}\`, which Windows does not allow in file names`
    if (/[. ]$/.test(part)) return `the segment "${part}" ends with a dot or a space`
    if (isReservedFileName(part)) return `"${part}" is a reserved device name on Windows`
  }
  return undefined
}

/** Whether a path is relative, `/`-separated, stays inside its root and is portable. */
export function isSafeRelativePath(path: string): boolean {
  return pathProblem(path) === undefined
}
