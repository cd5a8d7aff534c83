import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { cline } from './index'

const base: AgentDocument = { irVersion: IR_VERSION, name: 'a', body: { text: 'Body\n' }, extensions: {} }

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(cline, { ...base, ...doc })
  return { text: result.value?.[0]?.contents ?? '', codes: result.diagnostics.map((d) => d.code) }
}

describe('emitCline', () => {
  it('writes always-on rules without a header, glob rules as `paths`, manual rules as `paths: []`', () => {
    expect(emit({ activation: { kind: 'always' } }).text).toBe('Body\n')
    expect(emit({ activation: { kind: 'globs', globs: ['src/**', '*.{ts,tsx}'] } }).text).toBe(
      '---\npaths:\n  - "src/**"\n  - "*.{ts,tsx}"\n---\nBody\n',
    )
    expect(emit({ activation: { kind: 'manual' } }).text).toBe('---\npaths: []\n---\nBody\n')
  })

  it('makes an agent with a description an always-on rule and says so (AGC202)', () => {
    const { text, codes } = emit({ description: 'Use for SQL' })
    expect(text).toBe('---\ndescription: Use for SQL\n---\nBody\n')
    expect(codes).toEqual(['AGC202'])
  })

  it('drops blank globs and trims others, reporting it', () => {
    const { text, codes } = emit({ activation: { kind: 'globs', globs: [' a ', ''] } })
    expect(text).toContain('paths:\n  - "a"\n')
    expect(codes).toEqual(['AGC202'])
  })

  it('guards a body that would read as a header', () => {
    const text = emit({ activation: { kind: 'always' }, body: { text: '---\npaths: [x]\n---\nBody\n' } }).text
    expect(text).toBe('---\n\n---\n---\npaths: [x]\n---\nBody\n')
    const [doc] = parseFile(cline, { path: '.clinerules/a.md', text }).value!
    expect(doc?.activation).toEqual({ kind: 'always' })
    expect(doc?.body.text).toBe('---\npaths: [x]\n---\nBody\n')
  })

  it('keeps a rule read from a file whose header was not YAML the same for Cline', () => {
    const text = '---\npaths: [a\n---\nBody\n'
    const [doc] = parseFile(cline, { path: '.clinerules/a.md', text }).value!
    const { source: _s, ...changed } = { ...doc!, body: { text: `${doc!.body.text}More\n` } }
    const out = emitDocument(cline, changed).value![0]!.contents
    const [again] = parseFile(cline, { path: '.clinerules/a.md', text: out }).value!
    expect(again?.activation).toEqual({ kind: 'always' })
    expect(again?.body.text).toBe(`${text}More\n`)
  })
})
