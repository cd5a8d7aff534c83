import { join, resolve } from 'node:path'
import { type Activation, type Diagnostic, hasErrors, parseFile, type Target } from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import { stringify } from 'yaml'
import { findConfig } from '../config/load'
import { CONFIG_FILE_NAMES, SCHEMA_REFERENCE } from '../config/schema'
import { UsageError } from '../errors'
import type { Deps } from '../io/deps'
import { readManifest } from '../io/output-root'
import { displayPath, errorCode } from '../io/read-inputs'
import { plural, printDiagnostics, readSources } from '../report'
import { resolveTargets } from '../targets'
import { findLayoutFiles, importAgents } from './import'
import { DEFAULT_SOURCE_DIR } from './import.command'
import { DEFAULT_TARGETS } from './init.command'

// Defined with the command line, whose help names them.
export { DEFAULT_TARGETS }

/** The starter agent's file, below the sources folder. */
export const STARTER_FILE = 'example.md'

/**
 * The starter agent `agentc init` writes into an empty sources folder: an OpenCode agent file
 * (the canonical format) that reads but never edits.
 */
export const STARTER_AGENT = `---
description: Explains how a part of this repository works, naming the files and functions involved. Use it before changing code you have not read.
tools:
  write: false
  edit: false
---

You explain code in this repository; you do not change it.

When asked how something works:

1. Find the code involved: search for the names in the question, then follow the calls and
   imports from there.
2. Explain the path a request or a value takes through that code, in a few short paragraphs,
   citing each file and function you rely on as \`path/to/file:line\`.
3. End with what you did not check and where you are unsure.

If a change is needed, describe it and leave it to whoever asked.
`

/** Agents found in the layout of one tool. */
export interface FoundAgents {
  readonly target: Target
  /** The files, relative to the working directory, sorted. */
  readonly files: readonly string[]
}

/**
 * The agent files of every tool in the working directory (each target's `layout.include`), not
 * counting files that agentc itself wrote there (recorded in `.agentc/manifest.json`).
 * @param deps File system.
 */
export async function findExistingAgents(deps: Deps): Promise<FoundAgents[]> {
  const { manifest } = await readManifest(deps, deps.cwd)
  const generated = new Set(Object.keys(manifest.files))
  const found: FoundAgents[] = []
  for (const target of builtinTargets) {
    const files = (await findLayoutFiles(deps, target)).filter((f) => !generated.has(f))
    if (files.length > 0) found.push({ target, files })
  }
  return found
}

/**
 * Whether `init` imports a tool's agents unless told otherwise: yes, except a hand-written
 * `AGENTS.md`, which is project instructions rather than an agent.
 */
function importsByDefault(found: FoundAgents): boolean {
  return found.target.id !== 'agents-md'
}

/** The flags of `agentc init`. */
export interface InitFlags {
  yes?: boolean
  force?: boolean
  json?: boolean
  target?: string[]
  import?: boolean
}

/** The answer to a yes/no question, or undefined when it is neither. */
function yesNo(answer: string, fallback: boolean): boolean | undefined {
  const a = answer.trim().toLowerCase()
  if (a === '') return fallback
  if (['y', 'yes'].includes(a)) return true
  if (['n', 'no'].includes(a)) return false
  return undefined
}

/**
 * What `agentc init` does (see ./init.command for the command line).
 * @returns The exit code.
 */
