/**
 * The `agentc` package as a library: the text-level API of `@agentc/targets` (convert, parse,
 * emit, targets, formatDiagnostics; pure, no IO) and the CLI itself (`run`, with injectable IO).
 * @module
 */
export {
  type AgentDocument,
  type Capabilities,
  type CommonOptions,
  type ConvertOptions,
  type ConvertResult,
  convert,
  type Diagnostic,
  type EmitOptions,
  type ExistingFiles,
  emit,
  type FormatOptions,
  formatDiagnostics,
  type GeneratedFile,
  type Limits,
  type ParseOptions,
  type ParseResult,
  parse,
  type Severity,
  type Support,
  type TargetIdInput,
  type TargetInfo,
  type TargetOptions,
  targets,
} from '@agentc/targets'
export type { Deps, Entry, FileSystem } from './io/deps'
export { nodeDeps, nodeFileSystem } from './io/node-deps'
export { createProgram, VERSION } from './program'
export { run } from './run'
