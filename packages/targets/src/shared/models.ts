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

/** Model vendors agentc knows how to recognise. */
export type Vendor = 'anthropic' | 'openai' | 'google' | 'qwen' | 'xai' | 'mistral' | 'deepseek' | 'meta'

/** Recognises the vendor of a model from its provider or, failing that, its id. */
export function vendorOf(model: { readonly provider?: string; readonly id: string }): Vendor | undefined {
  const provider = model.provider?.toLowerCase()
  const id = model.id.toLowerCase()
  const byProvider: Readonly<Record<string, Vendor>> = {
    anthropic: 'anthropic',
    openai: 'openai',
    google: 'google',
    'google-vertex': 'google',
    gemini: 'google',
    qwen: 'qwen',
    alibaba: 'qwen',
    dashscope: 'qwen',
    xai: 'xai',
    mistral: 'mistral',
    deepseek: 'deepseek',
    meta: 'meta',
  }
  if (provider && byProvider[provider]) return byProvider[provider]
  if (/(^|[/.:])claude-|^(sonnet|opus|haiku|fable)(\[1m\])?$/.test(id)) return 'anthropic'
  if (/(^|[/.:])(gpt-|o[1-9](-|$)|codex)/.test(id)) return 'openai'
  if (/(^|[/.:])gemini-/.test(id)) return 'google'
  if (/(^|[/.:])qwen/.test(id)) return 'qwen'
  if (/(^|[/.:])grok-/.test(id)) return 'xai'
  if (/(^|[/.:])(mistral|codestral|devstral)/.test(id)) return 'mistral'
  if (/(^|[/.:])deepseek/.test(id)) return 'deepseek'
  if (/(^|[/.:])llama/.test(id)) return 'meta'
  return undefined
}

/**
 * The bare model id without provider prefixes of gateways (`openrouter/anthropic/claude-x` →
 * `claude-x`, `amazon-bedrock/anthropic.claude-x` → `claude-x`).
 */
export function bareModelId(id: string): string {
  const last = id.split('/').pop() ?? id
  return last.replace(/^(anthropic|openai|google|meta|mistral)\./, '')
}
