import { irJsonSchema } from '@agentc/core'
import type { Deps } from '../io/deps'
import { printJson } from '../report'

/** What `agentc schema` does (see ./schema.command for the command line): prints the JSON Schema of the IR. */
export function printSchema(deps: Deps): void {
  printJson(deps, irJsonSchema())
}
