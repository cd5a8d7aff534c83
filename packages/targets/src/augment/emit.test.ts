import { type AgentDocument, emitDocument, IR_VERSION } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { augment } from './index'

const base: AgentDocument = { irVersion: IR_VERSION, name: 'a', body: { text: 'Body\n' }, extensions: {} }

function emit(doc: Partial<AgentDocument>) {
  const result = emitDocument(augment, { ...base, ...doc })
  return {
    text: result.value?.[0]?.contents ?? '',
    fields: result.diagnostics.map((d) => `${d.code} ${d.field}`),
  }
}

describe('emitAugment', () => {
  it('always writes the type', () => {
    expect(emit({ activation: { kind: 'always' } }).text).toBe('---\ntype: always_apply\n---\nBody\n')
    expect(emit({ activation: { kind: 'manual' } }).text).toBe('---\ntype: manual\n---\nBody\n')
    expect(emit({ description: 'When writing SQL' }).text).toBe(
      '---\ntype: agent_requested\ndescription: When writing SQL\n---\nBody\n',
    )
  })

  it('turns a glob rule into an agent-requested rule whose description names the globs', () => {
    const { text, fields } = emit({ description: 'TS style', activation: { kind: 'globs', globs: ['*.ts'] } })
    expect(text).toBe(
      '---\ntype: agent_requested\ndescription: TS style (applies to files matching `*.ts`)\n---\nBody\n',
    )
    expect(fields).toEqual(['AGC202 activation.globs', 'AGC202 description'])
    expect(emit({ activation: { kind: 'globs', globs: ['a/**', 'b/**'] } }).text).toContain(
      'description: Applies to files matching `a/**`, `b/**`.\n',
    )
  })
})
