export type { Deps, Entry, FileSystem } from './io/deps'
export { nodeDeps, nodeFileSystem } from './io/node-deps'
export { createProgram, VERSION } from './program'
export { run } from './run'
