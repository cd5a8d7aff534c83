import { Command, InvalidArgumentError } from 'commander'
import type { Deps } from '../io/deps'
import { formatOption, limitOptions, SHOWN_DEFAULTS } from '../options'
import type { DiffFlags } from './diff'

/** Lines of context around each change, as in `git diff`. */
export const DEFAULT_CONTEXT = 3

/**
 * `agentc diff`: what a build would change, as a unified diff. The definition only: the build
 * and the diff (./diff) are loaded through ./actions when it runs.
 */
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
    .option('--from <id>', `format of the source files (default: ${SHOWN_DEFAULTS.sourceFormat})`)
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
      const { runDiff } = await import('./actions')
      setExit(await runDiff(deps, paths, flags))
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function parseContext(value: string): number {
  if (!/^\s*\d+\s*$/.test(value)) throw new InvalidArgumentError('expected a whole number.')
  return Number(value)
}
