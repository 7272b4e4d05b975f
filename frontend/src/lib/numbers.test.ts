import { describe, expect, it } from 'vitest'
import { mmToM, mToMm, numberText, parseOptionalNumber } from './numbers'

describe('parseOptionalNumber', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['0', 0],
    ['0.035', 0.035],
    ['0,035', 0.035],
    [' 150 ', 150],
    ['-5', -5],
    ['1e3', 1000],
    ['1 200', 1200],
  ])('reads %j as %j (blank stays blank)', (text, want) => {
    expect(parseOptionalNumber(text)).toEqual({ ok: true, value: want })
  })

  it.each(['abc', '15 mm', '1..2', '0x10', 'NaN', 'Infinity'])('refuses %j, quoting it', (text) => {
    const r = parseOptionalNumber(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain(`“${text}”`)
  })

  it('writes a blank as empty text', () => {
    expect(numberText(null)).toBe('')
    expect(numberText(undefined)).toBe('')
    expect(numberText(0)).toBe('0')
    expect(numberText(0.15)).toBe('0.15')
  })
})

describe('mm <-> m', () => {
  it.each([
    [0.15, 150],
    [0.0125, 12.5],
    [0.1, 100],
    [0.0002, 0.2],
    [0.108, 108],
    [0.29, 290],
    [0.07, 70],
  ])('%f m is %f mm and back, without binary noise', (m, mm) => {
    expect(mToMm(m)).toBe(mm)
    expect(mmToM(mm)).toBe(m)
  })

  it('round-trips every whole millimetre up to 1 m exactly', () => {
    for (let mm = 0; mm <= 1000; mm++) expect(mToMm(mmToM(mm))).toBe(mm)
  })
})
