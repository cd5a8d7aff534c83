/**
 * The published types work for a TypeScript consumer: the packages' declarations are emitted
 * afresh (as `pnpm build` does) into a folder laid out as npm installs the packages, and a small
 * program that uses the library (`consumer/consumer.ts`) is type-checked there, the packages'
 * declaration files included (as with `skipLibCheck: false`), with Node's ESM resolution and
 * with a bundler's; no `@types/node`, no DOM. Then the same program runs and converts the seed.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emitDeclarations } from '../../scripts/declarations.mjs'
import { compileEverywhere, ids, roundAbout, unknownTarget } from './consumer/consumer'

const ROOT = join(import.meta.dirname, '../..')
const SEED = join(ROOT, '../shared/seed/backend-engineer.md')
const AGENT = existsSync(SEED) ? SEED : join(ROOT, 'examples/agents/code-reviewer.md')
const PACKAGES: Record<string, string> = { core: '@agentc/core', targets: '@agentc/targets', cli: 'agentc' }

let project = ''

/**
 * `project/node_modules/<name>/` for each package: its package.json and freshly emitted
 * declarations, and its own dependencies (linked from the workspace) but not the other agentc
 * packages, which resolve to their installed siblings as they would from npm.
 */
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'agentc-consumer-'))
  const installed = (pkg: string) => join(project, 'node_modules', PACKAGES[pkg]!)
  const { errors } = emitDeclarations({ root: ROOT, outDir: (pkg) => join(installed(pkg), 'dist') })
  expect(errors).toEqual([])
  for (const pkg of Object.keys(PACKAGES)) {
    const dir = installed(pkg)
    writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'packages', pkg, 'package.json')))
    // The runtime entry is not needed to type-check, only present as it would be.
    writeFileSync(join(dir, 'dist/index.js'), 'export {}\n')
    const deps = join(ROOT, 'packages', pkg, 'node_modules')
    mkdirSync(join(dir, 'node_modules'), { recursive: true })
    for (const name of readdirSync(deps)) {
      if (name === '@agentc' || name.startsWith('.')) continue
      symlinkSync(join(deps, name), join(dir, 'node_modules', name), 'junction')
    }
  }
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n')
  writeFileSync(join(project, 'consumer.ts'), readFileSync(join(import.meta.dirname, 'consumer/consumer.ts')))
})

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true })
})

function typeCheck(resolution: 'nodenext' | 'bundler'): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    ...(resolution === 'nodenext'
      ? { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }
      : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
  }
  const program = ts.createProgram([join(project, 'consumer.ts')], options)
  // The consumer's imports resolve to the installed declarations, not to the workspace sources.
  const files = program.getSourceFiles().map((f) => f.fileName)
  expect(files).toContain(join(project, 'node_modules/agentc/dist/index.d.ts').replaceAll('\\', '/'))
  expect(files.filter((f) => f.includes('/packages/') && f.includes('/src/'))).toEqual([])
  // Every file of ours: the consumer and the packages' declarations (not their dependencies').
  const ours = program
    .getSourceFiles()
    .filter(
      (f) =>
        /\/node_modules\/(agentc|@agentc\/[a-z]+)\/dist\//.test(f.fileName) ||
        f.fileName.endsWith('/consumer.ts'),
    )
  expect(ours.length).toBeGreaterThan(20)
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...ours.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
  ]
  return diagnostics.map((d) => {
    const where = d.file ? `${d.file.fileName.replace(project, '')}:${d.start} ` : ''
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
  })
}

describe('a TypeScript program using the published packages', () => {
  it('type-checks with Node ESM resolution (nodenext)', () => {
    expect(typeCheck('nodenext')).toEqual([])
  })

  it('type-checks with bundler resolution', () => {
    expect(typeCheck('bundler')).toEqual([])
  })

  it('sees a doc comment on every export of every package', () => {
    const entries = Object.values(PACKAGES).map((name) =>
      join(project, 'node_modules', name, 'dist/index.d.ts'),
    )
    const program = ts.createProgram(entries, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      noEmit: true,
      types: [],
    })
    const checker = program.getTypeChecker()
    const undocumented: string[] = []
    let count = 0
    for (const [i, name] of Object.values(PACKAGES).entries()) {
      const module = checker.getSymbolAtLocation(program.getSourceFile(entries[i]!)!)!
      for (const symbol of checker.getExportsOfModule(module)) {
        count++
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
        if (ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === '') {
          undocumented.push(`${name}: ${symbol.name}`)
        }
      }
    }
    expect(count).toBeGreaterThan(100)
    expect(undocumented).toEqual([])
  })

  it('converts the seed', () => {
    const text = readFileSync(AGENT, 'utf8')
    const path = 'agents/agent.md'
    const compiled = compileEverywhere(text, path)
    expect(compiled.map((c) => c.id)).toEqual(ids().objects)
    for (const c of compiled) {
      expect(c.files.length, c.id).toBeGreaterThan(0)
      expect(c.report).not.toMatch(/ error /)
    }
    const claude = compiled.find((c) => c.id === 'claude')!
    expect(claude.files[0]!.path).toBe('.claude/agents/agent.md')
    expect(claude.warnings).toBeGreaterThan(0)
    expect(claude.report).toContain(`${path}:`)
    expect(roundAbout(text, path)).toEqual({ name: 'agent', cursor: expect.stringContaining('---\n') })
    expect(ids().api).toEqual(ids().objects)
    expect(ids().fullPermissions).toContain('opencode')
    expect(unknownTarget(text)).toBe('AGC301')
  })
})
