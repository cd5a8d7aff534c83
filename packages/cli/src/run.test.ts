/**
 * How `run` maps what a command throws to exit codes and messages: a usage error is the user's
 * (exit 2, no stack); anything else is a bug in agentc (exit 1, with the stack), an "internal
 * error" when the compiler detected it (`InternalError`), else an "unexpected error". The command
 * actions are loaded on demand (see program.ts), so these run through that import too.
 */
import { InternalError } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import type { Deps, FileSystem } from './io/deps'
import { run } from './run'

/** Runs the CLI on a file system whose every call throws `error`. */
async function runThrowing(error: unknown, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  const fs = new Proxy({} as FileSystem, {
    get: () => () => Promise.reject(error),
  })
  const deps: Deps = {
    cwd: '/project',
    fs,
    stdout: (t) => {
      stdout += t
    },
    stderr: (t) => {
      stderr += t
    },
  }
  const code = await run(args, deps)
  return { code, stdout, stderr }
}

describe('run', () => {
  it('reports an InternalError of the compiler as an internal error, with its stack', async () => {
    const result = await runThrowing(
      new InternalError('the plan lost a file'),
      'build',
      'agents',
      '-t',
      'claude',
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^agentc: internal error — this is a bug in agentc/)
    expect(result.stderr).toContain('InternalError: the plan lost a file')
    expect(result.stderr).toMatch(/\n\s+at /)
  })

  it('reports any other exception as an unexpected error', async () => {
    const result = await runThrowing(new TypeError('x is not a function'), 'build', 'agents', '-t', 'claude')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^agentc: unexpected error — this is a bug in agentc/)
    expect(result.stderr).toContain('TypeError: x is not a function')
  })

  it('reports a usage error without a stack, exit 2', async () => {
    const result = await runThrowing(new InternalError('not reached'), 'explain', 'AGC9999')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^agentc: unknown diagnostic code "AGC9999"/)
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/)
  })
})
