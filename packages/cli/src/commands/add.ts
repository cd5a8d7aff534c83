import { resolve } from 'node:path'
import {
  type AgentDocument,
  createDiagnostic,
  type Diagnostic,
  emitDocument,
  hasErrors,
  parseFile,
  type Target,
} from '@agentc/core'
import type { ProjectConfig } from '../config/load'
import { configureDocument, relocate } from '../config/overrides'
import { lookUpProject } from '../config/project'
import { expandSources } from '../config/sources'
import { UsageError } from '../errors'
import type { Deps } from '../io/deps'
import {
  type FileStatus,
  type PlannedFile,
  packSource,
  type RunOutput,
  syncOutputs,
  type WriteMode,
} from '../io/output-root'
import { readInputs } from '../io/read-inputs'
import { LOCKFILE, type LockedPack, type Lockfile, readLockfile, writeLockfile } from '../pack/lockfile'
import { openRelease } from '../pack/open'
import {
  countSummary,
  diagnosticJson,
  exitCodeFor,
  isLoss,
  type OutputFormat,
  plural,
  printDiagnostics,
  printJson,
  readSources,
} from '../report'
import { resolveTarget, resolveTargets, unmergeOf } from '../targets'

/** Flags shared by `add`, `remove` and `list`. */
export interface PackProjectFlags {
  out?: string
  config?: string | false
  format: OutputFormat
  quiet?: boolean
  verbose?: boolean
}

export interface AddFlags extends PackProjectFlags {
  target: string[]
  prefix?: string
  force?: boolean
  dryRun?: boolean
}

export interface RemoveFlags extends PackProjectFlags {
  force?: boolean
  dryRun?: boolean
}

/** A prefix must keep names portable: it starts with a letter or digit and holds `a-z 0-9 . _ -`. */
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/** The project a pack command works on: its configuration and root. */
async function projectOf(
  deps: Deps,
  flags: PackProjectFlags,
): Promise<{ config?: ProjectConfig; root: string; diagnostics: Diagnostic[] }> {
  const project = await lookUpProject(deps, flags.config)
  const root =
    flags.out !== undefined ? resolve(deps.cwd, flags.out) : (project.config?.out ?? resolve(deps.cwd, '.'))
  return { ...(project.config ? { config: project.config } : {}), root, diagnostics: project.diagnostics }
}

