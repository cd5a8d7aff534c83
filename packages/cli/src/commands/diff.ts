import { hasErrors, sortDiagnostics } from '@agentc/core'
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff'
import picocolors from 'picocolors'
import type { Deps } from '../io/deps'
import type { PlannedFile } from '../io/output-root'
import {
  colourEnabled,
  diagnosticJson,
  exitCodeFor,
  plural,
  printDiagnostics,
  printJson,
  printSummary,
  readSources,
} from '../report'
import { type BuildFlags, type BuildResult, build } from './build'
import { DEFAULT_CONTEXT } from './diff.command'

/** The flags of `agentc diff`: those of `agentc build`, and the lines of context. */
export interface DiffFlags extends BuildFlags {
  unified: number
}

/**
 * What `agentc diff` does (see ./diff.command for the command line): a build in `check` mode,
 * reported as a diff.
 * @returns The exit code.
 */
export function runDiff(deps: Deps, paths: string[], flags: DiffFlags): Promise<number> {
  return build(deps, paths, flags, { mode: 'check', report: (result) => report(deps, flags, result) })
}

/**
 * The unified diff of one planned file: `--- a/<path>` and `+++ b/<path>` (`/dev/null` for a
 * file that is created or deleted, as git writes it), paths as the user sees them; empty when
 * the file does not change.
 * @param file A file of the output plan.
 * @param context Lines of context around each change.
 */
export function fileDiff(file: PlannedFile, context = DEFAULT_CONTEXT): string {
  if (file.status === 'unchanged') return ''
  const before = file.status === 'new' ? '' : (file.before ?? '')
  const after = file.status === 'deleted' ? '' : file.contents
  const patch = structuredPatch(
    file.status === 'new' ? '/dev/null' : `a/${file.display}`,
    file.status === 'deleted' ? '/dev/null' : `b/${file.display}`,
    before,
    after,
    undefined,
    undefined,
    { context },
  )
  return formatPatch(patch, FILE_HEADERS_ONLY)
}

/** Colours a unified diff as `git diff` does: headers bold, hunk lines cyan, removals red, additions green. */
function colourDiff(text: string): string {
  const c = picocolors.createColors(true)
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('--- ') || line.startsWith('+++ ')) return c.bold(line)
      if (line.startsWith('@@')) return c.cyan(line)
      if (line.startsWith('+')) return c.green(line)
      if (line.startsWith('-')) return c.red(line)
      return line
    })
    .join('\n')
}

/**
 * Prints the diff of a build's plan (made in `check` mode: nothing was written). Exit code 1
 * when a build would change a file (as `git diff --exit-code` and `agentc build --check`), or
 * on errors (or warnings under --strict); 0 when the outputs are up to date.
 */
async function report(deps: Deps, flags: DiffFlags, result: BuildResult): Promise<number> {
  const { diagnostics, files } = result
  const changed = files.filter((f) => f.status !== 'unchanged')
  let code = exitCodeFor(diagnostics, flags.strict)
  if (changed.length > 0) code = 1
  if (flags.format === 'json') {
    printJson(deps, {
      files: changed.map((f) => ({
        path: f.display,
        target: f.target,
        status: f.status,
        diff: fileDiff(f, flags.unified),
      })),
      diagnostics: sortDiagnostics(diagnostics).map(diagnosticJson),
    })
    return code
  }
  printDiagnostics(deps, diagnostics, {
    ...flags,
    sources: await readSources(deps, diagnostics, result.inputs),
  })
  if (hasErrors(diagnostics)) {
    printSummary(deps, diagnostics, { done: '', failed: 'nothing to compare' }, flags)
    return code
  }
  if (flags.quiet) return code
  const colour = colourEnabled(deps.env ?? {}, deps.stdoutIsTTY ?? false)
  for (const file of changed) {
    const text = fileDiff(file, flags.unified)
    deps.stdout(colour ? colourDiff(text) : text)
  }
  const count = (status: PlannedFile['status']) => changed.filter((f) => f.status === status).length
  const parts = [
    count('new') > 0 ? `${count('new')} new` : '',
    count('changed') > 0 ? `${count('changed')} changed` : '',
    count('deleted') > 0 ? `${count('deleted')} deleted` : '',
  ].filter((p) => p !== '')
  const done =
    changed.length > 0
      ? `a build would change ${plural(changed.length, 'file')} (${parts.join(', ')})`
      : `no changes; ${plural(files.length, 'file')} up to date`
  printSummary(deps, diagnostics, { done, failed: 'nothing to compare' }, flags)
  return code
}
