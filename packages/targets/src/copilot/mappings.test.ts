import { describe, expect, it } from 'vitest'
import {
  COPILOT_MODELS,
  copilotModelFor,
  displayOfCopilotId,
  modelFromCopilot,
  toolFromCopilot,
} from './mappings'

describe('Copilot model names', () => {
  it('reads back every display name it writes', () => {
    for (const [display, id] of COPILOT_MODELS) {
      expect(displayOfCopilotId(id).display).toBe(display)
      expect(modelFromCopilot(`${display} (copilot)`)).toMatchObject({ provider: 'github-copilot', id })
    }
    for (const id of [
      'gpt-5.2-codex',
      'gpt-5.1-codex-max',
      'gpt-4.1',
      'claude-sonnet-4',
      'gemini-2.5-flash',
    ]) {
      expect(modelFromCopilot(displayOfCopilotId(id).display).id).toBe(id)
    }
  })

  it("maps vendors' ids to the models Copilot serves", () => {
    expect(copilotModelFor({ written: 'x', provider: 'anthropic', id: 'claude-opus-4-5-20251101' })).toEqual({
      kind: 'copilot',
      id: 'claude-opus-4.5',
      snapshot: true,
    })
    expect(copilotModelFor({ written: 'x', provider: 'anthropic', id: 'claude-opus-4-1' })).toMatchObject({
      id: 'claude-opus-41',
    })
    expect(
      copilotModelFor({ written: 'x', provider: 'openrouter', id: 'anthropic/claude-haiku-4.5' }),
    ).toMatchObject({
      id: 'claude-haiku-4.5',
    })
    expect(copilotModelFor({ written: 'opus', id: 'opus' })).toMatchObject({
      id: 'claude-opus-4.8',
      pinnedAlias: 'opus',
    })
    expect(copilotModelFor({ written: 'x', provider: 'google', id: 'gemini-2.5-pro' })).toMatchObject({
      id: 'gemini-2.5-pro',
    })
    expect(copilotModelFor({ written: 'x', provider: 'mistral', id: 'devstral-2' })).toEqual({
      kind: 'unavailable',
    })
  })

  it('does not read free text as a model name', () => {
    expect(modelFromCopilot("GPT-4.1 | 'gpt-5' | 'Claude Sonnet 4.5'")).toEqual({
      written: "GPT-4.1 | 'gpt-5' | 'Claude Sonnet 4.5'",
      id: "GPT-4.1 | 'gpt-5' | 'Claude Sonnet 4.5'",
    })
  })
})

describe('Copilot tool names', () => {
  it('tells VS Code tools from MCP and extension tools', () => {
    expect(toolFromCopilot('read/problems').tools).toEqual(['copilot:read/problems'])
    expect(toolFromCopilot('playwright/browser_click').tools).toEqual(['mcp:playwright/browser_click'])
    expect(toolFromCopilot('vscjava.vscode-java-debug/debugJavaApplication').tools).toEqual([
      'copilot:vscjava.vscode-java-debug/debugJavaApplication',
    ])
    expect(toolFromCopilot('vscode').tools).toEqual(['copilot:vscode', 'question'])
    expect(toolFromCopilot('microsoft.docs.mcp').tools).toEqual(['copilot:microsoft.docs.mcp'])
  })
})
