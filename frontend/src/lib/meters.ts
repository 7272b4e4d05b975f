// One run's hourly meter: a time series over the year and a day-by-hour heat map (365 × 24).
import type { ComposeOption } from 'echarts/core'
import type { HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { DataZoomComponentOption, GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components'
import type { MeterSeries } from '../bridge/types'
import { CHART_FONT, type ChartTheme } from './endUses'
import { formatMonthDay, formatNumber } from './format'
import { KBTU_PER_KWH, type UnitSystem } from './units'

const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

/** 1-based day of the year; Feb 29 and later days count one more in a leap year. */
export function dayOfYear(month: number, day: number, leap = false): number {
  return DAYS_BEFORE[month - 1] + day + (leap && month > 2 ? 1 : 0)
}

/** Values in the chosen unit system: energy meters (kWh) become kBtu in IP; others stay. */
export function meterUnits(series: Pick<MeterSeries, 'units'>, system: UnitSystem): { unit: string; factor: number } {
  if (system === 'ip' && series.units === 'kWh') return { unit: 'kBtu', factor: KBTU_PER_KWH }
  return { unit: series.units, factor: 1 }
}

export interface HeatmapData {
  /** [day index (0-based), hour (0..23), value] */
  cells: Array<[number, number, number]>
  days: number
  min: number
  max: number
  /** x-axis label per day index: "Jan 1" */
  dayLabels: string[]
}

/**
 * The day-by-hour grid. Hour h (EnergyPlus's hour ending, 1..24) goes to row h−1, the hour
 * it starts. A second run period or a repeated day adds up (it would otherwise hide one).
 */
export function heatmapData(s: MeterSeries, factor = 1): HeatmapData {
  const month = s.month ?? []
  const day = s.day ?? []
  const hour = s.hour ?? []
  const values = s.values ?? []
  const leap = month.some((m, i) => m === 2 && day[i] === 29)
  const days = leap ? 366 : 365
  const grid = new Map<number, number>()
  for (let i = 0; i < values.length; i++) {
    const d = dayOfYear(month[i], day[i], leap) - 1
    const h = hour[i] - 1
    if (!(d >= 0 && d < days && h >= 0 && h < 24)) continue
    const k = d * 24 + h
    grid.set(k, (grid.get(k) ?? 0) + values[i] * factor)
  }
  const cells: Array<[number, number, number]> = []
  let min = Infinity
  let max = -Infinity
  for (const [k, v] of grid) {
    cells.push([Math.floor(k / 24), k % 24, v])
    if (v < min) min = v
    if (v > max) max = v
  }
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const dayLabels: string[] = []
  for (let m = 1, d = 1; dayLabels.length < days; ) {
    dayLabels.push(formatMonthDay(m, d))
    const len = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    if (++d > len) {
      d = 1
      m++
    }
  }
  return { cells, days, min: cells.length ? min : 0, max: cells.length ? max : 0, dayLabels }
}

/** Peak hour and annual total, for the caption. */
export function meterSummary(s: MeterSeries, factor = 1): { total: number; peak: number; peakAt: string; hours: number } {
  const values = s.values ?? []
  let peak = -Infinity
  let at = -1
  let total = 0
  values.forEach((v, i) => {
    total += v * factor
    if (v * factor > peak) {
      peak = v * factor
      at = i
    }
  })
  const peakAt = at < 0 ? '' : `${formatMonthDay(s.month![at], s.day![at])}, ${String(s.hour![at] - 1).padStart(2, '0')}:00`
  return { total, peak: at < 0 ? 0 : peak, peakAt, hours: values.length }
}

export type MeterChartOption = ComposeOption<LineSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | DataZoomComponentOption | VisualMapComponentOption>

const common = (theme: ChartTheme) => ({
  animation: false,
  backgroundColor: 'transparent',
  textStyle: { color: theme.text, fontFamily: CHART_FONT, fontSize: 12 },
})

/** The hourly line over the year, on an hour index axis labelled by date; zoom with the wheel or the slider. */
export function buildSeriesOption(s: MeterSeries, system: UnitSystem, theme: ChartTheme): MeterChartOption {
  const { unit, factor } = meterUnits(s, system)
  const values = (s.values ?? []).map((v) => v * factor)
  const labels = (s.values ?? []).map((_, i) => `${formatMonthDay(s.month![i], s.day![i])} ${String(s.hour![i] - 1).padStart(2, '0')}:00`)
  return {
    ...common(theme),
    grid: { left: 16, right: 24, top: 24, bottom: 56, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${formatNumber(Number(v))} ${unit}` },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { color: theme.muted, formatter: (v: string) => v.replace(/ \d\d:00$/, '') },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: { type: 'value', name: `${unit} per hour`, nameTextStyle: { color: theme.muted }, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 8 }],
    series: [{ type: 'line', name: s.name, data: values, showSymbol: false, sampling: 'lttb', lineStyle: { width: 1, color: '#4e79a7' }, itemStyle: { color: '#4e79a7' } }],
  }
}

/** The 365 × 24 heat map: days across, hours up, colour by value (visualMap). */
export function buildHeatmapOption(s: MeterSeries, system: UnitSystem, theme: ChartTheme): MeterChartOption {
  const { unit, factor } = meterUnits(s, system)
  const h = heatmapData(s, factor)
  const hours = Array.from({ length: 24 }, (_, i) => `${String(i).padStart(2, '0')}:00`)
  return {
    ...common(theme),
    grid: { left: 16, right: 24, top: 16, bottom: 64, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const [d, hr, v] = (p as { value: [number, number, number] }).value
        return `${h.dayLabels[d]}, ${hours[hr]}–${String(hr + 1).padStart(2, '0')}:00<br/>${formatNumber(v)} ${unit}`
      },
    },
    xAxis: {
      type: 'category',
      data: h.dayLabels,
      splitArea: { show: false },
      axisLabel: { color: theme.muted, interval: (i: number) => h.dayLabels[i].endsWith(' 1'), formatter: (v: string) => v.replace(/ 1$/, '') },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: { type: 'category', data: hours, axisLabel: { color: theme.muted, interval: 5 }, axisLine: { lineStyle: { color: theme.grid } } },
    visualMap: {
      type: 'continuous',
      min: h.min,
      max: h.max > h.min ? h.max : h.min + 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 240,
      text: [`${formatNumber(h.max)} ${unit}`, formatNumber(h.min)],
      textStyle: { color: theme.muted },
      inRange: { color: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] },
    },
    series: [{ type: 'heatmap', name: s.name, data: h.cells, progressive: 0, emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } } }],
  }
}
