/**
 * `@agentc/core` and `@agentc/targets` run in a browser: bundled by esbuild for the browser
 * platform they import no Node built-in (directly or through a dependency) and touch no Node
 * global outside a `typeof` guard, and the bundle, loaded in a JavaScript context that has none
 * of Node's globals (no `require`, `process`, `Buffer`), converts the seed agent exactly as the
 * packages do in Node.
 *
 * The bundle that runs is built for a Web Worker (the `worker` export condition): the strictest
 * browser context, with no DOM either. (For a page, one dependency of the markdown parser,
 * `decode-named-character-reference`, picks a variant that decodes entities with `document`; a
 * page has one, so the page build is only checked for Node built-ins.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { createContext, runInContext } from 'node:vm'
import * as targetsApi from '@agentc/targets'
import { type BuildOptions, build, type Plugin } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const SEED = join(ROOT, '../shared/seed/backend-engineer.md')

/** The agents converted in the bundle: the seed when `../shared` is there, else the examples. */
const AGENTS: { path: string; text: string }[] = existsSync(SEED)
  ? [{ path: 'agents/backend-engineer.md', text: readFileSync(SEED, 'utf8') }]
  : readdirSync(join(ROOT, 'examples/agents'))
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => ({
        path: `agents/${name}`,
        text: readFileSync(join(ROOT, 'examples/agents', name), 'utf8'),
      }))

const TO = ['claude', 'cursor', 'copilot'] as const

/** Globals Node has and browsers do not. */
const NODE_GLOBALS = [
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'setImmediate',
  'clearImmediate',
]

const ENTRY = "export * as core from '@agentc/core'\nexport * as targets from '@agentc/targets'\n"

/** The browser build; `worker` adds the Web Worker export condition. */
function options(extra: Omit<BuildOptions, 'write'> = {}, worker = true): BuildOptions & { write: false } {
  return {
    stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'agentcBundle',
    target: 'es2022',
    conditions: worker ? ['worker', 'agentc-source'] : ['agentc-source'],
    legalComments: 'none',
    logLevel: 'silent',
    ...extra,
    write: false,
  }
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))

/** Records every import of a Node built-in (and keeps it external, so the build lists them all). */
function builtinImports(found: string[]): Plugin {
  return {
    name: 'node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const base = args.path.replace(/\/.*$/, '')
        if (!builtins.has(args.path) && !builtins.has(base) && !args.path.startsWith('node:'))
          return undefined
        found.push(`${args.path} (imported by ${args.importer.replace(`${ROOT}/`, '')})`)
        return { path: args.path, external: true }
      })
    },
  }
}

let bundle = ''
const imported: string[] = []

beforeAll(async () => {
  const result = await build(options({ plugins: [builtinImports(imported)] }))
  expect(result.errors).toEqual([])
  bundle = result.outputFiles[0]!.text
  const page = await build(options({ plugins: [builtinImports(imported)] }, false))
  expect(page.errors).toEqual([])
})

describe('the browser bundle of @agentc/core and @agentc/targets', () => {
  it('imports no Node built-in, directly or through a dependency (worker and page builds)', () => {
    expect(bundle.length).toBeGreaterThan(10_000)
    expect(imported).toEqual([])
  })

  it('uses no Node global except behind a typeof guard', async () => {
    // esbuild's `define` replaces only free references, so every marker left is a real use of
    // the global (not a local variable or a method of the same name).
    const define = Object.fromEntries(NODE_GLOBALS.map((name) => [name, `__NODE_GLOBAL_${name}__`]))
    const result = await build(options({ define, minifyWhitespace: true }))
    const text = result.outputFiles[0]!.text
    const unguarded: string[] = []
    for (const m of text.matchAll(/__NODE_GLOBAL_(\w+?)__/g)) {
      const before = text.slice(Math.max(0, m.index - 200), m.index)
      if (before.endsWith('typeof ') || before.includes(`typeof ${m[0]}`)) continue
      unguarded.push(`${m[1]}: …${text.slice(Math.max(0, m.index - 80), m.index + 40)}…`)
    }
    expect(unguarded).toEqual([])
  })

  it('converts the seed in a context without Node globals, as the packages do in Node', () => {
    const context = createContext({})
    runInContext(bundle, context, { filename: 'agentc-browser.js' })
    const globals = runInContext(
      `JSON.stringify([${[...NODE_GLOBALS, 'require', 'module'].map((n) => `typeof ${n}`).join(', ')}])`,
      context,
    ) as string
    expect(JSON.parse(globals)).toEqual([...NODE_GLOBALS, 'require', 'module'].map(() => 'undefined'))
    context.input = JSON.stringify({ agents: AGENTS, to: TO })
    const inBundle = JSON.parse(
      runInContext(
        `(() => {
          const { agents, to } = JSON.parse(input)
          const api = agentcBundle.targets
          return JSON.stringify({
            targets: api.targets(),
            results: agents.map((agent) => to.map((id) => {
              const result = api.convert(agent.text, { from: 'opencode', to: id, path: agent.path })
              const sources = new Map([[agent.path, agent.text]])
              return { ...result, formatted: api.formatDiagnostics(result.diagnostics, { sources }) }
            })),
            parsed: agents.map((agent) => agentcBundle.core.parseFile(api.builtinTargets[0], agent).value),
          })
        })()`,
        context,
      ) as string,
    )
    const inNode = {
      targets: targetsApi.targets(),
      results: AGENTS.map((agent) =>
        TO.map((id) => {
          const result = targetsApi.convert(agent.text, { from: 'opencode', to: id, path: agent.path })
          const sources = new Map([[agent.path, agent.text]])
          return { ...result, formatted: targetsApi.formatDiagnostics(result.diagnostics, { sources }) }
        }),
      ),
      parsed: AGENTS.map(
        (agent) => targetsApi.parse(agent.text, { from: 'opencode', path: agent.path }).documents,
      ),
    }
    expect(inBundle).toEqual(JSON.parse(JSON.stringify(inNode)))
    // The conversions did happen: each target wrote the agent, with its loss report.
    for (const [i, agent] of AGENTS.entries()) {
      const name = agent.path.replace(/^.*\//, '').replace(/\.md$/, '')
      for (const [j, id] of TO.entries()) {
        const result = inBundle.results[i][j] as targetsApi.ConvertResult & { formatted: string }
        expect(result.files.length, `${agent.path} → ${id}`).toBeGreaterThan(0)
        expect(result.files[0]!.path).toContain(name)
        expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(false)
      }
      expect(inBundle.results[i][0].formatted).toContain(`${agent.path}:`)
    }
  })
})
