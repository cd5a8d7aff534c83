import { parseYamlFrontmatter, type SourceFile, type TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { readMarkdownFile } from './markdown-file'
import {
  locateYamlProblem,
  type Tolerance,
  tolerate,
  VS_CODE_YAML,
  yamlProblemMessage,
} from './tolerant-yaml'

function read(text: string, tolerance: Tolerance | 'none' = VS_CODE_YAML) {
  const reports: string[] = []
  const ctx: TargetContext = {
    report: (code, message, where) => reports.push(`${code} ${where?.line}:${where?.column} ${message}`),
    options: {},
  }
  const file: SourceFile = { path: 'x.md', text }
  const md = readMarkdownFile(file, ctx, true, tolerance === 'none' ? undefined : tolerance)
  return { md, reports }
}

describe('tolerate', () => {
  it('moves a tab-indented key to column 1 and comments out the ignored repeat with its value', () => {
    const text = 'name: a\n\tmode: b\ntools:\n  - x\nname: c\ntools:\n  - y\n  - z\nend: 1'
    const out = tolerate(text, 2, { tool: 'T', tabIndentedKeys: 'anywhere', duplicateKeys: 'first' })
    expect(out.text).toBe('name: a\nmode: b\t\ntools:\n  - x\n#ame: c\n#ools:\n# - y\n# - z\nend: 1')
    expect(out.tolerated).toEqual([
      { kind: 'tab-key', key: 'mode', line: 3, column: 2 },
      { kind: 'duplicate', key: 'name', line: 6, column: 1, kept: 2 },
      { kind: 'duplicate', key: 'tools', line: 7, column: 1, kept: 4 },
    ])
    expect(out.shifts).toEqual(new Map([[3, 1]]))
  })

  it('VS Code: a tab-indented key right after a key without a value is nested, so it is left to YAML', () => {
    const out = tolerate('permission:\n\tedit: deny', 2, VS_CODE_YAML)
    expect(out.tolerated).toEqual([])
  })

  it('keeps the last of a repeated key when the tool does, and CRLF line ends', () => {
    const out = tolerate('a: 1\r\na: 2\r\n', 2, { tool: 'T', duplicateKeys: 'last' })
    expect(out.text).toBe('#: 1\r\na: 2\r\n')
  })
})

describe('readMarkdownFile with a tolerance', () => {
  it('reads what the tool reads and reports it at the original positions', () => {
    const { md, reports } = read('---\nname: A\n\tflavour: mint\nname: B\n---\nBody\n')
    expect(md?.yaml.data).toEqual({ name: 'A', flavour: 'mint' })
    expect(md?.yaml.keyPosition(['flavour'])).toEqual({ line: 3, column: 2 })
    expect(reports).toEqual([
      expect.stringMatching(/^AGC004 3:2 `flavour` is indented with a tab/),
      expect.stringMatching(/^AGC104 4:1 `name` is written twice; VS Code uses the one on line 2/),
    ])
  })

  it('reports the strict error, named after its key, when the tolerance does not make it readable', () => {
    const { md, reports } = read('---\nname: A\nname: B\nlist:\n  - a\n - b\n---\nBody\n')
    expect(md).toBeUndefined()
    expect(reports).toEqual([
      expect.stringMatching(/^AGC002 3:1 The frontmatter is not valid YAML at `name`: /),
    ])
  })

  it('without a tolerance, a repeated key is an error', () => {
    const { md, reports } = read('---\nname: A\nname: B\n---\nBody\n', 'none')
    expect(md).toBeUndefined()
    expect(reports).toEqual([expect.stringMatching(/^AGC002 3:1 .*at `name`: Map keys must be unique/)])
  })
})

describe('locateYamlProblem', () => {
  it('keeps the position of an unresolved alias (the `*`) and names its key', () => {
    const yamlText = 'description: d\nglobs: src/*.ts, *.md\nfileMatchPattern: *.md'
    const problem = parseYamlFrontmatter({ present: true, yamlText, yamlLine: 2, body: '', bodyLine: 5 })
    expect('code' in problem && problem.line).toBe(4)
    expect(
      locateYamlProblem(yamlText, 2, problem as { message: string; line: number; column: number }),
    ).toEqual({
      line: 4,
      column: 19,
      key: 'fileMatchPattern',
    })
  })

  it('names the key in the message and drops JS error names', () => {
    expect(
      yamlProblemMessage('The frontmatter is not valid YAML: ReferenceError: Unresolved alias: x.', 'globs'),
    ).toBe('The frontmatter is not valid YAML at `globs`: Unresolved alias: x.')
    expect(yamlProblemMessage('Something else.', 'globs')).toBe('Something else.')
  })
})
