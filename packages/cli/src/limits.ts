import { DEFAULT_LIMITS, formatBytes, type Limits } from '@agentc/core'
import { InvalidArgumentError, Option } from 'commander'

/** `1MiB`, `512k`, `2m`, `1000` → bytes. */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value)
  if (!match) throw new InvalidArgumentError('expected a size such as 1048576, 512KiB or 2MiB.')
  const unit = (match[2] ?? 'b').toLowerCase()[0]
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1
  const bytes = Math.floor(Number(match[1]) * factor)
  if (bytes < 1) throw new InvalidArgumentError('the size must be at least 1 byte.')
  return bytes
}

/** A positive whole number. */
export function parseCount(value: string): number {
  if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1.')
  return Number(value)
}

/** The limit options shared by the commands that read inputs. */
export const limitOptions = {
  maxFileSize: () =>
    new Option(
      '--max-file-size <size>',
      `largest input file (default ${formatBytes(DEFAULT_LIMITS.maxFileBytes)})`,
    ).argParser(parseSize),
  maxLineLength: () =>
    new Option(
      '--max-line-length <n>',
      `longest line of an input file, in characters (default ${DEFAULT_LIMITS.maxLineLength})`,
    ).argParser(parseCount),
  maxFiles: () =>
    new Option('--max-files <n>', `most input files (default ${DEFAULT_LIMITS.maxFiles})`).argParser(
      parseCount,
    ),
}

/** The limits a command's flags ask for. */
export function limitsFrom(flags: {
  maxFileSize?: number
  maxLineLength?: number
  maxFiles?: number
}): Limits {
  return {
    maxFileBytes: flags.maxFileSize ?? DEFAULT_LIMITS.maxFileBytes,
    maxLineLength: flags.maxLineLength ?? DEFAULT_LIMITS.maxLineLength,
    maxFiles: flags.maxFiles ?? DEFAULT_LIMITS.maxFiles,
  }
}
