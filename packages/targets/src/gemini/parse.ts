import {
  type AgentDocument,
  checkNesting,
  createBody,
  IR_VERSION,
  type ModelRef,
  type ParsedYaml,
  type Point,
  type SourceFile,
  splitFrontmatter,
  type TargetContext,
} from '@agentc/core'
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { at, Positions, readMarkdownFile } from '../shared/markdown-file'
import { nameFromPath } from '../shared/names'
import { validateFrontmatter } from '../shared/validate'
import { FieldReader } from '../shared/values'
import {
  GEMINI_KNOWN_KEYS,
  GEMINI_MODELLED_KEYS,
  GEMINI_REMOTE_ONLY,
  invalidGeminiTool,
  LEGACY_GEMINI_TOOLS,
  toolFromGemini,
} from './mappings'
import { geminiFrontmatter } from './schema'

const TOOL = 'Gemini CLI'

/** Keys only a local agent may have, and keys only a remote (A2A) agent may have. */
const LOCAL_ONLY = ['tools', 'mcp_servers', 'model', 'temperature', 'max_turns', 'timeout_mins']

/** Keys people write that Gemini CLI does not accept, with the key it reads. */
const MISSPELLED: Readonly<Record<string, string>> = {
  mcpServers: 'mcp_servers',
  maxTurns: 'max_turns',
  max_steps: 'max_turns',
  displayName: 'display_name',
  timeout: 'timeout_mins',
  timeoutMins: 'timeout_mins',
}

/**
 * Parses a Gemini CLI agent file (`.gemini/agents/<name>.md`) as Gemini CLI's loader reads it:
 * mandatory YAML frontmatter checked against a strict schema (an unknown key fails the file), the
 * trimmed body as the system prompt, and a frontmatter that is a list of remote (A2A) agents.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The agents (usually one), or nothing after an error.
 */
export function parseGemini(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const split = splitFrontmatter(file.text)
  if ('code' in split) {
    ctx.report(split.code, split.message, { line: split.line, column: split.column })
    return []
  }
  if (!split.present) {
    ctx.report(
      'AGC101',
      'Gemini CLI agent files must start with YAML frontmatter (`---`, `name:`, `description:`, `---`); Gemini CLI refuses this file.',
      { field: 'name', line: 1, column: 1 },
    )
    return []
  }
  if (!fencesAsGeminiReadsThem(file.text, split.bodyLine, ctx)) return []
  const list = yamlList(split.yamlText, split.yamlLine, ctx)
  if (list) {
    const docs: AgentDocument[] = []
    let failed = false
    for (const item of list) {
      const doc = item ? readAgent(item, file, split.body, ctx, true) : undefined
      if (doc) docs.push(doc)
      else failed = true
    }
    if (failed) return []
    checkFileName(file.path, ctx)
    return docs
  }
  const md = readMarkdownFile(file, ctx, false)
  if (!md) return []
  const doc = readAgent(md.yaml, file, md.split.body, ctx, false)
  if (doc) checkFileName(file.path, ctx)
  return doc ? [doc] : []
}

/**
 * Gemini CLI finds the frontmatter with `/^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n([\s\S]*))?/` on
 * the file as read (`skills/skillLoader.ts` `FRONTMATTER_REGEX`, used by `agentLoader.ts`):
 * anything after the opening `---` means no frontmatter (the file is refused); anything after the
 * closing `---` means no body (the agent loads with an empty system prompt). A byte-order mark
 * also hides the frontmatter from it; agentc reads a file the same with or without one, so that
 * is a warning.
 * @returns Whether to go on reading the file.
 */
function fencesAsGeminiReadsThem(text: string, bodyLine: number, ctx: TargetContext): boolean {
  const bom = text.startsWith('\ufeff')
  if (bom) {
    ctx.report(
      'AGC104',
      'The file starts with a byte-order mark, which Gemini CLI does not skip: it finds no frontmatter and refuses the file. Save it without the mark.',
      { field: 'name', line: 1, column: 1 },
    )
  }
  if (!/^---\r?\n/.test(bom ? text.slice(1) : text)) {
    ctx.report(
      'AGC101',
      'The first line has more after `---`; Gemini CLI needs exactly `---` there, finds no frontmatter and refuses the file.',
      { field: 'name', line: 1, column: 4 },
    )
    return false
  }
  const closing = text.split('\n')[bodyLine - 2]?.replace(/\r$/, '')
  if (closing !== undefined && closing !== '---') {
    ctx.report(
      'AGC104',
      'The closing line has more after `---`: Gemini CLI then reads no body, so the agent gets an empty system prompt.',
      { field: 'body', line: bodyLine - 1, column: 4 },
    )
  }
  return true
}

