import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'
import { formatOption, limitOptions, SHOWN_DEFAULTS } from '../options'
import type { BuildFlags } from './build'

/**
 * `agentc build`: compiles agent sources to every requested target. The definition only (name,
 * arguments, options, help): the build (./build) is loaded through ./actions when it runs.
 */
export function buildCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('build')
    .description('compile agent files to the formats of other tools')
    .argument(
      '[paths...]',
      'agent files, or folders of them (every *.md below, README.md excepted); default: the sources of agentc.config.*',
    )
    .addOption(
      new Option('-t, --target <ids>', 'targets to build, comma-separated; repeatable')
        .argParser(collect)
        .default([], 'the targets of agentc.config.*'),
    )
    .option('--from <id>', `format of the source files (default: ${SHOWN_DEFAULTS.sourceFormat})`)
    .option(
      '-o, --out <dir>',
      'output root where each target writes its own layout (default: the folder of agentc.config.*, else the current one)',
    )
    .option(
      '--config <file>',
      'the project configuration (default: agentc.config.* here or in a folder above)',
    )
    .option('--no-config', 'ignore any project configuration')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--check', 'write nothing; exit 1 if any output would change')
    .option('--dry-run', 'print what would be written; write nothing')
    .option('-w, --watch', 'build, then rebuild whenever an input changes (Ctrl-C stops)')
    .option('--claude-settings', 'write per-command permission rules to .claude/settings.json (project-wide)')
    .option('--rewrite-references', "rewrite the source tool's names and paths in prompts for each target")
    .option('--force', 'replace or delete output files agentc did not write, or that were edited since')
    .option(
      '--no-cache',
      'compile everything, even when the build record (.agentc/cache) shows nothing changed',
    )
    .addOption(limitOptions.maxFileSize())
    .addOption(limitOptions.maxLineLength())
    .addOption(limitOptions.maxFiles())
    .option('-q, --quiet', 'print errors only (no file list, no summary)')
    .option('--verbose', 'print the note of each diagnostic')
    .addOption(formatOption())
    .action(async (paths: string[], flags: BuildFlags) => {
      const { runBuild } = await import('./actions')
      setExit(await runBuild(deps, paths, flags))
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
