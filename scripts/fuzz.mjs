// The long fuzz campaign: runs the properties of test/fuzz with their long run counts (at least
// 1,000,000 cases in all), then prints what ran: property × target × cases × failures, the seed,
// the total and the wall time. See test/fuzz/README.md.
//
//   pnpm fuzz                     the campaign, seed 0x5eed_a9c (or FC_SEED)
//   pnpm fuzz -- --seed 42        another seed
//   pnpm fuzz -- --scale 0.1      a tenth of the cases (a quick look; the minimum is not enforced)
//
// Each property appends one JSON line (its counts) to a file in a fresh temporary folder named
// by AGENTC_FUZZ_LOG; the vitest workers write, this script reads once vitest has exited.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MIN_CASES = 1_000_000
const DEFAULT_SEED = 0x5eed_a9c

const root = dirname(dirname(fileURLToPath(import.meta.url)))

function usage(message) {
  if (message) process.stderr.write(`fuzz: ${message}\n`)
  process.stderr.write('usage: pnpm fuzz [-- --seed N] [--scale X]\n')
  process.exit(2)
}

function parseArgs(argv) {
  const options = {
    seed: process.env.FC_SEED ?? String(DEFAULT_SEED),
    scale: process.env.AGENTC_FUZZ_SCALE ?? '1',
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') continue
    const [flag, inline] = arg.split('=', 2)
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`)
    if (flag === '--seed') options.seed = value()
    else if (flag === '--scale') options.scale = value()
    else if (flag === '--help' || flag === '-h') usage()
    else usage(`unknown argument ${arg}`)
  }
  if (!/^-?\d+$/.test(options.seed)) usage(`the seed must be an integer, not ${options.seed}`)
  if (!(Number(options.scale) > 0)) usage(`the scale must be a positive number, not ${options.scale}`)
  return options
}

function run(options, log) {
  const env = {
    ...process.env,
    AGENTC_FUZZ: 'long',
    AGENTC_FUZZ_SCALE: options.scale,
    AGENTC_FUZZ_LOG: log,
    FC_SEED: options.seed,
    // The yaml library warns on stderr for every collection used as a map key; a campaign
    // meets thousands of them.
    NODE_NO_WARNINGS: '1',
  }
  delete env.FC_PATH
  const args = [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    'test/fuzz',
    `--maxWorkers=${Math.max(1, availableParallelism())}`,
  ]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

const number = (n) => n.toLocaleString('en-US')
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

function duration(ms) {
  const s = Math.round(ms / 1000)
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`
}

function table(rows) {
  const header = ['property', 'target', 'cases', 'failures', 'time', 'known core issues met']
  const cells = rows.map((r) => [
    r.property,
    r.target,
    number(r.runs),
    number(r.failures),
    seconds(r.ms),
    Object.entries(r.known ?? {})
      .map(([k, n]) => `${k} ×${n}`)
      .join(', '),
  ])
  const right = [false, false, true, true, true, false]
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)))
  const line = (c) =>
    c
      .map((v, i) => (right[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

const options = parseArgs(process.argv.slice(2))
const dir = mkdtempSync(join(tmpdir(), 'agentc-fuzz-'))
const log = join(dir, 'properties.jsonl')
const started = Date.now()
const code = await run(options, log)
const wall = Date.now() - started

const rows = existsSync(log)
  ? readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l))
  : []
rmSync(dir, { recursive: true, force: true })
rows.sort(
  (a, b) =>
    a.file.localeCompare(b.file) || a.property.localeCompare(b.property) || a.target.localeCompare(b.target),
)

const total = rows.reduce((n, r) => n + r.runs, 0)
const failures = rows.reduce((n, r) => n + r.failures, 0)
const byProperty = new Map()
for (const r of rows) {
  const p = byProperty.get(r.property) ?? {
    property: r.property,
    target: '',
    runs: 0,
    failures: 0,
    ms: 0,
    n: 0,
  }
  p.runs += r.runs
  p.failures += r.failures
  p.ms += r.ms
  for (const [issue, n] of Object.entries(r.known ?? {})) {
    p.known ??= {}
    p.known[issue] = (p.known[issue] ?? 0) + n
  }
  p.n++
  p.target = `(${p.n} target${p.n === 1 ? '' : 's'})`
  byProperty.set(r.property, p)
}

const out = process.stdout
out.write('\n\nagentc fuzz campaign\n\n')
out.write(`${table(rows)}\n\nBy property:\n\n${table([...byProperty.values()])}\n\n`)
for (const r of rows.filter((r) => r.counterexample)) {
  out.write(
    `FAILED ${r.property} [${r.target}]: ${r.failures} of ${number(r.runs)} cases\n${r.counterexample}\n\n`,
  )
}
out.write(`seed:      ${options.seed}\n`)
out.write(`scale:     ${options.scale}\n`)
out.write(`properties: ${rows.length}\n`)
out.write(`cases:     ${number(total)}\n`)
out.write(`failures:  ${number(failures)}\n`)
out.write(`wall time: ${duration(wall)}\n`)

let status = code
if (rows.length === 0) {
  out.write('\nNo property reported its counts: did vitest run test/fuzz?\n')
  status ||= 1
} else if (total < MIN_CASES && Number(options.scale) >= 1) {
  out.write(`\nThe campaign ran ${number(total)} cases, fewer than ${number(MIN_CASES)}.\n`)
  status ||= 1
}
process.exit(status)
