#!/usr/bin/env node
import module from 'node:module'
import { nodeDeps } from './io/node-deps'
import { run } from './run'

// Node 22.1 and later keep V8's compiled code of the CLI between runs (in the system's temporary
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), which spares most of the ~50 ms a run
// spends compiling the 2.3 MB compiler chunk. Node 20 has no such cache: nothing happens there.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()

process.exitCode = await run(process.argv.slice(2), nodeDeps())
