import { join } from 'node:path'
import { type CodeInfo, codes, FEATURES } from '@agentc/core'
import { builtinTargets } from '@agentc/targets'
import { expect, it } from 'vitest'

const DOCS = join(import.meta.dirname, '../docs')
const HEADER =
  '<!-- Generated from the targets’ declarations by test/docs.test.ts; run `pnpm test -u` to update. -->\n\n'

/** The capability matrix, generated from each target's `capabilities.ts`. */
export function targetsMarkdown(): string {
  let out = `${HEADER}# Targets\n\n| id | name | kind | files |\n|---|---|---|---|\n`
  for (const t of builtinTargets) {
    out += `| \`${t.id}\` | ${t.displayName} | ${t.kind} | ${t.layout.include.map((g) => `\`${g}\``).join(', ')} |\n`
  }
  out +=
    '\n## Capabilities\n\n`full`: carried faithfully; `partial`: carried with approximations, each reported (AGC202 and related codes); `none`: not carried, reported as AGC201.\n\n'
  out += `| feature | ${builtinTargets.map((t) => `\`${t.id}\``).join(' | ')} |\n|---|${builtinTargets.map(() => '---').join('|')}|\n`
  for (const feature of FEATURES) {
    out += `| \`${feature}\` | ${builtinTargets.map((t) => t.capabilities[feature]).join(' | ')} |\n`
  }
  return out
}

/** The diagnostic code table, generated from `codes.ts`. */
export function diagnosticsMarkdown(): string {
  let out = `${HEADER}# Diagnostics\n\n| code | name | severity | meaning | what to do |\n|---|---|---|---|---|\n`
  for (const [code, c] of Object.entries(codes)) {
    out += `| ${code} | ${c.name} | ${c.severity} | ${c.summary} | ${c.fix} |\n`
  }
  out += '\nEach code is explained below; `agentc explain <code>` prints the same text in a terminal.\n'
  for (const [code, entry] of Object.entries(codes)) {
    const c: CodeInfo = entry
    out += `\n## ${code} ${c.name}\n\n*${c.severity}.* ${c.summary}\n\n`
    if (c.explanation) out += `${c.explanation}\n\n`
    if (c.example) out += `\`\`\`text\n${c.example}\n\`\`\`\n\n`
    out += `**What to do:** ${c.fix}\n`
  }
  return out
}

it('docs/targets.md is generated from the target declarations', async () => {
  await expect(targetsMarkdown()).toMatchFileSnapshot(join(DOCS, 'targets.md'))
})

it('docs/diagnostics.md is generated from the code table', async () => {
  await expect(diagnosticsMarkdown()).toMatchFileSnapshot(join(DOCS, 'diagnostics.md'))
})
