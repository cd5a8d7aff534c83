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
  },
  AGC002: {
    name: 'yaml-syntax',
    severity: 'error',
    summary: 'The frontmatter is not valid YAML and the owning tool would not read it either.',
    fix: 'Fix the YAML at the reported position; quote values that contain `: ` or start with `*`.',
  },
  AGC003: {
    name: 'frontmatter-not-a-map',
    severity: 'error',
    summary: 'The frontmatter is valid YAML but not a map of keys to values.',
    fix: 'Write the frontmatter as `key: value` lines.',
  },
  AGC004: {
    name: 'yaml-lenient',
    severity: 'info',
    summary: 'The frontmatter is not strict YAML; it was read the way the owning tool reads it.',
    fix: 'Quote the value to make the file portable to strict YAML readers.',
  },
  AGC005: {
    name: 'file-encoding',
    severity: 'error',
    summary: 'The file is not UTF-8 text (it contains NUL bytes or invalid UTF-8).',
    fix: 'Save the file as UTF-8 text.',
  },
  AGC006: {
    name: 'region-malformed',
    severity: 'error',
    summary: 'The agentc-managed region of a shared file (its begin/end markers) is broken.',
    fix: 'Restore the marker lines the message names, or delete the whole region and build again.',
  },
  AGC007: {
    name: 'limit-exceeded',
    severity: 'error',
    summary:
      'An input exceeds a safety limit: file size, line length, YAML nesting depth or aliases, or number of files.',
    fix: 'Split or shorten the file; if it is legitimate, raise the limit with the option the message names.',
  },
  AGC101: {
    name: 'invalid-value',
    severity: 'error',
    summary: 'A field has a value of the wrong type or outside its allowed values.',
    fix: 'Change the value to one the message lists.',
  },
  AGC102: {
    name: 'unknown-key-kept',
    severity: 'info',
    summary: 'A key the target does not model was kept as an extension of that target.',
    fix: 'Nothing to do: the key is written back when the same target is emitted, and reported elsewhere.',
  },
  AGC103: {
    name: 'deprecated-key',
    severity: 'info',
    summary: 'A key is deprecated by its tool; it was read, and its modern form is emitted.',
    fix: 'Use the modern key the message names.',
  },
  AGC104: {
    name: 'ignored-value',
    severity: 'warning',
    summary: 'A value is valid but has no effect in its own tool.',
    fix: 'Remove it, or change it so that it takes effect.',
  },
  AGC201: {
    name: 'field-unsupported',
    severity: 'warning',
    summary: 'The target has no way to express this field; it is not in the output.',
    fix: 'Accept the loss, or express the behaviour in the agent body by hand.',
  },
  AGC202: {
    name: 'value-approximated',
    severity: 'warning',
    summary: 'The target can only approximate this value; the output behaves differently.',
    fix: 'Check that the approximation the message describes is acceptable.',
  },
  AGC203: {
    name: 'extension-not-carried',
    severity: 'info',
    summary: "A key kept for another target (an extension) has no place in this target's output.",
    fix: 'Nothing to do unless the key matters in this target; then set its equivalent by hand.',
  },
  AGC204: {
    name: 'model-unavailable',
    severity: 'warning',
    summary: 'The target cannot run the source model; the model is left out and the target default applies.',
    fix: 'Choose a model the target can run, or accept the default.',
  },
  AGC205: {
    name: 'model-aliased',
    severity: 'info',
    summary: 'The model was mapped to a target alias that follows the newest release of its family.',
    fix: 'Nothing to do unless the exact version matters.',
  },
  AGC206: {
    name: 'scope-widened',
    severity: 'warning',
    summary: 'A per-agent setting was written to a project-wide file; it now applies to every session.',
    fix: 'Accept the wider scope, or leave the rules out and keep them per agent in a tool that can.',
  },
  AGC207: {
    name: 'name-sanitised',
    severity: 'warning',
    summary: "The agent name is not legal in the target and was changed to fit the target's rules.",
    fix: "Rename the agent to a name that is legal everywhere: lowercase letters, digits and '-'.",
  },
  AGC208: {
    name: 'tool-unmapped',
    severity: 'warning',
    summary: 'A tool has no equivalent in the target.',
    fix: 'Remove the tool from the source or accept that the target does not restrict or grant it.',
  },
  AGC209: {
    name: 'body-reference',
    severity: 'info',
    summary:
      'The body mentions a tool name or path of the source tool that is different (or absent) in the target.',
    fix: 'Pass --rewrite-references to rewrite the names that have an equivalent, or edit the prompt.',
  },
  AGC210: {
    name: 'body-reference-rewritten',
    severity: 'info',
    summary: "A tool name or path in the body was rewritten to the target's spelling (--rewrite-references).",
    fix: 'Nothing to do; check the rewritten prompt reads well.',
  },
  AGC301: {
    name: 'unknown-target',
    severity: 'error',
    summary: 'The target id is not one agentc knows.',
    fix: 'Use one of the ids `agentc targets` lists.',
  },
  AGC302: {
    name: 'output-path-collision',
    severity: 'error',
    summary: 'Two agents would be written to the same output file.',
    fix: 'Give the agents different names.',
  },
  AGC303: {
    name: 'no-input',
    severity: 'warning',
    summary:
      'A folder given as input holds no agent files; the build goes on (and removes the outputs of agents that were there).',
    fix: 'Check the path, or ignore this if you removed the last agent on purpose.',
  },
  AGC304: {
    name: 'file-unreadable',
    severity: 'error',
    summary: 'A file or folder does not exist or cannot be read.',
    fix: 'Check the path and its permissions.',
  },
  AGC305: {
    name: 'merge-failed',
    severity: 'error',
    summary: 'An existing file that agentc must merge into is malformed; agentc will not overwrite it.',
    fix: 'Fix the file (its position is given) and run the command again.',
  },
  AGC306: {
    name: 'write-failed',
    severity: 'error',
    summary: 'An output file could not be written.',
    fix: 'Check that the output folder is writable.',
  },
  AGC307: {
    name: 'output-path-unsafe',
    severity: 'error',
    summary:
      'An output path would leave the output folder, is not portable (a device name such as `con`, `:`, control characters), or passes through a symbolic link.',
    fix: 'Rename the agent, or replace the symbolic link the message names with a real folder.',
  },
  AGC308: {
    name: 'output-not-owned',
    severity: 'error',
    summary:
      'agentc would overwrite or delete a file it did not write, or one that was edited since it wrote it; nothing was written.',
    fix: 'Move your changes into the agent source, or pass --force to let agentc replace (or delete) the files listed.',
  },
  AGC309: {
    name: 'output-locked',
    severity: 'error',
    summary: 'Another agentc build is writing to the same output folder.',
    fix: 'Wait for the other build to finish. If none is running, delete the lock file the message names.',
  },
  AGC901: {
    name: 'internal-error',
    severity: 'error',
    summary: 'agentc hit a bug.',
    fix: 'Please report it with the input that caused it.',
  },
} as const satisfies Record<
  string,
  { name: string; severity: 'error' | 'warning' | 'info'; summary: string; fix: string }
>

/** A diagnostic code such as `AGC201`. */
export type DiagnosticCode = keyof typeof codes
