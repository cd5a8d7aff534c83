import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { continueRules } from './index'

const base: AgentDocument = { irVersion: IR_VERSION, name: 'a', body: { text: 'Body\n' }, extensions: {} }

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(continueRules, { ...base, ...doc })
  return {
    path: result.value?.[0]?.path,
    text: result.value?.[0]?.contents ?? '',
    codes: result.diagnostics.map((d) => d.code),
  }
}

describe('emitContinue', () => {
  it('always writes the name, and each activation as Continue reads it', () => {
    expect(emit({ activation: { kind: 'always' } }).text).toBe('---\nname: a\nalwaysApply: true\n---\nBody\n')
    expect(emit({ activation: { kind: 'globs', globs: ['src/**'] } }).text).toBe(
      '---\nname: a\nglobs:\n  - src/**\n---\nBody\n',
    )
    expect(emit({ description: 'd' }).text).toBe(
      '---\nname: a\ndescription: d\nalwaysApply: false\n---\nBody\n',
    )
    expect(emit({ activation: { kind: 'manual' } }).text).toBe(
      '---\nname: a\nalwaysApply: false\n---\nBody\n',
    )
  })

  it('reports a manual rule’s description and an agent-decided rule without one', () => {
    const manual = emit({ activation: { kind: 'manual' }, description: 'd' })
    expect(manual.text).not.toContain('description')
    expect(manual.codes).toEqual(['AGC202'])
    expect(emit({ activation: { kind: 'model-decision' } }).codes).toEqual(['AGC202'])
  })

  it('writes the file under a safe name and keeps the name in `name:` (no loss, no report)', () => {
    const { path, text, codes } = emit({ name: 'Documentation Standards', activation: { kind: 'always' } })
    expect(path).toBe('.continue/rules/Documentation-Standards.md')
    expect(text).toContain('name: Documentation Standards\n')
    expect(codes).toEqual([])
    expect(emit({ name: 'Documentation-Standards', activation: { kind: 'always' } }).codes).toEqual([])
  })

  it('keeps a regex rule scoped by its regex when it is rewritten', () => {
    const text = '---\nname: Hooks\nregex: useEffect\n---\nOld\n'
    const [doc] = parseFile(continueRules, { path: '.continue/rules/hooks.md', text }).value!
    const out = emitDocument(continueRules, { ...doc!, body: { text: 'New\n' } }).value![0]!
    expect(out).toEqual({
      path: '.continue/rules/hooks.md',
      contents: '---\nname: Hooks\nregex: useEffect\n---\nNew\n',
    })
  })
})
