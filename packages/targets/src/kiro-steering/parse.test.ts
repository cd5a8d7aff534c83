import { type AgentDocument, emitDocument, IR_VERSION, parseFile } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { kiroSteering } from './index'

function parse(text: string, path = '.kiro/steering/style.md') {
  const result = parseFile(kiroSteering, { path, text })
  return {
    doc: result.value?.[0],
    codes: result.diagnostics.map((d) => d.code),
    diagnostics: result.diagnostics,
  }
}

const base: AgentDocument = { irVersion: IR_VERSION, name: 'style', body: { text: 'b\n' }, extensions: {} }
const emit = (doc: Partial<AgentDocument>) => {
  const result = emitDocument(kiroSteering, { ...base, ...doc })
  return {
    path: result.value?.[0]?.path,
    text: result.value?.[0]?.contents ?? '',
    codes: result.diagnostics.map((d) => d.code),
  }
}

describe('parseKiroSteering', () => {
  it('reads a file without frontmatter (or without inclusion) as always included', () => {
    expect(parse('# Style\n').doc).toMatchObject({ name: 'style', activation: { kind: 'always' } })
    expect(parse('---\ndescription: d\n---\nx\n').doc?.activation).toEqual({ kind: 'always' })
  })

  it('reads a file starting with a BOM and re-emits it byte for byte', () => {
    const text = '\ufeff# 环境配置\r\n\r\n**环境**: Linux\r\n'
    const { doc } = parse(text, '.kiro/steering/ENVIRONMENT.md')
    expect(doc).toMatchObject({ name: 'ENVIRONMENT', activation: { kind: 'always' } })
    expect(doc?.body.text).toBe('# 环境配置\n\n**环境**: Linux\n')
    expect(emitDocument(kiroSteering, doc!).value?.[0]?.contents).toBe(text)
  })

  it('reads fileMatchPattern as one glob (braces and all) or a list', () => {
    expect(
      parse("---\ninclusion: fileMatch\nfileMatchPattern: '{src/**,test/**}'\n---\n").doc?.activation,
    ).toEqual({
      kind: 'globs',
      globs: ['{src/**,test/**}'],
    })
    expect(
      parse('---\ninclusion: fileMatch\nfileMatchPattern: ["a/**", "b/*.md"]\n---\n').doc?.activation,
    ).toEqual({
      kind: 'globs',
      globs: ['a/**', 'b/*.md'],
    })
  })

  it('warns about inclusions that cannot work as written', () => {
    expect(parse('---\ninclusion: fileMatch\n---\n').codes).toEqual(['AGC104'])
    expect(parse('---\ninclusion: auto\ndescription: When testing\n---\n').codes).toEqual(['AGC104'])
    const ignored = parse('---\ninclusion: always\nfileMatchPattern: "*.ts"\n---\n')
    expect(ignored.codes).toEqual(['AGC104'])
    expect(ignored.doc?.extensions).toEqual({ 'kiro-steering': { fileMatchPattern: '*.ts' } })
  })

  it('rejects an inclusion Kiro does not know, at the value', () => {
    const { doc, diagnostics } = parse('---\ninclusion: sometimes\n---\n')
    expect(doc).toBeUndefined()
    expect(diagnostics[0]).toMatchObject({ code: 'AGC101', line: 2, column: 12 })
  })
})

describe('emitKiroSteering', () => {
  it('writes an agent as an auto steering file, or manual without a description', () => {
    expect(emit({ description: 'When writing SQL' }).text).toBe(
      '---\ninclusion: auto\nname: style\ndescription: When writing SQL\n---\nb\n',
    )
    expect(emit({}).text).toBe('---\ninclusion: manual\n---\nb\n')
  })

  it('writes one glob as a string and several as a list', () => {
    expect(emit({ activation: { kind: 'globs', globs: ['**/*.py'] } }).text).toContain(
      'inclusion: fileMatch\nfileMatchPattern: "**/*.py"\n',
    )
    expect(emit({ activation: { kind: 'globs', globs: ['a/**', 'b/**'] } }).text).toContain(
      'fileMatchPattern: ["a/**", "b/**"]\n',
    )
  })

  it('reports an agent-decided file without a description, written as manual', () => {
    expect(emit({ activation: { kind: 'model-decision' } })).toMatchObject({
      text: expect.stringContaining('inclusion: manual\n'),
      codes: ['AGC202'],
    })
  })

  it('sanitises file names and reports it', () => {
    expect(emit({ name: 'API Rules' })).toMatchObject({
      path: '.kiro/steering/API-Rules.md',
      codes: ['AGC207'],
    })
  })
})
