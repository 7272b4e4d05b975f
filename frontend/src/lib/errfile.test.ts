import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { classifyErrLine, classifyErrText, countErrMessages, filterErrLines } from './errfile'

describe('classifyErrLine', () => {
  it.each([
    ['   ** Severe  ** Out of range value Numeric Field#1', 'severe'],
    ['   **  Fatal  ** IP: Errors occurred on processing IDF file.', 'fatal'],
    ['   ** Warning ** Calculated design cooling load for zone=RTU3 is zero.', 'warning'],
    ['   ************* Beginning Zone Sizing Calculations', 'info'],
    ['   ************* EnergyPlus Completed Successfully-- 0 Warning; 0 Severe Errors', 'info'],
    ['Program Version,EnergyPlus, Version 25.2.0', 'other'],
    ['', 'other'],
    ['Severe is a word in plain text', 'other'],
  ])('%s -> %s', (line, kind) => {
    expect(classifyErrLine(line)?.kind).toBe(kind)
  })

  it.each([['   **   ~~~   ** Check Sizing:Zone inputs.'], ['   ...Summary of Errors that led to program termination:'], ['   ..... Last severe error=IP']])(
    '%s continues the message above',
    (line) => expect(classifyErrLine(line)).toBeNull(),
  )
})

describe('classifyErrText', () => {
  const text = [
    'Program Version,EnergyPlus, Version 25.2.0-cf7368216c',
    '   ** Warning ** Calculated design cooling load for zone=ZONE ONE is zero.',
    '   **   ~~~   ** Check Sizing:Zone and ZoneControl:Thermostat inputs.',
    '   ** Severe  ** Out of range value',
    '   **   ~~~   ** in LIGHTS=L1',
    '   **  Fatal  ** GetInput: errors found in input.',
    '   ...Summary of Errors that led to program termination:',
    '   ..... Reference severe error count=1',
    '   ************* EnergyPlus Terminated--Fatal Error Detected.',
    '   **   ~~~   ** orphan continuation',
    '',
  ].join('\r\n')

  const lines = classifyErrText(text)

  it('keeps every line with its number, without a trailing empty line', () => {
    expect(lines).toHaveLength(10)
    expect(lines[0].n).toBe(1)
    expect(lines[9].n).toBe(10)
    expect(lines.every((l) => !l.text.includes('\r'))).toBe(true)
  })

  it('colours continuation lines like their message', () => {
    expect(lines.map((l) => [l.kind, l.continuation])).toEqual([
      ['other', false],
      ['warning', false],
      ['warning', true],
      ['severe', false],
      ['severe', true],
      ['fatal', false],
      ['fatal', true],
      ['fatal', true],
      ['info', false],
      ['other', false],
    ])
  })

  it('counts messages, not continuation lines', () => {
    expect(countErrMessages(lines)).toEqual({ fatal: 1, severe: 1, warning: 1 })
  })

  it.each([
    ['all', 10],
    ['problems', 5],
    ['warnings', 2],
  ] as const)('filter %s keeps %i lines', (filter, n) => {
    expect(filterErrLines(lines, filter)).toHaveLength(n)
  })
})

const outputs = fileURLToPath(new URL('../../../../shared/testdata/outputs/', import.meta.url))

describe.skipIf(!existsSync(outputs))('real eplusout.err files', () => {
  it.each([
    ['openstudio_SevereErrors.err', { fatal: 1, severe: 26, warning: 0 }],
    ['openstudio_NoErrorsNoWarnings.err', { fatal: 0, severe: 0, warning: 0 }],
    ['openstudio_WarningsAndCrash.err', { fatal: 0, severe: 0, warning: 9 }],
    ['openstudio_RepeatingWarnings.err', { fatal: 0, severe: 0, warning: 35 }],
  ])('%s', (name, counts) => {
    const lines = classifyErrText(readFileSync(outputs + name, 'latin1'))
    expect(countErrMessages(lines)).toEqual(counts)
  })
})
