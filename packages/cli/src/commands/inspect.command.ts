import { Command } from 'commander'
import type { Deps } from '../io/deps'
import { formatOption } from '../options'
import type { InspectFlags } from './inspect'

/**
 * `agentc inspect`: the IR of a file as JSON. The definition only: the reader (./inspect) is
 * loaded through ./actions when it runs.
 */
export function inspectCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('inspect')
    .description('print the IR of a file as JSON')
    .argument('<file>', 'the file to read')
    .option('--from <id>', 'format of the file (default: guessed from its path, else opencode)')
    .option('--raw', 'include the original text of the file (source.raw)')
    .option('--ast', 'print the markdown tree (mdast) of the body instead of the IR')
    .addOption(formatOption())
    .action(async (file: string, flags: InspectFlags) => {
      const { runInspect } = await import('./actions')
      setExit(await runInspect(deps, file, flags))
    })
}
