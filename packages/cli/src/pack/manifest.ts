import { basename, dirname, join } from 'node:path'
import { createDiagnostic, type Diagnostic, type TargetOptions } from '@agentc/core'
import { SOURCE_TARGET } from '@agentc/targets'
import { z } from 'zod'
import {
  type AgentOverrides,
  readSettingsText,
  resolveAgentOverrides,
  resolveTargetsField,
  validateData,
} from '../config/load'
import { type Positions, parseConfigText } from '../config/parse'
import {
  agentEntry,
  described,
  globList,
  globsField,
  jsonSchemaOf,
  modelMap,
  TARGET_IDS,
  targetIdEnum,
  targetsField,
  text,
} from '../config/schema'
import type { Deps } from '../io/deps'
import { displayPath } from '../io/read-inputs'

/**
 * The pack manifest (`agentc-pack.json` / `agentc-pack.yaml`): what a pack is called, its
 * version, who made it, which agent files it holds and which targets a release carries. As for
 * the project configuration, the zod schema is the single source of truth: the loader validates
 * with it and the JSON Schema (`packages/cli/schema/agentc-pack.schema.json`) is generated from it.
 * @module
 */

/** File names a pack manifest may have, in the order they are looked for. */
export const PACK_MANIFEST_NAMES = ['agentc-pack.json', 'agentc-pack.yaml', 'agentc-pack.yml'] as const

/** The agent sources of a pack without an `agents` key. */
export const DEFAULT_PACK_AGENTS: readonly string[] = ['agents/**/*.md']

/**
 * An npm package name (npm's rules for new packages): lowercase, at most 214 characters, an
 * optional `@scope/`, no leading dot or underscore, URL-safe characters only.
 */
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/
const NAME_ERROR = 'an npm package name: lowercase letters, digits, `-`, `.`, `_`, `~`, optionally `@scope/`'

/** Semantic Versioning 2.0.0 (semver.org's own grammar, written as a pattern). */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/
const VERSION_ERROR = 'a semantic version such as 1.0.0 or 2.1.0-beta.1'

const URL_ERROR = 'an http(s) URL'
const url = () => text(URL_ERROR).regex(/^https?:\/\/[^\s]+$/, { error: URL_ERROR })

const person = described(
  z.union(
    [
      text('a name').min(1, { error: 'a name' }),
      z.strictObject(
        {
          name: text('a name').min(1, { error: 'a name' }),
          email: text('an email address')
            .regex(/^[^\s@]+@[^\s@]+$/, { error: 'an email address' })
            .optional(),
          url: url().optional(),
        },
        { error: 'a map `{name, email, url}`' },
      ),
    ],
    { error: 'a name, or a map `{name, email, url}`' },
  ),
  'An author: a name, or `{name, email, url}`.',
  'person',
)

/** The zod schema of a pack manifest. */
export const packSchema = described(
  z.strictObject(
    {
      $schema: described(
        text('the path or URL of the JSON Schema'),
        'The JSON Schema of this file.',
      ).optional(),
      name: described(
        text(NAME_ERROR)
          .max(214, { error: 'an npm package name of at most 214 characters' })
          .regex(NPM_NAME, { error: NAME_ERROR }),
        'The pack’s name: the npm package name of its release (`@acme/review-agents`); the Claude Code plugin is named after its last part.',
      ),
      version: described(
        text(VERSION_ERROR).regex(SEMVER, { error: VERSION_ERROR }),
        'The version (semver).',
      ),
      description: described(
        text('a one-line description').min(1, { error: 'a one-line description' }),
        'What the pack is for, in one line (npm, the Claude Code marketplace and the release README show it).',
      ),
      license: described(
        text('an SPDX licence expression such as MIT or Apache-2.0').min(1, {
          error: 'an SPDX licence expression such as MIT or Apache-2.0',
        }),
        'The licence of the agents, as an SPDX expression (`MIT`, `Apache-2.0`, `MIT OR Apache-2.0`).',
      ),
      authors: described(
        z.array(person, { error: 'a list of authors' }).min(1, { error: 'a list of at least one author' }),
        'Who wrote the pack; the first is the npm author, the plugin author and the marketplace owner.',
      ),
      homepage: described(url(), 'The pack’s web page.').optional(),
      repository: described(url(), 'The URL of the pack’s source repository.').optional(),
      keywords: described(
        z.array(text('a keyword').min(1, { error: 'a keyword' }), { error: 'a list of keywords' }),
        'Keywords for npm and the marketplace.',
      ).optional(),
      agents: globsField(DEFAULT_PACK_AGENTS).optional(),
      from: described(
        targetIdEnum(),
        `The format the agents are written in (default \`${SOURCE_TARGET}\`).`,
      ).optional(),
      targets: targetsField.optional(),
      models: modelMap.optional(),
      claude: described(
        z.strictObject(
          {
            plugin: described(
              text('a kebab-case name').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a kebab-case name' }),
              'The Claude Code plugin name (default: the last part of `name`, in kebab case); agents are `<plugin>:<agent>` in Claude Code.',
            ).optional(),
            marketplace: described(
              text('a kebab-case name').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'a kebab-case name' }),
              'The Claude Code marketplace name (default: the plugin name); users install `<plugin>@<marketplace>`.',
            ).optional(),
          },
          { error: 'a map `{plugin, marketplace}`' },
        ),
        'Names of the release’s Claude Code plugin and marketplace.',
      ).optional(),
      overrides: described(
        z.record(text('an agent name').min(1, { error: 'an agent name' }), agentEntry, {
          error: 'a map from agent name to its overrides',
        }),
        'Per-agent overrides, by agent name: fields for every target, and `targets: {<id>: {...}}` for one target.',
      ).optional(),
    },
    { error: 'a map of fields' },
  ),
  'agentc pack manifest.',
)

