import pkg from '../package.json' with { type: 'json' }

/** The agentc version. */
export const VERSION: string = pkg.version
