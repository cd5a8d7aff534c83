import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { windsurf } from './index'

const base: AgentDocument = { irVersion: IR_VERSION, name: 'a', body: { text: 'Body\n' }, extensions: {} }

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(windsurf, { ...base, ...doc })
  return {
    path: result.value?.[0]?.path,
    text: result.value?.[0]?.contents ?? '',
    codes: result.diagnostics.map((d) => d.code),
  }
}

describe('emitWindsurf', () => {
  it('writes each activation as its trigger', () => {
    expect(emit({ activation: { kind: 'always' } }).text).toBe('---\ntrigger: always_on\n---\nBody\n')
    expect(emit({ activation: { kind: 'manual' } }).text).toBe('---\ntrigger: manual\n---\nBody\n')
    expect(emit({ activation: { kind: 'globs', globs: ['**/*.ts', 'src/*.{a,b}'] } }).text).toBe(
      '---\ntrigger: glob\nglobs: "**/*.ts,src/*.{a,b}"\n---\nBody\n',
    )
  })

  it('makes an agent a model_decision rule, or manual without a description', () => {
    expect(emit({ description: 'Use for SQL' }).text).toBe(
      '---\ntrigger: model_decision\ndescription: Use for SQL\n---\nBody\n',
    )
    expect(emit({}).text).toBe('---\ntrigger: manual\n---\nBody\n')
  })

  it('reports a glob with a comma outside braces (the string would split it)', () => {
    const { text, codes } = emit({ activation: { kind: 'globs', globs: ['a,b'] } })
    expect(text).toContain('globs: a,b\n')
    expect(codes).toEqual(['AGC202'])
  })

  it('sanitises the file name (AGC207)', () => {
    const { path, codes } = emit({ name: 'Team/SQL style' })
    expect(path).toBe('.windsurf/rules/Team-SQL-style.md')
    expect(codes).toEqual(['AGC207'])
  })

  it('rewrites a changed rule with documented values, in the file it came from', () => {
    const parsed = parseFile(windsurf, {
      path: '.devin/rules/team.md',
      text: '---\ntrigger: always\nowner: me\n---\nOld\n',
    }).value![0]!
    const result = emitDocument(windsurf, { ...parsed, body: { text: 'New\n' } })
    expect(result.value?.[0]).toEqual({
      path: '.devin/rules/team.md',
      contents: '---\ntrigger: always_on\nowner: me\n---\nNew\n',
    })
  })

  it('reports a rule longer than Windsurf reads', () => {
    expect(emit({ activation: { kind: 'always' }, body: { text: 'x'.repeat(12_100) } }).codes).toEqual([
      'AGC202',
    ])
  })
})
