import { createHash } from 'node:crypto'
import {
  type AgentDocument,
  codes,
  type Diagnostic,
  type DiagnosticCode,
  emitDocument,
  hasErrors,
  type OutputFile,
  parseFile,
  resolveOutputs,
  type Target,
  type TargetOptions,
} from '@agentc/core'
import { configureDocument, relocate } from '../config/overrides'
import { resolveTarget, resolveTargets } from '../targets'
import { marketplaceNameProblem, pluginName, pluginNameProblem } from './claude'
import type { PackManifest, Person } from './manifest'
import { manifestName } from './manifest'

/**
 * A release: everything `agentc pack` writes for a pack, computed without touching the disk.
 *
 * ```text
 * package.json                npm package (files, license, keywords, …)
 * README.md                   the agents, the tools, how to install for each
 * LOSSES.md, losses.json      what each target cannot carry, per agent, at its source line
 * agentc-release.json         the release manifest agentc add reads
 * SHA256SUMS                  a checksum of every other file (sha256sum -c format)
 * LICENSE                     the pack's licence file, when it has one
 * .claude-plugin/plugin.json  Claude Code plugin (the release root is the plugin root) …
 * .claude-plugin/marketplace.json  … and a marketplace listing it (source "./")
 * agents/<name>.md            the plugin's agents
 * targets/<id>/…              each target's files in its own project layout
 * sources/…                   the canonical sources and the pack manifest, byte for byte
 * ```
 * @module
 */

/** The release manifest's file name. */
export const RELEASE_MANIFEST = 'agentc-release.json'
/** The checksum file's name. */
export const CHECKSUMS = 'SHA256SUMS'
/** The folder of the canonical sources in a release. */
export const SOURCES_DIR = 'sources'
/** The folder of the per-target layouts in a release. */
export const TARGETS_DIR = 'targets'
/** The loss report id of the Claude Code plugin's agents. */
export const CLAUDE_PLUGIN = 'claude-plugin'

/** A file of the release. */
export interface ReleaseFile {
  /** Path relative to the release root, `/`-separated. */
  readonly path: string
  readonly contents: string
}

/** A source file of the pack, read. */
export interface PackSource {
  /** Path relative to the pack folder, `/`-separated. */
  readonly rel: string
  /** The path as the user sees it (for diagnostics printed to them). */
  readonly display: string
  readonly text: string
}

/** One loss: what a target could not carry of one agent, and where that is in the sources. */
export interface Loss {
  readonly code: DiagnosticCode
  readonly kind: string
  readonly severity: Diagnostic['severity']
  readonly message: string
  /** The source in the release (`sources/agents/reviewer.md`). */
  readonly file?: string
  readonly line?: number
  readonly column?: number
  readonly field?: string
}

/** The losses of one target: agent name → losses, in source order. */
export interface TargetLosses {
  readonly target: string
  readonly displayName: string
  readonly agents: Readonly<Record<string, readonly Loss[]>>
}

/** One agent of the release. */
export interface ReleaseAgent {
  readonly name: string
  readonly description?: string
  readonly role: AgentDocument['role']
  /** Its source in the release. */
  readonly source: string
}

/** A release, computed. */
export interface Release {
  readonly files: readonly ReleaseFile[]
  readonly agents: readonly ReleaseAgent[]
  readonly losses: readonly TargetLosses[]
  /** The Claude Code plugin's name. */
  readonly plugin: string
  /** The Claude Code marketplace's name. */
  readonly marketplace: string
}

/** What went into building a release besides the manifest and sources. */
export interface ReleaseInputs {
  readonly manifest: PackManifest
  readonly sources: readonly PackSource[]
  /** The pack's licence file (`LICENSE`, `LICENSE.md`, …), copied to the release root. */
  readonly license?: { readonly name: string; readonly text: string }
  /** The agentc version that builds it (recorded in `agentc-release.json`). */
  readonly generator: string
}

/**
 * Builds a release in memory: compiles every agent to every target of the manifest (with its
 * overrides) and to a Claude Code plugin, and writes the manifests, reports and checksums.
 * Deterministic: the same inputs give the same files, byte for byte.
 * @returns The release, or undefined with the diagnostics when an error stops it.
 */
