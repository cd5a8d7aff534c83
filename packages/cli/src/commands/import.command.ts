import { Command } from 'commander'
import type { Deps } from '../io/deps'
import { formatOption, limitOptions } from '../options'
import type { ImportFlags } from './import'

/** Where `agentc import` writes the sources unless told otherwise. */
export const DEFAULT_SOURCE_DIR = 'agents'

/**
 * `agentc import`: existing tool files → canonical agent sources. The definition only: the
 * import (./import) is loaded through ./actions when it runs.
 */
export function importCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('import')
    .description("turn another tool's agent files into agentc sources (OpenCode agent files), one per agent")
    .argument('[paths...]', "files or folders to import (default: the tool's own folders below here)")
    .requiredOption('--from <id>', 'the tool the files are for (claude, cursor, roo, …)')
    .option('-o, --out <dir>', `folder for the sources (default: ${DEFAULT_SOURCE_DIR})`)
    .option('--force', 'replace source files that exist with other contents')
    .option('--dry-run', 'print what would be written; write nothing')
    .option('--strict', 'fail (exit 1) on warnings too, and write nothing then')
    .option('--rewrite-references', "rewrite the tool's names and paths in prompts to OpenCode's")
    .addOption(limitOptions.maxFileSize())
    .addOption(limitOptions.maxLineLength())
    .addOption(limitOptions.maxFiles())
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'print the note of each diagnostic')
    .addOption(formatOption())
    .action(async (paths: string[], flags: ImportFlags) => {
      const { runImport } = await import('./actions')
      setExit(await runImport(deps, paths, flags))
    })
}
