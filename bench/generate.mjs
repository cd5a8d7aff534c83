// Generates a realistic project of N OpenCode agents for the benchmarks: varied frontmatter
// (description, mode, model, temperature, reasoningEffort, tool maps, bash permission patterns,
// edit rules) and markdown bodies of 2–6 KB with headings, lists and fenced code blocks.
// Deterministic: the same seed and N always give the same bytes (no Math.random, no clock).
//
// Usage as a script: node bench/generate.mjs <N> [dir] [--seed <n>]
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** mulberry32: a small, fast, seeded 32-bit PRNG. Returns a function giving floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const MODELS = [
  'anthropic/claude-sonnet-4-5',
  'anthropic/claude-opus-4-1',
  'anthropic/claude-haiku-4-5',
  'openai/gpt-5.2-codex',
  'openai/gpt-5',
  'openai/gpt-5-mini',
  'google/gemini-2.5-pro',
  'google/gemini-2.5-flash',
]
const MODES = ['subagent', 'subagent', 'subagent', 'primary', 'all']
const EFFORTS = ['low', 'medium', 'high']
const TOOLS = ['write', 'edit', 'bash', 'read', 'grep', 'glob', 'list', 'webfetch', 'todowrite', 'todoread']
const COMMANDS = [
  'git status',
  'git diff*',
  'git log*',
  'ls *',
  'cat *',
  'head *',
  'tail *',
  'grep *',
  'find *',
  'wc *',
  'npm test*',
  'npm run *',
  'pnpm *',
  'pytest *',
  'python *',
  'uv *',
  'go test ./...',
  'go build *',
  'cargo test*',
  'cargo build*',
  'make *',
  'docker ps',
  'kubectl get *',
  'terraform plan*',
  'mkdir *',
  'cp *',
  'mv *',
  'rm *',
  'rm -rf *',
  'git push*',
  'curl *',
]
const ROLES = [
  'backend',
  'frontend',
  'database',
  'security',
  'devops',
  'mobile',
  'data',
  'ml',
  'platform',
  'qa',
  'docs',
  'api',
  'infra',
  'release',
  'perf',
  'ux',
]
const KINDS = ['engineer', 'reviewer', 'architect', 'auditor', 'specialist', 'planner', 'debugger', 'writer']
const TOPICS = [
  'API design',
  'database migrations',
  'query optimization',
  'caching strategies',
  'authentication flows',
  'observability',
  'error handling',
  'dependency upgrades',
  'test coverage',
  'accessibility',
  'build pipelines',
  'container images',
  'release notes',
  'load testing',
  'schema evolution',
  'feature flags',
]
const WORDS = (
  'the service must handle each request within budget and report every failure with enough context ' +
  'to reproduce it prefer small focused changes verify with tests before and after keep interfaces ' +
  'stable document decisions review diffs carefully avoid hidden state measure before optimizing ' +
  'name things for what they do write the failing test first keep secrets out of the repository'
).split(' ')
const LANGS = [
  [
    'python',
    'async def handler(request):\n    user = await repo.get(request.user_id)\n    if user is None:\n        raise NotFound(request.user_id)\n    return serialize(user)',
  ],
  [
    'ts',
    'export async function load(id: string): Promise<User> {\n  const row = await db.selectFrom("users").where("id", "=", id).executeTakeFirst()\n  if (!row) throw new NotFoundError(id)\n  return toUser(row)\n}',
  ],
  [
    'go',
    'func (s *Server) Get(ctx context.Context, id string) (*User, error) {\n\tu, err := s.repo.Find(ctx, id)\n\tif err != nil {\n\t\treturn nil, fmt.Errorf("find %s: %w", id, err)\n\t}\n\treturn u, nil\n}',
  ],
  ['bash', 'set -euo pipefail\npnpm install --frozen-lockfile\npnpm test -- --run\ngit diff --exit-code'],
  [
    'sql',
    'CREATE INDEX CONCURRENTLY idx_orders_user_created\n  ON orders (user_id, created_at DESC);\nEXPLAIN ANALYZE SELECT * FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20;',
  ],
]

/**
 * Makes the text of agent number i.
 * @param {() => number} rand The PRNG.
 * @param {number} i The agent's index (part of its name, so names are unique).
 * @returns {{ name: string, text: string }}
 */
