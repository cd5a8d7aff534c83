import { Command } from 'commander'
import type { Deps } from '../io/deps'
import { formatOption, limitOptions } from '../options'
import type { ConvertFlags } from './convert'

/**
 * `agentc convert`: one file from one format to another. The definition only: the conversion
 * (./convert) is loaded through ./actions when it runs.
 */
export function convertCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('convert')
    .description(
      'convert one file from one format to another; prints it when it is a single file and --out is not given',
    )
    .argument('<file>', 'the file to convert')
    .option('--from <id>', 'format of the file (default: guessed from its path, else opencode)')
    .requiredOption('--to <id>', 'format to convert to')
    .option('-o, --out <dir>', 'write the result under this folder in the target layout')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--claude-settings', 'write per-command permission rules to .claude/settings.json (project-wide)')
    .option('--rewrite-references', "rewrite the source tool's names and paths in the prompt for the target")
    .option('--force', 'with --out: replace or delete files agentc did not write, or that were edited since')
    .addOption(limitOptions.maxFileSize())
    .addOption(limitOptions.maxLineLength())
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'print the note of each diagnostic')
    .addOption(formatOption())
    .action(async (file: string, flags: ConvertFlags) => {
      const { runConvert } = await import('./actions')
      setExit(await runConvert(deps, file, flags))
    })
}
