// The floor for a whole-process measurement: a plain Node script doing only the unavoidable IO,
// the fastest plain way (synchronous calls: each asynchronous fs call is a round trip through
// libuv's thread pool, several times slower for small files here).
//   node bench/floor.mjs write <plan.json>  reads every input file, then writes files of the
//                                           same number and sizes as agentc's output
//   node bench/floor.mjs read <plan.json>   reads every input file and every existing output
//                                           (the floor of a no-change rebuild and of --check)
// plan.json: { inputs: string[], outDir: string, outputs: [relativePath, size][] }
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const [mode, planFile] = process.argv.slice(2)
const plan = JSON.parse(readFileSync(planFile, 'utf8'))
let read = 0
for (const file of plan.inputs) read += readFileSync(file, 'utf8').length
if (mode === 'read') {
  for (const [rel] of plan.outputs) read += readFileSync(join(plan.outDir, rel)).length
} else {
  const dirs = new Set(plan.outputs.map(([rel]) => dirname(join(plan.outDir, rel))))
  for (const dir of dirs) mkdirSync(dir, { recursive: true })
  for (const [rel, size] of plan.outputs) writeFileSync(join(plan.outDir, rel), 'x'.repeat(size))
}
if (read < 0) console.log(read)
