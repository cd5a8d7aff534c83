import { Command } from 'commander'
import type { Deps } from '../io/deps'

/**
 * `agentc schema`: the JSON Schema of the IR. The definition only: the schema (./schema) is
 * loaded through ./actions when it runs.
 */
export function schemaCommand(deps: Deps): Command {
  return new Command('schema')
    .description('print the JSON Schema of the agentc IR')
    .option('--format <format>', 'output format (the schema is always JSON)', 'json')
    .action(async () => {
      const { printSchema } = await import('./actions')
      printSchema(deps)
    })
}
