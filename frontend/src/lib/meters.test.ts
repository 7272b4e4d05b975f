import { describe, expect, it } from 'vitest'
import type { MeterSeries } from '../bridge/types'
import { lightChartTheme } from './endUses'
import { buildHeatmapOption, buildSeriesOption, dayOfYear, heatmapData, meterSummary, meterUnits } from './meters'

/** A year of hourly values like EnergyPlus's: value = day index + hour / 100. */
function year(leap = false): MeterSeries {
  const s: MeterSeries = { name: 'Electricity:Facility', units: 'kWh', month: [], day: [], hour: [], values: [], total: 0 }
  const lens = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  let d = 0
  lens.forEach((len, m) => {
    for (let day = 1; day <= len; day++, d++) {
      for (let h = 1; h <= 24; h++) {
        s.month!.push(m + 1)
        s.day!.push(day)
        s.hour!.push(h)
        s.values!.push(d + h / 100)
      }
    }
  })
  return s
}

describe('hourly meter', () => {
  it('numbers the days of the year', () => {
    expect(dayOfYear(1, 1)).toBe(1)
    expect(dayOfYear(3, 1)).toBe(60)
    expect(dayOfYear(3, 1, true)).toBe(61)
    expect(dayOfYear(12, 31)).toBe(365)
  })

  it('puts 8760 hours on a 365 × 24 grid, hour ending 1 in the first row', () => {
    const h = heatmapData(year())
    expect(h.days).toBe(365)
    expect(h.cells).toHaveLength(8760)
    expect(h.cells[0]).toEqual([0, 0, 0.01])
    expect(h.cells[8759]).toEqual([364, 23, 364.24])
    expect(h.min).toBe(0.01)
    expect(h.max).toBe(364.24)
    expect(h.dayLabels[0]).toBe('Jan 1')
    expect(h.dayLabels[59]).toBe('Mar 1')
    expect(h.dayLabels[364]).toBe('Dec 31')
  })

  it('makes room for Feb 29 in a leap year', () => {
    const h = heatmapData(year(true))
    expect(h.days).toBe(366)
    expect(h.cells).toHaveLength(8784)
    expect(h.dayLabels[59]).toBe('Feb 29')
  })

  it('converts kWh to kBtu in IP and leaves other units', () => {
    expect(meterUnits({ units: 'kWh' }, 'ip')).toEqual({ unit: 'kBtu', factor: 3.412141633 })
    expect(meterUnits({ units: 'm3' }, 'ip')).toEqual({ unit: 'm3', factor: 1 })
    expect(meterUnits({ units: 'kWh' }, 'si')).toEqual({ unit: 'kWh', factor: 1 })
  })

  it('sums the year and finds the peak hour', () => {
    const s = meterSummary(year())
    expect(s.hours).toBe(8760)
    expect(s.peak).toBe(364.24)
    expect(s.peakAt).toBe('Dec 31, 23:00')
  })

  it('builds a heat map with a visual map over the value range and a line over the year', () => {
    const hm = buildHeatmapOption(year(), 'si', lightChartTheme)
    const vm = hm.visualMap as { min: number; max: number }
    expect([vm.min, vm.max]).toEqual([0.01, 364.24])
    expect((hm.series as Array<{ data: unknown[] }>)[0].data).toHaveLength(8760)
    const line = buildSeriesOption(year(), 'ip', lightChartTheme)
    const data = (line.series as Array<{ data: number[] }>)[0].data
    expect(data).toHaveLength(8760)
    expect(data[0]).toBeCloseTo(0.01 * 3.412141633, 9)
    expect(line.animation).toBe(false)
  })
})
