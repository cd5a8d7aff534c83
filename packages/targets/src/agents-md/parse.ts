import {
  type AgentDocument,
  createBody,
  IR_VERSION,
  type Point,
  type SourceFile,
  type TargetContext,
  toLf,
} from '@agentc/core'
import { typeName } from '../shared/markdown-file'
import { activationOf, markerAttributes } from './mappings'
import { findRegion, isProblem } from './region'
import { sectionMarker } from './schema'

/**
 * Parses an AGENTS.md file. Sections inside the agentc region become one document each; a file
 * without a region (the usual, hand-written AGENTS.md) is one always-on document whose body is
 * the whole file.
 * @param file The file.
 * @param ctx Diagnostics.
 * @returns The documents.
 */
export function parseAgentsMd(file: SourceFile, ctx: TargetContext): AgentDocument[] {
  const text = toLf(file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text)
  const lines = text.split('\n')
  const region = findRegion(lines)
  if (isProblem(region)) {
    ctx.report('AGC006', `AGENTS.md has a broken agentc region: ${region.message}.`, {
      line: region.line,
      column: 1,
    })
    return []
  }
  if (!region) {
    return [
      {
        irVersion: IR_VERSION,
        name: fileName(file.path),
        activation: { kind: 'always' },
        body: createBody(text),
        extensions: {},
        source: {
          path: file.path,
          target: 'agents-md',
          fields: { name: { line: 1, column: 1 } },
          raw: file.text,
        },
      },
    ]
  }
  const docs: AgentDocument[] = []
  for (const section of region.sections) {
    const attrs = markerAttributes(section.attrs)
    const at: Point = { line: section.begin + 1, column: 1 }
    const checked = sectionMarker.safeParse(attrs)
    if (!checked.success) {
      const issue = checked.error.issues[0]!
      const key = String(issue.path[0] ?? 'name')
      ctx.report(
        'AGC101',
        `The section marker's \`${key}\` must be ${issue.message}, not ${typeName(attrs[key])}.`,
        at,
      )
      continue
    }
    const fields: Record<string, Point> = { name: at }
    const content = lines.slice(section.begin + 1, section.end)
    // Layout (see emit.ts): `## name`, blank, [guidance line, blank], [`> description`, blank], body.
    let i = 0
    const blank = () => {
      if (content[i]?.trim() === '') i++
    }
    if (content[i]?.startsWith('## ')) {
      i++
      blank()
    }
    const activation = activationOf(attrs)
    if (activation) fields[`activation.${activation.kind}`] = at
    if (
      activation &&
      (activation.kind === 'globs' || activation.kind === 'manual') &&
      /^_.*_$/.test(content[i] ?? '')
    ) {
      i++
      blank()
    }
    const quoted: string[] = []
    const descriptionLine = section.begin + 2 + i
    if (attrs.described === 'true') {
      while (i < content.length && content[i]!.startsWith('>')) quoted.push(content[i++]!.replace(/^> ?/, ''))
      fields.description = { line: descriptionLine, column: 1 }
      blank()
    }
    const body = content.slice(i).join('\n')
    docs.push({
      irVersion: IR_VERSION,
      name: checked.data.name,
      ...(quoted.length > 0 ? { description: quoted.join('\n') } : {}),
      ...(activation ? { activation } : {}),
      body: createBody(body === '' ? '' : `${body}\n`),
      extensions: {},
      source: { path: file.path, target: 'agents-md', fields, raw: file.text },
    })
  }
  return docs
}

/** `AGENTS.md` → `agents`; `docs/AGENTS.md` → `docs`; `AGENTS.override.md` → `agents-override`. */
function fileName(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/')
  const base = parts[parts.length - 1] ?? ''
  const parent = parts[parts.length - 2]
  if (/^agents\.md$/i.test(base) && parent && parent !== '.' && !parent.startsWith('.')) return parent
  return (base || 'agents')
    .replace(/\.md$/i, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()
}
