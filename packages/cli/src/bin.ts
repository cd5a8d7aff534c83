#!/usr/bin/env node
import { nodeDeps } from './io/node-deps'
import { run } from './run'

process.exitCode = await run(process.argv.slice(2), nodeDeps())