/** A pack manifest as written (validated). */
export type PackFile = z.infer<typeof packSchema>

/** An author, resolved. */
export interface Person {
  readonly name: string
  readonly email?: string
  readonly url?: string
}

/** A pack manifest, validated and resolved against its folder. */
export interface PackManifest {
  /** Absolute path of the manifest. */
  readonly path: string
  /** The path as the user sees it. */
  readonly display: string
  /** The pack folder (the manifest's folder). */
  readonly dir: string
  /** The manifest's text, carried into the release as it is. */
  readonly text: string
  readonly name: string
  readonly version: string
  readonly description: string
  readonly license: string
  readonly authors: readonly Person[]
  readonly homepage?: string
  readonly repository?: string
  readonly keywords: readonly string[]
  /** Agent globs relative to `dir`. */
  readonly sources: readonly string[]
  readonly from: string
  /** The targets of the release, in the order written (every target when the manifest names none). */
  readonly targets: readonly string[]
  /** Target options (`targets.claude.settings`). */
  readonly targetOptions: TargetOptions
  readonly models: Readonly<Record<string, string>>
  readonly targetModels: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** Overrides by agent name. */
  readonly agents: Readonly<Record<string, AgentOverrides>>
  /** Claude Code plugin and marketplace names, when the manifest sets them. */
  readonly claude?: { readonly plugin?: string; readonly marketplace?: string }
  /** Where overrides live in the manifest, for messages (`overrides.<name>`). */
  readonly agentsKey: 'overrides'
  readonly positions: Positions
}