/** What `agentc add` does (see ./add.command for the command line). */
export async function add(deps: Deps, spec: string, flags: AddFlags): Promise<number> {
  const diagnostics: Diagnostic[] = []
  const mode: WriteMode = flags.dryRun ? 'dry-run' : 'write'
  const fail = () => report(deps, flags, diagnostics, [], mode, undefined)
  if (flags.prefix !== undefined && !PREFIX.test(flags.prefix))
    throw new UsageError(
      `--prefix ${JSON.stringify(flags.prefix)}: use letters, digits, '.', '_' or '-', starting with a letter or digit`,
    )
  const project = await projectOf(deps, flags)
  diagnostics.push(...project.diagnostics)
  if (hasErrors(diagnostics)) return fail()
  const { config, root } = project
  const locked = await readLockfile(deps, root)
  if (locked.diagnostic) {
    diagnostics.push(locked.diagnostic)
    return fail()
  }
  const opened = await openRelease(deps, spec, root)
  if (!('manifest' in opened)) {
    diagnostics.push(opened)
    return fail()
  }
  const previous = locked.lock.packs[opened.name]
  const targetIds = flags.target.length > 0 ? flags.target : (config?.targets ?? previous?.targets)
  if (!targetIds || targetIds.length === 0)
    throw new UsageError(
      config
        ? `add needs --target, or \`targets\` in ${config.display}`
        : 'add needs --target (e.g. --target claude,cursor), or a project configuration naming targets',
    )
  const resolved = resolveTargets(targetIds)
  diagnostics.push(...resolved.diagnostics)
  const from = resolveTarget(opened.sourceFormat)
  if (!('parse' in from)) diagnostics.push(from as Diagnostic)
  if (hasErrors(diagnostics)) return fail()
  const source = from as Target
  const targets = resolved.targets
  const prefix = flags.prefix ?? previous?.prefix ?? ''
  const owner = `pack:${opened.name}`

  // Compile every agent of the pack for every target: the pack's overrides first, then the
  // project's model substitutions, then the prefix.
  const outputs: RunOutput[] = []
  const names: string[] = []
  const sourceTexts: { path: string; text: string }[] = []
  const projectModels = config ? { ...config, agents: {} } : undefined
  for (const agent of opened.agents) {
    const text = opened.text(agent.source) ?? ''
    const path = `${opened.display}/${agent.source}`
    sourceTexts.push({ path, text })
    const parsed = parseFile(source, { path, text })
    diagnostics.push(...parsed.diagnostics)
    for (const doc of parsed.value ?? []) {
      names.push(prefix + doc.name)
      for (const target of targets) {
        const packed = configureDocument(doc, target, opened.manifest)
        let ready: AgentDocument = packed.doc
        const found = [...packed.diagnostics]
        if (projectModels) {
          const modelled = configureDocument(ready, target, projectModels)
          ready = modelled.doc
          found.push(...modelled.diagnostics)
        }
        if (prefix !== '') ready = { ...ready, name: prefix + ready.name }
        const emitted = emitDocument(target, ready, {
          targetOptions: config?.targetOptions ?? {},
          from: source,
        })
        found.push(...relocate(emitted.diagnostics, doc, packed, opened.manifest))
        diagnostics.push(...found)
        for (const out of emitted.value ?? [])
          outputs.push({ ...out, origin: packSource(opened.name, agent.source), target: target.id })
      }
    }
  }
  if (hasErrors(diagnostics)) return fail()
  diagnostics.push(...(await nameConflicts(deps, opened.name, names, locked.lock, config)))
  if (hasErrors(diagnostics)) return fail()

  const synced = await syncOutputs(deps, {
    root,
    outputs,
    scope: {
      targets: new Set([...targets.map((t) => t.id), ...(previous?.targets ?? [])]),
      inputs: [owner],
    },
    mode,
    force: flags.force ?? false,
    owner,
    unmerge: unmergeOf,
  })
  diagnostics.push(...synced.diagnostics)
  if (hasErrors(diagnostics)) return report(deps, flags, diagnostics, [], mode, undefined, sourceTexts)
  const entry: LockedPack = {
    version: opened.version,
    from: opened.from,
    integrity: opened.integrity,
    ...(prefix !== '' ? { prefix } : {}),
    targets: targets.map((t) => t.id),
    agents: names,
    files: synced.files.filter((f) => f.status !== 'deleted').map((f) => f.path),
  }
  if (mode === 'write') {
    await writeLockfile(deps, root, { packs: { ...locked.lock.packs, [opened.name]: entry } }, locked.text)
  }
  const dry = mode === 'dry-run'
  const what = !previous
    ? `${dry ? 'would install' : 'installed'} ${opened.name} ${opened.version}`
    : previous.version === opened.version
      ? `${dry ? 'would reinstall' : 'reinstalled'} ${opened.name} ${opened.version}`
      : `${dry ? 'would update' : 'updated'} ${opened.name} from ${previous.version} to ${opened.version}`
  return report(
    deps,
    flags,
    diagnostics,
    synced.files,
    mode,
    {
      done: `${what} (${plural(names.length, 'agent')} for ${targets.map((t) => t.id).join(', ')})`,
      json: {
        pack: opened.name,
        version: opened.version,
        previous: previous?.version ?? null,
        agents: names,
      },
    },
    sourceTexts,
  )
}

/**
 * AGC315 for each agent of the pack whose name (ignoring case: file systems that ignore it
 * would merge the files) another installed pack or the project's own sources already use.
 */
async function nameConflicts(
  deps: Deps,
  pack: string,
  names: readonly string[],
  lock: Lockfile,
  config: ProjectConfig | undefined,
): Promise<Diagnostic[]> {
  const taken = new Map<string, string>()
  for (const [other, entry] of Object.entries(lock.packs)) {
    if (other === pack) continue
    for (const name of entry.agents) taken.set(name.toLowerCase(), `the pack ${other}`)
  }
  if (config) {
    const expanded = await expandSources(deps, config)
    const inputs = await readInputs(deps, expanded.files)
    const from = resolveTarget(config.from)
    if ('parse' in from) {
      for (const file of inputs.files) {
        for (const doc of parseFile(from as Target, file).value ?? [])
          taken.set(doc.name.toLowerCase(), `the project's agent in ${file.path}`)
      }
    }
  }
  const diagnostics: Diagnostic[] = []
  for (const name of names) {
    const holder = taken.get(name.toLowerCase())
    if (holder === undefined) continue
    diagnostics.push(
      createDiagnostic(
        'AGC315',
        `The pack ${pack} has an agent named ${name}, a name ${holder} already uses.`,
        {
          note: 'Install the pack with --prefix <text> to rename its agents (e.g. --prefix acme-), or rename the other agent.',
        },
      ),
    )
  }
  return diagnostics
}

