import { Command } from 'commander'
import pkg from '../package.json' with { type: 'json' }
import { buildCommand } from './commands/build'
import { completionCommand } from './commands/completion'
import { convertCommand } from './commands/convert'
import { diffCommand } from './commands/diff'
import { explainCommand } from './commands/explain'
import { importCommand } from './commands/import'
import { initCommand } from './commands/init'
import { inspectCommand } from './commands/inspect'
import { schemaCommand } from './commands/schema'
import { targetsCommand } from './commands/targets'
import type { Deps } from './io/deps'

/** The agentc version. */
export const VERSION: string = pkg.version

/**
 * Creates the `agentc` command line. No side effects: output goes through `deps`, errors are
 * thrown (commander's `exitOverride`) for {@link run} to map to exit codes.
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
