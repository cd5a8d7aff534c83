import type { TargetContext } from '@agentc/core'

/**
 * The agent name implied by a file path: the path below the agents folder without its
 * extension (`.opencode/agents/team/audit.md` → `team/audit`), or else the file name without its
 * extension. The agents folder is `agent/` or `agents/` right inside `.opencode/` or `.claude/`
 * (so `.opencode/agents/agent/x.md` is `agent/x`), else the last `agent/` or `agents/` folder.
 */
export function nameFromPath(path: string, extension: RegExp = /\.[^./]+$/): string {
  const posix = path.replace(/\\/g, '/')
  const parts = posix.split('/')
  const isAgents = (i: number) => parts[i] === 'agent' || parts[i] === 'agents'
  let index = -1
  for (let i = parts.length - 2; i >= 1 && index === -1; i--) {
    if (isAgents(i) && (parts[i - 1] === '.opencode' || parts[i - 1] === '.claude')) index = i
  }
  for (let i = parts.length - 2; i >= 0 && index === -1; i--) if (isAgents(i)) index = i
  const rest = index === -1 ? [parts[parts.length - 1]!] : parts.slice(index + 1)
  return rest.join('/').replace(extension, '')
}

/**
 * Makes a name safe as a file name (or a path below the target's folder when `allowSlash`):
 * lowercase letters, digits, `-`, `_` and `.`, no leading dot or dash. Reports AGC207 when the
 * name changes.
 */
export function safeFileName(
  name: string,
  ctx: TargetContext,
  target: string,
  options: { allowSlash?: boolean; allowUpper?: boolean } = {},
): string {
  const segments = (options.allowSlash ? name.split('/') : [name]).map((segment) => {
    let s = segment.normalize('NFKC')
    if (!options.allowUpper) s = s.toLowerCase()
    s = s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+/, '')
      .replace(/[-.]+$/, '')
    return s
  })
  let safe = segments.filter((s) => s !== '').join('/')
  if (safe === '') safe = 'agent'
  if (safe !== name) {
    ctx.report(
      'AGC207',
      `The name "${name}" is not a safe file name for ${target}; it was written as "${safe}".`,
      {
        field: 'name',
      },
    )
  }
  return safe
}
