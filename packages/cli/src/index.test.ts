import { expect, it } from 'vitest'
import * as pkg from './index'

it('exposes the public API (a change here is a change of the public API)', () => {
  expect(Object.keys(pkg).sort()).toMatchInlineSnapshot(`
    [
      "VERSION",
      "convert",
      "createProgram",
      "emit",
      "formatDiagnostics",
      "nodeDeps",
      "nodeFileSystem",
      "parse",
      "run",
      "targets",
    ]
  `)
})
