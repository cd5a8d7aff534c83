import pkg from '../package.json' with { type: 'json' }

/** The agentc version. */
export const VERSION: string = pkg.version

declare const __AGENTC_BUILD_ID__: string | undefined

/**
 * What distinguishes this build of agentc from any other: the version and a hash of the sources
 * and lockfile it was bundled from (scripts/build.mjs defines it), so a build record made by
 * another agentc, even one of the same version built from other sources, is never used. Run from
 * source (the tests), `<version>+source`.
 */
export const BUILD_ID: string =
  typeof __AGENTC_BUILD_ID__ === 'string' ? __AGENTC_BUILD_ID__ : `${VERSION}+source`