export async function init(deps: Deps, flags: InitFlags): Promise<number> {
  const say = (line: string) => deps.stderr(`agentc: ${line}\n`)
  const existing: string[] = []
  for (const name of CONFIG_FILE_NAMES) {
    if ((await deps.fs.lstat(join(deps.cwd, name))) !== undefined) existing.push(name)
  }
  if (existing.length > 0 && !flags.force) {
    say(`${existing.join(' and ')} already exists here; nothing written (pass --force to replace it).`)
    return 1
  }
  const explicitTargets = resolveTargets(flags.target ?? [])
  if (explicitTargets.diagnostics.length > 0) throw new UsageError(explicitTargets.diagnostics[0]!.message)

  const above = await findConfig(deps, resolve(deps.cwd, '..'))
  if (above.kind === 'found') {
    say(
      `note: ${displayPath(deps, above.path)} configures a project above this folder; the configuration made here takes its place for commands run here.`,
    )
  }

  // What is here already.
  const found = await findExistingAgents(deps)
  const sourceDir = join(deps.cwd, DEFAULT_SOURCE_DIR)
  if (found.length > 0) {
    say('found agents of other tools:')
    for (const f of found) {
      deps.stderr(
        `  ${f.target.id.padEnd(20)} ${plural(f.files.length, 'file')} (${f.files.slice(0, 3).join(', ')}${f.files.length > 3 ? ', …' : ''})\n`,
      )
    }
  }

  // Decide, asking on a terminal unless --yes.
  const interactive = !flags.yes && deps.stdinIsTTY === true && deps.ask !== undefined
  const ask = async (question: string): Promise<string | undefined> => {
    try {
      return await deps.ask!(question)
    } catch {
      return undefined
    }
  }
  const toImport: FoundAgents[] = []
  for (const f of found) {
    const byDefault = flags.import !== false && importsByDefault(f)
    if (!interactive || flags.import === false) {
      if (byDefault) toImport.push(f)
      continue
    }
    for (;;) {
      const answer = await ask(
        `Import ${plural(f.files.length, `${f.target.displayName} file`)} into ${DEFAULT_SOURCE_DIR}/? [${byDefault ? 'Y/n' : 'y/N'}] `,
      )
      if (answer === undefined) return cancelled(deps)
      const yes = yesNo(answer, byDefault)
      if (yes === undefined) continue
      if (yes) toImport.push(f)
      break
    }
  }
  const suggested =
    explicitTargets.targets.length > 0
      ? explicitTargets.targets.map((t) => t.id)
      : found.filter(importsByDefault).length > 0
        ? found.filter(importsByDefault).map((f) => f.target.id)
        : [...DEFAULT_TARGETS]
  let targets = suggested
  if (interactive && explicitTargets.targets.length === 0) {
    for (;;) {
      const answer = await ask(`Targets to build (agentc targets lists them) [${suggested.join(',')}] `)
      if (answer === undefined) return cancelled(deps)
      if (answer.trim() === '') break
      const chosen = resolveTargets([answer])
      if (chosen.diagnostics.length > 0) {
        deps.stderr(`${chosen.diagnostics[0]!.message}\n`)
        continue
      }
      if (chosen.targets.length > 0) targets = chosen.targets.map((t) => t.id)
      break
    }
  }
  if (!interactive) {
    const why = flags.yes ? '--yes' : 'standard input is not a terminal'
    say(
      `${why}: taking the defaults: ${toImport.length > 0 ? `import ${toImport.map((f) => f.target.id).join(', ')} into ${DEFAULT_SOURCE_DIR}/, ` : ''}targets ${targets.join(', ')}.`,
    )
    const skipped = found.filter((f) => !toImport.includes(f))
    if (skipped.length > 0) {
      say(
        `not imported: ${skipped.map((f) => f.target.id).join(', ')} (to import them: ${skipped.map((f) => `agentc import --from ${f.target.id}`).join('; ')}).`,
      )
    }
  }

  // Import, one file at a time: an agent already imported from another tool is not imported twice.
  let exitCode = 0
  const imported = new Map<string, string>()
  const activations: KeptActivation[] = []
  const diagnostics: Diagnostic[] = []
  const inputs: { path: string; text: string }[] = []
  for (const f of toImport) {
    const done: string[] = []
    const skipped: string[] = []
    for (const file of f.files) {
      const options = { from: f.target.id, paths: [file], out: DEFAULT_SOURCE_DIR }
      // Where its agents would go (`force`: whatever is there), to skip those imported already.
      const plan = await importAgents(deps, { ...options, dryRun: true, force: true })
      const taken = plan.files.filter((p) => imported.has(p.path))
      if (taken.length > 0) {
        skipped.push(
          `${file} (${taken.map((p) => `${p.display} comes from ${imported.get(p.path)}`).join(', ')})`,
        )
        // The agent is the same; how this tool activates it still counts for this tool.
        activations.push(...keptActivations(f.target, plan.inputs, new Set(taken.map((p) => p.name))))
        continue
      }
      const result = hasErrors(plan.diagnostics) ? plan : await importAgents(deps, options)
      diagnostics.push(...result.diagnostics)
      inputs.push(...result.inputs)
      if (!result.written) {
        exitCode = 1
        continue
      }
      for (const p of result.files) {
        imported.set(p.path, p.origin)
        done.push(`${p.display}${p.status === 'unchanged' ? ' (unchanged)' : ''}`)
      }
      activations.push(...keptActivations(f.target, result.inputs, new Set(result.files.map((p) => p.name))))
    }
    if (done.length > 0) say(`imported from ${f.target.id}: ${done.join(', ')}`)
    if (skipped.length > 0) say(`skipped from ${f.target.id}, already imported: ${skipped.join('; ')}`)
  }
  if (diagnostics.length > 0) {
    // The losses of each import (warnings and errors; `agentc import --dry-run` lists the rest).
    const shown = diagnostics.filter((d) => d.severity !== 'info')
    printDiagnostics(deps, shown, { format: 'human', sources: await readSources(deps, shown, inputs) })
  }

  // The starter agent, into an empty sources folder.
  const hasSources = await containsMarkdown(deps, sourceDir)
  if (!hasSources) {
    const starter = join(sourceDir, STARTER_FILE)
    if (!(await write(deps, starter, STARTER_AGENT))) return 1
    say(
      `created ${displayPath(deps, starter)}, a starter agent (OpenCode format): edit it, rename it, or delete it`,
    )
  }

  // The configuration.
  const name = flags.json ? 'agentc.config.json' : 'agentc.config.yaml'
  if (flags.force) {
    for (const other of existing) if (other !== name) await deps.fs.remove(join(deps.cwd, other))
  }
  const path = join(deps.cwd, name)
  const kept = activations.filter((a) => targets.includes(a.target))
  const agents = overridesOf(kept)
  if (!(await write(deps, path, flags.json ? configJson(targets, agents) : configYaml(targets, agents))))
    return 1
  say(
    `${existing.length > 0 ? 'replaced' : 'created'} ${name}: sources ${DEFAULT_SOURCE_DIR}/**/*.md, targets ${targets.join(', ')}`,
  )
  for (const a of kept) {
    say(
      `the activation of ${a.agent} in ${a.target} (${describeActivation(a.activation)}), which the OpenCode source cannot hold, is kept in ${name} as an override (agents.${a.agent}.targets.${a.target}.activation)`,
    )
  }
  // The tools' own files are not agentc's: a build refuses to replace them until told to.
  const theirs = found.filter((f) => targets.includes(f.target.id)).map((f) => f.target.id)
  say(
    `next: run \`agentc build\`${
      theirs.length > 0
        ? ` — agentc did not write the ${theirs.join(' and ')} files found here, so a build will not replace them (AGC308): compare with \`agentc diff ${DEFAULT_SOURCE_DIR} --force\`, then run \`agentc build --force\` once`
        : ''
    }`,
  )
  return exitCode
}

/** An activation an imported rule had, which the canonical source cannot hold. */
interface KeptActivation {
  readonly agent: string
  readonly target: string
  readonly activation: Activation
}

/**
 * The activations of the rules just imported that an OpenCode source loses (`always`, globs,
 * manual; a model-decided rule is what every rule target makes of an agent anyway), so that the
 * configuration can give them back to the rule's own tool.
 */
function keptActivations(
  target: Target,
  inputs: readonly { path: string; text: string }[],
  names: ReadonlySet<string>,
): KeptActivation[] {
  const kept: KeptActivation[] = []
  for (const input of inputs) {
    for (const doc of parseFile(target, input).value ?? []) {
      if (!names.has(doc.name) || !doc.activation || doc.activation.kind === 'model-decision') continue
      kept.push({ agent: doc.name, target: target.id, activation: doc.activation })
    }
  }
  return kept
}

/** The `agents` section that keeps each activation, in the configuration's vocabulary. */
function overridesOf(
  kept: readonly KeptActivation[],
): Record<string, { targets: Record<string, { activation: unknown }> }> {
  const agents: Record<string, { targets: Record<string, { activation: unknown }> }> = {}
  for (const a of kept) {
    const activation = a.activation.kind === 'globs' ? { globs: [...a.activation.globs] } : a.activation.kind
    agents[a.agent] ??= { targets: {} }
    agents[a.agent]!.targets[a.target] = { activation }
  }
  return agents
}

function describeActivation(activation: Activation): string {
  return activation.kind === 'globs' ? `when files match ${activation.globs.join(', ')}` : activation.kind
}

function cancelled(deps: Deps): number {
  deps.stderr('\nagentc: init cancelled; nothing written\n')
  return 1
}

async function write(deps: Deps, path: string, contents: string): Promise<boolean> {
  try {
    await deps.fs.writeFileAtomic(path, contents)
    return true
  } catch (error) {
    deps.stderr(`agentc: ${displayPath(deps, path)} cannot be written (${errorCode(error)})\n`)
    return false
  }
}

async function containsMarkdown(deps: Deps, dir: string): Promise<boolean> {
  const info = await deps.fs.stat(dir)
  if (!info?.isDirectory) return false
  for (const entry of await deps.fs.readdir(dir)) {
    if (entry.isFile && entry.name.toLowerCase().endsWith('.md')) return true
    if (
      entry.isDirectory &&
      !entry.name.startsWith('.') &&
      (await containsMarkdown(deps, join(dir, entry.name)))
    )
      return true
  }
  return false
}

/** A new project's configuration in YAML, with comments that say what each setting does. */
export function configYaml(targets: readonly string[], agents: Record<string, unknown> = {}): string {
  const value = (v: unknown) => stringify(v).trimEnd()
  const overrides =
    Object.keys(agents).length > 0
      ? `# Overrides per agent, for every target or for one (\`agents.<name>.targets.<id>\`).
${stringify({ agents }, { flowCollectionPadding: false })}`
      : `# Overrides per agent, for every target or for one, e.g.:
# agents:
#   example:
#     targets:
#       claude: {model: opus}
#       cursor: {activation: always}
`
  return `# agentc project configuration. \`agentc build\` compiles the sources to every target;
# the README (Configuration) describes every setting.
$schema: ${value(SCHEMA_REFERENCE)}

# The agents, written once in the OpenCode agent format (globs, relative to this file).
sources:
  - ${value(`${DEFAULT_SOURCE_DIR}/**/*.md`)}

# The tools to compile them for (\`agentc targets\` lists the ids). A map instead of a list gives
# each target options, e.g. \`claude: {settings: true}\`.
targets:
${targets.map((t) => `  - ${value(t)}`).join('\n')}

${overrides}
# Model substitutions, for every target (or per target, under targets.<id>.models), e.g.:
# models:
#   openai/gpt-5.2-codex: inherit
`
}

/** A new project's configuration in JSON. */
export function configJson(targets: readonly string[], agents: Record<string, unknown> = {}): string {
  const config = {
    $schema: SCHEMA_REFERENCE,
    sources: [`${DEFAULT_SOURCE_DIR}/**/*.md`],
    targets,
    ...(Object.keys(agents).length > 0 ? { agents } : {}),
  }
  return `${JSON.stringify(config, null, 2)}\n`
}
