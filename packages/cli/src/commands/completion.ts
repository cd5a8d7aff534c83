import { codes } from '@agentc/core'
import { builtinRegistry } from '@agentc/targets'
import type { Command, Option } from 'commander'
import pkg from '../../package.json' with { type: 'json' }
import type { Shell } from './completion.command'

// Defined with the command line, whose argument takes them.
export { SHELLS, type Shell } from './completion.command'

/** What a value (of an option or an argument) completes to. */
export type ValueKind =
  | { readonly kind: 'target' }
  | { readonly kind: 'targets' }
  | { readonly kind: 'code' }
  | { readonly kind: 'command' }
  | { readonly kind: 'words'; readonly words: readonly string[] }
  | { readonly kind: 'dir' }
  | { readonly kind: 'file' }
  | { readonly kind: 'any' }

/** An option of a command, for completion. */
export interface OptionSpec {
  readonly short?: string
  readonly long?: string
  readonly description: string
  /** What its value completes to; undefined for a flag without a value. */
  readonly value?: ValueKind
  /** Whether it may be given more than once. */
  readonly repeatable: boolean
}

/** A positional argument of a command, for completion. */
export interface ArgumentSpec {
  readonly name: string
  readonly variadic: boolean
  readonly value: ValueKind
}

/** A command, for completion. */
export interface CommandSpec {
  readonly name: string
  readonly description: string
  readonly options: readonly OptionSpec[]
  readonly arguments: readonly ArgumentSpec[]
}

/** Everything a completion script completes. */
export interface CompletionModel {
  readonly commands: readonly CommandSpec[]
  readonly globalOptions: readonly OptionSpec[]
  readonly targets: readonly { readonly id: string; readonly name: string }[]
  readonly codes: readonly { readonly code: string; readonly summary: string }[]
}

const HELP: OptionSpec = { short: '-h', long: '--help', description: 'show help', repeatable: false }

/** Reads the commands and options of a commander program, the targets and the codes. */
export function completionModel(program: Command): CompletionModel {
  const commands: CommandSpec[] = []
  for (const command of program.commands) {
    if ((command as unknown as { _hidden?: boolean })._hidden) continue
    commands.push({
      name: command.name(),
      description: command.description(),
      options: [...command.options.filter((o) => !o.hidden).map(optionSpec), HELP],
      arguments: command.registeredArguments.map((a) => ({
        name: a.name(),
        variadic: a.variadic,
        value: a.argChoices ? { kind: 'words', words: a.argChoices } : valueOfPlaceholder(a.name()),
      })),
    })
  }
  if (commands.length > 0 && !commands.some((c) => c.name === 'help')) {
    commands.push({
      name: 'help',
      description: 'show help for a command',
      options: [],
      arguments: [{ name: 'command', variadic: false, value: { kind: 'command' } }],
    })
  }
  return {
    commands,
    globalOptions: [...program.options.filter((o) => !o.hidden).map(optionSpec), HELP],
    targets: builtinRegistry().targets.map((t) => ({ id: t.id, name: t.displayName })),
    codes: Object.entries(codes).map(([code, c]) => ({ code, summary: c.summary })),
  }
}

function optionSpec(option: Option): OptionSpec {
  const takesValue = option.required || option.optional
  const placeholder = /[<[]([\w-]+)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1] ?? ''
  return {
    ...(option.short ? { short: option.short } : {}),
    ...(option.long ? { long: option.long } : {}),
    description: option.description,
    ...(takesValue
      ? {
          value: option.argChoices
            ? ({ kind: 'words', words: option.argChoices } as const)
            : valueOfPlaceholder(placeholder),
        }
      : {}),
    repeatable: Array.isArray(option.defaultValue) || option.variadic,
  }
}

/**
 * What a value completes to, from the name of its placeholder: `<id>` a target, `<ids>` a
 * comma-separated list of targets, `<code>` a diagnostic code, `<dir>` a folder, `<file>`,
 * `<path>` and `<paths>` files; anything else is free text.
 */