/** What `agentc remove` does (see ./add.command for the command line). */
export async function remove(deps: Deps, name: string, flags: RemoveFlags): Promise<number> {
  const diagnostics: Diagnostic[] = []
  const mode: WriteMode = flags.dryRun ? 'dry-run' : 'write'
  const project = await projectOf(deps, flags)
  diagnostics.push(...project.diagnostics)
  if (hasErrors(diagnostics)) return report(deps, flags, diagnostics, [], mode, undefined)
  const locked = await readLockfile(deps, project.root)
  if (locked.diagnostic) diagnostics.push(locked.diagnostic)
  const entry = locked.lock.packs[name]
  if (!locked.diagnostic && !entry) {
    const installed = Object.keys(locked.lock.packs)
    diagnostics.push(
      createDiagnostic(
        'AGC317',
        `No pack named ${name} is installed here${installed.length > 0 ? ` (installed: ${installed.join(', ')})` : ` (${LOCKFILE} lists none)`}.`,
      ),
    )
  }
  if (hasErrors(diagnostics) || !entry) return report(deps, flags, diagnostics, [], mode, undefined)
  const owner = `pack:${name}`
  const synced = await syncOutputs(deps, {
    root: project.root,
    outputs: [],
    scope: { targets: new Set(entry.targets), inputs: [owner] },
    mode,
    force: flags.force ?? false,
    owner,
    unmerge: unmergeOf,
  })
  diagnostics.push(...synced.diagnostics)
  if (hasErrors(diagnostics)) return report(deps, flags, diagnostics, [], mode, undefined)
  if (mode === 'write') {
    const { [name]: _gone, ...rest } = locked.lock.packs
    await writeLockfile(deps, project.root, { packs: rest })
  }
  return report(deps, flags, diagnostics, synced.files, mode, {
    done: `${mode === 'write' ? 'removed' : 'would remove'} ${name} ${entry.version} (${plural(entry.agents.length, 'agent')})`,
    json: { pack: name, version: entry.version, agents: entry.agents },
  })
}

/** What `agentc list` does (see ./add.command for the command line). */
export async function list(deps: Deps, flags: PackProjectFlags): Promise<number> {
  const project = await projectOf(deps, flags)
  const diagnostics = [...project.diagnostics]
  const locked = await readLockfile(deps, project.root)
  if (locked.diagnostic) diagnostics.push(locked.diagnostic)
  const packs = Object.entries(locked.lock.packs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (flags.format === 'json') {
    printJson(deps, {
      packs: packs.map(([name, p]) => ({
        name,
        version: p.version,
        from: p.from,
        prefix: p.prefix ?? null,
        targets: p.targets,
        agents: [...p.agents].sort(),
        files: p.files,
      })),
      diagnostics: diagnostics.map(diagnosticJson),
    })
    return exitCodeFor(diagnostics)
  }
  printDiagnostics(deps, diagnostics, flags)
  if (hasErrors(diagnostics)) return 1
  if (packs.length === 0) {
    if (!flags.quiet) deps.stderr('agentc: no packs installed (agentc add <pack> installs one)\n')
    return 0
  }
  for (const [name, p] of packs) {
    deps.stdout(`${name} ${p.version}${p.prefix ? ` (prefix ${p.prefix})` : ''} — ${p.targets.join(', ')}\n`)
    for (const agent of [...p.agents].sort()) deps.stdout(`  ${agent}\n`)
    if (flags.verbose) for (const file of p.files) deps.stdout(`    ${file}\n`)
  }
  return 0
}

/** How each mode describes what happens to a file. */
const VERBS: Record<'write' | 'dry-run', Record<FileStatus, string>> = {
  write: { new: 'created', changed: 'updated', unchanged: 'unchanged', deleted: 'deleted' },
  'dry-run': {
    new: 'would create',
    changed: 'would update',
    unchanged: 'unchanged',
    deleted: 'would delete',
  },
}

async function report(
  deps: Deps,
  flags: PackProjectFlags,
  diagnostics: readonly Diagnostic[],
  files: readonly PlannedFile[],
  mode: 'write' | 'dry-run',
  done: { done: string; json: Record<string, unknown> } | undefined,
  inputs: readonly { path: string; text: string }[] = [],
): Promise<number> {
  const failed = hasErrors(diagnostics) || !done
  const shown = flags.verbose ? diagnostics : diagnostics.filter((d) => !isLoss(d))
  const losses = diagnostics.filter(isLoss).length
  if (flags.format === 'json') {
    printJson(deps, {
      ...(done && !failed ? done.json : {}),
      files: failed
        ? []
        : files
            .filter((f) => f.status !== 'unchanged')
            .map((f) => ({ path: f.display, target: f.target, status: f.status })),
      diagnostics: diagnostics.map(diagnosticJson),
    })
    return failed ? 1 : exitCodeFor(shown)
  }
  printDiagnostics(deps, shown, { ...flags, sources: await readSources(deps, shown, inputs) })
  if (failed) {
    deps.stderr(`agentc: nothing changed (${countSummary(diagnostics)})\n`)
    return 1
  }
  if (!flags.quiet) {
    for (const file of files) {
      if (file.status === 'unchanged') continue
      deps.stdout(`${VERBS[mode][file.status].padEnd(12)} ${file.display}\n`)
    }
    const changed = files.filter((f) => f.status !== 'unchanged').length
    deps.stderr(
      `agentc: ${done.done}; ${plural(changed, 'file')} ${mode === 'write' ? 'changed' : 'would change'}${
        losses > 0 && !flags.verbose
          ? `; ${losses} loss${losses === 1 ? '' : 'es'} reported (--verbose lists them)`
          : ''
      }\n`,
    )
  }
  return exitCodeFor(shown)
}
