/**
 * The table of diagnostic codes: the single source of truth for each code's name, default
 * severity and explanation. A code is never reused or renumbered.
 *
 * Ranges: AGC0xx reading and syntax; AGC1xx validation; AGC2xx conversion loss; AGC3xx CLI,
 * input and output; AGC9xx internal.
 */
export const codes = {
  AGC001: {
    name: 'frontmatter-unclosed',
    severity: 'error',
    summary: 'The frontmatter opens with `---` but never closes.',
    fix: 'Add a line containing only `---` after the last frontmatter key.',
    explanation:
      'A file that starts with a `---` line has YAML frontmatter, which ends at the next line holding only `---`. agentc found no closing line, so it cannot tell where the settings end and the prompt begins, and it reads nothing from the file rather than guess. The owning tool would misread the file too.',
    example:
      '---\ndescription: Reviews code\nmode: subagent\nYou are a careful reviewer.        <- the closing `---` is missing above',
  },
  AGC002: {
    name: 'yaml-syntax',
    severity: 'error',
    summary: 'The frontmatter is not valid YAML and the owning tool would not read it either.',
    fix: 'Fix the YAML at the reported position; quote values that contain `: ` or start with `*`.',
    explanation:
      'The text between the `---` lines must be YAML, as every tool that reads these files parses it. The message names the key and the YAML error; the position points at the first character the parser could not accept. Common causes: an unclosed `[` or quote, a tab used for indentation, a value that contains `: ` or starts with `*`, `&` or `!` without quotes, and a key written twice.',
    example:
      'tools:\n  bash: [true          <- `[` is never closed\n\nFix: `bash: true`, or close the list: `bash: [true]`',
  },
  AGC003: {
    name: 'frontmatter-not-a-map',
    severity: 'error',
    summary: 'The frontmatter is valid YAML but not a map of keys to values.',
    fix: 'Write the frontmatter as `key: value` lines.',
    explanation:
      'The frontmatter parsed as YAML, but its top level is a list or a single value rather than a map of keys, so it holds no settings any tool could read. The same applies to a JSON or TOML agent file whose top level is not an object or table.',
    example:
      '---\n- description: Reviews code     <- a list item, not a key\n---\n\nFix: `description: Reviews code`',
  },
  AGC004: {
    name: 'yaml-lenient',
    severity: 'info',
    summary: 'The frontmatter is not strict YAML; it was read the way the owning tool reads it.',
    fix: 'Quote the value to make the file portable to strict YAML readers.',
    explanation:
      'The frontmatter is not strict YAML, but the tool that owns the file reads it anyway with a more forgiving reader (OpenCode and Claude Code take an unquoted value containing `: ` as plain text). agentc read it the same way, so nothing is lost; other YAML readers, including other tools the agent is converted to, may still reject the original.',
    example:
      'description: Reviews code: style and bugs     <- `: ` inside an unquoted value\n\nFix: description: "Reviews code: style and bugs"',
  },
  AGC005: {
    name: 'file-encoding',
    severity: 'error',
    summary: 'The file is not UTF-8 text (it contains NUL bytes or invalid UTF-8).',
    fix: 'Save the file as UTF-8 text.',
    explanation:
      'Agent files are text. This file has a NUL byte or bytes that are not valid UTF-8, usually because it is a binary file picked up by a folder scan, or text saved in another encoding (Latin-1, UTF-16). The position is that of the first bad byte.',
  },
  AGC006: {
    name: 'region-malformed',
    severity: 'error',
    summary: 'The agentc-managed region of a shared file (its begin/end markers) is broken.',
    fix: 'Restore the marker lines the message names, or delete the whole region and build again.',
    explanation:
      'In a file shared with people (such as `AGENTS.md`), agentc owns only the part between its `<!-- agentc:begin -->` and `<!-- agentc:end -->` markers, with one `<!-- agentc:agent … -->` … `<!-- agentc:end-agent -->` section per agent. A marker is missing, duplicated or out of order, so agentc cannot tell its part from yours and changes nothing.',
  },
  AGC007: {
    name: 'limit-exceeded',
    severity: 'error',
    summary:
      'An input exceeds a safety limit: file size, line length, YAML nesting depth or aliases, or number of files.',
    fix: 'Split or shorten the file; if it is legitimate, raise the limit with the option the message names.',
    explanation:
      'agentc refuses inputs that could exhaust memory or time instead of failing halfway: a file over 1 MiB (`--max-file-size`), a line over 100,000 characters (`--max-line-length`), more than 10,000 input files (`--max-files`), or frontmatter nested more than 64 levels deep or expanding more than 100 YAML aliases. Real agent definitions are far below these limits, so the file is most likely not an agent, or was generated by mistake.',
  },
  AGC101: {
    name: 'invalid-value',
    severity: 'error',
    summary: 'A field has a value of the wrong type or outside its allowed values.',
    fix: 'Change the value to one the message lists.',
    explanation:
      'The value has the wrong type (a list where text is expected, text where a number is expected) or is not one of the values the tool accepts. The tool would reject the file or ignore the setting, so agentc reports it as an error instead of carrying a value that means nothing.',
    example: '---\ntemperature: warm          <- a number between 0 and 2 is expected\n---',
  },
  AGC102: {
    name: 'unknown-key-kept',
    severity: 'info',
    summary: 'A key the target does not model was kept as an extension of that target.',
    fix: 'Nothing to do: the key is written back when the same target is emitted, and reported elsewhere.',
    explanation:
      "The key is not one the target defines in agentc's model, but it may mean something to that tool (a newer setting, a plugin's key). agentc keeps it as an extension of that target: it is written back unchanged when the agent is emitted for the same tool, and reported (AGC203) when it is emitted for another.",
  },
  AGC103: {
    name: 'deprecated-key',
    severity: 'info',
    summary: 'A key is deprecated by its tool; it was read, and its modern form is emitted.',
    fix: 'Use the modern key the message names.',
    explanation:
      'The tool still accepts the key, but its documentation names a newer form. agentc understood the old key and writes the modern one, so a converted or re-emitted file uses the current spelling.',
    example: "maxSteps: 20      <- Kilo's deprecated name; agentc writes `steps: 20`",
  },
  AGC104: {
    name: 'ignored-value',
    severity: 'warning',
    summary: 'A value is valid but has no effect in its own tool.',
    fix: 'Remove it, or change it so that it takes effect.',
    explanation:
      'The value is accepted by the tool but changes nothing there: a key the tool reads only in another mode, a setting overridden by another one, or a value the tool silently ignores. It is reported so that you do not rely on an effect that does not happen.',
  },
  AGC201: {
    name: 'field-unsupported',
    severity: 'warning',
    summary: 'The target has no way to express this field; it is not in the output.',
    fix: 'Accept the loss, or express the behaviour in the agent body by hand.',
    explanation:
      "Every target can express only some of the settings of an agent (see `agentc targets --capabilities`). This field has no counterpart in the target, so the output lacks it and the agent behaves as the target's default there. This is the loss report doing its job: nothing is silently dropped.",
    example:
      'model: openai/gpt-5.2-codex      <- building for a target without a model setting\n\n.opencode/agents/reviewer.md:4:1  warning  The model (openai/gpt-5.2-codex) cannot be expressed in AGENTS.md; left out.  AGC201',
  },
  AGC202: {
    name: 'value-approximated',
    severity: 'warning',
    summary: 'The target can only approximate this value; the output behaves differently.',
    fix: 'Check that the approximation the message describes is acceptable.',
    explanation:
      'The target has a setting close to this one but not the same: a narrower or wider permission, a coarser value, a description rewritten to carry what the target cannot say otherwise. The output is the nearest faithful form, and the message says what differs.',
    example:
      'globs: ["*.ts"]     <- AGENTS.md has no globs; they are written as guidance in the text\n\nAGC202  Tools that read AGENTS.md load every section into every request; the globs (*.ts) are written as guidance.',
  },
  AGC203: {
    name: 'extension-not-carried',
    severity: 'info',
    summary: "A key kept for another target (an extension) has no place in this target's output.",
    fix: 'Nothing to do unless the key matters in this target; then set its equivalent by hand.',
    explanation:
      "A key that only one tool understands (kept as that tool's extension, see AGC102) is not written when the agent is emitted for a different tool, since it would mean nothing there.",
  },
  AGC204: {
    name: 'model-unavailable',
    severity: 'warning',
    summary: 'The target cannot run the source model; the model is left out and the target default applies.',
    fix: 'Choose a model the target can run, or accept the default.',
    explanation:
      'The target cannot run this model (for example, Claude Code runs only Claude models). agentc leaves the model out, so the agent uses the model of the session that calls it, rather than naming a model the tool would reject.',
    example:
      'model: google/gemini-2.5-pro      <- building for claude\n\nAGC204  Claude Code cannot run the model google/gemini-2.5-pro; it is left out, so the agent uses the model of the session that calls it.',
  },
  AGC205: {
    name: 'model-aliased',
    severity: 'info',
    summary: 'The model was mapped to a target alias that follows the newest release of its family.',
    fix: 'Nothing to do unless the exact version matters.',
    explanation:
      "The target names models by aliases (such as Claude Code's `sonnet`, `opus`, `haiku`) or by its own labels. The exact version of the source was mapped to the alias or label of the same model, which may follow a newer release of that family later.",
  },
  AGC206: {
    name: 'scope-widened',
    severity: 'warning',
    summary: 'A per-agent setting was written to a project-wide file; it now applies to every session.',
    fix: 'Accept the wider scope, or leave the rules out and keep them per agent in a tool that can.',
    explanation:
      "Some tools keep permission rules per project, not per agent. With `--claude-settings`, the agent's command rules are written to `.claude/settings.json`, where they apply to every session in the project, not only to this agent.",
  },
  AGC207: {
    name: 'name-sanitised',
    severity: 'warning',
    summary: "The agent name is not legal in the target and was changed to fit the target's rules.",
    fix: "Rename the agent to a name that is legal everywhere: lowercase letters, digits and '-'.",
    explanation:
      'Each tool restricts agent names (Claude Code: lowercase letters, digits and hyphens) and file names must be portable (no `/`, `..`, `:`, device names such as `con`). The name was changed to the nearest legal one, which also changes the file name and the name other agents and people call it by.',
    example:
      'name: Data_Migrator\n\nAGC207  Claude Code agent names use lowercase letters, digits and hyphens; "Data_Migrator" became "data-migrator".',
  },
  AGC208: {
    name: 'tool-unmapped',
    severity: 'warning',
    summary: 'A tool has no equivalent in the target.',
    fix: 'Remove the tool from the source or accept that the target does not restrict or grant it.',
    explanation:
      "A tool in the agent's allow- or deny-list (or a permission rule for it) has no counterpart among the target's tools, so the target can neither grant nor withhold it. Check that the agent is still safe without that restriction.",
  },
  AGC209: {
    name: 'body-reference',
    severity: 'info',
    summary:
      'The body mentions a tool name or path of the source tool that is different (or absent) in the target.',
    fix: 'Pass --rewrite-references to rewrite the names that have an equivalent, or edit the prompt.',
    explanation:
      'Prompts written for one tool name its tools and files ("use the Read tool", `.claude/agents/`, `CLAUDE.md`). In the target these names are different or do not exist, so the agent may follow instructions that no longer apply. Names are matched in a tool context only (inline code, "… tool"); fenced code blocks are never touched.',
    example:
      'Use the `Read` tool before editing.      <- converting a Claude Code agent to OpenCode\n\nRun with --rewrite-references to get "Use the `read` tool before editing."',
  },
  AGC210: {
    name: 'body-reference-rewritten',
    severity: 'info',
    summary: "A tool name or path in the body was rewritten to the target's spelling (--rewrite-references).",
    fix: 'Nothing to do; check the rewritten prompt reads well.',
    explanation:
      "With `--rewrite-references`, each name in the prompt that has an equivalent in the target was replaced by the target's spelling; this lists each replacement so you can review it.",
  },
  AGC301: {
    name: 'unknown-target',
    severity: 'error',
    summary: 'The target id is not one agentc knows.',
    fix: 'Use one of the ids `agentc targets` lists.',
    explanation:
      'The value of `--target`, `--from` or `--to` is not the id of a target agentc knows. The message names the closest id.',
    example:
      'agentc build agents --target claud\n\nagentc  error  Unknown target "claud" (did you mean "claude"?); the targets are …  AGC301',
  },
  AGC302: {
    name: 'output-path-collision',
    severity: 'error',
    summary: 'Two agents would be written to the same output file.',
    fix: 'Give the agents different names.',
    explanation:
      'Two agents map to the same output file in the target (same name, or names that become the same after sanitising, see AGC207). Writing both would lose one, so nothing is written.',
  },
  AGC303: {
    name: 'no-input',
    severity: 'warning',
    summary:
      'A folder given as input holds no agent files; the build goes on (and removes the outputs of agents that were there).',
    fix: 'Check the path, or ignore this if you removed the last agent on purpose.',
    explanation:
      'A folder given to `build` holds no `*.md` files (README-like files and hidden folders are skipped). The build still runs, so removing the last agent of a folder cleans up its outputs.',
  },
  AGC304: {
    name: 'file-unreadable',
    severity: 'error',
    summary: 'A file or folder does not exist or cannot be read.',
    fix: 'Check the path and its permissions.',
    explanation: 'A path given on the command line does not exist, or agentc has no permission to read it.',
  },
  AGC305: {
    name: 'merge-failed',
    severity: 'error',
    summary: 'An existing file that agentc must merge into is malformed; agentc will not overwrite it.',
    fix: 'Fix the file (its position is given) and run the command again.',
    explanation:
      "Shared files (`AGENTS.md`, `.roomodes`, `.claude/settings.json`) and agentc's manifest (`.agentc/manifest.json`) are merged, never replaced. This one cannot be parsed (invalid JSON or YAML, or an unexpected shape), so agentc cannot merge into it without risking what else it holds, and writes nothing.",
  },
  AGC306: {
    name: 'write-failed',
    severity: 'error',
    summary: 'An output file could not be written.',
    fix: 'Check that the output folder is writable.',
    explanation:
      'The operating system refused a write: the folder is read-only, the disk is full, or a lock file cannot be created. Earlier files of the build stay consistent (each is written atomically), and the next build finishes the job.',
  },
  AGC307: {
    name: 'output-path-unsafe',
    severity: 'error',
    summary:
      'An output path would leave the output folder, is not portable (a device name such as `con`, `:`, control characters), or passes through a symbolic link.',
    fix: 'Rename the agent, or replace the symbolic link the message names with a real folder.',
    explanation:
      'agentc writes only inside the output folder, to portable paths, and never through a symbolic link that leads outside it. An agent name that still produces an unsafe path after sanitising, or a linked folder on the way, is refused.',
  },
  AGC308: {
    name: 'output-not-owned',
    severity: 'error',
    summary:
      'agentc would overwrite or delete a file it did not write, or one that was edited since it wrote it; nothing was written.',
    fix: 'Move your changes into the agent source, or pass --force to let agentc replace (or delete) the files listed.',
    explanation:
      'agentc overwrites or deletes only files it wrote itself and that are unchanged since (it records a hash of each in `.agentc/manifest.json`). These files are yours, or were edited after agentc wrote them, so the build stops and writes nothing rather than lose your work.',
    example:
      'out/.claude/agents/helper.md (edited since agentc wrote it)\n\nMove the edit into the agent source and build again, or pass --force to replace the file.',
  },
  AGC309: {
    name: 'output-locked',
    severity: 'error',
    summary: 'Another agentc build is writing to the same output folder.',
    fix: 'Wait for the other build to finish. If none is running, delete the lock file the message names.',
    explanation:
      'A build holds `.agentc/lock` in its output folder while it writes, so two builds never mix their files. A lock left by a build that was killed is taken over automatically; this one belongs to a process that is still running.',
  },
  AGC310: {
    name: 'config-invalid',
    severity: 'error',
    summary:
      'The project configuration (`agentc.config.json` or `agentc.config.yaml`) cannot be read, or a setting in it has an invalid value.',
    fix: 'Fix the setting at the reported position; the message says what is expected.',
    explanation:
      'agentc reads `agentc.config.json`, `agentc.config.yaml` or `agentc.config.yml` from the current folder or the nearest folder above it. The file is not valid JSON or YAML, has a key agentc does not know (often a typo; the message suggests the closest key), has a value of the wrong type, or sits beside another configuration file in the same folder. Nothing is built with a configuration agentc cannot fully read: a misread setting could write to the wrong place.',
    example:
      'targets:\n  claud: {}          <- not a target id (did you mean `claude`?)\n\nFix: `claude: {}`',
  },
  AGC311: {
    name: 'config-override',
    severity: 'info',
    summary: 'The project configuration replaced a value of the agent for one target.',
    fix: 'Nothing to do; this lists what the configuration changed.',
    explanation:
      'An override in the configuration (`agents.<name>`, `agents.<name>.targets.<id>`, or a model substitution in `models` or `targets.<id>.models`) gave the agent another value before it was compiled for the target. Each change is listed once per agent and target, at the setting in the configuration. If the target cannot hold the new value, that loss is reported too, at the same setting.',
  },
  AGC312: {
    name: 'config-unmatched',
    severity: 'warning',
    summary: 'The configuration has overrides for an agent that no source file defines.',
    fix: 'Check the agent name (it is the `name` of the agent, usually its file name), or remove the overrides.',
    explanation:
      'The overrides under `agents.<name>` apply to the agent of that name. No agent of the configured sources has it, so the overrides do nothing; usually the name is misspelt or the agent was renamed.',
  },
  AGC313: {
    name: 'pack-manifest-invalid',
    severity: 'error',
    summary:
      'The pack manifest (`agentc-pack.json` or `agentc-pack.yaml`) cannot be read, or a field in it has an invalid value.',
    fix: 'Fix the field at the reported position; the message says what is expected.',
    explanation:
      'A pack is a folder of agent sources with a manifest naming the pack (an npm package name), its version (semver), description, licence and authors, which agent files it holds and which targets it is built for. `agentc pack` builds nothing from a manifest it cannot fully read: a release carries the name and version into npm, Claude Code plugin and marketplace manifests, where a wrong value would publish a broken package.',
    example: 'version: 1.0          <- not semver\n\nFix: `version: 1.0.0`',
  },
  AGC314: {
    name: 'pack-unreadable',
    severity: 'error',
    summary:
      'The pack given to `agentc add` cannot be found or read, or its files do not match its checksums.',
    fix: 'Check the path or package name; if the release was changed or truncated, get it again from its publisher.',
    explanation:
      '`agentc add` installs a release built by `agentc pack`: a folder, a `.tgz`, or a package in `node_modules`, holding `agentc-release.json` and `SHA256SUMS`. Every file is checked against its SHA-256 before anything is installed, so a release that was modified, truncated or is not a release at all installs nothing.',
  },
  AGC315: {
    name: 'pack-conflict',
    severity: 'error',
    summary: 'An agent of the pack has the name of an agent the project or another pack already has.',
    fix: 'Install the pack with `--prefix <text>` (its agents are renamed `<text><name>`), or remove the other agent.',
    explanation:
      "Tools identify agents by name, so two agents of one name in a project would replace each other (or one would silently win). agentc refuses to install a pack whose agent names, or output files, are already taken by the project's own agents or by another installed pack. A prefix chosen with `--prefix` is recorded in the lockfile and kept by later updates.",
    example: 'agentc add ./review-pack --prefix acme-     <- installs acme-security-reviewer, …',
  },
  AGC316: {
    name: 'lockfile-invalid',
    severity: 'error',
    summary: 'The pack lockfile (`agentc.lock.json`) cannot be read.',
    fix: 'Restore it from version control; agentc does not guess which files packs installed.',
    explanation:
      '`agentc.lock.json` records each installed pack: its version, where it came from, the prefix, the targets and the files it installed. agentc changes nothing when the file is not valid JSON or not a lockfile it understands, because it could not tell which files belong to which pack.',
  },
  AGC317: {
    name: 'pack-not-installed',
    severity: 'error',
    summary: 'The pack named is not installed in this project.',
    fix: 'Run `agentc list` to see the installed packs and their names.',
    explanation:
      '`agentc remove` takes the name of a pack as `agentc list` shows it (the package name in its lockfile entry). No pack of that name is recorded in `agentc.lock.json`, so nothing is removed.',
  },
  AGC901: {
    name: 'internal-error',
    severity: 'error',
    summary: 'agentc hit a bug.',
    fix: 'Please report it with the input that caused it.',
    explanation:
      'agentc failed where it should have reported a diagnostic. The rest of the run stops safely (nothing is half-written), but the result is not complete.',
  },
} as const satisfies Record<string, CodeInfo>

/** What the code table says about one code. */
export interface CodeInfo {
  /** Stable kebab-case name, e.g. `field-unsupported`. */
  readonly name: string
  /** Default severity. */
  readonly severity: 'error' | 'warning' | 'info'
  /** One sentence: what happened. */
  readonly summary: string
  /** One sentence: what to do about it. */
  readonly fix: string
  /** A longer explanation: why it is reported and what it means for the output (`agentc explain`). */
  readonly explanation?: string
  /** A short example: the input that causes it and, where useful, the fix. */
  readonly example?: string
}

/** A diagnostic code such as `AGC201`. */
export type DiagnosticCode = keyof typeof codes
