import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type AgentDocument, emitDocument, normalize, parseFile, type Target } from '@agentc/core'
import { claude, cursor, opencode } from '@agentc/targets'
import { describe, expect, it } from 'vitest'
import { withoutRaw } from '../harness/golden'

const ROOT = join(import.meta.dirname, '../..')
const sources = ['code-reviewer', 'release-manager', 'test-writer'].map((name) => ({
  path: `.opencode/agents/${name}.md`,
  text: readFileSync(join(ROOT, 'examples/agents', `${name}.md`), 'utf8'),
}))

function parseOne(target: Target, path: string, text: string): AgentDocument {
  const result = parseFile(target, { path, text })
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return result.value![0]!
}

function through(doc: AgentDocument, via: Target): AgentDocument {
  const [file] = emitDocument(via, doc).value!
  return parseOne(via, file!.path, file!.contents)
}

describe('OpenCode → Claude → OpenCode keeps every field Claude can hold', () => {
  for (const source of sources) {
    it(source.path, () => {
      const original = normalize(parseOne(opencode, source.path, source.text))
      const viaClaude = through(parseOne(opencode, source.path, source.text), claude)
      const [back] = emitDocument(opencode, viaClaude).value!
      const final = normalize(parseOne(opencode, back!.path, back!.contents))
      expect(final.name).toBe(original.name)
      expect(final.description).toBe(original.description)
      expect(final.body).toEqual(original.body)
      expect(final.maxSteps).toBe(original.maxSteps)
      expect(final.tools?.deny).toEqual(original.tools?.deny)
      expect(final.tools?.allow).toEqual(original.tools?.allow)
      // Claude has no `minimal` effort (→ low, reported); every other level survives.
      expect(final.effort).toBe(original.effort === 'minimal' ? 'low' : original.effort)
      // Anthropic models survive as their family; others are reported and dropped.
      if (original.model?.provider === 'anthropic') expect(final.model?.id).toMatch(/^claude-/)
      else expect(final.model).toBeUndefined()
    })
  }
})

describe('emitting is deterministic and idempotent', () => {
  for (const target of [opencode, claude, cursor]) {
    it(`${target.id}: emit(parse(emit(d))) = emit(d), and twice the same bytes`, () => {
      for (const source of sources) {
        const doc = withoutRaw(parseOne(opencode, source.path, source.text))
        const first = emitDocument(target, doc).value!
        expect(emitDocument(target, doc).value).toEqual(first)
        const main = first[0]!
        expect(main.contents).not.toContain('\r')
        expect(main.contents.endsWith('\n') && !main.contents.endsWith('\n\n')).toBe(true)
        const again = emitDocument(target, withoutRaw(parseOne(target, main.path, main.contents))).value!
        expect(again[0]!.contents).toBe(main.contents)
      }
    })
  }
})

describe('same-format round trips are byte-identical', () => {
  it('keeps CRLF, a BOM, comments and a missing final newline', () => {
    const text =
      '\ufeff---\r\n# a comment\r\ndescription: "quoted"   \r\nmode: subagent\r\n---\r\nBody without final newline'
    const doc = parseOne(opencode, '.opencode/agents/x.md', text)
    expect(emitDocument(opencode, doc).value![0]!.contents).toBe(text)
    const claudeText = '---\nname: x\ndescription: y\ntools:\n  - Read\n  - Grep\n---\n\nBody\n'
    const claudeDoc = parseOne(claude, '.claude/agents/x.md', claudeText)
    expect(emitDocument(claude, claudeDoc).value![0]!.contents).toBe(claudeText)
  })

  it('re-emits from the IR, not the original bytes, once a field changes', () => {
    const doc = parseOne(opencode, '.opencode/agents/x.md', '---\ndescription: old\n---\nBody\n')
    const changed = { ...doc, description: 'new' }
    expect(emitDocument(opencode, changed).value![0]!.contents).toBe('---\ndescription: new\n---\nBody\n')
  })
})
