import { Command } from 'commander'
import { addCommand, listCommand, removeCommand } from './commands/add.command'
import { buildCommand } from './commands/build.command'
import { completionCommand } from './commands/completion.command'
import { convertCommand } from './commands/convert.command'
import { diffCommand } from './commands/diff.command'
import { explainCommand } from './commands/explain.command'
import { importCommand } from './commands/import.command'
import { initCommand } from './commands/init.command'
import { inspectCommand } from './commands/inspect.command'
import { packCommand } from './commands/pack.command'
import { schemaCommand } from './commands/schema.command'
import { targetsCommand } from './commands/targets.command'
import type { Deps } from './io/deps'
import { VERSION } from './version'

export { VERSION }

/**
 * Creates the `agentc` command line. No side effects: output goes through `deps`, errors are
 * thrown (commander's `exitOverride`) for {@link run} to map to exit codes.
 *
 * Start-up loads only this, commander and the definitions (`commands/*.command.ts`: names,
 * arguments, options, help, which `--help` and `agentc completion` need). Each action imports
 * `commands/actions.ts` (the implementations, with @agentc/core, @agentc/targets, zod, yaml …)
 * when it runs, and the CLI bundle is split there. So keep the definitions' imports light: one
 * import of @agentc/core or @agentc/targets would bring the whole compiler into start-up (see
 * options.ts); test/library/startup.test.ts checks the built bin.
 * @param deps File system and output streams.
 * @param setExit Receives each command's exit code.
 */
export function createProgram(deps: Deps, setExit: (code: number) => void): Command {
  const program = new Command('agentc')
    .description('Compile one AI coding-agent definition into every tool’s format, reporting every loss.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run agentc --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
  for (const command of [
    buildCommand(deps, setExit),
    convertCommand(deps, setExit),
    diffCommand(deps, setExit),
    importCommand(deps, setExit),
    initCommand(deps, setExit),
    inspectCommand(deps, setExit),
    packCommand(deps, setExit),
    addCommand(deps, setExit),
    removeCommand(deps, setExit),
    listCommand(deps, setExit),
    targetsCommand(deps),
    schemaCommand(deps),
    explainCommand(deps),
    completionCommand(deps),
  ]) {
    command.exitOverride().configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
    program.addCommand(command)
  }
  return program
}
