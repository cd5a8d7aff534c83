/**
 * The canonical tool vocabulary of the IR. Names follow OpenCode's tool ids where OpenCode has
 * the tool; each target maps its own names to these in its `mappings.ts`.
 */
export const CANONICAL_TOOLS = {
  read: 'read a file',
  write: 'create or overwrite a file',
  edit: 'change part of an existing file (string edits, patches)',
  list: 'list a directory',
  glob: 'find files by glob',
  grep: 'search file contents',
  bash: 'run a shell command',
  webfetch: 'fetch a URL',
  websearch: 'search the web',
  task: 'start a subagent',
  todowrite: 'write the todo list',
  todoread: 'read the todo list',
  skill: 'load a skill',
  question: 'ask the user a question',
  lsp: 'query a language server',
  notebook: 'edit a Jupyter notebook',
} as const

/** A canonical tool capability name. */
export type CanonicalTool = keyof typeof CANONICAL_TOOLS

/** Whether `name` is a canonical tool name. */
export function isCanonicalTool(name: string): name is CanonicalTool {
  return Object.hasOwn(CANONICAL_TOOLS, name)
}

/** `mcp:<server>/<tool>` for an MCP tool (`*` for the whole server). */
export function mcpTool(server: string, tool: string): string {
  return `mcp:${server}/${tool}`
}

/** The server and tool of an `mcp:<server>/<tool>` name, or undefined. */
export function parseMcpTool(name: string): { server: string; tool: string } | undefined {
  const match = /^mcp:([^/]+)\/(.+)$/.exec(name)
  return match ? { server: match[1]!, tool: match[2]! } : undefined
}

/** `<target>:<native>` for a tool only one target knows. */
export function nativeTool(target: string, native: string): string {
  return `${target}:${native}`
}

/** The target and native name of a `<target>:<native>` tool name (not `mcp:`), or undefined. */
export function parseNativeTool(name: string): { target: string; native: string } | undefined {
  const match = /^([a-z][a-z0-9-]*):(.+)$/.exec(name)
  if (!match || match[1] === 'mcp') return undefined
  return { target: match[1]!, native: match[2]! }
}
