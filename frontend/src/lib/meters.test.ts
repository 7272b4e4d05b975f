import { describe, expect, it } from 'vitest'
import type { MeterSeries } from '../bridge/types'
import { lightChartTheme } from './endUses'
import { buildDailyOption, buildHeatmapOption, buildWeekOption, categoryLabel, dailyData, dayHourAxes, dayOfYear, heatmapData, meterSummary, meterUnits, niceStep, weekData, weekStart } from './meters'

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

  it('builds a heat map with one legend in the unit and hour labels from 00:00 to 24:00', () => {
    const hm = buildHeatmapOption(year(), 'si', lightChartTheme)
    const vm = hm.visualMap as { min: number; max: number; calculable: boolean; text: string[] }
    expect([vm.min, vm.max]).toEqual([0.01, 364.24])
    // no handles: their value labels repeated the legend's two ends
    expect(vm.calculable).toBe(false)
    expect(vm.text).toEqual(['364 kWh', '0.01 kWh'])
    expect((hm.series as Array<{ data: unknown[] }>)[0].data).toHaveLength(8760)
    const [cells, hours] = hm.yAxis as [{ type: string; show: boolean }, { type: string; min: number; max: number; interval: number; axisLabel: { formatter: (v: number) => string } }]
    expect(cells).toMatchObject({ type: 'category', show: false })
    const ticks = []
    for (let v = hours.min; v <= hours.max; v += hours.interval) ticks.push(hours.axisLabel.formatter(v))
    expect(ticks).toEqual(['00:00', '06:00', '12:00', '18:00', '24:00'])
  })
})

describe('hourly meter: the year by day, a week by hour', () => {
  it('sums each day and keeps its lowest and highest hour', () => {
    const d = dailyData(heatmapData(year()))
    expect(d.total).toHaveLength(365)
    // day 0: 0.01 + ... + 0.24 = 3.00; day 364: 24 × 364 + 3
    expect(d.total[0]).toBeCloseTo(3, 9)
    expect(d.total[364]).toBeCloseTo(364 * 24 + 3, 9)
    expect([d.min[31], d.max[31]]).toEqual([31.01, 31.24])
    expect(d.labels[31]).toBe('Feb 1')
  })

  it('leaves a day without hours empty, not zero', () => {
    const s = year()
    const keep = s.month!.map((m, i) => !(m === 1 && s.day![i] === 2))
    const cut = { ...s, month: s.month!.filter((_, i) => keep[i]), day: s.day!.filter((_, i) => keep[i]), hour: s.hour!.filter((_, i) => keep[i]), values: s.values!.filter((_, i) => keep[i]) }
    const d = dailyData(heatmapData(cut))
    expect([d.total[1], d.min[1], d.max[1]]).toEqual([null, null, null])
    expect(d.total[2]).not.toBeNull()
  })

  it('opens the week around a clicked day, kept inside the year', () => {
    expect(weekStart(100, 365)).toBe(97)
    expect(weekStart(0, 365)).toBe(0)
    expect(weekStart(2, 365)).toBe(0)
    expect(weekStart(364, 365)).toBe(358)
    expect(weekStart(365, 366)).toBe(359)
    const w = weekData(heatmapData(year()), weekStart(59, 365))
    expect(w.values).toHaveLength(7 * 24)
    expect(w.range).toBe('Feb 26 – Mar 4')
    expect(w.labels[0]).toBe('Feb 26 00:00')
    expect(w.labels[24 * 3 + 6]).toBe('Mar 1 06:00')
    // hour ending 7 of day index 59 (Mar 1): 59 + 7 / 100
    expect(w.values[24 * 3 + 6]).toBeCloseTo(59.07, 9)
  })

  it('labels the zoom handles with dates, not indices', () => {
    const h = heatmapData(year())
    const daily = buildDailyOption(h, 'kWh', lightChartTheme)
    const slider = (daily.dataZoom as Array<{ type: string; labelFormatter?: (v: number) => string; handleLabel?: { show: boolean } }>).find((z) => z.type === 'slider')!
    expect(slider.handleLabel?.show).toBe(true)
    expect(slider.labelFormatter!(0)).toBe('Jan 1')
    expect(slider.labelFormatter!(364)).toBe('Dec 31')
    const week = buildWeekOption({ name: 'Electricity:Facility' }, h, 97, 'kWh', lightChartTheme)
    const wslider = (week.dataZoom as Array<{ type: string; labelFormatter?: (v: number) => string }>).find((z) => z.type === 'slider')!
    expect(wslider.labelFormatter!(30)).toBe('Apr 9 06:00')
    expect(categoryLabel(['a', 'b'])(1.2)).toBe('b')
  })

  it('plots the daily totals inside the band of their hours (the per-hour axis is the per-day one / 24)', () => {
    const h = heatmapData(year())
    const o = buildDailyOption(h, 'kWh', lightChartTheme)
    const series = o.series as Array<{ name: string; data: Array<number | null>; yAxisIndex: number }>
    expect(series.map((x) => x.name)).toEqual(['Hourly min', 'Hourly min–max', 'Daily total'])
    expect(series[2].data).toHaveLength(365)
    const [day, hour] = o.yAxis as Array<{ min: number; max: number; name: string }>
    expect(day.name).toBe('kWh per day')
    expect(hour.name).toBe('kWh per hour')
    expect(day.max).toBe(hour.max * 24)
    expect(day.min).toBe(hour.min * 24)
    expect(hour.max).toBeGreaterThanOrEqual(364.24)
    // the band's top: min + range = max
    expect((series[0].data[10] as number) + (series[1].data[10] as number)).toBeCloseTo(10.24, 9)
  })

  it('gives both axes round steps', () => {
    expect([niceStep(0.8), niceStep(1.3), niceStep(2.2), niceStep(4), niceStep(91)]).toEqual([1, 2, 2.5, 5, 100])
    expect(dayHourAxes(0, 5.25)).toEqual({ hour: { min: 0, max: 6, interval: 2 }, day: { min: 0, max: 144, interval: 48 } })
    expect(dayHourAxes(-1, 3).hour).toEqual({ min: -1, max: 3, interval: 1 })
  })
})