export function buildRelease(inputs: ReleaseInputs): { release?: Release; diagnostics: Diagnostic[] } {
  const { manifest } = inputs
  const diagnostics: Diagnostic[] = []
  const from = resolveTarget(manifest.from)
  const resolved = resolveTargets(manifest.targets)
  diagnostics.push(...resolved.diagnostics)
  if (!('parse' in from)) {
    diagnostics.push(from as Diagnostic)
    return { diagnostics }
  }
  const source = from as Target
  if (hasErrors(diagnostics)) return { diagnostics }
  const targets = resolved.targets
  const claude = resolveTarget('claude') as Target
  // Where each file the user knows is in the release, for the loss report.
  const inRelease = new Map<string, string>([[manifest.display, `${SOURCES_DIR}/${manifestName(manifest)}`]])
  const sources = [...inputs.sources].sort((a, b) => compare(a.rel, b.rel))
  for (const s of sources) inRelease.set(s.display, `${SOURCES_DIR}/${s.rel}`)

  const agents: ReleaseAgent[] = []
  const outputs = new Map<string, (OutputFile & { origin: string })[]>()
  const losses = new Map<string, Map<string, Loss[]>>()
  const addLosses = (target: string, agent: string, found: readonly Diagnostic[]) => {
    const byAgent = losses.get(target) ?? new Map<string, Loss[]>()
    losses.set(target, byAgent)
    const list = byAgent.get(agent) ?? []
    byAgent.set(agent, list)
    for (const d of found) if (d.code.startsWith('AGC2')) list.push(toLoss(d, inRelease))
    // In source order: by line and column, then code.
    list.sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compare(a.code, b.code),
    )
  }
  const emitFor = (
    target: Target,
    id: string,
    doc: AgentDocument,
    display: string,
    options: TargetOptions,
  ) => {
    const configured = configureDocument(doc, target, manifest)
    const emitted = emitDocument(target, configured.doc, { targetOptions: options, from: source })
    const found = [...configured.diagnostics, ...relocate(emitted.diagnostics, doc, configured, manifest)]
    diagnostics.push(...found)
    addLosses(id, doc.name, found)
    const list = outputs.get(id) ?? []
    outputs.set(id, list)
    for (const out of emitted.value ?? []) list.push({ ...out, origin: display })
  }
  for (const file of sources) {
    const parsed = parseFile(source, { path: file.display, text: file.text })
    diagnostics.push(...parsed.diagnostics)
    for (const doc of parsed.value ?? []) {
      agents.push({
        name: doc.name,
        ...(doc.description !== undefined ? { description: doc.description } : {}),
        role: doc.role,
        source: `${SOURCES_DIR}/${file.rel}`,
      })
      for (const target of targets) emitFor(target, target.id, doc, file.display, manifest.targetOptions)
      emitFor(claude, CLAUDE_PLUGIN, doc, file.display, { claude: { plugin: true } })
    }
  }
  if (agents.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({
      code: 'AGC313',
      severity: 'error',
      message: `The agents of ${manifest.display} (${manifest.sources.join(', ')}) match no agent files; a release needs at least one agent.`,
      file: manifest.display,
      ...(manifest.positions.value(['agents']) ?? {}),
    })
  }
  if (hasErrors(diagnostics)) return { diagnostics }

  const files: ReleaseFile[] = []
  // Each target's layout, shared files merged as they would be in an empty project.
  const perTarget = new Map<string, string[]>()
  for (const id of [...targets.map((t) => t.id), CLAUDE_PLUGIN]) {
    const merged = resolveOutputs(outputs.get(id) ?? [], () => undefined)
    diagnostics.push(...merged.diagnostics)
    const paths: string[] = []
    for (const out of merged.value ?? []) {
      const path = id === CLAUDE_PLUGIN ? out.path : `${TARGETS_DIR}/${id}/${out.path}`
      files.push({ path, contents: out.contents })
      paths.push(path)
    }
    perTarget.set(id, paths)
  }
  if (hasErrors(diagnostics)) return { diagnostics }

  const plugin = manifest.claude?.plugin ?? pluginName(manifest.name)
  const marketplace = manifest.claude?.marketplace ?? plugin
  for (const [problem, key] of [
    [pluginNameProblem(plugin), 'plugin'],
    [marketplaceNameProblem(marketplace), 'marketplace'],
  ] as const) {
    if (!problem) continue
    const at = manifest.positions.value(['claude', key]) ?? manifest.positions.value(['name'])
    diagnostics.push({
      code: 'AGC313',
      severity: 'error',
      message: `The Claude Code ${key} would be named \`${key === 'plugin' ? plugin : marketplace}\`, but ${problem}; set \`claude.${key}\` in the manifest.`,
      file: manifest.display,
      ...(at ?? {}),
    })
  }
  if (hasErrors(diagnostics)) return { diagnostics }
  const targetLosses: TargetLosses[] = [...targets.map((t) => t.id), CLAUDE_PLUGIN].map((id) => ({
    target: id,
    displayName:
      id === CLAUDE_PLUGIN ? 'Claude Code plugin' : (targets.find((t) => t.id === id)?.displayName ?? id),
    agents: Object.fromEntries(agents.map((a) => [a.name, losses.get(id)?.get(a.name) ?? []])),
  }))
  files.push(
    { path: `${SOURCES_DIR}/${manifestName(manifest)}`, contents: manifest.text },
    ...sources.map((s) => ({ path: `${SOURCES_DIR}/${s.rel}`, contents: s.text })),
    // At the root for npm and readers, and in sources/ so that `agentc pack sources` keeps it.
    ...(inputs.license
      ? [
          { path: inputs.license.name, contents: inputs.license.text },
          { path: `${SOURCES_DIR}/${inputs.license.name}`, contents: inputs.license.text },
        ]
      : []),
    { path: '.claude-plugin/plugin.json', contents: json(pluginManifest(manifest, plugin)) },
    {
      path: '.claude-plugin/marketplace.json',
      contents: json(marketplaceManifest(manifest, plugin, marketplace)),
    },
    { path: 'LOSSES.md', contents: lossesMarkdown(manifest, agents, targetLosses) },
    { path: 'losses.json', contents: json(lossesJson(manifest, targetLosses)) },
    {
      path: 'README.md',
      contents: releaseReadme(manifest, plugin, marketplace, agents, targets, targetLosses, perTarget),
    },
    {
      path: RELEASE_MANIFEST,
      contents: json(releaseManifest(manifest, inputs.generator, plugin, agents, targets, perTarget)),
    },
  )
  const topLevel = [...new Set(files.map((f) => f.path.split('/')[0]!))]
  files.push({ path: 'package.json', contents: json(packageJson(manifest, [...topLevel, CHECKSUMS])) })
  files.sort((a, b) => compare(a.path, b.path))
  files.push({ path: CHECKSUMS, contents: checksums(files) })
  files.sort((a, b) => compare(a.path, b.path))
  return {
    release: { files, agents, losses: targetLosses, plugin, marketplace },
    diagnostics,
  }
}