function valueOfPlaceholder(name: string): ValueKind {
  if (name === 'id' || name === 'target') return { kind: 'target' }
  if (name === 'ids' || name === 'targets') return { kind: 'targets' }
  if (name === 'code') return { kind: 'code' }
  if (name === 'dir' || name === 'folder') return { kind: 'dir' }
  if (/^(file|files|path|paths)$/.test(name)) return { kind: 'file' }
  return { kind: 'any' }
}

/** The completion script for a shell. */
export function completionScript(shell: Shell, model: CompletionModel): string {
  if (shell === 'bash') return bashScript(model)
  if (shell === 'zsh') return zshScript(model)
  return fishScript(model)
}

const HEADER = (shell: Shell) =>
  `# ${shell} completion for agentc ${pkg.version}, printed by \`agentc completion ${shell}\`.\n` +
  '# It lists the commands, flags and target ids of this version: print it again after an upgrade.\n'

/** A word safe to print unquoted in any shell (ids, flags, codes), or the model is broken. */
function word(w: string): string {
  if (!/^[\w.,:=+-]+$/.test(w)) throw new Error(`completion: unexpected word ${JSON.stringify(w)}`)
  return w
}

function words(list: readonly string[]): string {
  return list.map(word).join(' ')
}

function flagsOf(option: OptionSpec): string[] {
  return [option.short, option.long].filter((f): f is string => f !== undefined)
}

// ── bash ──────────────────────────────────────────────────────────────────────────────────────

function bashScript(model: CompletionModel): string {
  const valueCase = (value: ValueKind): string => {
    switch (value.kind) {
      case 'target':
        return 'COMPREPLY=($(compgen -W "$_agentc_targets" -- "$cur"))'
      case 'targets':
        return '_agentc_list "$_agentc_targets"'
      case 'code':
        return 'COMPREPLY=($(compgen -W "$_agentc_codes" -- "$cur"))'
      case 'command':
        return 'COMPREPLY=($(compgen -W "$_agentc_commands" -- "$cur"))'
      case 'words':
        return `COMPREPLY=($(compgen -W '${words(value.words)}' -- "$cur"))`
      case 'dir':
        return `compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY=($(compgen -d -- "$cur"))`
      case 'file':
        // Readline's own file name completion (\`complete -o default\`) handles spaces and quotes.
        return 'COMPREPLY=()'
      case 'any':
        return 'compopt +o default 2>/dev/null; COMPREPLY=()'
    }
  }
  let cases = ''
  for (const command of model.commands) {
    cases += `    ${word(command.name)})\n`
    const withValue = command.options.filter((o) => o.value !== undefined)
    if (withValue.length > 0) {
      cases += '      case $prev in\n'
      for (const o of withValue)
        cases += `        ${flagsOf(o).map(word).join('|')}) ${valueCase(o.value!)}; return 0 ;;\n`
      cases += '      esac\n'
    }
    cases += `      if [[ $cur == -* ]]; then\n        COMPREPLY=($(compgen -W '${words(command.options.flatMap(flagsOf))}' -- "$cur"))\n        return 0\n      fi\n`
    const first = command.arguments[0]
    if (first) {
      const rest = command.arguments.at(-1)!
      cases += '      _agentc_position\n'
      command.arguments.forEach((a, i) => {
        cases += `      if (( position == ${i + 1} )); then ${valueCase(a.value)}; return 0; fi\n`
      })
      if (rest.variadic) cases += `      ${valueCase(rest.value)}\n`
    }
    cases += '      ;;\n'
  }
  return `${HEADER('bash')}# Load it in ~/.bashrc:  eval "$(agentc completion bash)"

_agentc_commands='${words(model.commands.map((c) => c.name))}'
_agentc_targets='${words(model.targets.map((t) => t.id))}'
_agentc_codes='${words(model.codes.map((c) => c.code))}'

# Completes the item after the last comma of a comma-separated list.
_agentc_list() {
  local prefix=''
  [[ $cur == *,* ]] && prefix=\${cur%,*},
  COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "\${cur##*,}"))
}

# Sets position: the number of the positional argument being completed (1 for the first).
_agentc_position() {
  local i w after_command=0
  position=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if (( ! after_command )); then
      [[ $w == -* ]] || after_command=1
      continue
    fi
    case $w in
      =) ((i++)) ;;
      -*) [[ " $_agentc_value_flags " == *" $w "* && \${COMP_WORDS[i+1]} != = ]] && ((i++)) ;;
      *) ((position++)) ;;
    esac
  done
  ((position++))
}

_agentc_value_flags='${words([...new Set(model.commands.flatMap((c) => c.options.filter((o) => o.value !== undefined).flatMap(flagsOf)))])}'

_agentc() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command='' position i
  # \`--flag=value\`: bash splits the word at \`=\`.
  if [[ $cur == = ]]; then
    cur=''
  elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    [[ \${COMP_WORDS[i]} == -* ]] && continue
    command=\${COMP_WORDS[i]}
    break
  done
  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W '${words(model.globalOptions.flatMap(flagsOf))}' -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$_agentc_commands" -- "$cur"))
    fi
    return 0
  fi
  case $command in
${cases}  esac
  return 0
}

complete -o default -F _agentc agentc
`
}

