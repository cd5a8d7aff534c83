import type { DiagnosticCode } from '../diagnostics/codes'
import type { ReportExtra } from '../diagnostics/collector'
import type { AgentDocument, Role, TargetId } from '../ir/document'
import type { Feature } from '../ir/features'
import type { Vocabulary } from '../markdown/references'

/** A file handed to a target's parser: a project-relative POSIX path and its text. */
export interface SourceFile {
  readonly path: string
  readonly text: string
}

/** The outcome of merging generated content into an existing file. */
export type MergeResult =
  | { readonly ok: true; readonly contents: string }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number }

/** A file a target wants written. */
export interface OutputFile {
  /** Project-relative POSIX path, e.g. `.claude/agents/reviewer.md`. */
  readonly path: string
  /** The full contents when the file does not exist yet. */
  readonly contents: string
  /**
   * For files shared with people or with other agents (e.g. `.claude/settings.json`): merges
   * this output into the file's current text, keeping everything else byte for byte. Outputs
   * with a `merge` that share a path are folded one after the other (see `mergeAll`).
   */
  readonly merge?: (existing: string) => MergeResult
  /**
   * Optional, beside `merge`, for speed: merges several outputs of this path into the file in one
   * pass (parse the file once, apply every part, check once) instead of one `merge` after the
   * other, each of which reads the whole file. When two or more outputs are to be merged into
   * one path and all of them carry the same `mergeAll` function, `resolveOutputs` calls it once
   * with the file's text and those outputs in build order; otherwise it folds their `merge`s.
   * It must return exactly what that fold returns: the same bytes, or the failure of the first
   * output that fails, with the same message, line and column. A part it cannot recognise (not
   * one of its own target's outputs) must be merged with its own `merge`.
   */
  readonly mergeAll?: (existing: string, parts: readonly OutputFile[]) => MergeResult
  /**
   * For merged outputs: what part of the shared file this output owns (a mode's slug, an
   * AGENTS.md section's name). Two outputs of one build with the same path and key collide.
   */
  readonly key?: string
}

/** How much of a feature a target can express. */
export type Support = 'full' | 'partial' | 'none'

/** What a target can express, feature by feature. */
export type Capabilities = Readonly<Record<Feature, Support>>

/** Where a target's files live. */
export interface FileLayout {
  /** Globs this target owns, relative to the project root, e.g. `.claude/agents/**\/*.md`. */
  readonly include: readonly string[]
  /** The path a document is written to, e.g. `.claude/agents/reviewer.md`. */
  pathFor(doc: AgentDocument): string
}

/**
 * Options of targets, keyed by target id. Each target declares its own options here; a target
 * takes none until a real need appears.
 */
export interface TargetOptions {
  readonly claude?: {
    /**
     * Write per-command permission rules (which a Claude Code agent file cannot hold) into
     * `.claude/settings.json` `permissions`, merged into the existing file. Default false.
     */
    readonly settings?: boolean
    /**
     * Emit the agent for a Claude Code plugin (`agents/<name>.md` at the plugin root) rather than
     * a project (`.claude/agents/`): keys Claude Code ignores in plugin agents are reported as
     * lost, and no settings file is written. Default false.
     */
    readonly plugin?: boolean
  }
}

/** What a target's parse and emit functions receive besides the document. */
export interface TargetContext {
  /** Records a diagnostic; the pipeline fills in the file and target. */
  report(code: DiagnosticCode, message: string, extra?: ReportExtra): void
  /** Options for this run. */
  readonly options: TargetOptions
}

/** A tool's file format: how to read it into the IR and write the IR out. */
export interface Target {
  /** Lowercase id; also the folder name and the `--target` value. */
  readonly id: TargetId
  /** Human name, e.g. `Claude Code subagents`. */
  readonly displayName: string
  /** `agent`: the file is an agent with its own prompt; `rule`: instructions with an activation. */
  readonly kind: 'agent' | 'rule'
  /** Where the files live. */
  readonly layout: FileLayout
  /** What the format can express. */
  readonly capabilities: Capabilities
  /**
   * For a target that cannot write a role: the roles every agent of the tool has anyway (a
   * Claude Code subagent is delegated to and can run as the main agent: `subagent` and `all`).
   * A document with one of these roles loses nothing, so nothing is reported.
   */
  readonly impliedRoles?: readonly Role[]
  /**
   * What prompts written for this tool call its tools and files (`Read`, `.claude/agents/`,
   * `CLAUDE.md`), so that a body converted to another tool can be checked or rewritten.
   */
  readonly vocabulary?: Vocabulary
  /** Reads a file into documents (usually one); problems go to `ctx.report`, never thrown. */
  parse(file: SourceFile, ctx: TargetContext): readonly AgentDocument[]
  /**
   * Writes one document, already projected onto `capabilities` (unsupported fields removed and
   * reported by the pipeline). Reports approximations (AGC202) itself.
   */
  emit(doc: AgentDocument, ctx: TargetContext): readonly OutputFile[]
  /**
   * For targets whose outputs merge into shared files: removes from an existing shared file
   * what an earlier build merged into it under `key` (the agent is gone), leaving every other
   * byte as it was. A `key` that is not there leaves the file unchanged. Returns the new text,
   * or the problem that makes the file unsafe to edit.
   */
  unmerge?(path: string, existing: string, key: string): MergeResult
}
