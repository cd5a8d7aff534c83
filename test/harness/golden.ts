import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import {
  type AgentDocument,
  emitDocument,
  formatDiagnostics,
  normalize,
  type PipelineOptions,
  parseFile,
  resolveOutputs,
  sortDiagnostics,
  type Target,
} from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import { describe, expect, it } from 'vitest'

/** Optional settings of a golden case (`case.json`). */
interface CaseConfig {
  /** Format of the input (default: detected from its path). */
  readonly from?: string
  /** Target options passed to parse and emit. */
  readonly options?: PipelineOptions['targetOptions']
  /** Why the case exists (documentation only). */
  readonly about?: string
}

function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(full)
    }
  }
  walk(dir)
  return out
}

const posix = (path: string) => path.split(sep).join('/')

/**
 * Runs every case folder below `dir` against `targetId`. A case holds `in/<path>` (one input
 * file at the path the tool would read it from), optional `case.json`, and the reviewed
 * expectations: `ir.json` (normalised IR), `out/**` (emitted files) and `diagnostics.txt`.
 * Update expectations with `vitest -u`, then review the diff.
 */
export function runGoldenDir(dir: string, targetId: string): void {
  const registry = builtinRegistry()
  const target = registry.get(targetId)!
  for (const name of readdirSync(dir).sort()) {
    const caseDir = join(dir, name)
    if (!statSync(caseDir).isDirectory()) continue
    describe(`${targetId}/${name}`, () => {
      const config: CaseConfig = existsJson(join(caseDir, 'case.json')) ?? {}
      const inputs = listFiles(join(caseDir, 'in'))
      expect(inputs).toHaveLength(1)
      const inputPath = posix(relative(join(caseDir, 'in'), inputs[0]!))
      const text = readFileSync(inputs[0]!, 'utf8')
      const from: Target = config.from
        ? registry.get(config.from)!
        : (registry.detect(inputPath) ?? registry.get('opencode')!)
      const options: PipelineOptions = config.options ? { targetOptions: config.options } : {}
      const parsed = parseFile(from, { path: inputPath, text }, options)
      const docs = parsed.value ?? []
      const emitted = docs.map((doc) => emitDocument(target, doc, options))
      // Outputs that share a file (AGENTS.md sections, settings rules) are folded as the CLI does.
      const files =
        resolveOutputs(
          emitted.flatMap((e) => e.value ?? []),
          () => undefined,
        ).value ?? []

      it('parses to the expected IR', async () => {
        await expect(`${JSON.stringify(docs.map(normalize), null, 2)}\n`).toMatchFileSnapshot(
          join(caseDir, 'ir.json'),
        )
      })

      it('emits the expected files', async () => {
        const expectedDir = join(caseDir, 'out')
        const expected = safeList(expectedDir).map((f) => posix(relative(expectedDir, f)))
        for (const file of files) {
          await expect(file.contents).toMatchFileSnapshot(join(expectedDir, file.path))
        }
        if (expected.length > 0) expect(files.map((f) => f.path).sort()).toEqual(expected.sort())
      })

      it('reports the expected diagnostics', async () => {
        const all = sortDiagnostics([...parsed.diagnostics, ...emitted.flatMap((e) => e.diagnostics)])
        await expect(formatDiagnostics(all)).toMatchFileSnapshot(join(caseDir, 'diagnostics.txt'))
      })

      it('is a fixpoint: emitting what it emitted gives the same bytes', () => {
        for (const doc of docs) {
          const first = emitDocument(target, withoutRaw(doc), options).value ?? []
          for (const file of first.filter((f) => registry.detect(f.path) === target)) {
            const again = parseFile(target, { path: file.path, text: file.contents }, options)
            expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
            const [reparsed] = again.value ?? []
            const second = emitDocument(target, withoutRaw(reparsed!), options).value ?? []
            expect(second.find((f) => f.path === file.path)?.contents).toBe(file.contents)
          }
        }
      })

      it('reads CRLF and BOM variants of the input to the same IR', () => {
        const variants = [text.replace(/\r?\n/g, '\r\n'), `\ufeff${text}`]
        for (const variant of variants) {
          const again = parseFile(from, { path: inputPath, text: variant }, options)
          expect((again.value ?? []).map(normalize)).toEqual(docs.map(normalize))
        }
      })
    })
  }
}

/** The document without its original text, so that emitting it goes through the emitter proper. */
export function withoutRaw(doc: AgentDocument): AgentDocument {
  if (!doc.source) return doc
  const { raw: _raw, ...source } = doc.source
  return { ...doc, source }
}

function existsJson(path: string): CaseConfig | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CaseConfig
  } catch {
    return undefined
  }
}

function safeList(dir: string): string[] {
  try {
    return listFiles(dir)
  } catch {
    return []
  }
}
