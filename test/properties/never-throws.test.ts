import { parseFile } from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { configureProperties } from './arbitraries'

configureProperties()

/** Lines that look like frontmatter, YAML, or the targets' keys, and ones that break them. */
const arbLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '---',
    '--- ',
    '---\t',
    '...',
    '',
    ' ',
    'name: fuzz',
    'description: Use when: asked',
    'description: * star',
    'description: "unterminated',
    "description: 'it''s'",
    'description: |',
    '  block text',
    'description:',
    'mode: subagent',
    'mode: boss',
    'model: anthropic/claude-sonnet-4-5',
    'model: {env:MODEL}',
    'temperature: hot',
    'temperature: 0.3',
    'top_p: 7',
    'steps: -1',
    'maxTurns: 2.5',
    'color: "#ff0000"',
    'color: blue',
    'tools: Read, Bash(git *), mcp__gh__issue',
    'tools:',
    '  write: false',
    '  "*": false',
    'disallowedTools: [Write',
    'permission:',
    '  bash:',
    '    "git *": allow',
    '    "*": maybe',
    '  edit: deny',
    'permission: ask',
    'globs: *.ts, src/**',
    'globs: [a, b]',
    'alwaysApply: true',
    'alwaysApply: "yes"',
    '- item',
    '  - item',
    '\tkey: tab',
    'key:\tvalue',
    '? complex',
    '&anchor a: 1',
    'a: &x [1, 2]',
    'b: *x',
    'c: *missing',
    '!!binary x: y',
    '%YAML 1.2',
    '# comment',
    'key: value # comment',
    'dup: 1',
    'dup: 2',
    '[',
    '{',
    '}',
    '"',
    '\ufeff',
    '\u2028',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
)

/** Text built from those lines, with LF, CRLF or lone CR breaks and an optional BOM. */
const arbFrontmatterText: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.array(arbLine, { maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([bom, lines, eol, final]) => (bom ? '\ufeff' : '') + lines.join(eol) + (final ? eol : ''))

const arbText = fc.oneof(
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 4, arbitrary: arbFrontmatterText },
)

/**
 * Parsing never throws and never hits an internal error (AGC901), whatever the text; every
 * diagnostic with a position points inside the text.
 */
describe.each(builtinTargets.map((t) => [t.id, t] as const))('parsing anything as %s', (_id, target) => {
  const path = target.layout.pathFor({ irVersion: 1, name: 'fuzz', extensions: {}, body: { text: '' } })
  it('never throws, never reports AGC901, and positions diagnostics inside the text', () => {
    fc.assert(
      fc.property(arbText, (text) => {
        const result = parseFile(target, { path, text })
        const lines = text.split(/\r\n|\r|\n/).length
        for (const d of result.diagnostics) {
          expect(d.code, `${d.message}\n${d.note ?? ''}`).not.toBe('AGC901')
          if (d.line !== undefined) {
            expect(d.line, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(1)
            expect(d.line, `${d.code} ${d.message}`).toBeLessThanOrEqual(lines)
          }
          if (d.column !== undefined) expect(d.column, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(1)
        }
      }),
    )
  })
})
