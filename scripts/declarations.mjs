// Emits the TypeScript declarations (.d.ts) of the publishable packages, for `scripts/build.mjs`
// and for the library tests. One TypeScript program over the three entry points, type checking
// off (`pnpm typecheck` does that): declarations only. Each package's files land in its own
// folder, mirroring `src/`; imports between packages stay package names (`@agentc/core`), and
// relative imports get the `.js` extension Node's ESM resolution (`moduleResolution: nodenext`)
// needs.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

/** The workspace folders of the publishable packages. */
export const PACKAGES = ['core', 'targets', 'cli']

/**
 * Emits the declarations of every package.
 * @param {{ root: string, outDir: (pkg: string) => string }} options The repository root, and the
 * folder each package's declarations go to (its `dist/`).
 * @returns {{ files: string[], errors: string[] }} The files written, and the problems found.
 */
export function emitDeclarations({ root, outDir }) {
  const base = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.base.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  )
  const packagesDir = join(root, 'packages')
  const options = {
    ...base?.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    noCheck: true,
    types: ['node'],
    rootDir: packagesDir,
    outDir: join(root, '.declarations'),
  }
  const program = ts.createProgram(
    PACKAGES.map((pkg) => join(packagesDir, pkg, 'src/index.ts')),
    options,
  )
  const errors = []
  /** Emitted declarations by source file, and the source files each one imports. */
  const emitted = new Map()
  const imports = new Map()
  const result = program.emit(
    undefined,
    (fileName, text, _bom, _onError, sources) => {
      const source = sources?.[0]?.fileName
      if (source === undefined) errors.push(`no source for ${fileName}`)
      else emitted.set(resolve(source), { fileName, text })
    },
    undefined,
    true,
    { afterDeclarations: [withJsExtensions(imports)] },
  )
  for (const d of result.diagnostics) errors.push(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  // Only what a consumer's compiler can reach from an entry point: the declarations of internal
  // modules no public type mentions are left out.
  const files = []
  const queue = PACKAGES.map((pkg) => resolve(packagesDir, pkg, 'src/index.ts'))
  const seen = new Set()
  while (queue.length > 0) {
    const source = queue.pop()
    if (seen.has(source)) continue
    seen.add(source)
    const out = emitted.get(source)
    if (!out) {
      errors.push(`no declarations for ${source}`)
      continue
    }
    const [pkg, src, ...rest] = relative(options.outDir, out.fileName).split(sep)
    if (!PACKAGES.includes(pkg) || src !== 'src') {
      errors.push(`unexpected declaration file ${out.fileName}`)
      continue
    }
    const target = join(outDir(pkg), ...rest)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, out.text)
    files.push(target)
    queue.push(...(imports.get(source) ?? []))
  }
  return { files, errors }
}

/**
 * Rewrites relative module specifiers (`./api`, `./claude/index`) to the `.js` files they name,
 * recording in `imports` which source files each declaration file imports.
 */
const withJsExtensions = (imports) => (context) => {
  const f = context.factory
  return (file) => {
    const from = dirname(file.fileName)
    const deps = new Set()
    imports.set(resolve(file.fileName), deps)
    const rewrite = (literal) => {
      const spec = literal.text
      if (!spec.startsWith('.')) return literal
      const base = resolve(from, spec)
      if (existsSync(`${base}.ts`)) {
        deps.add(`${base}.ts`)
        return f.createStringLiteral(`${spec}.js`)
      }
      if (existsSync(join(base, 'index.ts'))) {
        deps.add(join(base, 'index.ts'))
        return f.createStringLiteral(`${spec}/index.js`)
      }
      return literal
    }
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateImportDeclaration(
          node,
          node.modifiers,
          node.importClause,
          rewrite(node.moduleSpecifier),
          node.attributes,
        )
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return f.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          rewrite(node.moduleSpecifier),
          node.attributes,
        )
      }
      if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        const visited = ts.visitEachChild(node, visit, context)
        return f.updateImportTypeNode(
          visited,
          f.updateLiteralTypeNode(node.argument, rewrite(node.argument.literal)),
          visited.attributes,
          visited.qualifier,
          visited.typeArguments,
          visited.isTypeOf,
        )
      }
      return ts.visitEachChild(node, visit, context)
    }
    return ts.visitNode(file, visit)
  }
}
