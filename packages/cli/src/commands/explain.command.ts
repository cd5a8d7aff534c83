import { Command, Option } from 'commander'
import type { Deps } from '../io/deps'

/**
 * `agentc explain`: what a diagnostic code means and how to address it. The definition only:
 * the table of codes (./explain) is loaded through ./actions when it runs.
 */
export function explainCommand(deps: Deps): Command {
  return new Command('explain')
    .description('explain a diagnostic code (what it means and how to fix it); without a code, list them all')
    .argument('[code]', 'a code such as AGC201, its number (201) or its name (field-unsupported)')
    .addOption(new Option('--format <format>', 'output format').choices(['human', 'json']).default('human'))
    .action(async (query: string | undefined, flags: { format: 'human' | 'json' }) => {
      const { runExplain } = await import('./actions')
      runExplain(deps, query, flags)
    })
}
