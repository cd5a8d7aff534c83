import { type AgentDocument, emitDocument, IR_VERSION } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { copilotInstructions } from './index'

const base: AgentDocument = { irVersion: IR_VERSION, name: 'a', body: { text: 'Body\n' }, extensions: {} }

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(copilotInstructions, { ...base, ...doc })
  return {
    path: result.value?.[0]?.path,
    text: result.value?.[0]?.contents ?? '',
    codes: result.diagnostics.map((d) => d.code),
  }
}

describe('emitCopilotInstructions', () => {
  it('writes `applyTo` as one quoted string', () => {
    expect(emit({ activation: { kind: 'always' } }).text).toBe('---\napplyTo: "**"\n---\nBody\n')
    expect(emit({ activation: { kind: 'globs', globs: ['**/*.ts', 'src/*.{a,b}'] } }).text).toBe(
      '---\napplyTo: "**/*.ts,src/*.{a,b}"\n---\nBody\n',
    )
  })

  it('makes an agent agent-decided (description only), manual without a description', () => {
    expect(emit({ description: 'SQL style' }).text).toBe('---\ndescription: SQL style\n---\nBody\n')
    expect(emit({}).text).toBe('Body\n')
  })

  it('reports what Copilot cannot keep: a description on manual instructions, `**` as a glob', () => {
    const manual = emit({ activation: { kind: 'manual' }, description: 'd' })
    expect(manual.text).toBe('Body\n')
    expect(manual.codes).toEqual(['AGC202'])
    expect(emit({ activation: { kind: 'model-decision' } }).codes).toEqual(['AGC202'])
    expect(emit({ activation: { kind: 'globs', globs: ['**'] } }).codes).toEqual(['AGC202'])
  })

  it('keeps a name that is not a safe file name in `name:` (no loss, no report)', () => {
    const { path, text, codes } = emit({ name: 'C# style', activation: { kind: 'always' } })
    expect(path).toBe('.github/instructions/C-style.instructions.md')
    expect(text).toBe('---\nname: C# style\napplyTo: "**"\n---\nBody\n')
    expect(codes).toEqual([])
    expect(emit({ name: 'C-style', activation: { kind: 'always' } }).codes).toEqual([])
  })
})
