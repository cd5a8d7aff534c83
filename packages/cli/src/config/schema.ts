import { CANONICAL_TOOLS, isCanonicalTool, parseMcpTool, parseNativeTool } from '@agentc/core'
import { builtinTargets, SOURCE_TARGET } from '@agentc/targets'
import { z } from 'zod'

/**
 * The schema of `agentc.config.json` / `agentc.config.yaml`. The zod schema is the single source
 * of truth: the loader validates with it, and the published JSON Schema
 * (`packages/cli/schema/agentc.config.schema.json`, which editors use through `$schema`) is
 * generated from it. Each expectation is phrased as an error message (`z.boolean({error: 'true or
 * false'})`), so that a diagnostic reads "`strict` must be true or false, not the text "yes"".
 * @module
 */

/** The ids of the built-in targets, in registry order. */
export const TARGET_IDS: readonly string[] = builtinTargets.map((t) => t.id)

/** File names a project configuration may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['agentc.config.json', 'agentc.config.yaml', 'agentc.config.yml'] as const

/** The sources of a project without a `sources` key. */
export const DEFAULT_SOURCES: readonly string[] = ['agents/**/*.md']

/**
 * Where configs written by `agentc init` point `$schema`: the schema the `agentc` package ships,
 * as installed in the project (`npm install --save-dev agentc`).
 */
export const SCHEMA_REFERENCE = './node_modules/agentc/schema/agentc.config.schema.json'

/**
 * Descriptions and names of the parts of the schema, for the JSON Schema: a part with an `id` is
 * defined once (`$defs`) and referred to. A registry of our own, rather than zod's global one,
 * so that loading this module twice never clashes on an id.
 */
export const definitions = z.registry<{ id?: string; description?: string }>()

/** Registers the description (and optionally the `$defs` name) of a schema; returns the schema. */
export function described<T extends z.ZodType>(schema: T, description: string, id?: string): T {
  definitions.add(schema, { description, ...(id ? { id } : {}) })
  return schema
}

export const text = (what = 'text') => z.string({ error: what })
const whole = (what: string) => z.number({ error: what }).int({ error: what }).min(1, { error: what })
const bool = () => z.boolean({ error: 'true or false' })

const TOOL = `a tool name in agentc's vocabulary (${Object.keys(CANONICAL_TOOLS).join(', ')}; \`*\` wildcards; \`mcp:<server>/<tool>\`; \`<target>:<native name>\`)`
/** A tool name in the IR's vocabulary: canonical, a wildcard over canonical names, MCP or native. */
const toolName = () =>
  text(TOOL).refine(
    (name) =>
      (name.includes('*') && /^[a-z*]+$/.test(name)) ||
      isCanonicalTool(name) ||
      parseMcpTool(name) !== undefined ||
      parseNativeTool(name) !== undefined,
    { error: TOOL },
  )

export const targetIdEnum = () =>
  z.enum(TARGET_IDS as [string, ...string[]], { error: `a target id (${TARGET_IDS.join(', ')})` })
const targetId = described(targetIdEnum(), 'The id of a built-in target.', 'targetId')

const MODEL = 'a model: `provider/id`, an alias such as `sonnet`, or `inherit`'
const model = text(MODEL).min(1, { error: MODEL })

export const modelMap = described(
  z.record(z.string().min(1, { error: 'a model as the sources write it' }), model, {
    error: 'a map from a model as the sources write it to the model to use instead',
  }),
  'Model substitutions: each key is a model as the sources write it (`openai/gpt-5.2-codex`, `sonnet`), each value the model to use instead — `provider/id`, an alias such as `sonnet` or `opus`, or `inherit` (the model of whoever invokes the agent).',
  'models',
)

const activation = described(
  z.union(
    [
      z.enum(['always', 'model-decision', 'manual']),
      z.strictObject({
        globs: described(
          z
            .array(text('a glob'), { error: 'a list of globs' })
            .min(1, { error: 'a list of at least one glob' }),
          'The instructions apply when a file matching one of these globs is in context.',
        ),
      }),
    ],
    { error: '`always`, `model-decision`, `manual` or a map `{globs: [...]}`' },
  ),
  'When rule-style targets (Cursor, Windsurf, Copilot instructions, …) put the instructions in context: `always`, `model-decision` (the model decides from the description), `manual` (when mentioned), or `{globs: [...]}`.',
)