/** Reads one agent (the whole frontmatter, or one item of a list of remote agents). */
function readAgent(
  yaml: ParsedYaml,
  file: SourceFile,
  body: string,
  ctx: TargetContext,
  inList: boolean,
): AgentDocument | undefined {
  const data = yaml.data
  const pos = new Positions(yaml)
  let ok = validateFrontmatter(geminiFrontmatter, data, pos, ctx, TOOL, fieldOfKey)
  for (const key of Object.keys(data)) {
    if (GEMINI_KNOWN_KEYS.has(key)) continue
    ok = false
    const hint = MISSPELLED[key]
    ctx.report(
      'AGC101',
      `\`${key}\` is not a Gemini CLI agent key, and Gemini CLI refuses files with keys it does not know${hint ? `; the key it reads is \`${hint}\`` : ''}.`,
      {
        field: `extensions.gemini.${key}`,
        // A key the positions cannot find (YAML `null:` or `~:` is the key "") is in the map.
        ...at(pos.key(`extensions.gemini.${key}`, [key]) ?? pos.value([])),
        ...(key === 'mcpServers'
          ? { note: 'The subagent docs spell it `mcpServers`, but the loader only accepts `mcp_servers`.' }
          : {}),
      },
    )
  }
  const has = (key: string) => Object.hasOwn(data, key) && data[key] !== undefined
  const remoteKeys = GEMINI_REMOTE_ONLY.filter(has)
  const localKeys = LOCAL_ONLY.filter(has)
  const remote = data.kind === 'remote' || (data.kind === undefined && (inList || remoteKeys.length > 0))
  const misplaced = remote ? localKeys : remoteKeys
  for (const key of misplaced) {
    ok = false
    ctx.report(
      'AGC101',
      remote
        ? `\`${key}\` belongs to local agents; a remote (A2A) agent cannot have it, so Gemini CLI refuses the file.`
        : `\`${key}\` belongs to remote (A2A) agents; add \`kind: remote\` and remove the local keys (${localKeys.join(', ') || 'none'}), or remove it.`,
      { field: `extensions.gemini.${key}`, ...at(pos.key(`extensions.gemini.${key}`, [key])) },
    )
  }
  if (inList && data.kind === 'local') {
    ok = false
    ctx.report('AGC101', 'A list of Gemini CLI agents may only hold remote (A2A) agents.', {
      field: 'extensions.gemini.kind',
      ...at(pos.key('extensions.gemini.kind', ['kind'])),
    })
  }
  if (remote && misplaced.length === 0 && has('agent_card_url') === has('agent_card_json')) {
    ok = false
    ctx.report(
      'AGC101',
      'A remote (A2A) Gemini CLI agent needs exactly one of `agent_card_url` and `agent_card_json`.',
      {
        field: 'extensions.gemini.agent_card_url',
        ...at(pos.key('name', ['name']) ?? pos.value(['kind']) ?? pos.value([])),
      },
    )
  }
  const read = new FieldReader(data, pos, ctx, TOOL)
  const name = read.string('name', 'name')
  if (name === undefined) {
    ok = false
    ctx.report('AGC101', 'Gemini CLI agents need a `name` (lowercase letters, digits, `-` and `_`).', {
      field: 'name',
      line: 1,
      column: 1,
    })
  }
  if (!ok) return undefined

  const doc: { -readonly [K in keyof AgentDocument]?: AgentDocument[K] } = { irVersion: IR_VERSION }
  const extensions: Record<string, unknown> = {}
  doc.name = name ?? nameFromPath(file.path)
  const description = read.string('description', 'description')
  if (description !== undefined && description !== '') doc.description = description
  else if (!remote) {
    ctx.report(
      'AGC104',
      'Gemini CLI refuses to load an agent without a `description`; the main agent reads it to decide when to delegate.',
      { field: 'description', ...at(pos.fields.description ?? pos.fields.name) },
    )
  }

  if (has('tools')) doc.tools = { allow: readTools(data.tools as string[], pos, ctx) }
  if (has('model')) doc.model = modelFromGemini(String(data.model))
  pos.key('model', ['model'])
  const temperature = read.number('temperature', 'sampling.temperature')
  if (temperature !== undefined) doc.sampling = { temperature }
  const maxTurns = read.number('max_turns', 'maxSteps')
  if (maxTurns !== undefined) doc.maxSteps = maxTurns

  for (const [key, value] of Object.entries(data)) {
    if (GEMINI_MODELLED_KEYS.has(key) || value === undefined) continue
    extensions[key] = value
    pos.key(`extensions.gemini.${key}`, [key])
  }
  if (remote && !inList && body.trim() !== '') {
    ctx.report(
      'AGC104',
      'Gemini CLI ignores the body of a remote (A2A) agent: the remote agent has its own prompt.',
      {
        ...at(pos.fields.name),
      },
    )
  }
  doc.body = createBody(body)
  doc.extensions = Object.keys(extensions).length > 0 ? { gemini: extensions } : {}
  doc.source = { path: file.path, target: 'gemini', fields: pos.fields, raw: file.text }
  return doc as AgentDocument
}

