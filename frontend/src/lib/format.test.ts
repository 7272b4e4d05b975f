import { describe, expect, it } from 'vitest'
import {
  basename,
  clampPercent,
  energyQuantity,
  errorMessage,
  escapeHtml,
  formatArea,
  formatBytes,
  formatDuration,
  formatEUI,
  formatEnergy,
  formatHours,
  formatKWh,
  formatLatLon,
  formatMonthDay,
  formatNumber,
  formatPercent,
  formatTemperature,
  formatTimeZone,
  parseTime,
  plural,
} from './format'

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [1.234, '1.23'],
    [12.345, '12.3'],
    [1234.5, '1,235'],
    [-3.21, '\u22123.21'],
    [-0.001, '0.00'],
    [NaN, '\u2013'],
    [null, '\u2013'],
    [undefined, '\u2013'],
  ])('%s -> %s', (n, want) => {
    expect(formatNumber(n as number)).toBe(want)
  })
  it('honours fixed digits', () => expect(formatNumber(2.5, 0)).toBe('3'))
})

describe('energy', () => {
  it.each([
    [0, '0 kWh'],
    [85.25, '85.3 kWh'],
    [9999, '9,999 kWh'],
    [10000, '10.0 MWh'],
    [24412.7, '24.4 MWh'],
    [123456, '123 MWh'],
    [9_999_000, '9,999 MWh'],
    [12_500_000, '12.5 GWh'],
    [-15000, '\u221215.0 MWh'],
  ])('formatEnergy(%s) = %s', (kwh, want) => {
    expect(formatEnergy(kwh)).toBe(want)
  })
  it('splits value and unit', () => expect(energyQuantity(24412.7)).toEqual({ value: '24.4', unit: 'MWh' }))
  it('gives the exact kWh figure', () => expect(formatKWh(24412.7)).toBe('24,413 kWh'))
  it('shows a dash for a missing value', () => expect(formatEnergy(undefined)).toBe('\u2013 kWh'))
})

describe('area, EUI, hours', () => {
  it.each([
    [formatArea(232.26), '232.3 m\u00b2'],
    [formatArea(5432.1), '5,432 m\u00b2'],
    [formatEUI(105.237), '105.2 kWh/m\u00b2'],
    [formatHours(0), '0 h'],
    [formatHours(12.25), '12.3 h'],
    [formatHours(3200), '3,200 h'],
  ])('%s', (got, want) => expect(got).toBe(want))
})

describe('formatDuration', () => {
  it.each([
    [0.42, '0.4 s'],
    [9.95, '9.9 s'],
    [12.7, '12 s'],
    [65, '1 min 05 s'],
    [3599, '59 min 59 s'],
    [3720, '1 h 02 min'],
    [-1, '\u2013'],
    [null, '\u2013'],
  ])('%s s -> %s', (s, want) => expect(formatDuration(s as number)).toBe(want))
})

describe('percent', () => {
  it.each([
    [0, 0],
    [42.9, 42],
    [99.7, 99],
    [100, 100],
    [130, 100],
    [-5, 0],
    [NaN, 0],
  ])('clampPercent(%s) = %s', (p, want) => expect(clampPercent(p)).toBe(want))
  it('formats with a sign', () => expect(formatPercent(55.5)).toBe('55%'))
})

describe('location', () => {
  it.each([
    [39.74, -105.18, '39.74\u00b0 N, 105.18\u00b0 W'],
    [-33.95, 18.6, '33.95\u00b0 S, 18.60\u00b0 E'],
    [null, 1, '\u2013'],
  ])('formatLatLon(%s, %s)', (lat, lon, want) => expect(formatLatLon(lat as number, lon)).toBe(want))

  it.each([
    [-7, 'UTC\u22127'],
    [0, 'UTC'],
    [1, 'UTC+1'],
    [5.5, 'UTC+5:30'],
    [-3.5, 'UTC\u22123:30'],
    [12.75, 'UTC+12:45'],
  ])('formatTimeZone(%s) = %s', (h, want) => expect(formatTimeZone(h)).toBe(want))

  it('formats temperatures', () => expect(formatTemperature(-2.34)).toBe('\u22122.3 \u00b0C'))
})

describe('misc', () => {
  it.each([
    ['/home/a/models/office.idf', 'office.idf'],
    ['C:\\Users\\a\\weather.epw', 'weather.epw'],
    ['plain.idf', 'plain.idf'],
    ['/dir/with/trailing/', 'trailing'],
  ])('basename(%s)', (p, want) => expect(basename(p)).toBe(want))

  it.each([
    [1, 'model', undefined, '1 model'],
    [2, 'model', undefined, '2 models'],
    [0, 'day', undefined, '0 days'],
    [3, 'person', 'people', '3 people'],
  ])('plural(%s, %s)', (n, one, many, want) => expect(plural(n, one, many)).toBe(want))

  it('formats month and day', () => {
    expect(formatMonthDay(1, 1)).toBe('Jan 1')
    expect(formatMonthDay(12, 31, 2013)).toBe('Dec 31, 2013')
  })

  it.each([
    [0, '0 B'],
    [2048, '2 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
  ])('formatBytes(%s)', (n, want) => expect(formatBytes(n)).toBe(want))

  it('parses Go timestamps with nanoseconds', () => {
    expect(parseTime('2025-11-25T22:52:01.123456789Z')).toBe(Date.UTC(2025, 10, 25, 22, 52, 1, 123))
    expect(parseTime('2025-11-25T22:52:01Z')).toBe(Date.UTC(2025, 10, 25, 22, 52, 1))
    expect(parseTime('')).toBeNull()
    expect(parseTime('not a time')).toBeNull()
  })

  it.each([
    ['run 3 is not queued or running', 'run 3 is not queued or running'],
    [new Error('boom'), 'boom'],
    [{ message: 'obj' }, 'obj'],
    [42, '42'],
  ])('errorMessage(%s)', (e, want) => expect(errorMessage(e)).toBe(want))
})

describe('escapeHtml', () => {
  it('shows a factor named like markup as typed in a tooltip', () => {
    expect(escapeHtml('<b>U & "R"</b>')).toBe('&#60;b&#62;U &#38; &#34;R&#34;&#60;/b&#62;')
  })
})