// ── zsh ───────────────────────────────────────────────────────────────────────────────────────

/** A string in single quotes for zsh and fish-free POSIX shells. */
function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** Text safe inside `[...]` of an `_arguments` spec, or after the colon of a `_describe` item. */
function zshText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\[/g, '(').replace(/\]/g, ')')
}

function zshScript(model: CompletionModel): string {
  const action = (value: ValueKind | undefined): string => {
    switch (value?.kind) {
      case undefined:
        return ''
      case 'target':
        return ':target:_agentc_targets'
      case 'targets':
        return ':targets:_agentc_target_list'
      case 'code':
        return ':code:_agentc_codes'
      case 'command':
        return ':command:_agentc_commands'
      case 'words':
        return `:value:(${words(value.words)})`
      case 'dir':
        return ':folder:_files -/'
      case 'file':
        return ':file:_files'
      case 'any':
        return ':value: '
    }
  }
  const optionSpecs = (option: OptionSpec): string[] => {
    const flags = flagsOf(option)
    const suffix = (flag: string) => (option.value === undefined ? '' : flag.startsWith('--') ? '=' : '+')
    const exclude = option.repeatable ? '*' : flags.length > 1 ? `(${flags.join(' ')})` : ''
    return flags.map((flag) =>
      singleQuoted(
        `${exclude}${word(flag)}${suffix(flag)}[${zshText(option.description)}]${action(option.value)}`,
      ),
    )
  }
  const argumentSpecs = (args: readonly ArgumentSpec[]): string[] =>
    args.map((a, i) =>
      singleQuoted(
        `${a.variadic ? '*' : String(i + 1)}${action(a.value).replace(/^:[^:]*:/, `:${a.name}:`)}`,
      ),
    )
  let cases = ''
  for (const command of model.commands) {
    const specs = [...command.options.flatMap(optionSpecs), ...argumentSpecs(command.arguments)]
    cases += `        ${word(command.name)})\n          _arguments -s -S \\\n            ${specs.join(' \\\n            ')} && ret=0\n          ;;\n`
  }
  const describeList = (items: readonly (readonly [string, string])[]) =>
    items.map(([name, text]) => `    ${singleQuoted(`${word(name)}:${zshText(text)}`)}`).join('\n')
  return `#compdef agentc
${HEADER('zsh')}# Load it in ~/.zshrc (after compinit):  source <(agentc completion zsh)
# or save it as _agentc in a folder of $fpath.

_agentc_commands() {
  local -a commands=(
${describeList(model.commands.map((c) => [c.name, c.description]))}
  )
  _describe -t commands 'agentc command' commands
}

_agentc_targets() {
  local -a targets=(
${describeList(model.targets.map((t) => [t.id, t.name]))}
  )
  _describe -t targets 'target' targets
}

_agentc_target_list() {
  _values -s , 'target' ${model.targets.map((t) => singleQuoted(`${word(t.id)}[${zshText(t.name)}]`)).join(' ')}
}

_agentc_codes() {
  local -a codes=(
${describeList(model.codes.map((c) => [c.code, c.summary]))}
  )
  _describe -t codes 'diagnostic code' codes
}

_agentc() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
  _arguments -C \\
    ${model.globalOptions.flatMap((o) => flagsOf(o).map((f) => singleQuoted(`(- *)${word(f)}[${zshText(o.description)}]`))).join(' \\\n    ')} \\
    '1: :_agentc_commands' \\
    '*:: :->args' && ret=0
  if [[ $state == args ]]; then
    curcontext=\${curcontext%:*:*}:agentc-$words[1]:
    case $words[1] in
${cases}    esac
  fi
  return ret
}

if [[ $funcstack[1] == _agentc ]]; then
  _agentc "$@"
else
  compdef _agentc agentc
fi
`
}

