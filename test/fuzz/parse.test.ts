/**
 * The parsing side of the fuzz campaign. Every target reads:
 * - (a) arbitrary text, at every kind of path it owns (odd file names included);
 * - (b) structured documents: YAML frontmatter in random styles for the targets that read
 *   markdown, and TOML, JSON and YAML documents of the right shape and of wrong shapes for the
 *   targets whose files are not markdown (Codex `.toml`, Kiro `.json`, Roo Code `.roomodes` and
 *   `custom_modes.yaml`), hostile ones included (deep, wide, long, alias bombs).
 * Each file is parsed, then its documents are emitted by one other target (as `convert` does):
 * nothing throws, nothing is an internal error, every diagnostic points inside the file and every
 * error has a position, every document read is valid IR, every output is safe and LF-only.
 */
import { builtinTargets } from '@agentc/targets'
import fc from 'fast-check'
import { describe } from 'vitest'
import { arbBodyText } from '../properties/arbitraries'
import {
  arbDocumentFor,
  arbHostileJson,
  arbHostileToml,
  arbHostileYaml,
  arbRooMode,
  renderFrontmatterFile,
  renderJson,
  renderToml,
  renderYaml,
  type Value,
} from './documents'
import { arbPath, byId, checkedConvert, examplePaths, fuzzIt } from './harness'
import { arbText } from './text'

const FILE = 'parse.test.ts'
const arbTo = fc.constantFrom(...builtinTargets.map((t) => t.id))
const arbSeed = fc.integer()
const MARKDOWN = /\.(md|mdc|mdx|txt)$/

describe('(a) arbitrary text', () => {
  for (const target of builtinTargets) {
    fuzzIt(
      FILE,
      'text',
      target.id,
      { quick: 40, long: 20_000 },
      fc.record({ path: arbPath(target), text: arbText, to: arbTo }),
      ({ path, text, to }) => {
        checkedConvert(target, byId(to), { path, text })
      },
    )
  }
})

describe('(b) YAML frontmatter', () => {
  for (const target of builtinTargets) {
    if (!examplePaths(target).some((p) => MARKDOWN.test(p))) continue
    const arbFile = fc.oneof(
      {
        weight: 20,
        arbitrary: fc
          .tuple(arbDocumentFor(target.id), arbBodyText, arbSeed)
          .map(([doc, body, seed]) => renderFrontmatterFile(doc, body, seed)),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(arbHostileYaml, arbBodyText).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
      },
    )
    fuzzIt(
      FILE,
      'yaml frontmatter',
      target.id,
      { quick: 25, long: 9_000 },
      fc.record({ path: arbPath(target).filter((p) => MARKDOWN.test(p)), text: arbFile, to: arbTo }),
      ({ path, text, to }) => {
        checkedConvert(target, byId(to), { path, text })
      },
    )
  }
})

/** Files in each non-markdown format, by target. */
const NATIVE: Record<string, fc.Arbitrary<{ path: string; text: string }>> = {
  codex: fc.oneof(
    {
      weight: 20,
      arbitrary: fc
        .tuple(arbDocumentFor('codex'), arbSeed)
        .map(([doc, seed]) => ({ path: '.codex/agents/fuzz.toml', text: renderToml(doc, seed) })),
    },
    { weight: 1, arbitrary: arbHostileToml.map((text) => ({ path: '.codex/agents/fuzz.toml', text })) },
  ),
  kiro: fc.oneof(
    {
      weight: 20,
      arbitrary: fc
        .tuple(arbDocumentFor('kiro'), arbSeed)
        .map(([doc, seed]) => ({ path: '.kiro/agents/fuzz.json', text: renderJson(doc, seed) })),
    },
    { weight: 1, arbitrary: arbHostileJson.map((text) => ({ path: '.kiro/agents/fuzz.json', text })) },
  ),
  roo: fc.oneof(
    {
      weight: 20,
      arbitrary: fc
        .tuple(
          fc.oneof(
            {
              weight: 8,
              arbitrary: fc
                .array(arbRooMode(), { maxLength: 3 })
                .map((modes): Value => ({ customModes: modes })),
            },
            { weight: 1, arbitrary: arbRooMode() },
            { weight: 1, arbitrary: arbDocumentFor('roo') },
          ),
          fc.constantFrom('.roomodes', 'custom_modes.yaml', 'deep/.roomodes'),
          fc.boolean(),
          arbSeed,
        )
        .map(([doc, path, json, seed]) => {
          const map = (
            doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? doc : { customModes: [doc] }
          ) as { [key: string]: Value }
          return { path, text: json ? renderJson(map, seed) : renderYaml(map, seed) }
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(arbHostileJson, arbHostileYaml), fc.constantFrom('.roomodes', 'custom_modes.yaml'))
        .map(([text, path]) => ({ path, text })),
    },
  ),
}

describe('(b) documents in their own syntax', () => {
  for (const [id, arbFile] of Object.entries(NATIVE)) {
    const target = byId(id)
    fuzzIt(
      FILE,
      'native document',
      id,
      { quick: 60, long: 25_000 },
      fc.record({ file: arbFile, to: arbTo }),
      ({ file, to }) => {
        checkedConvert(target, byId(to), file)
      },
    )
  }
})
