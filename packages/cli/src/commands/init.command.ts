import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'
import type { InitFlags } from './init'

/** The targets of a new project when the repository holds no agents of any tool. */
export const DEFAULT_TARGETS: readonly string[] = ['claude', 'codex', 'copilot', 'cursor', 'opencode']

/**
 * `agentc init`: a project configuration and a starter agent, importing agents that exist. The
 * definition only: the set-up (./init) is loaded through ./actions when it runs.
 */
export function initCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('init')
    .description(
      'create agentc.config.yaml and a starter agent; offers to import the agents of other tools found here',
    )
    .option(
      '-y, --yes',
      'take the defaults without asking (the default when standard input is not a terminal)',
    )
    .addOption(
      new Option('-t, --target <ids>', 'targets to build, comma-separated; repeatable')
        .argParser(collect)
        .default([], `the tools found here, else ${DEFAULT_TARGETS.join(',')}`),
    )
    .option('--no-import', 'do not import the agents of other tools found here')
    .option('--json', 'write agentc.config.json instead of agentc.config.yaml')
    .option('--force', 'replace an existing agentc.config.*')
    .action(async (flags: InitFlags) => {
      const { init } = await import('./actions')
      setExit(await init(deps, flags))
    })
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
