import { Argument, Command } from 'commander'
import type { Deps } from '../io/deps'

/** The shells `agentc completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const
export type Shell = (typeof SHELLS)[number]

/**
 * `agentc completion <shell>`: prints a completion script for the commands, their flags and the
 * target ids. The definition only: the scripts (./completion, loaded through ./actions) are
 * written from the program and the target registry, so new commands, flags and targets appear
 * on the next `agentc completion`.
 */
export function completionCommand(deps: Deps): Command {
  return new Command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action(async (shell: Shell, _flags: unknown, command: Command) => {
      const { completionModel, completionScript } = await import('./actions')
      deps.stdout(completionScript(shell, completionModel(command.parent ?? command)))
    })
}