function toLoss(d: Diagnostic, inRelease: ReadonlyMap<string, string>): Loss {
  const file = d.file === undefined ? undefined : (inRelease.get(d.file) ?? d.file)
  return {
    code: d.code,
    kind: codes[d.code].name,
    severity: d.severity,
    message: d.message,
    ...(file !== undefined ? { file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.field !== undefined ? { field: d.field } : {}),
  }
}

function personJson(p: Person): Record<string, string> {
  return { name: p.name, ...(p.email ? { email: p.email } : {}), ...(p.url ? { url: p.url } : {}) }
}

/** npm's one-string form of a person: `Name <email> (url)`. */
function personString(p: Person): string {
  return `${p.name}${p.email ? ` <${p.email}>` : ''}${p.url ? ` (${p.url})` : ''}`
}

function pluginManifest(m: PackManifest, plugin: string): Record<string, unknown> {
  return {
    name: plugin,
    version: m.version,
    description: m.description,
    author: personJson(m.authors[0]!),
    ...(m.homepage ? { homepage: m.homepage } : {}),
    ...(m.repository ? { repository: m.repository } : {}),
    license: m.license,
    ...(m.keywords.length > 0 ? { keywords: [...m.keywords] } : {}),
  }
}

function marketplaceManifest(m: PackManifest, plugin: string, marketplace: string): Record<string, unknown> {
  // The entry repeats the plugin's fields but its version, which lives in plugin.json only (it
  // wins there; a second copy can only disagree).
  const { name: _name, version: _version, ...fields } = pluginManifest(m, plugin)
  return {
    name: marketplace,
    owner: personJson(m.authors[0]!),
    description: m.description,
    plugins: [{ name: plugin, source: './', ...fields }],
  }
}

function packageJson(m: PackManifest, files: readonly string[]): Record<string, unknown> {
  const [author, ...contributors] = m.authors
  return {
    name: m.name,
    version: m.version,
    description: m.description,
    keywords: [...new Set(['agentc', 'agent-pack', ...m.keywords])],
    ...(m.homepage ? { homepage: m.homepage } : {}),
    ...(m.repository ? { repository: { type: 'git', url: m.repository } } : {}),
    license: m.license,
    author: personString(author!),
    ...(contributors.length > 0 ? { contributors: contributors.map(personString) } : {}),
    files: [...files].filter((f) => f !== 'package.json').sort(compare),
    agentc: { release: RELEASE_MANIFEST },
  }
}

function releaseManifest(
  m: PackManifest,
  generator: string,
  plugin: string,
  agents: readonly ReleaseAgent[],
  targets: readonly Target[],
  perTarget: ReadonlyMap<string, readonly string[]>,
): Record<string, unknown> {
  return {
    agentc: 1,
    name: m.name,
    version: m.version,
    description: m.description,
    generator,
    from: m.from,
    manifest: `${SOURCES_DIR}/${manifestName(m)}`,
    claudePlugin: plugin,
    agents: agents.map((a) => ({
      name: a.name,
      ...(a.description !== undefined ? { description: a.description } : {}),
      role: a.role,
      source: a.source,
    })),
    targets: Object.fromEntries(
      [...targets.map((t) => t.id), CLAUDE_PLUGIN].map((id) => [id, perTarget.get(id) ?? []]),
    ),
  }
}

function lossesJson(m: PackManifest, losses: readonly TargetLosses[]): Record<string, unknown> {
  return {
    agentc: 1,
    name: m.name,
    version: m.version,
    targets: Object.fromEntries(
      losses.map((t) => [t.target, { displayName: t.displayName, agents: t.agents }]),
    ),
  }
}

/** Counts of a target's losses: warnings (something is lost or changed) and notes (info). */
function counts(t: TargetLosses): { warnings: number; notes: number } {
  let warnings = 0
  let notes = 0
  for (const list of Object.values(t.agents))
    for (const loss of list) loss.severity === 'info' ? notes++ : warnings++
  return { warnings, notes }
}

function lossesMarkdown(
  m: PackManifest,
  agents: readonly ReleaseAgent[],
  losses: readonly TargetLosses[],
): string {
  const out: string[] = [
    `# What each tool cannot carry — ${m.name} ${m.version}`,
    '',
    `agentc compiled ${plural(agents.length, 'agent')} to ${plural(losses.length, 'format')}. No tool's format holds every setting of an agent; this report lists, per tool and agent, each setting that tool cannot carry or carries only approximately, at its line in the sources (\`${SOURCES_DIR}/\`). Warnings change what the agent does in that tool; notes are changes of form. The same report, machine-readable: \`losses.json\`.`,
    '',
    '| Tool | Target | Warnings | Notes |',
    '| --- | --- | ---: | ---: |',
  ]
  for (const t of losses) {
    const c = counts(t)
    out.push(`| ${escapeCell(t.displayName)} | \`${t.target}\` | ${c.warnings} | ${c.notes} |`)
  }
  for (const t of losses) {
    out.push('', `## ${t.displayName} (\`${t.target}\`)`)
    const entries = Object.entries(t.agents)
    if (entries.every(([, list]) => list.length === 0)) {
      out.push('', 'Carries every setting of every agent.')
      continue
    }
    for (const [agent, list] of entries) {
      out.push('', `### ${agent}`, '')
      if (list.length === 0) {
        out.push('Carries every setting.')
        continue
      }
      for (const loss of list) {
        const where =
          loss.file !== undefined
            ? `\`${loss.file}${loss.line !== undefined ? `:${loss.line}${loss.column !== undefined ? `:${loss.column}` : ''}` : ''}\` `
            : ''
        out.push(
          `- ${where}${loss.severity === 'info' ? 'note' : 'warning'} ${loss.code} (${loss.kind}): ${oneLine(loss.message)}`,
        )
      }
    }
  }
  return `${out.join('\n')}\n`
}

/** The one-line install instruction of each target, for the release README. */
function installLine(id: string, files: readonly string[]): string {
  const shown = files.slice(0, 3).map((f) => `\`${f.slice(`${TARGETS_DIR}/${id}/`.length)}\``)
  return `${shown.join(', ')}${files.length > 3 ? `, … (${files.length} files)` : ''}`
}

function releaseReadme(
  m: PackManifest,
  plugin: string,
  marketplace: string,
  agents: readonly ReleaseAgent[],
  targets: readonly Target[],
  losses: readonly TargetLosses[],
  perTarget: ReadonlyMap<string, readonly string[]>,
): string {
  const lossOf = (id: string) => {
    const t = losses.find((l) => l.target === id)
    if (!t) return ''
    const c = counts(t)
    return c.warnings + c.notes === 0
      ? 'none'
      : `${plural(c.warnings, 'warning')}, ${plural(c.notes, 'note')}`
  }
  const out: string[] = [
    `# ${m.name}`,
    '',
    m.description,
    '',
    `Version ${m.version} · ${m.license} · by ${m.authors.map((a) => a.name).join(', ')}${m.homepage ? ` · ${m.homepage}` : ''}`,
    '',
    '## Agents',
    '',
    '| Agent | Role | What it does |',
    '| --- | --- | --- |',
    ...agents.map((a) => `| \`${a.name}\` | ${a.role} | ${escapeCell(oneLine(a.description ?? ''))} |`),
    '',
    '## Install',
    '',
    '### With agentc, for any tool',
    '',
    'Installs the agents into the current project for the tools its `agentc.config.*` names (or `--target`), records them in `agentc.lock.json`, and later updates or removes exactly those files:',
    '',
    '```sh',
    `npx agentc add ${m.name} --target claude,cursor`,
    `npx agentc remove ${m.name}`,
    '```',
    '',
    `\`agentc add\` also takes this folder or its \`.tgz\`. It refuses agents whose names the project already uses; \`--prefix <text>\` renames them.`,
    '',
    '### Claude Code plugin',
    '',
    `This release is a Claude Code plugin (\`${plugin}\`) and a marketplace (\`${marketplace}\`) listing it. From a clone or copy of it:`,
    '',
    '```text',
    `/plugin marketplace add ./path/to/this/release`,
    `/plugin install ${plugin}@${marketplace}`,
    '```',
    '',
    `Plugin agents are named \`${plugin}:<agent>\`.`,
    '',
    '### By hand',
    '',
    `Each tool's files are in \`${TARGETS_DIR}/<target>/\`, in the tool's own project layout: copy the folder's contents into the root of your project. Files that several agents share (such as \`AGENTS.md\` or \`.roomodes\`) replace yours when copied; merge them by hand, or use \`agentc add\`.`,
    '',
    '| Tool | Target | Files | Losses |',
    '| --- | --- | --- | --- |',
    ...targets.map(
      (t) =>
        `| ${escapeCell(t.displayName)} | \`${t.id}\` | ${installLine(t.id, perTarget.get(t.id) ?? [])} | ${lossOf(t.id)} |`,
    ),
    `| Claude Code plugin | \`${CLAUDE_PLUGIN}\` | \`agents/\`, \`.claude-plugin/\` | ${lossOf(CLAUDE_PLUGIN)} |`,
    '',
    '## What each tool cannot carry',
    '',
    'Every format holds only part of an agent’s settings (models, tool permissions, sampling, effort, …). `LOSSES.md` lists, for each tool and agent, what was left out or approximated and where it is in the sources (`losses.json` has the same, machine-readable).',
    '',
    '## Sources and checksums',
    '',
    `The agents as written, with the pack manifest, are in \`${SOURCES_DIR}/\` (\`agentc pack ${SOURCES_DIR}\` rebuilds this release). \`${CHECKSUMS}\` holds the SHA-256 of every file (\`sha256sum -c ${CHECKSUMS}\`).`,
    '',
    `Built with agentc from \`${m.name}\` ${m.version}.`,
  ]
  return `${out.join('\n')}\n`
}

/** `sha256sum` format: `<hex>  <path>`, one line per file, sorted by path. */
function checksums(files: readonly ReleaseFile[]): string {
  return files
    .filter((f) => f.path !== CHECKSUMS)
    .map((f) => `${sha256(f.contents)}  ${f.path}\n`)
    .join('')
}

/** SHA-256 of a text's UTF-8 bytes, hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