// ── fish ──────────────────────────────────────────────────────────────────────────────────────

/** A string in single quotes for fish (which escapes only `\\` and `'` there). */
function fishQuoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

function fishScript(model: CompletionModel): string {
  const names = words(model.commands.map((c) => c.name))
  const valueArgs = (value: ValueKind | undefined): string => {
    switch (value?.kind) {
      case undefined:
        return ''
      case 'target':
        return " -x -a '(__agentc_targets)'"
      case 'targets':
        return " -x -a '(__agentc_target_list)'"
      case 'code':
        return " -x -a '(__agentc_codes)'"
      case 'command':
        return ` -x -a '${names}'`
      case 'words':
        return ` -x -a '${words(value.words)}'`
      case 'dir':
        return " -x -a '(__fish_complete_directories)'"
      case 'file':
        return ' -r -F'
      case 'any':
        return ' -x'
    }
  }
  const optionLine = (condition: string, option: OptionSpec) => {
    const short = option.short ? ` -s ${word(option.short.slice(1))}` : ''
    const long = option.long ? ` -l ${word(option.long.slice(2))}` : ''
    return `complete -c agentc -n ${fishQuoted(condition)}${short}${long}${valueArgs(option.value)} -d ${fishQuoted(option.description)}\n`
  }
  const top = `not __fish_seen_subcommand_from ${names}`
  let out = `${HEADER('fish')}# Load it once:  agentc completion fish > ~/.config/fish/completions/agentc.fish

complete -c agentc -e
complete -c agentc -f

function __agentc_targets
${model.targets.map((t) => `    printf '%s\\t%s\\n' ${word(t.id)} ${fishQuoted(t.name)}\n`).join('')}end

# The targets after the last comma of the list being typed (\`--target claude,cu\`).
function __agentc_target_list
    set -l value (string replace -r -- '^-[^=]*=' '' (commandline -ct))
    set -l prefix (string match -r -- '^.*,' $value)
    for line in (__agentc_targets)
        printf '%s%s\\n' "$prefix" $line
    end
end

function __agentc_codes
${model.codes.map((c) => `    printf '%s\\t%s\\n' ${word(c.code)} ${fishQuoted(c.summary)}\n`).join('')}end

`
  for (const command of model.commands) {
    out += `complete -c agentc -n ${fishQuoted(top)} -a ${word(command.name)} -d ${fishQuoted(command.description)}\n`
  }
  for (const option of model.globalOptions) out += optionLine(top, option)
  for (const command of model.commands) {
    const inCommand = `__fish_seen_subcommand_from ${word(command.name)}`
    out += '\n'
    for (const option of command.options) out += optionLine(inCommand, option)
    const arg = command.arguments[0]
    if (arg) {
      const value = valueArgs(arg.value).replace(' -x', '').replace(' -r', '')
      out += `complete -c agentc -n ${fishQuoted(inCommand)}${value}\n`
    }
  }
  return out
}
