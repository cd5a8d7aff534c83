import { REGION_BEGIN, REGION_END, SECTION_BEGIN, SECTION_END } from './mappings'

/** One agent section inside the agentc region. */
export interface Section {
  /** The raw attribute text of the marker line. */
  readonly attrs: string
  /** 0-based index of the marker line. */
  readonly begin: number
  /** 0-based index of the end marker line. */
  readonly end: number
}

/** Where the agentc region and its sections are in a file's lines. */
export interface Region {
  /** 0-based index of the begin line. */
  readonly begin: number
  /** 0-based index of the end line. */
  readonly end: number
  readonly sections: readonly Section[]
}

/** A structural problem with the region (1-based line). */
export interface RegionProblem {
  readonly message: string
  readonly line: number
}

/**
 * Finds the agentc region in a file's lines (LF, no CR). Returns undefined when the file has
 * none, a problem when its markers are broken.
 */
export function findRegion(lines: readonly string[]): Region | RegionProblem | undefined {
  let begin = -1
  let end = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === REGION_BEGIN) {
      if (begin !== -1) return { message: `a second \`${REGION_BEGIN}\` marker`, line: i + 1 }
      begin = i
    } else if (line === REGION_END) {
      if (begin === -1 || end !== -1)
        return { message: `\`${REGION_END}\` without a region to close`, line: i + 1 }
      end = i
    }
  }
  if (begin === -1) return undefined
  if (end === -1)
    return {
      message: `the agentc region opened here is never closed with \`${REGION_END}\``,
      line: begin + 1,
    }
  const sections: Section[] = []
  let open: { attrs: string; begin: number } | undefined
  for (let i = begin + 1; i < end; i++) {
    const line = lines[i]!.trim()
    const marker = SECTION_BEGIN.exec(line)
    if (marker) {
      if (open) return { message: 'an agent section starts inside another one', line: i + 1 }
      open = { attrs: marker[1] ?? '', begin: i }
    } else if (line === SECTION_END) {
      if (!open) return { message: `\`${SECTION_END}\` without an open agent section`, line: i + 1 }
      sections.push({ ...open, end: i })
      open = undefined
    }
  }
  if (open) return { message: 'this agent section is never closed', line: open.begin + 1 }
  return { begin, end, sections }
}

/** Whether a value is a region problem. */
export function isProblem(value: Region | RegionProblem | undefined): value is RegionProblem {
  return value !== undefined && 'message' in value
}
