/**
 * Options several commands share, for their definitions (commands/*.command.ts).
 *
 * On the start-up path, so it imports commander and nothing else: not @agentc/core or
 * @agentc/targets. The CLI bundle is split by esbuild, which (with more than one entry point,
 * and each dynamic `import()` is one) ignores `"sideEffects": false` and puts every module a
 * start-up module imports, even through a package's index, in the start-up chunks: one import of
 * `@agentc/core` here would load zod, yaml and remark before `--version` prints. What the help
 * shows of those packages is spelled out in {@link SHOWN_DEFAULTS}, which a test compares with
 * them (test/library/startup.test.ts).
 */
import { InvalidArgumentError, Option } from 'commander'

/**
 * The defaults the help names: the input limits (`DEFAULT_LIMITS` of @agentc/core, as
 * `formatBytes` writes sizes) and the format of the sources (`SOURCE_TARGET` of
 * @agentc/targets). The commands take the values themselves from those packages.
 */
export const SHOWN_DEFAULTS = {
  maxFileSize: '1 MiB',
  maxLineLength: 100_000,
  maxFiles: 10_000,
  sourceFormat: 'opencode',
} as const

/** The `--format` option every command that reports diagnostics takes. */
export function formatOption(): Option {
  return new Option(
    '--format <format>',
    'output format: human (with code frames), short (one line per diagnostic) or json',
  )
    .choices(['human', 'short', 'json'])
    .default('human')
}

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
      `largest input file (default ${SHOWN_DEFAULTS.maxFileSize})`,
    ).argParser(parseSize),
  maxLineLength: () =>
    new Option(
      '--max-line-length <n>',
      `longest line of an input file, in characters (default ${SHOWN_DEFAULTS.maxLineLength})`,
    ).argParser(parseCount),
  maxFiles: () =>
    new Option('--max-files <n>', `most input files (default ${SHOWN_DEFAULTS.maxFiles})`).argParser(
      parseCount,
    ),
}
