import { CommanderError } from 'commander'
import { UsageError } from './errors'
import type { Deps } from './io/deps'
import { createProgram } from './program'

/**
 * Runs the CLI. The only place that maps outcomes to exit codes: 0 success, 1 errors (or
 * warnings under `--strict`, or drift under `--check`), 2 usage errors.
 * @param args The arguments after `agentc`.
 * @param deps File system and output streams.
 * @returns The exit code.
 */
export async function run(args: readonly string[], deps: Deps): Promise<number> {
  let code = 0
  const program = createProgram(deps, (c) => {
    code = c
  })
  try {
    if (args.length === 0) {
      program.outputHelp()
      return 2
    }
    await program.parseAsync([...args], { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return 0
      }
      return 2
    }
    if (error instanceof UsageError) {
      deps.stderr(`agentc: ${error.message}\n(run agentc --help for usage)\n`)
      return 2
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error)
    // From the actions, as only they (the compiler) throw it: @agentc/core stays out of start-up
    // (see program.ts), and after a command has run the import costs nothing.
    const { InternalError } = await import('./commands/actions')
    const kind = error instanceof InternalError ? 'internal error' : 'unexpected error'
    deps.stderr(
      `agentc: ${kind} — this is a bug in agentc, please report it with the input that caused it.\n${stack}\n`,
    )
    return 1
  }
}
