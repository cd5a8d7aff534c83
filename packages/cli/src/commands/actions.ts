/**
 * What every command does: the actions of the definitions in `*.command.ts`, which import this
 * module when a command runs (`await import('./actions')`), so start-up loads none of it.
 *
 * One module for all of them, so the CLI bundle has one chunk of actions: the commands share
 * nearly all their code (@agentc/core and @agentc/targets, whose index modules reach everything),
 * and an import of each command's module instead would only add chunk files to load.
 */

// For run.ts, which tells a bug of the compiler from another when one is thrown.
export { InternalError } from '@agentc/core'

export { add, list, remove } from './add'
export { runBuild } from './build'
export { completionModel, completionScript } from './completion'
export { runConvert } from './convert'
export { runDiff } from './diff'
export { runExplain } from './explain'
export { runImport } from './import'
export { init } from './init'
export { runInspect } from './inspect'
export { pack } from './pack'
export { printSchema } from './schema'
export { listTargets } from './targets'
