// Builds the agentc CLI into one bundled ES module (packages/cli/dist/agentc.js) and the library
// entry points. Run by `pnpm install` (the root `prepare` script), so a fresh clone needs no
// separate build step.
import { chmod, mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
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

await rm(join(root, 'packages/cli/dist'), { recursive: true, force: true })
await mkdir(join(root, 'packages/cli/dist'), { recursive: true })
await build({
  ...common,
  entryPoints: [join(root, 'packages/cli/src/bin.ts')],
  outfile: join(root, 'packages/cli/dist/agentc.js'),
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __agentcCreateRequire } from 'node:module';\nconst require = __agentcCreateRequire(import.meta.url);",
  },
})
await chmod(join(root, 'packages/cli/dist/agentc.js'), 0o755)

for (const pkg of ['core', 'targets', 'cli']) {
  await build({
    ...common,
    entryPoints: [join(root, `packages/${pkg}/src/index.ts`)],
    outfile: join(root, `packages/${pkg}/dist/index.js`),
    packages: 'external',
  })
}
