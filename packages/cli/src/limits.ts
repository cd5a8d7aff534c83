import { DEFAULT_LIMITS, type Limits } from '@agentc/core'

// Defined with the options, whose argument parser it is too.
export { parseSize } from './options'

/** The input-limit flags (`--max-file-size`, `--max-line-length`, `--max-files`). */
export interface LimitFlags {
  maxFileSize?: number
  maxLineLength?: number
  maxFiles?: number
}

/** The limits a command's flags ask for. */
export function limitsFrom(flags: LimitFlags): Limits {
  return {
    maxFileBytes: flags.maxFileSize ?? DEFAULT_LIMITS.maxFileBytes,
    maxLineLength: flags.maxLineLength ?? DEFAULT_LIMITS.maxLineLength,
    maxFiles: flags.maxFiles ?? DEFAULT_LIMITS.maxFiles,
  }
}
