// Builds the agentc CLI (packages/cli/dist/agentc.js and the chunks it loads, in
// packages/cli/dist/chunks/), and each package's library entry point (dist/index.js, its
// dependencies left as imports) with its TypeScript declarations (dist/**/*.d.ts). Run by
// `pnpm install` (the root `prepare` script), so a fresh clone needs no separate build step.
//
// The CLI is bundled (start-up resolves no node_modules) and split where the command actions
// import commands/actions.ts: agentc.js (and a shared chunk) hold commander and the command
// definitions, about 150 KB; the compiler is a chunk loaded when a command runs. So `--version`
// and `--help` compile 150 KB instead of 2.3 MB. With more than one entry point (each `import()`
// is one) esbuild ignores `"sideEffects": false`: see packages/cli/src/options.ts.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { chmod, mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { emitDeclarations, PACKAGES } from './declarations.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

// The build id (packages/cli/src/version.ts): the version and a hash of every source file and
// the lockfile, so a build record (.agentc/cache) made by one agentc is never used by another.
function buildId() {
  const hash = createHash('sha256')
  const add = (rel) =>
    hash
      .update(`${rel}\0`)
      .update(readFileSync(join(root, rel)))
      .update('\0')
  const walk = (rel) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const path = `${rel}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) add(path)
    }
  }
  for (const pkg of PACKAGES) {
    add(`packages/${pkg}/package.json`)
    walk(`packages/${pkg}/src`)
  }
  add('pnpm-lock.yaml')
  const { version } = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8'))
  return `${version}+${hash.digest('hex').slice(0, 16)}`
}
const dist = (pkg) => join(root, `packages/${pkg}/dist`)
const common = {
  // Paths in the output (esbuild's `// path` comments) relative to the repository, wherever the build runs.
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['agentc-source'],
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
  define: { __AGENTC_BUILD_ID__: JSON.stringify(buildId()) },
}

// string-width builds an Intl.Segmenter and its tables when its module is evaluated, about
// 35 ms of every command, yet only code frames with other than ASCII text ever call it. In the
// CLI bundle, imports of it get a stand-in that loads the real module on the first call (a
// `require` of a bundled ES module, which esbuild evaluates only then).
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) =>
      args.namespace === 'lazy' ? undefined : { path: 'string-width', namespace: 'lazy' },
    )
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents:
        "let width\nexport default function stringWidth(text, options) {\n  width ??= require('string-width').default\n  return width(text, options)\n}\n",
      resolveDir: join(root, 'packages/core'),
      loader: 'js',
    }))
  },
}

// A fresh dist/ each time, so no file of a removed source module is ever published.
for (const pkg of PACKAGES) {
  await rm(dist(pkg), { recursive: true, force: true })
  await mkdir(dist(pkg), { recursive: true })
}

// esbuild works in its own process: start the bundles, emit the declarations meanwhile.
const bundles = [
  build({
    ...common,
    entryPoints: { agentc: join(root, 'packages/cli/src/bin.ts') },
    outdir: dist('cli'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [lazyStringWidth],
    // Each chunk may hold CommonJS dependencies (yaml, commander) that call require().
    banner: {
      js: "import { createRequire as __agentcCreateRequire } from 'node:module';\nconst require = __agentcCreateRequire(import.meta.url);",
    },
  }).then(() => chmod(join(dist('cli'), 'agentc.js'), 0o755)),
  ...PACKAGES.map((pkg) =>
    build({
      ...common,
      entryPoints: [join(root, `packages/${pkg}/src/index.ts`)],
      outfile: join(dist(pkg), 'index.js'),
      packages: 'external',
    }),
  ),
]
const declarations = emitDeclarations({ root, outDir: dist })
await Promise.all(bundles)
if (declarations.errors.length > 0) {
  console.error(`declarations:\n${declarations.errors.join('\n')}`)
  process.exitCode = 1
}
