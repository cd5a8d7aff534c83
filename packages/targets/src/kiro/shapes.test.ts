import { emitDocument, parseFile } from '@agentc/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kiro } from './index'

const arbJson = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record(
      {
        name: fc.oneof(fc.string(), fc.integer()),
        tools: fc.oneof(
          fc.array(fc.constantFrom('fs_read', '*', '@builtin', '@x/y', 'read', 'shell', 'zz')),
          fc.string(),
        ),
        allowedTools: fc.array(fc.constantFrom('fs_read', '@git', 'knowledge', 'fs_*', 'web')),
        toolsSettings: fc.dictionary(
          fc.constantFrom('shell', 'fs_read', 'fs_write', 'web_fetch', 'execute_bash', 'x'),
          fc.dictionary(
            fc.constantFrom(
              'allowedCommands',
              'deniedCommands',
              'denyByDefault',
              'allowedPaths',
              'deniedPaths',
              'trusted',
              'blocked',
            ),
            fc.oneof(
              fc.boolean(),
              fc.array(fc.constantFrom('a.*', '(x|y)', 'src/', '~/t', '**/*.md', '.*', 'b\\.c', '[', '*')),
            ),
          ),
        ),
        permissions: fc.array(
          fc.record(
            {
              capability: fc.constantFrom(
                'shell',
                'fs_read',
                'fs_write',
                'mcp',
                'all',
                'builtin',
                'filesystem',
                'aws',
              ),
              effect: fc.constantFrom('allow', 'ask', 'deny'),
              match: fc.array(fc.constantFrom('*', 'git *', 'src/**', '**/*.ts', 'gh/*', '**/.env', 'a/b')),
              exclude: fc.array(fc.constantFrom('*', 'git push*', 'src/gen/**', 'gh/x')),
            },
            { requiredKeys: ['capability', 'effect'] },
          ),
        ),
        prompt: fc.string(),
        useLegacyMcpJson: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o, null, 2)),
)

/**
 * Kiro agents as people write them (JSON, every capability, overlapping rules with exclusions,
 * legacy settings): parsing never crashes, and what a changed agent is written as reads back to
 * what is written again (a fixpoint), however the rules overlap.
 */
describe('kiro agents of any shape', () => {
  it('never crash, and a changed agent is written as a fixpoint', () => {
    fc.assert(
      fc.property(arbJson, (text) => {
        const r = parseFile(kiro, { path: '.kiro/agents/x.json', text })
        expect(r.diagnostics.filter((d) => d.code === 'AGC901')).toEqual([])
        for (const doc of r.value ?? []) {
          const e = emitDocument(kiro, { ...doc, description: 'changed' })
          expect(e.diagnostics.filter((d) => d.code === 'AGC901')).toEqual([])
          const back = parseFile(kiro, { path: e.value![0]!.path, text: e.value![0]!.contents })
          expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
          const { source: _s, ...rest } = back.value![0]!
          const again = emitDocument(kiro, rest)
          expect(again.value![0]!.contents).toBe(e.value![0]!.contents)
        }
      }),
      { numRuns: 500 },
    )
  })
})
