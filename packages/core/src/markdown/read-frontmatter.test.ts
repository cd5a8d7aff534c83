import fc from 'fast-check'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { MAX_NESTING } from '../limits'
import { parseYamlFrontmatter, splitFrontmatter } from './read-frontmatter'

describe('splitFrontmatter', () => {
  it('splits frontmatter and body, keeping the body byte for byte (LF)', () => {
    const split = splitFrontmatter('---\na: 1\n---\n\n# Title\n\ntext\n')
    expect(split).toEqual({
      present: true,
      yamlText: 'a: 1',
      yamlLine: 2,
      body: '\n# Title\n\ntext\n',
      bodyLine: 4,
    })
  })

  it('treats a file without an opening fence as all body', () => {
    expect(splitFrontmatter('# Just markdown\n')).toMatchObject({ present: false, body: '# Just markdown\n' })
  })

  it('reads CRLF and a BOM the same as LF', () => {
    const lf = splitFrontmatter('---\na: 1\n---\nbody\nmore\n')
    const crlf = splitFrontmatter('\ufeff---\r\na: 1\r\n---\r\nbody\r\nmore\r\n')
    expect(crlf).toMatchObject({ present: true, body: 'body\nmore\n' })
    expect('code' in crlf || 'code' in lf).toBe(false)
  })

  it('accepts trailing spaces on fences and an empty frontmatter', () => {
    expect(splitFrontmatter('---  \n---\nbody')).toMatchObject({ present: true, yamlText: '', body: 'body' })
  })

  it('reports an unclosed frontmatter at line 1', () => {
    expect(splitFrontmatter('---\na: 1\nb: 2\n')).toMatchObject({ code: 'AGC001', line: 1, column: 1 })
    expect(splitFrontmatter('---')).toMatchObject({ code: 'AGC001' })
  })

  it('treats a closing fence at the very end of the file as closed', () => {
    expect(splitFrontmatter('---\na: 1\n---')).toMatchObject({ present: true, body: '' })
  })
})

describe('parseYamlFrontmatter', () => {
  const parse = (text: string, lenient = false) => {
    const split = splitFrontmatter(text)
    if ('code' in split) throw new Error(split.message)
    return parseYamlFrontmatter(split, { lenient })
  }

  it('gives positions of keys and values in the file', () => {
    const yaml = parse('---\ndescription: hi\npermission:\n  bash:\n    "git *": allow\n---\n')
    if ('code' in yaml) throw new Error(yaml.message)
    expect(yaml.keyPosition(['description'])).toEqual({ line: 2, column: 1 })
    expect(yaml.keyPosition(['permission', 'bash', 'git *'])).toEqual({ line: 5, column: 5 })
    expect(yaml.valuePosition(['permission', 'bash', 'git *'])).toEqual({ line: 5, column: 14 })
  })

  it('reports YAML errors with their position in the file', () => {
    expect(parse('---\na: 1\nb: [1, 2\n---\n')).toMatchObject({ code: 'AGC002', line: 3 })
    expect(parse('---\n- a\n- b\n---\n')).toMatchObject({ code: 'AGC003', line: 2, column: 1 })
    expect(parse('---\na: 1\na: 2\n---\n')).toMatchObject({ code: 'AGC002', line: 3 })
  })

  it('reads plain values with ": " or a leading "*" as text when lenient, and says which lines', () => {
    const yaml = parse('---\ndescription: Triggers on: review\nglobs: *.ts\nok: true\n---\n', true)
    if ('code' in yaml) throw new Error(yaml.message)
    expect(yaml.data).toEqual({ description: 'Triggers on: review', globs: '*.ts', ok: true })
    expect(yaml.lenientLines).toEqual([
      { line: 2, key: 'description' },
      { line: 3, key: 'globs' },
    ])
    expect(parse('---\ndescription: Triggers on: review\n---\n')).toMatchObject({ code: 'AGC002' })
  })

  it('limits alias expansion (no billion laughs)', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      )
    bomb.push('---', '')
    expect(parse(bomb.join('\n'))).toMatchObject({ code: 'AGC007', line: 2, column: 1 })
  })
})

