// One run's hourly meter: daily totals over the year with each day's range of hours (a click
// opens that day's week hour by hour), and a day-by-hour heat map (365 × 24).
import type { ComposeOption } from 'echarts/core'
import type { HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components'
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

export type MeterChartOption = ComposeOption<
  LineSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | DataZoomComponentOption | VisualMapComponentOption | LegendComponentOption
>

const common = (theme: ChartTheme) => ({
  animation: false,
  backgroundColor: 'transparent',
  textStyle: { color: theme.text, fontFamily: CHART_FONT, fontSize: 12 },
})

/** "06:00": the start of hour row h (0..24). */
export function clock(h: number): string {
  return `${String(h).padStart(2, '0')}:00`
}

export interface DailyData {
  /** "Jan 1" per day of the year */
  labels: string[]
  /** the day's sum; null for a day without hours (a run period that skips it) */
  total: Array<number | null>
  /** the day's lowest and highest hour */
  min: Array<number | null>
  max: Array<number | null>
}

/** The year as daily totals, each with the range of its hourly values. */
export function dailyData(h: HeatmapData): DailyData {
  const total: Array<number | null> = new Array(h.days).fill(null)
  const min: Array<number | null> = new Array(h.days).fill(null)
  const max: Array<number | null> = new Array(h.days).fill(null)
  for (const [d, , v] of h.cells) {
    total[d] = (total[d] ?? 0) + v
    min[d] = min[d] === null ? v : Math.min(min[d]!, v)
    max[d] = max[d] === null ? v : Math.max(max[d]!, v)
  }
  return { labels: h.dayLabels, total, min, max }
}

export const WEEK_DAYS = 7

/** The week shown for a clicked day: the day in the middle, moved inside the year at its ends. First day index, inclusive. */
export function weekStart(day: number, days: number): number {
  return Math.max(0, Math.min(day - Math.floor(WEEK_DAYS / 2), days - WEEK_DAYS))
}

export interface WeekData {
  /** "Mar 3 06:00" per hour, 24 per day */
  labels: string[]
  values: Array<number | null>
  /** "Mar 3 – Mar 9" */
  range: string
}

/** The hourly values of the week that starts on day index `start`. */
export function weekData(h: HeatmapData, start: number): WeekData {
  const first = Math.max(0, Math.min(start, h.days - 1))
  const last = Math.min(h.days, first + WEEK_DAYS) - 1
  const n = (last - first + 1) * 24
  const values: Array<number | null> = new Array(n).fill(null)
  for (const [d, hr, v] of h.cells) if (d >= first && d <= last) values[(d - first) * 24 + hr] = v
  const labels = Array.from({ length: n }, (_, i) => `${h.dayLabels[first + Math.floor(i / 24)]} ${clock(i % 24)}`)
  return { labels, values, range: `${h.dayLabels[first]} – ${h.dayLabels[last]}` }
}

/** A step of 1, 2, 2.5 or 5 × 10^n at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1
  const p = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw * (1 - 1e-9)) ?? 10) * p
}

/**
 * Two value axes on one grid with the per-hour axis at 1/24 of the per-day one: a day's total
 * then sits on the same height as its mean hour, always inside the band of its lowest and
 * highest hour. Four intervals; the per-hour axis gets the round numbers.
 */
export function dayHourAxes(minHour: number, maxHour: number): { hour: { min: number; max: number; interval: number }; day: { min: number; max: number; interval: number } } {
  const lo = Math.min(0, minHour)
  const hi = Math.max(0, maxHour)
  const step = niceStep((hi - lo) / 4 || 1)
  const hour = { min: Math.floor(lo / step) * step, max: Math.max(step, Math.ceil(hi / step) * step), interval: step }
  return { hour, day: { min: hour.min * 24, max: hour.max * 24, interval: step * 24 } }
}

/** The slider's handle labels: the date (or date and hour) of the category at the handle. */
export const categoryLabel = (labels: readonly string[]) => (value: number) => labels[Math.round(value)] ?? ''

const sliderZoom = (labels: readonly string[], theme: ChartTheme): DataZoomComponentOption[] => [
  { type: 'inside' },
  // Dates at the handles all the time (not only while dragging), with room beside the slider for them.
  { type: 'slider', height: 20, bottom: 8, left: 84, right: 84, handleLabel: { show: true }, labelFormatter: categoryLabel(labels), textStyle: { color: theme.muted } },
]

const BAND_COLOUR = '#a0cbe8'
const LINE_COLOUR = '#4e79a7'

/** The default view of an hourly meter: its daily totals over the year, the band of each day's lowest to highest hour behind them. Click a day for its week. */
export function buildDailyOption(h: HeatmapData, unit: string, theme: ChartTheme): MeterChartOption {
  const d = dailyData(h)
  const known = (a: Array<number | null>) => a.filter((v): v is number => v !== null)
  const mins = known(d.min)
  const maxs = known(d.max)
  const axes = dayHourAxes(mins.length ? Math.min(...mins) : 0, maxs.length ? Math.max(...maxs) : 0)
  const axis = (name: string, a: { min: number; max: number; interval: number }, position: 'left' | 'right') => ({
    type: 'value' as const,
    name,
    position,
    ...a,
    nameTextStyle: { color: theme.muted },
    axisLabel: { color: theme.muted, formatter: (v: number) => formatNumber(v) },
    splitLine: { show: position === 'left', lineStyle: { color: theme.grid } },
  })
  return {
    ...common(theme),
    legend: { top: 0, left: 'center', textStyle: { color: theme.text }, data: ['Daily total', 'Hourly min–max'] },
    grid: { left: 16, right: 16, top: 48, bottom: 56, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'axis',
      formatter: (p: unknown) => {
        const i = (p as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0
        if (d.total[i] === null) return `${d.labels[i]}: no hours`
        return `${d.labels[i]}<br/>total ${formatNumber(d.total[i])} ${unit}<br/>hours ${formatNumber(d.min[i])} to ${formatNumber(d.max[i])} ${unit}<br/><span style="opacity:.7">Click for the week</span>`
      },
    },
    xAxis: {
      type: 'category',
      data: d.labels,
      axisLabel: { color: theme.muted, hideOverlap: true, interval: (i: number) => d.labels[i].endsWith(' 1'), formatter: (v: string) => v.replace(/ 1$/, '') },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: [axis(`${unit} per day`, axes.day, 'left'), axis(`${unit} per hour`, axes.hour, 'right')],
    dataZoom: sliderZoom(d.labels, theme),
    series: [
      // The band: its lowest hour, then the range stacked on it and filled.
      { type: 'line', name: 'Hourly min', yAxisIndex: 1, stack: 'band', stackStrategy: 'all', data: d.min, showSymbol: false, silent: true, lineStyle: { opacity: 0 }, itemStyle: { color: BAND_COLOUR } },
      {
        type: 'line',
        name: 'Hourly min–max',
        yAxisIndex: 1,
        stack: 'band',
        stackStrategy: 'all',
        data: d.max.map((v, i) => (v === null || d.min[i] === null ? null : v - d.min[i]!)),
        showSymbol: false,
        silent: true,
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND_COLOUR, opacity: 0.55 },
        itemStyle: { color: BAND_COLOUR },
      },
      { type: 'line', name: 'Daily total', yAxisIndex: 0, data: d.total, showSymbol: false, lineStyle: { width: 1.5, color: LINE_COLOUR }, itemStyle: { color: LINE_COLOUR }, z: 3 },
    ],
  }
}

/** One week hour by hour (the zoom from a clicked day). */
export function buildWeekOption(s: Pick<MeterSeries, 'name'>, h: HeatmapData, start: number, unit: string, theme: ChartTheme): MeterChartOption {
  const w = weekData(h, start)
  return {
    ...common(theme),
    grid: { left: 16, right: 24, top: 24, bottom: 56, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${formatNumber(Number(v))} ${unit}` },
    xAxis: {
      type: 'category',
      data: w.labels,
      axisLabel: { color: theme.muted, interval: (i: number) => i % 24 === 0, formatter: (v: string) => v.replace(/ \d\d:00$/, '') },
      axisTick: { interval: (i: number) => i % 24 === 0 },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: { type: 'value', name: `${unit} per hour`, nameTextStyle: { color: theme.muted }, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } },
    dataZoom: sliderZoom(w.labels, theme),
    series: [{ type: 'line', name: s.name, data: w.values, showSymbol: false, step: 'end', lineStyle: { width: 1.5, color: LINE_COLOUR }, itemStyle: { color: LINE_COLOUR } }],
  }
}

/** The 365 × 24 heat map: days across, hours up, colour by value (visualMap). */
export function buildHeatmapOption(s: MeterSeries, system: UnitSystem, theme: ChartTheme): MeterChartOption {
  const { unit, factor } = meterUnits(s, system)
  const h = heatmapData(s, factor)
  const hours = Array.from({ length: 24 }, (_, i) => clock(i))
  return {
    ...common(theme),
    grid: { left: 16, right: 24, top: 16, bottom: 64, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const [d, hr, v] = (p as { value: [number, number, number] }).value
        return `${h.dayLabels[d]}, ${hours[hr]}–${clock(hr + 1)}<br/>${formatNumber(v)} ${unit}`
      },
    },
    xAxis: {
      type: 'category',
      data: h.dayLabels,
      splitArea: { show: false },
      axisLabel: { color: theme.muted, hideOverlap: true, interval: (i: number) => h.dayLabels[i].endsWith(' 1'), formatter: (v: string) => v.replace(/ 1$/, '') },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: [
      // The cells' rows: a category per hour, whose labels would sit mid-cell and stop at 23:00.
      { type: 'category', data: hours, show: false },
      // The labels: a value axis over the same height, so 00:00 to 24:00 fall on the cells' edges.
      {
        type: 'value',
        min: 0,
        max: 24,
        interval: 6,
        position: 'left',
        axisLabel: { color: theme.muted, formatter: (v: number) => clock(v), showMaxLabel: true },
        axisLine: { show: true, lineStyle: { color: theme.grid } },
        axisTick: { show: true },
        splitLine: { show: false },
      },
    ],
    visualMap: {
      type: 'continuous',
      min: h.min,
      max: h.max > h.min ? h.max : h.min + 1,
      // No handles: their value labels repeated the legend's ends.
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 240,
      text: [`${formatNumber(h.max)} ${unit}`, `${formatNumber(h.min)} ${unit}`],
      textStyle: { color: theme.muted },
      inRange: { color: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] },
    },
    series: [{ type: 'heatmap', name: s.name, yAxisIndex: 0, data: h.cells, progressive: 0, emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } } }],
  }
}
