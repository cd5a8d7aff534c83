import fc from 'fast-check'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { endedEarly, readToml, tomlEntry, tomlMultiline } from './toml'

/**
 * The escaping of tomlMultiline spelled out a character at a time, as the test's oracle: a quote
 * run is escaped whole when it is three or more long or ends the text (it would merge with the
 * closing delimiter: TOML reads that, other readers may not), backslashes and controls other than
 * tab and LF are escaped.
 */
function oneByOne(value: string): string {
  let out = ''
  for (let i = 0; i < value.length; ) {
    if (value[i] === '"') {
      let run = 0
      while (value[i + run] === '"') run++
      out += run >= 3 || i + run === value.length ? '\\"'.repeat(run) : '"'.repeat(run)
      i += run
      continue
    }
    const c = value[i++]!
    const code = c.charCodeAt(0)
    if (c === '\\') out += '\\\\'
    else if (c === '\n' || c === '\t' || (code >= 0x20 && code !== 0x7f)) out += c
    else if (c === '\r') out += '\\r'
    else if (c === '\b') out += '\\b'
    else if (c === '\f') out += '\\f'
    else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
  }
  return `"""\n${out}"""`
}

describe('tomlMultiline', () => {
  const tricky = [
    'plain text\n',
    'no final newline',
    '\nstarts with a blank line\n',
    'a lone " and "" stay as they are\n',
    'three """ quotes, four """" quotes\n',
    'ends with a quote"',
    'ends with two quotes""',
    'backslash \\ and \\n and C:\\temp\\\n',
    'tab\tand control \u0001\u001f\u007f and CR \r alone',
    'unicode ünï 日本 🚀 \u2028 \u0085\n',
    '"',
    '""""""',
  ]
  it.each(tricky)('reads back exactly: %j', (text) => {
    const toml = `x = ${tomlMultiline(text)}\n`
    expect(parse(toml).x).toBe(text)
  })

  it('reads back exactly whatever the text (seeded property)', () => {
    // Text rich in what the string must escape: quote runs, backslashes, controls, lone surrogates.
    const piece = fc.oneof(
      fc.constantFrom(
        '"',
        '""',
        '"""',
        '\\',
        '\n',
        '\t',
        '\r',
        '\u0000',
        '\u007f',
        '\ud800',
        '\udc00',
        'a',
        ' ',
        '日',
      ),
      fc.string({ maxLength: 4 }),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        // What TOML reads: the text with each lone surrogate as U+FFFD.
        const wellFormed = text.replace(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
          '\ufffd',
        )
        expect(parse(`x = ${tomlMultiline(text)}\n`).x).toBe(wellFormed)
        expect(tomlMultiline(text)).toBe(oneByOne(wellFormed))
      }),
      { seed: 0x70311, numRuns: 2000 },
    )
  })

  it('keeps ordinary quotes readable', () => {
    expect(tomlMultiline('Say "hi".\n')).toBe('"""\nSay "hi".\n"""')
    expect(tomlMultiline('a """ b')).toBe('"""\na \\"\\"\\" b"""')
  })
})

describe('tomlEntry', () => {
  it('writes values inline and tables as sections, values before sub-tables', () => {
    expect(tomlEntry('nickname_candidates', ['A', 'B'])).toBe('nickname_candidates = ["A", "B"]')
    expect(tomlEntry('weird key', 1.5)).toBe('"weird key" = 1.5')
    expect(tomlEntry('mcp_servers', { gh: { command: 'npx', env: { TOKEN: 'x' }, args: ['-y'] } })).toBe(
      '[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y"]\n\n[mcp_servers.gh.env]\nTOKEN = "x"',
    )
    expect(
      tomlEntry('skills', {
        config: [
          { path: '/a', enabled: true },
          { name: 'b', enabled: false },
        ],
      }),
    ).toBe('[[skills.config]]\npath = "/a"\nenabled = true\n\n[[skills.config]]\nname = "b"\nenabled = false')
    expect(tomlEntry('mixed', [1, { a: 2 }])).toBe('mixed = [1, { a = 2 }]')
  })

  it('writes what TOML reads back', () => {
    const value = { a: { b: [1, 2], c: { 'd.e': 'x' }, f: [{ g: 1 }] }, h: true }
    const text = Object.entries(value)
      .sort(([, x]) => (typeof x === 'object' ? 1 : -1))
      .map(([k, v]) => tomlEntry(k, v))
      .join('\n\n')
    expect(parse(text)).toEqual(value)
  })
})

describe('readToml', () => {
  it('records key and value positions: plain, quoted, dotted keys and table headers', () => {
    const text = [
      'name = "x"',
      '"quoted key" = 1',
      'features.shell_tool = false',
      'developer_instructions = """',
      'not = "a key"',
      '"""',
      '',
      '[mcp_servers.gh]',
      '  enabled = false # comment',
      'args = [',
      '  "a", # a comment [',
      ']',
      '[[skills.config]]',
      'path = "/p"',
    ].join('\n')
    const toml = readToml(text)
    if ('message' in toml) throw new Error(toml.message)
    expect(toml.keyPosition(['name'])).toEqual({ line: 1, column: 1 })
    expect(toml.keyPosition(['quoted key'])).toEqual({ line: 2, column: 1 })
    expect(toml.keyPosition(['features', 'shell_tool'])).toEqual({ line: 3, column: 1 })
    expect(toml.keyPosition(['features'])).toEqual({ line: 3, column: 1 })
    expect(toml.keyPosition(['not'])).toBeUndefined()
    expect(toml.keyPosition(['mcp_servers'])).toEqual({ line: 8, column: 1 })
    expect(toml.keyPosition(['mcp_servers', 'gh', 'enabled'])).toEqual({ line: 9, column: 3 })
    expect(toml.valuePosition(['mcp_servers', 'gh', 'enabled'])).toEqual({ line: 9, column: 13 })
    expect(toml.valuePosition(['mcp_servers', 'gh', 'args', 1])).toEqual({ line: 10, column: 8 })
    expect(toml.keyPosition(['skills', 'config', 'path'])).toEqual({ line: 14, column: 1 })
  })

  it('reads a BOM and CRLF, and makes plain data of tables and datetimes', () => {
    const toml = readToml('\ufeffa = 1\r\n[t]\r\nwhen = 1979-05-27T07:32:00Z\r\n')
    if ('message' in toml) throw new Error(toml.message)
    expect(toml.data).toEqual({ a: 1, t: { when: '1979-05-27T07:32:00.000Z' } })
    expect(Object.getPrototypeOf(toml.data.t)).toBe(Object.prototype)
  })

  it('keeps a __proto__ key as an ordinary key', () => {
    const toml = readToml('[t]\n__proto__ = 1\n')
    if ('message' in toml) throw new Error(toml.message)
    expect(Object.keys(toml.data.t as object)).toEqual(['__proto__'])
  })

  it('reports syntax errors with a position', () => {
    expect(readToml('a = 1\nb = \n')).toMatchObject({ line: 2, column: 5 })
    expect(readToml('a = 1\na = 2\n')).toMatchObject({ line: 2 })
  })
})

describe('endedEarly', () => {
  it('finds the multi-line string a stray """ closed', () => {
    const text = 'd = """\nTemplate:\n"""\n# Title\n"""\nmore\n"""\n'
    expect(endedEarly(text, 5)).toEqual({ opened: 1, closed: 3 })
  })

  it('says nothing when a key follows the string', () => {
    const text = 'd = """\nx\n"""\nname = "a"\nbad line\n'
    expect(endedEarly(text, 5)).toBeUndefined()
  })
})
