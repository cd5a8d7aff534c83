import { checkNesting } from '@agentc/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NestingTrack, risky } from './nesting'

fc.configureGlobal({ seed: 0x5eed_a9c, numRuns: 2000 })

/** Characters and runs that move the guard's state: quotes, escapes, comments, brackets, lines. */
const arbChunk = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('"', "'", '\\', '\\"', '\n') },
  { weight: 2, arbitrary: fc.constantFrom('#', ' #', ' ', '[', ']', 'a', '\n\n', '\r\n') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{',
      '}',
      '\r',
      '\t',
      ',',
      ':',
      '- ',
      '? ',
      '[['.repeat(12),
      ']]'.repeat(12),
      '{'.repeat(33),
    ),
  },
)
const arbText = fc.array(arbChunk, { maxLength: 16 }).map((chunks) => chunks.join(''))

const TAILS = [
  '\nz',
  `\n${'['.repeat(65)}`,
  `\n${'['.repeat(50)}`,
  `\n${'['.repeat(30)}`,
  `\n"${'['.repeat(65)}`,
  `\n'${'['.repeat(65)}`,
  `\n\n${'['.repeat(65)}`,
  `\n]]]]${'['.repeat(65)}`,
]

const passes = (text: string) => checkNesting(text) === undefined

describe('NestingTrack', () => {
  it('agrees with checkNesting on a text cut anywhere', () => {
    // Chunks, each followed by a cut or not.
    const arbCutText = fc.array(fc.tuple(arbChunk, fc.boolean()), { maxLength: 24 })
    fc.assert(
      fc.property(arbCutText, (chunks) => {
        const text = chunks.map(([c]) => c).join('')
        const pieces: string[] = []
        let current = ''
        for (const [chunk, cutHere] of chunks) {
          current += chunk
          if (cutHere && current !== '') {
            pieces.push(current)
            current = ''
          }
        }
        fc.pre(!risky(text, true))
        if (current !== '' || pieces.length === 0) pieces.push(current)
        fc.pre(!pieces.includes(''))
        // Tails that tell the states apart (inside a quote or not, how deep).
        for (const tail of TAILS) {
          const track = new NestingTrack(
            pieces.map((p, i) => ({
              text: p,
              before: i === 0 ? undefined : pieces[i - 1]!.at(-1),
              ...(p.endsWith('\n') ? { after: (pieces[i + 1] ?? tail)[0]! } : {}),
            })),
            tail,
          )
          expect(track.passes, JSON.stringify([pieces, tail])).toBe(passes(text + tail))
        }
      }),
    )
  })

  it('agrees with checkNesting after each replacement and addition', () => {
    const arbEdit = fc.tuple(fc.boolean(), fc.nat(), arbText)
    fc.assert(
      fc.property(
        fc.array(arbText, { minLength: 1, maxLength: 6 }),
        arbText.map((t) => `\n${t}`),
        fc.array(arbEdit, { maxLength: 8 }),
        (initial, tail, edits) => {
          const pieces = initial.map((p) => `${p}x`)
          const whole = () => pieces.join('') + tail
          fc.pre(!risky(whole(), true) && passes(whole()))
          // Every piece ends with an `x`: the character before the next one is known.
          const track = new NestingTrack(
            pieces.map((p, i) => ({ text: p, before: i === 0 ? undefined : 'x' })),
            tail,
          )
          expect(track.passes).toBe(true)
          for (const [add, where, raw] of edits) {
            const text = `${raw}x`
            if (risky(text, true)) return
            const ok = add ? track.append({ text, before: 'x' }) : track.replace(where % pieces.length, text)
            if (add) pieces.push(text)
            else pieces[where % pieces.length] = text
            expect(ok).toBe(passes(whole()))
            if (!ok) return
          }
        },
      ),
    )
  })
})