/** The IR field a Gemini frontmatter key holds. */
function fieldOfKey(key: string): string {
  const fields: Record<string, string> = {
    tools: 'tools.allow',
    temperature: 'sampling.temperature',
    max_turns: 'maxSteps',
  }
  return fields[key] ?? (GEMINI_MODELLED_KEYS.has(key) ? key : `extensions.gemini.${key}`)
}

function readTools(list: readonly string[], pos: Positions, ctx: TargetContext): string[] {
  pos.key('tools.allow', ['tools'])
  const out: string[] = []
  list.forEach((name, i) => {
    const problem = invalidGeminiTool(name)
    if (problem) {
      ctx.report('AGC101', `\`tools\` entry \`${name}\` must be ${problem}; Gemini CLI refuses the file.`, {
        field: 'tools.allow',
        ...at(pos.value(['tools', i])),
      })
      return
    }
    const current = LEGACY_GEMINI_TOOLS[name]
    if (current) {
      ctx.report(
        'AGC103',
        `\`${name}\` is the legacy name of Gemini CLI's \`${current}\`; it was read as \`${current}\`.`,
        {
          field: 'tools.allow',
          ...at(pos.value(['tools', i])),
        },
      )
    }
    out.push(toolFromGemini(name))
  })
  return [...new Set(out)].sort()
}

/** A Gemini CLI model value as a model reference (every model Gemini CLI runs is Google's). */
export function modelFromGemini(written: string): ModelRef {
  if (written.trim() === '' || written.trim() === 'inherit') return { written, id: 'inherit' }
  return { written, provider: 'google', id: written.trim() }
}

function checkFileName(path: string, ctx: TargetContext): void {
  const base = path.split('/').pop() ?? path
  if (base.startsWith('_')) {
    ctx.report('AGC104', `Gemini CLI skips agent files whose name starts with \`_\` (${base}).`, {
      line: 1,
      column: 1,
    })
  }
}

/**
 * When the frontmatter is a YAML list (Gemini's list of remote agents), each item as parsed
 * YAML with positions; an item that is not a map is undefined (reported). Undefined when the
 * frontmatter is not a valid YAML list.
 */
function yamlList(
  text: string,
  firstLine: number,
  ctx: TargetContext,
): (ParsedYaml | undefined)[] | undefined {
  // Too deep for a parser to recurse into safely: the frontmatter reader reports it (AGC007).
  if (checkNesting(text)) return undefined
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true })
  if (doc.errors.length > 0 || !isSeq(doc.contents)) return undefined
  const toPoint = (offset: number): Point => {
    const p = lineCounter.linePos(offset)
    return { line: p.line + firstLine - 1, column: p.col }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 100 })
    // An alias inside the node its anchor names makes the data circular: not a list of agents.
    JSON.stringify(data)
  } catch {
    return undefined
  }
  const items = doc.contents.items
  return (data as unknown[]).map((value, index) => {
    const node = items[index]
    if (!isMap(node) || typeof value !== 'object' || value === null || Array.isArray(value)) {
      const p = toPoint(node && typeof node === 'object' && 'range' in node && node.range ? node.range[0] : 0)
      ctx.report('AGC101', 'Each item of a list of Gemini CLI agents must be a map of `key: value` lines.', p)
      return undefined
    }
    const find = (path: readonly (string | number)[]) => {
      let current: unknown = node
      let key: Node | undefined
      for (const part of path) {
        if (isMap(current)) {
          const pair = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part))
          if (!pair) return undefined
          key = pair.key as Node
          current = pair.value
        } else if (isSeq(current) && typeof part === 'number') {
          current = current.items[part]
          key = current as Node
        } else return undefined
      }
      return { key, value: current as Node | undefined }
    }
    return {
      data: value as Record<string, unknown>,
      lenient: false,
      lenientLines: [],
      keyPosition: (path) => {
        const range = find(path)?.key?.range
        return range ? toPoint(range[0]) : undefined
      },
      valuePosition: (path) => {
        const found = find(path)
        const range = found?.value?.range ?? found?.key?.range
        return range ? toPoint(range[0]) : undefined
      },
    } satisfies ParsedYaml
  })
}
