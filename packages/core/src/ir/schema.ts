import { z } from 'zod'
import { type AgentDocument, IR_VERSION } from './document'

const point = z.object({ line: z.number().int().positive(), column: z.number().int().positive() })
const decision = z.enum(['allow', 'ask', 'deny']).describe('What happens to a matching call.')

/** The zod schema of the IR; checked against the hand-written {@link AgentDocument} type. */
export const agentDocumentSchema: z.ZodType<AgentDocument> = z
  .object({
    irVersion: z.literal(IR_VERSION).describe('The IR version this document conforms to.'),
    name: z.string().min(1).describe('Stable identifier of the agent.'),
    description: z.string().optional().describe('What the agent does and when to use it.'),
    role: z.enum(['primary', 'subagent', 'all']).optional().describe('Who invokes the agent.'),
    model: z
      .object({
        written: z.string().describe('The model exactly as written in the source.'),
        provider: z.string().optional().describe('The provider, when known.'),
        id: z.string().describe('The model id, an alias, or `inherit`.'),
      })
      .optional()
      .describe('The model the agent runs on.'),
    sampling: z
      .object({
        temperature: z.number().optional().describe('Sampling temperature.'),
        topP: z.number().optional().describe('Nucleus sampling threshold (0–1).'),
      })
      .optional(),
    effort: z
      .enum(['minimal', 'low', 'medium', 'high', 'xhigh', 'max'])
      .optional()
      .describe('Reasoning effort.'),
    tools: z
      .object({
        allow: z
          .array(z.string())
          .readonly()
          .optional()
          .describe('Exhaustive allow-list; absent = every tool.'),
        deny: z.array(z.string()).readonly().optional().describe('Tools removed, applied after `allow`.'),
      })
      .optional()
      .describe('Which tools the agent has at all.'),
    permissions: z
      .array(
        z.object({
          tool: z.string().describe('Canonical tool name; `*` = every tool.'),
          pattern: z.string().optional().describe('Wildcard over the call input; absent = any input.'),
          decision,
        }),
      )
      .readonly()
      .optional()
      .describe('Approval rules for tool calls; the last matching rule decides.'),
    maxSteps: z.number().int().positive().optional().describe('Most agentic iterations before answering.'),
    color: z.string().optional().describe('UI colour as written.'),
    hidden: z.boolean().optional().describe('Hidden from the agent picker.'),
    disabled: z.boolean().optional().describe('The agent is switched off.'),
    activation: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('always') }),
        z.object({ kind: z.literal('globs'), globs: z.array(z.string()).readonly() }),
        z.object({ kind: z.literal('model-decision') }),
        z.object({ kind: z.literal('manual') }),
      ])
      .optional()
      .describe('For rule-style formats: when the instructions apply.'),
    body: z.object({ text: z.string() }).describe('The system prompt (markdown, LF).'),
    extensions: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .describe('Keys a target does not model, kept per target.'),
    source: z
      .object({
        path: z.string(),
        target: z.string(),
        fields: z.record(z.string(), point),
        raw: z.string().optional(),
      })
      .optional()
      .describe('Provenance; ignored by equality.'),
  })
  .strict() as unknown as z.ZodType<AgentDocument>

/**
 * The JSON Schema (draft 2020-12) of the IR, as printed by `agentc schema`.
 * @returns A JSON-serialisable schema object.
 */
export function irJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(agentDocumentSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    title: 'agentc AgentDocument',
    description: `One agent definition in the agentc IR, version ${IR_VERSION}.`,
  }
}
