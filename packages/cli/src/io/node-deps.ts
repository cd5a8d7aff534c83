import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Deps, FileSystem } from './deps'

let counter = 0

/** The real file system. */
export const nodeFileSystem: FileSystem = {
  async readBytes(path) {
    return await readFile(path)
  },
  async stat(path) {
    try {
      const s = await stat(path)
      return { isFile: s.isFile(), isDirectory: s.isDirectory() }
    } catch {
      return undefined
    }
  },
  async readdir(path) {
    const entries = await readdir(path, { withFileTypes: true })
    return entries.map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory() }))
  },
  async writeFileAtomic(path, contents) {
    await mkdir(dirname(path), { recursive: true })
    const temp = `${path}.agentc-${process.pid}-${counter++}.tmp`
    try {
      await writeFile(temp, contents)
      await rename(temp, path)
    } catch (error) {
      await unlink(temp).catch(() => {})
      throw error
    }
  },
}

/** The process's real dependencies. */
export function nodeDeps(): Deps {
  return {
    cwd: process.cwd(),
    fs: nodeFileSystem,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }
}