const permissionRule = z.strictObject(
  {
    tool: described(
      toolName(),
      'The tool the rule is about, in agentc’s vocabulary (`bash`, `edit`, `webfetch`, `mcp:server/*`, …); `*` = every tool.',
    ),
    pattern: described(
      text('a wildcard pattern'),
      'What the call input must match (`git *`); absent = any input.',
    ).optional(),
    decision: z.enum(['allow', 'ask', 'deny'], { error: '`allow`, `ask` or `deny`' }),
  },
  { error: 'a rule `{tool, pattern, decision}`' },
)

/** `schema`, or `null` (which removes the field), with a description. */
function field<T extends z.ZodType>(schema: T, description: string) {
  return described(schema.nullable(), `${description} \`null\` removes it.`).optional()
}

/** The fields an override may set, in the IR's vocabulary (the one every target is mapped from). */
const overrideFields = {
  description: field(text(), 'What the agent does and when to use it.'),
  role: field(
    z.enum(['primary', 'subagent', 'all'], { error: '`primary`, `subagent` or `all`' }),
    'Who invokes the agent: the user (`primary`), another agent (`subagent`), or both (`all`).',
  ),
  model: field(
    model,
    'The model: `provider/id` (`anthropic/claude-sonnet-4-5`), an alias (`opus`), or `inherit`.',
  ),
  temperature: field(
    z
      .number({ error: 'a number from 0 to 2' })
      .min(0, { error: 'a number from 0 to 2' })
      .max(2, { error: 'a number from 0 to 2' }),
    'Sampling temperature.',
  ),
  topP: field(
    z
      .number({ error: 'a number from 0 to 1' })
      .min(0, { error: 'a number from 0 to 1' })
      .max(1, { error: 'a number from 0 to 1' }),
    'Nucleus sampling threshold.',
  ),
  effort: field(
    z.enum(['minimal', 'low', 'medium', 'high', 'xhigh', 'max'], {
      error: '`minimal`, `low`, `medium`, `high`, `xhigh` or `max`',
    }),
    'Reasoning effort.',
  ),
  tools: field(
    z.strictObject(
      {
        allow: described(
          z.array(toolName(), { error: 'a list of tool names' }),
          'The only tools the agent has (canonical names: `read`, `edit`, `bash`, `mcp:server/*`, …).',
        ).optional(),
        deny: described(
          z.array(toolName(), { error: 'a list of tool names' }),
          'Tools taken away from the agent.',
        ).optional(),
      },
      { error: 'a map `{allow: [...], deny: [...]}`' },
    ),
    'Which tools the agent has; replaces the agent’s own `tools` entirely.',
  ),
  permissions: field(
    z.array(permissionRule, { error: 'a list of rules `{tool, pattern, decision}`' }),
    'Approval rules for tool calls, the last matching rule deciding (as in OpenCode); replaces the agent’s own rules entirely.',
  ),
  maxSteps: field(
    whole('a whole number of at least 1'),
    'The most agentic iterations before the agent must answer.',
  ),
  color: field(text('a colour'), '`#RRGGBB` or a colour name.'),
  hidden: field(bool(), 'Hidden from the agent picker.'),
  disabled: field(bool(), 'The agent is switched off.'),
  activation: field(activation, 'When the instructions apply (rule-style targets).'),
  extensions: described(
    z.partialRecord(targetId, z.record(z.string(), z.unknown(), { error: 'a map of native keys' }), {
      error: 'a map from target id to native keys',
    }),
    'Native keys of one tool, written as they are into that tool’s file (`extensions: {claude: {permissionMode: plan}}`); other targets report them as not carried.',
  ).optional(),
}

/** The override keys, in the order they are applied. */
export const OVERRIDE_KEYS = Object.keys(overrideFields) as (keyof typeof overrideFields)[]

const override = described(
  z.strictObject(overrideFields, { error: 'a map of fields to override' }),
  'Fields that replace the agent’s own, in agentc’s vocabulary; `null` removes a field.',
  'override',
)

export const agentEntry = described(
  z.strictObject(
    {
      ...overrideFields,
      targets: described(
        z.strictObject(Object.fromEntries(TARGET_IDS.map((id) => [id, override.optional()])), {
          error: 'a map from target id to overrides',
        }),
        'Overrides for one target only, applied after the agent’s overrides for every target.',
      ).optional(),
    },
    { error: 'a map of fields to override' },
  ),
  'Overrides for one agent (by name), applied to it before it is compiled.',
)

function targetEntry(id: string) {
  const options = {
    models: modelMap.optional(),
    ...(id === 'claude'
      ? {
          settings: described(
            bool(),
            'Write per-command permission rules to `.claude/settings.json` (project-wide), as --claude-settings does.',
          ).optional(),
        }
      : {}),
  }
  return described(
    z.union([z.boolean(), z.null(), z.strictObject(options)], {
      error: `true, false, or a map of ${id} options (${Object.keys(options).join(', ')})`,
    }),
    `Build ${id} (\`true\`, empty or a map of options) or not (\`false\`).`,
  ).optional()
}

