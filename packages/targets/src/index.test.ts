import { expect, it } from 'vitest'
import * as pkg from './index'

it('exposes the public API (a change here is a change of the public API)', () => {
  expect(Object.keys(pkg).sort()).toMatchInlineSnapshot(`
    [
      "SOURCE_TARGET",
      "agentsMd",
      "augment",
      "builtinRegistry",
      "builtinTargets",
      "claude",
      "cline",
      "codex",
      "continueRules",
      "convert",
      "copilot",
      "copilotInstructions",
      "cursor",
      "cursorAgent",
      "emit",
      "factory",
      "formatDiagnostics",
      "gemini",
      "kilo",
      "kiro",
      "kiroSteering",
      "opencode",
      "parse",
      "qwen",
      "roo",
      "targets",
      "windsurf",
    ]
  `)
})