/** `Name <email> (url)` as npm writes a person in one string; fields are optional. */
export function parsePerson(
  value: string | { name: string; email?: string | undefined; url?: string | undefined },
): Person {
  if (typeof value !== 'string')
    return {
      name: value.name,
      ...(value.email !== undefined ? { email: value.email } : {}),
      ...(value.url !== undefined ? { url: value.url } : {}),
    }
  const match = /^([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?\s*$/.exec(value)
  const name = (match?.[1] ?? value).trim() || value.trim()
  return {
    name,
    ...(match?.[2] ? { email: match[2].trim() } : {}),
    ...(match?.[3] ? { url: match[3].trim() } : {}),
  }
}

/**
 * Finds the pack manifest in a folder. Two manifests in one folder is an error naming both.
 * @returns The absolute path, or a diagnostic.
 */
export async function findPackManifest(deps: Deps, dir: string): Promise<string | Diagnostic> {
  const present: string[] = []
  for (const name of PACK_MANIFEST_NAMES) {
    const info = await deps.fs.stat(join(dir, name))
    if (info?.isFile) present.push(join(dir, name))
  }
  if (present.length === 1) return present[0]!
  const shown = displayPath(deps, dir)
  if (present.length > 1) {
    return createDiagnostic(
      'AGC313',
      `${present.map((p) => displayPath(deps, p)).join(' and ')} are both manifests of the pack ${shown}; agentc will not guess which one counts.`,
      { file: displayPath(deps, present[0]!), note: 'Keep one of them and delete the other.' },
    )
  }
  return createDiagnostic(
    'AGC313',
    `${shown} has no pack manifest (${PACK_MANIFEST_NAMES.slice(0, 2).join(' or ')}).`,
    {
      file: shown,
      note: 'A pack is a folder of agent sources with a manifest naming it: name, version, description, license, authors.',
    },
  )
}

/**
 * Reads, parses and validates a pack manifest. Every problem is an AGC313 diagnostic at its line
 * and column, never an exception.
 * @param path Absolute path of the manifest.
 * @param display How to name the file in messages (default: relative to the working directory).
 */
export async function loadPackManifest(
  deps: Deps,
  path: string,
  display = displayPath(deps, path),
): Promise<{ manifest?: PackManifest; diagnostics: Diagnostic[] }> {
  const read = await readSettingsText(deps, path, display, 'a manifest')
  if ('problem' in read) return { diagnostics: [createDiagnostic('AGC313', read.problem, { file: display })] }
  const text = read.text
  return parsePackManifest(text, path, display)
}

/** Parses and validates the text of a pack manifest (pure; `path` decides JSON or YAML). */
export function parsePackManifest(
  text: string,
  path: string,
  display: string,
): { manifest?: PackManifest; diagnostics: Diagnostic[] } {
  const parsed = parseConfigText(text, path.endsWith('.json') ? 'json' : 'yaml')
  if ('problem' in parsed) {
    return {
      diagnostics: [
        createDiagnostic('AGC313', `${display} cannot be read: ${parsed.problem}.`, {
          file: display,
          line: parsed.line,
          column: parsed.column,
        }),
      ],
    }
  }
  const checked = validateData(packSchema, parsed, display, {
    code: 'AGC313',
    subject: 'the pack manifest',
    topLevel: 'a map of fields (name, version, description, license, authors, …)',
  })
  if ('diagnostics' in checked) return checked
  const file = checked.file
  const { targets, targetModels, settings } = resolveTargetsField(file.targets)
  const sources = globList(file.agents, DEFAULT_PACK_AGENTS)
  const diagnostics: Diagnostic[] = []
  if (sources.length > 0 && sources.every((s) => s.startsWith('!'))) {
    diagnostics.push(
      createDiagnostic(
        'AGC313',
        '`agents` only excludes files; add a glob of the agent files (`agents/**/*.md`).',
        {
          file: display,
          ...(parsed.positions.value(['agents']) ?? {}),
        },
      ),
    )
  }
  if (targets && targets.length === 0) {
    diagnostics.push(
      createDiagnostic('AGC313', '`targets` names no target; a release needs at least one.', {
        file: display,
        ...(parsed.positions.value(['targets']) ?? {}),
      }),
    )
  }
  if (diagnostics.length > 0) return { diagnostics }
  return {
    diagnostics,
    manifest: {
      path,
      display,
      dir: dirname(path),
      text,
      name: file.name,
      version: file.version,
      description: file.description,
      license: file.license,
      authors: file.authors.map(parsePerson),
      ...(file.homepage !== undefined ? { homepage: file.homepage } : {}),
      ...(file.repository !== undefined ? { repository: file.repository } : {}),
      keywords: file.keywords ?? [],
      sources,
      from: file.from ?? SOURCE_TARGET,
      targets: targets ?? TARGET_IDS,
      targetOptions: settings !== undefined ? { claude: { settings } } : {},
      models: file.models ?? {},
      targetModels,
      agents: resolveAgentOverrides(file.overrides),
      ...(file.claude
        ? {
            claude: {
              ...(file.claude.plugin !== undefined ? { plugin: file.claude.plugin } : {}),
              ...(file.claude.marketplace !== undefined ? { marketplace: file.claude.marketplace } : {}),
            },
          }
        : {}),
      agentsKey: 'overrides',
      positions: parsed.positions,
    },
  }
}

/** The manifest's file name (`agentc-pack.yaml`). */
export function manifestName(manifest: Pick<PackManifest, 'path'>): string {
  return basename(manifest.path)
}

/**
 * The JSON Schema (draft 2020-12) of a pack manifest, for editors (`$schema`).
 * @returns A JSON-serialisable schema object.
 */
export function packJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    packSchema,
    'agentc pack manifest',
    'agentc-pack.json / agentc-pack.yaml: an agent pack — its name, version and authors, which agent files it holds, which targets its release carries, and overrides.',
  )
}
