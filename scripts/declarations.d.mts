/** The workspace folders of the publishable packages. */
export declare const PACKAGES: readonly string[]

/**
 * Emits the declarations (.d.ts) of every publishable package: those reachable from each
 * package's entry point, relative imports with `.js` extensions.
 * @param options The repository root, and the folder each package's declarations go to.
 * @returns The files written, and the problems found.
 */
export declare function emitDeclarations(options: {
  readonly root: string
  readonly outDir: (pkg: string) => string
}): { files: string[]; errors: string[] }