describe('nesting limit', () => {
  const parse = (text: string, lenient = false) => {
    const split = splitFrontmatter(text)
    if ('code' in split) throw new Error(split.message)
    return parseYamlFrontmatter(split, { lenient })
  }
  it('refuses frontmatter nested deeper than MAX_NESTING before the YAML parser sees it', () => {
    const deep = `---\nname: x\ntools: ${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}\n---\n`
    expect(parse(deep)).toMatchObject({ code: 'AGC007', line: 3, column: 8 + MAX_NESTING })
  })
  it('accepts nesting up to the limit, and brackets inside quoted strings', () => {
    const ok = `---\na: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\nb: "${'['.repeat(200)}"\nc: '${'{'.repeat(200)}'\n---\n`
    expect(parse(ok)).toMatchObject({ lenient: false })
  })
  it('reads a very long line of spaces in linear time (no regex backtracking)', () => {
    const text = `---\ndescription: a:${' '.repeat(200_000)}b\n---\n`
    expect(parse(text, true)).toMatchObject({ data: { description: `a:${' '.repeat(200_000)}b` } })
  })
})

describe('lenient: colons (OpenCode)', () => {
  it('rescues only values containing a colon', () => {
    const split = splitFrontmatter('---\ndescription: Use for: x\n---\n')
    if ('code' in split) throw new Error(split.message)
    expect(parseYamlFrontmatter(split, { lenient: 'colons' })).toMatchObject({
      data: { description: 'Use for: x' },
    })
    const star = splitFrontmatter('---\nglobs: *.ts\n---\n')
    if ('code' in star) throw new Error(star.message)
    expect(parseYamlFrontmatter(star, { lenient: 'colons' })).toMatchObject({ code: 'AGC002' })
  })
})

describe('unresolved aliases', () => {
  it('are reported at the `*`, naming the missing anchor', () => {
    const split = splitFrontmatter('---\na: 1\nglobs: *.ts\n---\n')
    if ('code' in split) throw new Error(split.message)
    expect(parseYamlFrontmatter(split)).toEqual({
      code: 'AGC002',
      message:
        'The frontmatter is not valid YAML: `*.ts` refers to an anchor `&.ts` that is not defined (quote the value if `*` is meant literally).',
      line: 3,
      column: 8,
    })
  })
})

describe('hostile YAML', () => {
  const parse = (text: string) => {
    const split = splitFrontmatter(text)
    if ('code' in split) throw new Error(split.message)
    return parseYamlFrontmatter(split)
  }
  it('refuses an alias that refers to its own collection (endless data)', () => {
    expect(parse('---\na: &a\n  b: *a\n---\n')).toMatchObject({ code: 'AGC002', line: 2, column: 1 })
  })
  it('gives the position of a `null:` key, which the data names ""', () => {
    const yaml = parse('---\nname: x\nnull: 1\n---\n')
    if ('code' in yaml) throw new Error(yaml.message)
    expect(Object.keys(yaml.data)).toContain('')
    expect(yaml.keyPosition([''])).toEqual({ line: 3, column: 1 })
  })
  it('finds the positions of thousands of keys (indexed, not searched per key)', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`)
    const yaml = parse(`---\n${keys.join('\n')}\n---\n`)
    if ('code' in yaml) throw new Error(yaml.message)
    for (let i = 0; i < 5000; i += 499) {
      expect(yaml.valuePosition([`k${i}`])).toEqual({ line: i + 2, column: `k${i}: `.length + 1 })
    }
  })
})

describe('splitFrontmatter agrees with remark-frontmatter', () => {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze()
  const LINES = [
    '---',
    '--- ',
    '---\t',
    '----',
    ' ---',
    '...',
    'a: 1',
    'b: [x]',
    '',
    '  - y',
    '# T',
    'text ---',
  ]

  it('finds a frontmatter block exactly where remark-frontmatter does, with the same YAML', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LINES), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (lines, eol, bom) => {
          const text = (bom ? '\ufeff' : '') + lines.join(eol)
          const split = splitFrontmatter(text)
          const first = processor.parse(text.replace(/^\ufeff/, '')).children[0]
          // Line endings aside (remark keeps CRs inside the value; positions count LFs either way).
          const remarkSees =
            first?.type === 'yaml' ? (first as { value: string }).value.replace(/\r/g, '') : undefined
          if ('present' in split && split.present) {
            expect(remarkSees).toBe(split.yamlText.replace(/\r/g, ''))
          } else {
            expect(remarkSees).toBeUndefined()
          }
        },
      ),
      { seed: 20261126, numRuns: 3000 },
    )
  })
})
