import { hasErrors, sortDiagnostics } from '@agentc/core'
import { SOURCE_TARGET } from '@agentc/targets'
import { Command, InvalidArgumentError } from 'commander'
import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff'
import picocolors from 'picocolors'
import type { Deps } from '../io/deps'
import type { PlannedFile } from '../io/output-root'
import { limitOptions } from '../limits'
import {
  colourEnabled,
  diagnosticJson,
  exitCodeFor,
  formatOption,
  plural,
  printDiagnostics,
  printJson,
  printSummary,
  readSources,
} from '../report'
import { type BuildFlags, type BuildResult, build } from './build'

/** Lines of context around each change, as in `git diff`. */
const DEFAULT_CONTEXT = 3

interface DiffFlags extends BuildFlags {
  unified: number
}

/** `agentc diff`: what a build would change, as a unified diff. */
export function diffCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('diff')
    .description(
      'show what a build would change, as a unified diff; writes nothing, exits 1 when a build would change something',
    )
    .argument(
      '[paths...]',
      'agent files, or folders of them (as for build); default: the sources of agentc.config.*',
    )
    .option(
      '-t, --target <ids>',
      'targets to build, comma-separated; repeatable (default: those of agentc.config.*)',
      collect,
      [],
    )
    .option('--from <id>', `format of the source files (default: ${SOURCE_TARGET})`)
    .option('-o, --out <dir>', 'output root (default: the folder of agentc.config.*, else the current one)')
    .option(
      '--config <file>',
      'the project configuration (default: agentc.config.* here or in a folder above)',
    )
    .option('--no-config', 'ignore any project configuration')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--claude-settings', 'include the permission rules merged into .claude/settings.json')
    .option('--rewrite-references', "rewrite the source tool's names and paths in prompts for each target")
    .option('--force', 'show the changes a build --force would make to files agentc does not own')
    .option(
      '-U, --unified <n>',
      `lines of context (default ${DEFAULT_CONTEXT})`,
      parseContext,
      DEFAULT_CONTEXT,
    )
    .addOption(limitOptions.maxFileSize())
    .addOption(limitOptions.maxLineLength())
    .addOption(limitOptions.maxFiles())
    .option('-q, --quiet', 'print errors only (no diff, no summary); the exit code tells')
    .option('--verbose', 'print the note of each diagnostic')
    .addOption(formatOption())
    .action(async (paths: string[], flags: DiffFlags) => {
      setExit(
        await build(deps, paths, flags, { mode: 'check', report: (result) => report(deps, flags, result) }),
      )
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function parseContext(value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new InvalidArgumentError('expected a whole number.')
  return Number(value)
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
