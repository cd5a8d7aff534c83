/**
 * Model vocabularies shared by several targets. Aliases drift as vendors release models; the
 * tables record what each alias meant when they were last checked (Claude Code model
 * configuration docs, 2026-08).
 */

/** Claude Code model aliases and the pinned Anthropic model id each resolves to today. */
export const CLAUDE_ALIAS_IDS: Readonly<Record<string, string>> = {
  sonnet: 'claude-sonnet-5',
  opus: 'claude-opus-5',
  haiku: 'claude-haiku-4-5',
}

/** Every alias Claude Code accepts in an agent's `model` (besides full ids). */
export const CLAUDE_ALIASES: readonly string[] = [
  'inherit',
  'default',
  'best',
  'fable',
  'sonnet',
  'opus',
  'haiku',
  'sonnet[1m]',
  'opus[1m]',
  'opusplan',
]

/** The Claude family (`sonnet`, `opus`, `haiku`, `fable`) of a Claude model id, if it is one. */
export function claudeFamily(id: string): string | undefined {
  const match = /(?:^|[/.:-])claude-(?:\d+(?:[-.]\d+)*-)?(sonnet|opus|haiku|fable)\b/.exec(id)
  return match?.[1]
}
