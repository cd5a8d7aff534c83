// Builds the agentc CLI into one bundled ES module (packages/cli/dist/agentc.js), and each
// package's library entry point (dist/index.js, its dependencies left as imports) with its
// TypeScript declarations (dist/**/*.d.ts). Run by `pnpm install` (the root `prepare` script),
// so a fresh clone needs no separate build step.
import { chmod, mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { emitDeclarations, PACKAGES } from './declarations.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const dist = (pkg) => join(root, `packages/${pkg}/dist`)
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['agentc-source'],
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
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
    entryPoints: [join(root, 'packages/cli/src/bin.ts')],
    outfile: join(dist('cli'), 'agentc.js'),
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __agentcCreateRequire } from 'node:module';\nconst require = __agentcCreateRequire(import.meta.url);",
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
