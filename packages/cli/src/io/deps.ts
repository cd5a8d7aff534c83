/** A directory entry. */
export interface Entry {
  readonly name: string
  readonly isFile: boolean
  readonly isDirectory: boolean
}

/** The file system operations the CLI needs; the only door to the disk. */
export interface FileSystem {
  /** The bytes of a file; throws a Node-style error with `code` when it cannot. */
  readBytes(path: string): Promise<Uint8Array>
  /** What is at a path, or undefined when nothing is. */
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean } | undefined>
  /** The entries of a directory. */
  readdir(path: string): Promise<Entry[]>
  /** Writes a file atomically (temporary file, then rename), creating parent folders. */
  writeFileAtomic(path: string, contents: string): Promise<void>
}

/** Everything the CLI touches outside itself, injectable for tests. */
export interface Deps {
  readonly cwd: string
  readonly fs: FileSystem
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}
