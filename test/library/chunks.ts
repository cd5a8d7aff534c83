/**
 * The files an ES module of the built CLI loads: its relative imports, followed through each
 * file they name. For the tests of the bundle (packages/cli/dist/agentc.js and its chunks).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

/** `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`: loaded before the module runs. */
const STATIC = /(?:^|[\s;}])(?:import|export)\s*(?:[\w$*{}\s,]+\s*from\s*)?["'](\.\.?\/[^"']+)["']/g
/** `import("./x.js")`: loaded when the code asks for it. */
const DYNAMIC = /\bimport\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g

/**
 * The files `entry` loads, relative to `root` and sorted, `entry` first.
 * @param root The folder the paths are relative to.
 * @param entry The module, relative to `root`.
 * @param options `dynamic`: follow `import()` too (every file the module may ever load); else
 * only the imports loaded before it runs (what start-up costs).
 * @throws When a module imports a file that is not there.
 */
export function loadedFiles(root: string, entry: string, options: { dynamic: boolean }): string[] {
  const seen = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const text = readFileSync(join(root, file), 'utf8')
    const specifiers = [...text.matchAll(STATIC)].map((m) => m[1]!)
    if (options.dynamic) specifiers.push(...[...text.matchAll(DYNAMIC)].map((m) => m[1]!))
    for (const specifier of specifiers) {
      const target = relative(root, join(root, dirname(file), specifier)).replaceAll('\\', '/')
      if (!existsSync(join(root, target))) throw new Error(`${file} imports ${specifier}, which is not there`)
      queue.push(target)
    }
  }
  return [entry, ...[...seen].filter((f) => f !== entry).sort()]
}