export function makeAgent(rand, i) {
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1))
  const sentence = (lo, hi) => {
    const n = int(lo, hi)
    const words = []
    for (let k = 0; k < n; k++) words.push(pick(WORDS))
    const s = words.join(' ')
    return `${s[0].toUpperCase()}${s.slice(1)}.`
  }
  const shuffle = (list) => {
    const out = [...list]
    for (let k = out.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1))
      ;[out[k], out[j]] = [out[j], out[k]]
    }
    return out
  }
  const role = pick(ROLES)
  const kind = pick(KINDS)
  const name = `${role}-${kind}-${String(i).padStart(4, '0')}`
  const title = `${role[0].toUpperCase()}${role.slice(1)} ${kind[0].toUpperCase()}${kind.slice(1)}`
  const fm = ['---']
  fm.push(`description: ${title} for ${pick(TOPICS)}, ${pick(TOPICS)} and ${pick(TOPICS)}`)
  fm.push(`mode: ${pick(MODES)}`)
  if (rand() < 0.85) fm.push(`model: ${pick(MODELS)}`)
  if (rand() < 0.7) fm.push(`temperature: ${(int(0, 10) / 10).toFixed(1)}`)
  if (rand() < 0.6) fm.push(`reasoningEffort: ${pick(EFFORTS)}`)
  if (rand() < 0.8) {
    fm.push('tools:')
    const tools = shuffle(TOOLS).slice(0, int(2, 6))
    for (const tool of tools) fm.push(`  ${tool}: ${rand() < 0.75 ? 'true' : 'false'}`)
  }
  if (rand() < 0.8) {
    fm.push('permission:')
    if (rand() < 0.7) fm.push(`  edit: ${pick(['allow', 'ask', 'deny'])}`)
    if (rand() < 0.3) fm.push(`  webfetch: ${pick(['allow', 'ask', 'deny'])}`)
    fm.push('  bash:')
    fm.push(`    "*": ${pick(['ask', 'ask', 'deny', 'allow'])}`)
    const cmds = shuffle(COMMANDS).slice(0, int(3, 18))
    for (const cmd of cmds) {
      const action = cmd.startsWith('rm') || cmd.startsWith('git push') ? pick(['ask', 'deny']) : 'allow'
      fm.push(`    "${cmd}": ${action}`)
    }
  }
  fm.push('---', '')

  const target = int(2048, 6144)
  const body = [`# ${title}`, '', sentence(12, 30), '']
  let size = body.join('\n').length
  let section = 0
  while (size < target) {
    section++
    const part = []
    const topic = pick(TOPICS)
    part.push(`## ${topic[0].toUpperCase()}${topic.slice(1)} ${section}`, '')
    const shape = rand()
    if (shape < 0.35) {
      for (let k = int(3, 7); k > 0; k--) part.push(`- ${rand() < 0.3 ? '**Rule**: ' : ''}${sentence(5, 14)}`)
      part.push('')
    } else if (shape < 0.6) {
      for (let k = 1; k <= int(3, 6); k++) part.push(`${k}. ${sentence(6, 16)}`)
      part.push('')
    } else if (shape < 0.8) {
      const [lang, code] = pick(LANGS)
      part.push(sentence(8, 20), '', `\`\`\`${lang}`, code, '```', '')
    } else {
      part.push(`### ${pick(TOPICS)}`, '', `${sentence(15, 40)} ${sentence(10, 30)}`, '')
      if (rand() < 0.5) part.push(`> ${sentence(8, 18)}`, '')
    }
    const text = part.join('\n')
    body.push(text)
    size += text.length + 1
  }
  return { name, text: `${fm.join('\n')}\n${body.join('\n').trimEnd()}\n` }
}

/**
 * Writes a project of n agents to `<dir>/.opencode/agent/<name>.md`.
 * @param {number} n How many agents.
 * @param {{ dir?: string, seed?: number }} [options] Where (default: a new temp folder) and the seed.
 * @returns {Promise<{ dir: string, agentsDir: string, files: string[], bytes: number }>}
 */
export async function generateProject(n, options = {}) {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), `agentc-bench-${n}-`)))
  const agentsDir = join(dir, '.opencode', 'agent')
  await mkdir(agentsDir, { recursive: true })
  const rand = prng(options.seed ?? 20260701 + n)
  const files = []
  let bytes = 0
  const agents = []
  for (let i = 0; i < n; i++) agents.push(makeAgent(rand, i))
  const chunk = 64
  for (let i = 0; i < agents.length; i += chunk) {
    await Promise.all(
      agents.slice(i, i + chunk).map(async ({ name, text }) => {
        const file = join(agentsDir, `${name}.md`)
        await writeFile(file, text)
        files.push(file)
        bytes += Buffer.byteLength(text)
      }),
    )
  }
  files.sort()
  return { dir, agentsDir, files, bytes }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const seedAt = args.indexOf('--seed')
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : undefined
  const n = Number(args[0] ?? 20)
  const project = await generateProject(n, { ...(args[1] ? { dir: args[1] } : {}), seed })
  console.log(`${project.files.length} agents, ${project.bytes} bytes, in ${project.agentsDir}`)
}
