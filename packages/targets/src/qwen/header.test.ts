import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { readQwenFile } from './header'

function read(text: string) {
  const reports: string[] = []
  const ctx: TargetContext = {
    report: (code, message, where) => reports.push(`${code} ${where?.line}:${where?.column} ${message}`),
    options: {},
  }
  const md = readQwenFile({ path: '.qwen/agents/a.md', text }, ctx)
  return { md, reports }
}

describe("Qwen Code's frontmatter reader", () => {
  it('reads valid YAML as YAML', () => {
    const { md, reports } = read('---\nname: a\ntools: [read_file, grep_search]\n---\nBody text here\n')
    expect(md?.yaml.data).toEqual({ name: 'a', tools: ['read_file', 'grep_search'] })
    expect(reports).toEqual([])
  })

  it('falls back to the simple line reader when YAML refuses the header, as Qwen Code does', () => {
    const text = [
      '---',
      'name: a',
      'description: *starts with a star',
      '\tcolor: blue',
      'tools: [read_file, grep_search]',
      'disallowedTools:',
      '  - run_shell_command',
      'runConfig:',
      '  max_turns: 5',
      'description: second: with a colon',
      'maxTurns: "7"',
      '---',
      'Body text here',
    ].join('\n')
    const { md, reports } = read(text)
    expect(md?.yaml.data).toEqual({
      name: 'a',
      description: 'second: with a colon',
      color: 'blue',
      // The simple reader has no flow lists: the text stays text.
      tools: '[read_file, grep_search]',
      disallowedTools: ['run_shell_command'],
      runConfig: { max_turns: 5 },
      maxTurns: '7',
    })
    expect(md?.yaml.keyPosition(['color'])).toEqual({ line: 4, column: 2 })
    expect(md?.yaml.valuePosition(['maxTurns'])).toEqual({ line: 11, column: 11 })
    expect(md?.yaml.keyPosition(['runConfig', 'max_turns'])).toEqual({ line: 8, column: 1 })
    expect(reports).toEqual([
      expect.stringMatching(
        /^AGC004 3:22 The frontmatter is not valid YAML at `description`: .*simple `key: value` reader/,
      ),
      expect.stringMatching(/^AGC104 3:1 `description` is written twice; Qwen Code uses the one on line 10/),
    ])
  })

  it('needs exact fences and a line break after the closing one', () => {
    expect(read('---  \nname: a\n---\nBody text here\n').reports).toEqual([
      expect.stringMatching(/^AGC101 1:4 .*the first line has more after `---`/),
    ])
    expect(read('---\nname: a\n---').reports).toEqual([
      expect.stringMatching(/^AGC101 3:4 .*without a line break/),
    ])
    expect(read('---\nname: a\n--- \nBody text here\n').reports).toEqual([
      expect.stringMatching(/^AGC101 3:4 .*the closing line has more after `---`/),
    ])
    expect(read('---\n---\nBody text here\n').reports).toEqual([
      expect.stringMatching(/^AGC101 2:1 .*no line between the fences/),
    ])
  })

  it('reads a byte-order mark and CRLF line ends as Qwen Code does, after normalising them', () => {
    const { md, reports } = read('\ufeff---\r\nname: a\r\n---\r\nBody text here\r\n')
    expect(md?.yaml.data).toEqual({ name: 'a' })
    expect(reports).toEqual([])
  })
})
