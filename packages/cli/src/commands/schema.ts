import { irJsonSchema } from '@agentc/core'
import { Command } from 'commander'
import type { Deps } from '../io/deps'
import { printJson } from '../report'

/** `agentc schema`: the JSON Schema of the IR. */
export function schemaCommand(deps: Deps): Command {
  return new Command('schema')
    .description('print the JSON Schema of the agentc IR')
    .option('--format <format>', 'output format (the schema is always JSON)', 'json')
    .action(() => printJson(deps, irJsonSchema()))
}
