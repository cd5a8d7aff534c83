import type { WatchRuntime } from '../watch'

/** A directory entry. */
export interface Entry {
  readonly name: string
  readonly isFile: boolean
  readonly isDirectory: boolean
}

/** What is at a path. */
export interface FileInfo {
  readonly isFile: boolean
  readonly isDirectory: boolean
  /** Only from `lstat`: the path itself is a symbolic link. */
  readonly isSymbolicLink: boolean
  /** Size in bytes. */
  readonly size: number
}

/** The file system operations the CLI needs; the only door to the disk. */
export interface FileSystem {
  /** The bytes of a file; throws a Node-style error with `code` when it cannot. */
  readBytes(path: string): Promise<Uint8Array>
  /** What is at a path (links followed), or undefined when nothing is. */
  stat(path: string): Promise<FileInfo | undefined>
  /** What is at a path (links not followed), or undefined when nothing is. */
  lstat(path: string): Promise<FileInfo | undefined>
  /** The canonical absolute path (links resolved); throws when the path does not exist. */
  realpath(path: string): Promise<string>
  /** The entries of a directory. */
  readdir(path: string): Promise<Entry[]>
  /**
   * Writes a file atomically: the contents go to a temporary file (in `tempDir` when given,
   * else beside the file) that is then renamed over the path, so a reader (or a crash) sees the
   * old file or the new one, never a part. Creates parent folders.
   */
  writeFileAtomic(path: string, contents: string | Uint8Array, tempDir?: string): Promise<void>
  /** Renames a file or folder (same file system); throws a Node-style error when it cannot. */
  rename(from: string, to: string): Promise<void>
  /**
   * Creates a file that must not exist yet (`O_EXCL`); throws with code `EEXIST` when it does.
   * Used for lock files.
   */
  createExclusive(path: string, contents: string): Promise<void>
  /** Removes a file (or a symbolic link); nothing when it does not exist. */
  remove(path: string): Promise<void>
  /** Removes a folder if it is empty; returns whether it did. */
  removeEmptyDir(path: string): Promise<boolean>
  /** Removes a folder and everything in it; nothing when it does not exist. */
  removeTree(path: string): Promise<void>
}

/** Everything the CLI touches outside itself, injectable for tests. */
export interface Deps {
  readonly cwd: string
  readonly fs: FileSystem
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** Whether a process id is running (on this machine); for stale lock files. */
  readonly isAlive?: (pid: number) => boolean
  /** This process's id. */
  readonly pid?: number
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`, `TERM` decide colours); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Whether stderr is a terminal (colours only then, unless forced); false when absent. */
  readonly stderrIsTTY?: boolean
  /** Whether stdout is a terminal (`agentc diff` colours its diff only then); false when absent. */
  readonly stdoutIsTTY?: boolean
  /** Watching, clock and Ctrl-C for `build --watch`; the real ones (node:fs watch) when absent. */
  readonly watch?: WatchRuntime
  /** Whether standard input is a terminal (`agentc init` asks questions only then); false when absent. */
  readonly stdinIsTTY?: boolean
  /** Asks a question on the terminal and resolves with the line typed (`agentc init`); none when absent. */
  readonly ask?: (question: string) => Promise<string>
}