/** Agent source files: a glob or a list of globs (`!` excludes), with the default named. */
export function globsField(defaults: readonly string[]) {
  return described(
    z.union([text('a glob'), z.array(text('a glob'), { error: 'a list of globs' })], {
      error: 'a glob or a list of globs',
    }),
    `The agent source files: globs relative to this file; a glob starting with \`!\` excludes. Default: ${defaults.join(', ')}.`,
  )
}

/** The globs a {@link globsField} holds, as a list (`defaults` when it is absent). */
export function globList(
  value: string | readonly string[] | undefined,
  defaults: readonly string[],
): readonly string[] {
  return value === undefined ? defaults : typeof value === 'string' ? [value] : value
}

/** `targets`: a list of ids, or a map from id to that target's options. */
export const targetsField = described(
  z.union(
    [
      z.array(targetId, { error: 'a list of target ids' }),
      z.strictObject(Object.fromEntries(TARGET_IDS.map((id) => [id, targetEntry(id)])), {
        error: 'a map from target id to its options',
      }),
    ],
    { error: 'a list of target ids, or a map from target id to its options' },
  ),
  'The targets to build: a list of ids, or a map from id to that target’s options.',
)

const SIZE = 'a size such as 1048576, 512KiB or 2MiB'

/** The zod schema of a project configuration. */
export const configSchema = described(
  z.strictObject(
    {
      $schema: described(
        text('the path or URL of the JSON Schema'),
        'The JSON Schema of this file.',
      ).optional(),
      sources: globsField(DEFAULT_SOURCES).optional(),
      from: described(
        targetIdEnum(),
        `The format the sources are written in (default \`${SOURCE_TARGET}\`, the canonical format).`,
      ).optional(),
      targets: targetsField.optional(),
      out: described(
        text('a folder'),
        'The output root, relative to this file, where each target writes its own layout (default: this file’s folder).',
      ).optional(),
      strict: described(bool(), 'Fail the build on warnings too.').optional(),
      rewriteReferences: described(
        bool(),
        'Rewrite the source tool’s names and paths in prompts for each target, as --rewrite-references does.',
      ).optional(),
      limits: described(
        z.strictObject(
          {
            maxFileSize: described(
              z.union(
                [
                  whole('a size in bytes of at least 1'),
                  text(SIZE).regex(/^\s*\d+(?:\.\d+)?\s*(?:b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i, {
                    error: SIZE,
                  }),
                ],
                { error: SIZE },
              ),
              'Largest input file: bytes, or a size such as `512KiB` or `2MiB` (default 1 MiB).',
            ).optional(),
            maxLineLength: described(
              whole('a whole number of at least 1'),
              'Longest line of an input file, in characters (default 100000).',
            ).optional(),
            maxFiles: described(
              whole('a whole number of at least 1'),
              'Most input files (default 10000).',
            ).optional(),
          },
          { error: 'a map of limits (maxFileSize, maxLineLength, maxFiles)' },
        ),
        'Input limits; the --max-* flags override them.',
      ).optional(),
      models: modelMap.optional(),
      agents: described(
        z.record(text('an agent name').min(1, { error: 'an agent name' }), agentEntry, {
          error: 'a map from agent name to its overrides',
        }),
        'Per-agent overrides, by agent name: fields for every target, and `targets: {<id>: {...}}` for one target.',
      ).optional(),
    },
    { error: 'a map of settings' },
  ),
  'agentc project configuration.',
)

/** A project configuration as written (validated). */
export type ConfigFile = z.infer<typeof configSchema>

/** The overrides of one agent, for every target or for one target. */
export type Override = z.infer<typeof override>

/** The options of one target in the `targets` map. */
export interface TargetEntry {
  readonly models?: Readonly<Record<string, string>>
  readonly settings?: boolean
}

/**
 * The JSON Schema (draft 2020-12) of a project configuration, for editors (`$schema`).
 * @returns A JSON-serialisable schema object.
 */
export function configJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(
    configSchema,
    'agentc project configuration',
    'agentc.config.json / agentc.config.yaml: which agent sources to compile, to which targets, where, and with which overrides.',
  )
}

/** The JSON Schema (draft 2020-12) of one of agentc's settings files, with the parts' descriptions. */
export function jsonSchemaOf(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  return {
    ...z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      metadata: definitions,
    }),
    title,
    description,
  }
}
