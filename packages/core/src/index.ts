export { type CodeInfo, codes, type DiagnosticCode } from './diagnostics/codes'
export {
  type Collector,
  createCollector,
  createDiagnostic,
  hasErrors,
  type ReportExtra,
} from './diagnostics/collector'
export type { Diagnostic, Severity } from './diagnostics/diagnostic'
export {
  compareStrings,
  type FormatOptions,
  type FormatPart,
  formatDiagnostics,
  formatLocation,
  sortDiagnostics,
} from './diagnostics/format'
export { InternalError } from './errors'
export { matchGlob, matchWildcard, wildcardsIntersect } from './glob'
export type {
  Activation,
  AgentDocument,
  Body,
  Decision,
  Effort,
  ModelRef,
  PermissionRule,
  Permissions,
  Point,
  Role,
  Sampling,
  SourceInfo,
  TargetId,
  ToolName,
  ToolPolicy,
} from './ir/document'
export { IR_VERSION } from './ir/document'
export {
  FEATURES,
  type Feature,
  type FieldPath,
  featureValue,
  hasFeature,
  withoutFeature,
} from './ir/features'
export { deepEqual, normalize } from './ir/normalize'
export { type Projection, project } from './ir/project'
export { agentDocumentSchema, irJsonSchema } from './ir/schema'
export {
  CANONICAL_TOOLS,
  type CanonicalTool,
  isCanonicalTool,
  mcpTool,
  nativeTool,
  parseMcpTool,
  parseNativeTool,
} from './ir/tools'
export {
  blockLevels,
  checkNesting,
  checkTextLimits,
  DEFAULT_LIMITS,
  formatBytes,
  type LimitProblem,
  type Limits,
  MAX_ALIASES,
  MAX_NESTING,
  positionOf,
  utf8Length,
} from './limits'
export { bodyTree, createBody } from './markdown/body'
export {
  type FrontmatterSplit,
  type ParsedYaml,
  type ParseYamlOptions,
  parseYamlFrontmatter,
  type SyntaxProblem,
  splitFrontmatter,
  toLf,
} from './markdown/read-frontmatter'
export { type Reference, scanReferences, type Vocabulary } from './markdown/references'
export {
  ensureFinalNewline,
  type FrontmatterEntry,
  stringifyYaml,
  writeFrontmatterFile,
} from './markdown/write-frontmatter'
export { isReservedFileName, isSafeRelativePath, pathProblem } from './paths'
export {
  convertFile,
  describeFeature,
  emitDocument,
  isUnchangedSinceParse,
  type PipelineOptions,
  parseFile,
  type Result,
  resolveOutputs,
} from './pipeline'
export { defineTarget } from './target/define-target'
export { createRegistry, type Registry } from './target/registry'
export type {
  Capabilities,
  FileLayout,
  MergeResult,
  OutputFile,
  SourceFile,
  Support,
  Target,
  TargetContext,
  TargetOptions,
} from './target/target'
