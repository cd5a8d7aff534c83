import { Command } from 'commander'
import type { Deps } from '../io/deps'
import { formatOption, limitOptions } from '../options'
import type { PackFlags } from './pack'

/**
 * `agentc pack`: builds a pack's release folder (and tarball). The definition only: the release
 * (./pack) is loaded through ./actions when it runs.
 */
export function packCommand(deps: Deps, setExit: (code: number) => void): Command {
  return new Command('pack')
    .description(
      'build a release of an agent pack: every target’s files, a Claude Code plugin, an npm package, the loss report',
    )
    .argument('[dir]', 'the pack folder (holding agentc-pack.json or agentc-pack.yaml)', '.')
    .option('-o, --out <dir>', 'the release folder (default: dist in the pack folder); replaced as a whole')
    .option('--tarball', 'also write the release as an npm-style .tgz beside the release folder')
    .option('--strict', 'fail (exit 1) on warnings too (losses are reported in LOSSES.md, not as warnings)')
    .addOption(limitOptions.maxFileSize())
    .addOption(limitOptions.maxLineLength())
    .addOption(limitOptions.maxFiles())
    .option('-q, --quiet', 'print errors only')
    .option('--verbose', 'print every loss, not only the summary')
    .addOption(formatOption())
    .action(async (dir: string, flags: PackFlags) => {
      const { pack } = await import('./actions')
      setExit(await pack(deps, dir, flags))
    })
}
