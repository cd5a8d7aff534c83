import { z } from 'zod'

/** A scalar VS Code reads as text (its YAML reader keeps every scalar as a string). */
const text = z.union([z.string(), z.number(), z.boolean()], { error: 'text' })

/** A boolean, or the text `true` / `false`, which VS Code reads the same way. */
const flag = z.union([z.boolean(), z.enum(['true', 'false'])], { error: '`true` or `false`' })

const textList = z.array(text, { error: 'a list of names' })

/**
 * The frontmatter of a Copilot custom agent (`.agent.md`) or legacy chat mode (`.chatmode.md`),
 * the union of what VS Code and GitHub (cloud agent, CLI) read. Unknown keys are allowed: both
 * ignore them.
 */
export const copilotFrontmatter = z.looseObject({
  name: text.nullable().optional(),
  description: text.nullable().optional(),
  'argument-hint': text.nullable().optional(),
  target: text.nullable().optional(),
  tools: z
    .union([z.string(), textList], { error: 'a list of tool names or a comma-separated string' })
    .nullable()
    .optional(),
  model: z.union([text, textList], { error: 'a model name or a list of model names' }).nullable().optional(),
  agents: z.array(text, { error: 'a list of agent names' }).nullable().optional(),
  'user-invocable': flag.nullable().optional(),
  'user-invokable': flag.nullable().optional(),
  'disable-model-invocation': flag.nullable().optional(),
  infer: flag.nullable().optional(),
  handoffs: z.array(z.unknown(), { error: 'a list of handoffs' }).nullable().optional(),
  'mcp-servers': z.record(z.string(), z.unknown(), { error: 'a map of MCP servers' }).nullable().optional(),
  metadata: z.record(z.string(), z.unknown(), { error: 'a map of names to values' }).nullable().optional(),
  hooks: z.record(z.string(), z.unknown(), { error: 'a map of hook events' }).nullable().optional(),
})

/** The frontmatter type of a Copilot agent. */
export type CopilotFrontmatter = z.infer<typeof copilotFrontmatter>
