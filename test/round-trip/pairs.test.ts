import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type AgentDocument,
  emitDocument,
  FEATURES,
  featureValue,
  normalize,
  parseFile,
  resolveOutputs,
  type Target,
} from '@agentc/core'
import { builtinRegistry, builtinTargets, opencode } from '@agentc/targets'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const EXAMPLES = ['code-reviewer', 'release-manager', 'test-writer'].map((name) => ({
  path: `.opencode/agents/${name}.md`,
  text: readFileSync(join(ROOT, 'examples/agents', `${name}.md`), 'utf8'),
}))

/** Emits a document with a target and reads back the document of the same name. */
function through(target: Target, doc: AgentDocument): AgentDocument {
  const emitted = emitDocument(target, doc)
  expect(emitted.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const files = resolveOutputs(emitted.value ?? [], () => undefined).value ?? []
  const file = files.find((f) => builtinRegistry().detect(f.path) === target) ?? files[0]!
  const parsed = parseFile(target, { path: file.path, text: file.contents })
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const docs = parsed.value ?? []
  return docs.find((d) => d.name === doc.name) ?? docs[0]!
}

describe.each(builtinTargets.map((a) => [a.id, a] as const))('A → B → A with A = %s', (_a, a) => {
  it.each(builtinTargets.filter((b) => b !== a).map((b) => [b.id, b] as const))(
    'B = %s keeps every field both hold fully',
    (_b, b) => {
      for (const example of EXAMPLES) {
        const [source] = parseFile(opencode, example).value!
        const inA = normalize(through(a, source!))
        const back = normalize(through(a, through(b, inA)))
        for (const feature of FEATURES) {
          if (a.capabilities[feature] !== 'full' || b.capabilities[feature] !== 'full') continue
          if (feature === 'name') continue // names may be sanitised by either side, with AGC207
          // When B cannot hold A's activation kind fully (Cline has no agent-decided rules), B's
          // reported approximation may land on another kind: the activation is not one both hold.
          // A rule target makes a document without one (an agent) agent-decided.
          const kind = inA.activation
            ? (`activation.${inA.activation.kind}` as const)
            : b.kind === 'rule'
              ? 'activation.model-decision'
              : undefined
          if (feature.startsWith('activation.') && kind && b.capabilities[kind] !== 'full') continue
          expect(featureValue(back, feature), `${example.path}: ${feature}`).toEqual(
            featureValue(inA, feature),
          )
        }
        expect(back.body.text, `${example.path}: body`).toBe(inA.body.text)
      }
    },
  )
})
