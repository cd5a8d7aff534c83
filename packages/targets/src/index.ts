import { createRegistry, type Registry } from '@agentc/core'
import { agentsMd } from './agents-md/index'
import { augment } from './augment/index'
import { claude } from './claude/index'
import { cline } from './cline/index'
import { codex } from './codex/index'
import { continueRules } from './continue/index'
import { copilot } from './copilot/index'
import { copilotInstructions } from './copilot-instructions/index'
import { cursor } from './cursor/index'
import { cursorAgent } from './cursor-agent/index'
import { factory } from './factory/index'
import { gemini } from './gemini/index'
import { kilo } from './kilo/index'
import { kiro } from './kiro/index'
import { kiroSteering } from './kiro-steering/index'
import { opencode } from './opencode/index'
import { qwen } from './qwen/index'
import { roo } from './roo/index'
import { windsurf } from './windsurf/index'

export { agentsMd } from './agents-md/index'
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
} from './api'
export { augment } from './augment/index'
export { claude } from './claude/index'
export { cline } from './cline/index'
export { codex } from './codex/index'
export { continueRules } from './continue/index'
export { copilot } from './copilot/index'
export { copilotInstructions } from './copilot-instructions/index'
export { cursor } from './cursor/index'
export { cursorAgent } from './cursor-agent/index'
export { factory } from './factory/index'
export { gemini } from './gemini/index'
export { kilo } from './kilo/index'
export { kiro } from './kiro/index'
export { kiroSteering } from './kiro-steering/index'
export { opencode } from './opencode/index'
export { qwen } from './qwen/index'
export { roo } from './roo/index'
export { windsurf } from './windsurf/index'

/** Every built-in target, in the order `agentc targets` lists them: the source format, agent formats, rule formats. */
export const builtinTargets = [
  opencode,
  claude,
  copilot,
  codex,
  gemini,
  factory,
  qwen,
  kiro,
  kilo,
  roo,
  cursorAgent,
  cursor,
  windsurf,
  cline,
  copilotInstructions,
  kiroSteering,
  continueRules,
  augment,
  agentsMd,
] as const

/** The id of a built-in target. */
export type BuiltinTargetId = (typeof builtinTargets)[number]['id']

/** The target that reads agentc's source files (the OpenCode agent format). */
export const SOURCE_TARGET: BuiltinTargetId = 'opencode'

let registry: Registry | undefined
/** A registry of the built-in targets. */
export function builtinRegistry(): Registry {
  registry ??= createRegistry(builtinTargets)
  return registry
}
