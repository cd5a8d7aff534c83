import type { TargetContext } from '@agentc/core'
import { describe, expect, it } from 'vitest'
import { parseRoo } from './parse'

function parse(text: string, path = '.roomodes') {
  const reports: string[] = []
  const ctx: TargetContext = {
    report: (code, message, extra) =>
      reports.push(`${code} ${extra?.line ?? '-'}:${extra?.column ?? '-'} ${message}`),
    options: {},
  }
  return { docs: parseRoo({ path, text }, ctx), reports }
}

const mode = (extra = '') =>
  `customModes:\n  - slug: a\n    name: A\n    roleDefinition: Role.\n    groups:\n      - read\n${extra}`

describe('parseRoo', () => {
  it('reads one document per mode, with the tools every mode has', () => {
    const { docs } = parse(
      `${mode()}  - slug: b\n    name: b\n    roleDefinition: B.\n    groups: [command]\n`,
    )
    expect(docs.map((d) => d.name)).toEqual(['a', 'b'])
    expect(docs[0]?.tools).toEqual({
      allow: ['glob', 'grep', 'list', 'question', 'read', 'skill', 'task', 'todowrite'],
    })
    expect(docs[1]?.tools?.allow).toContain('bash')
    expect(docs[0]?.extensions).toEqual({ roo: { name: 'A' } })
    expect(docs[1]?.extensions).toEqual({})
  })

  it('reads an edit restriction as deny, then ask for each path pattern', () => {
    const { docs } = parse(
      'customModes:\n  - slug: d\n    name: d\n    roleDefinition: R\n    groups:\n      - - edit\n        - fileRegex: \\.(md|mdx)$\n          description: Docs\n',
    )
    expect(docs[0]?.permissions).toEqual([
      { tool: 'edit', decision: 'deny' },
      { tool: 'edit', pattern: '*.md', decision: 'ask' },
      { tool: 'edit', pattern: '*.mdx', decision: 'ask' },
    ])
    expect(docs[0]?.extensions.roo?.groupOptions).toEqual({ edit: { description: 'Docs' } })
  })

  it('appends customInstructions to the role definition, and takes whenToUse as the description', () => {
    const { docs } = parse(
      'customModes:\n  - slug: a\n    name: a\n    roleDefinition: |\n      Role.\n    whenToUse: When.\n    description: Short.\n    customInstructions: Do it.\n    groups: []\n',
    )
    expect(docs[0]?.body.text).toBe('Role.\n\nDo it.')
    expect(docs[0]?.description).toBe('When.')
    expect(docs[0]?.extensions.roo?.description).toBe('Short.')
  })

  it('reads JSON .roomodes (Roo falls back to JSON when the text is not YAML)', () => {
    const json =
      '{\n\t"customModes": [{"slug": "j", "name": "J", "roleDefinition": "R", "groups": ["read"]}]\n}\n'
    expect(parse(json).docs.map((d) => d.name)).toEqual(['j'])
  })

  it('positions problems in JSON files too', () => {
    const json =
      '{\n  "customModes": [\n    {"slug": "a b", "name": "J", "roleDefinition": "R", "groups": []}\n  ]\n}\n'
    expect(parse(json).reports).toEqual([
      expect.stringMatching(/^AGC101 3:14 `slug` must be letters, digits and dashes only/),
    ])
  })

  it('reads a single mode without the customModes list, and says Roo ignores it in .roomodes', () => {
    const single = 'slug: s\nname: S\nroleDefinition: R\ngroups: [read]\n'
    expect(parse(single, 'modes/s.yaml')).toMatchObject({ docs: [{ name: 's' }], reports: [] })
    expect(parse(single).reports).toEqual([
      expect.stringMatching(/^AGC104 1:1 Roo Code reads modes only from/),
    ])
  })

  it('strips the deprecated browser group with a warning, as Roo does', () => {
    const { docs, reports } = parse(mode('      - browser\n'))
    expect(docs[0]?.tools?.allow).not.toContain('webfetch')
    expect(reports).toEqual([
      expect.stringMatching(/^AGC104 7:9 Roo Code and Zoo Code removed the `browser` group/),
    ])
  })

  it('rejects what Roo rejects, at the value: bad slugs, missing role, duplicate groups and slugs', () => {
    expect(parse(mode().replace('slug: a', 'slug: a b')).reports[0]).toMatch(
      /^AGC101 2:11 `slug` must be letters, digits and dashes only/,
    )
    expect(parse(mode().replace('    roleDefinition: Role.\n', '')).reports[0]).toMatch(
      /^AGC101 .*`roleDefinition` must be text/,
    )
    expect(parse(mode('      - read\n')).reports[0]).toMatch(
      /^AGC101 7:9 `groups.1`: the group `read` is listed twice/,
    )
    expect(parse(`${mode()}${mode().replace('customModes:\n', '')}`).reports).toEqual([
      expect.stringMatching(/^AGC302 7:5 Two modes use the slug `a` \(the first on line 2\)/),
    ])
    expect(
      parse(mode().replace('    groups:\n      - read\n', '    whenToUse:\n    groups: []\n')).reports[0],
    ).toMatch(/^AGC101 .*`whenToUse` must be text/)
  })

  it('reads the file as Roo does after replacing typographic characters, and says when that breaks it', () => {
    const { docs } = parse(mode().replace('Role.', 'Role — “quoted”.'))
    expect(docs[0]?.body.text).toBe('Role - "quoted".')
    const broken = parse(mode().replace('roleDefinition: Role.', 'roleDefinition: "Say “hi”."'))
    expect(broken.docs).toEqual([])
    expect(broken.reports[0]).toMatch(/^AGC002 4:29 Roo Code replaces curly quotes with straight ones/)
  })

  it('keeps unknown keys for Roo, and a fileRegex with no exact pattern form', () => {
    const { docs, reports } = parse(
      'customModes:\n  - slug: c\n    name: c\n    roleDefinition: R\n    groups:\n      - - edit\n        - fileRegex: \\w+\\.tsx$\n    iconName: star\n',
    )
    expect(docs[0]?.extensions.roo).toEqual({
      groupOptions: { edit: { fileRegex: '\\w+\\.tsx$' } },
      iconName: 'star',
    })
    expect(docs[0]?.permissions).toEqual([{ tool: 'edit', decision: 'deny' }])
    expect(reports).toEqual([
      expect.stringMatching(/^AGC202 7:22 `fileRegex` \\w\+\\.tsx\$ has no exact path-pattern form/),
      expect.stringMatching(/^AGC102 8:5 `iconName` is not a Roo Code mode field/),
    ])
  })
})
