import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'
import type { TargetsFlags } from './targets'

/**
 * `agentc targets`: the targets and what each can express. The definition only: the targets
 * (./targets) are loaded through ./actions when it runs.
 */
export function targetsCommand(deps: Deps): Command {
  return new Command('targets')
    .description('list the targets and their capabilities')
    .option('--capabilities', 'show the capability matrix')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action(async (flags: TargetsFlags) => {
      const { listTargets } = await import('./actions')
      listTargets(deps, flags)
    })
}
