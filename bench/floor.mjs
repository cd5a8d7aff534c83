// The floor for a whole-process measurement: a plain Node script doing only the unavoidable IO.
//   node bench/floor.mjs write <plan.json>  reads every input file, then writes files of the
//                                           same number and sizes as agentc's output
//   node bench/floor.mjs read <plan.json>   reads every input file and every existing output
//                                           (the floor of a no-change rebuild and of --check)
// plan.json: { inputs: string[], outDir: string, outputs: [relativePath, size][] }
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const [mode, planFile] = process.argv.slice(2)
const plan = JSON.parse(await readFile(planFile, 'utf8'))
let read = 0
for (const file of plan.inputs) read += (await readFile(file, 'utf8')).length
if (mode === 'read') {
  for (const [rel] of plan.outputs) read += (await readFile(join(plan.outDir, rel))).length
} else {
  const dirs = new Set(plan.outputs.map(([rel]) => dirname(join(plan.outDir, rel))))
  for (const dir of dirs) await mkdir(dir, { recursive: true })
  for (const [rel, size] of plan.outputs) await writeFile(join(plan.outDir, rel), 'x'.repeat(size))
}
if (read < 0) console.log(read)
