import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'
import { formatOption } from '../options'
import type { AddFlags, PackProjectFlags, RemoveFlags } from './add'

// The definitions of `agentc add`, `remove` and `list` only: what they do (./add) is loaded
// through ./actions when they run.

function projectOptions(command: Command): Command {
  return command
    .option(
      '-o, --out <dir>',
      'the project root (default: the output root of agentc.config.*, else the current folder)',
    )
    .option(
      '--config <file>',
      'the project configuration (default: agentc.config.* here or in a folder above)',
    )
    .option('--no-config', 'ignore any project configuration')
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'print every loss and the note of each diagnostic')
    .addOption(formatOption())
}

/** `agentc add <pack>`: installs (or updates) a pack's agents into the project. */
export function addCommand(deps: Deps, setExit: (code: number) => void): Command {
  return projectOptions(
    new Command('add')
      .description(
        'install an agent pack (a release folder, a .tgz, or a package in node_modules) into the project, or update it',
      )
      .argument(
        '<pack>',
        'a release folder or .tgz made by `agentc pack`, or the name of an installed npm package',
      )
      .addOption(
        new Option('-t, --target <ids>', 'targets to install for, comma-separated; repeatable')
          .argParser((value: string, previous: string[]) => [...previous, value])
          .default([], 'the targets of agentc.config.*, else those the pack was installed for'),
      )
      .option(
        '--prefix <text>',
        'prefix every agent name of the pack (to avoid a name the project already uses)',
      )
      .option('--force', 'replace files the pack installed even if they were edited since')
      .option('--dry-run', 'print what would be written; write nothing'),
  ).action(async (spec: string, flags: AddFlags) => {
    const { add } = await import('./actions')
    setExit(await add(deps, spec, flags))
  })
}

/** `agentc remove <pack>`: removes exactly the files a pack installed. */
export function removeCommand(deps: Deps, setExit: (code: number) => void): Command {
  return projectOptions(
    new Command('remove')
      .description('uninstall an agent pack: delete the files it installed and its lockfile entry')
      .argument('<pack>', 'the pack’s name, as `agentc list` shows it')
      .option('--force', 'delete files the pack installed even if they were edited since')
      .option('--dry-run', 'print what would be deleted; delete nothing'),
  ).action(async (name: string, flags: RemoveFlags) => {
    const { remove } = await import('./actions')
    setExit(await remove(deps, name, flags))
  })
}

/** `agentc list`: the installed packs. */
export function listCommand(deps: Deps, setExit: (code: number) => void): Command {
  return projectOptions(
    new Command('list').description('list the agent packs installed in the project'),
  ).action(async (flags: PackProjectFlags) => {
    const { list } = await import('./actions')
    setExit(await list(deps, flags))
  })
}
