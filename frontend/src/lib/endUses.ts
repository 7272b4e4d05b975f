// Builds the ECharts option for the end-use chart: one bar per end use, stacked by fuel.
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { EndUse } from '../bridge/types'
import { formatNumber } from './format'
import { KBTU_PER_KWH, type UnitSystem } from './units'

export type EndUseChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

/** EnergyPlus's own row order in the End Uses table; names it adds later go after these. */
export const END_USE_ORDER = [
  'Heating',
  'Cooling',
  'Interior Lighting',
  'Exterior Lighting',
  'Interior Equipment',
  'Exterior Equipment',
  'Fans',
  'Pumps',
  'Heat Rejection',
  'Humidification',
  'Heat Recovery',
  'Water Systems',
  'Refrigeration',
  'Generators',
]

/** EnergyPlus's column order, with a fixed colour per fuel so the same fuel looks the same in every chart. */
export const FUEL_COLOURS: Array<[string, string]> = [
  ['Electricity', '#4e79a7'],
  ['Natural Gas', '#f28e2b'],
  ['Gasoline', '#edc948'],
  ['Diesel', '#9c755f'],
  ['Coal', '#6b6b6b'],
  ['Fuel Oil No 1', '#b07aa1'],
  ['Fuel Oil No 2', '#d4a6c8'],
  ['Propane', '#ff9da7'],
  ['Other Fuel 1', '#bab0ac'],
  ['Other Fuel 2', '#86bcb6'],
  ['District Cooling', '#76b7b2'],
  ['District Heating Water', '#e15759'],
  ['District Heating Steam', '#c0504d'],
  ['District Heating', '#e15759'],
]

const EXTRA_COLOURS = ['#59a14f', '#8cd17d', '#499894', '#d37295', '#fabfd2', '#79706e']

export function fuelColour(fuel: string, extraIndex = 0): string {
  const known = FUEL_COLOURS.find(([f]) => f.toLowerCase() === fuel.toLowerCase())
  return known ? known[1] : EXTRA_COLOURS[extraIndex % EXTRA_COLOURS.length]
}

function orderBy(names: string[], canonical: string[]): string[] {
  const rank = (n: string) => {
    const i = canonical.findIndex((c) => c.toLowerCase() === n.toLowerCase())
    return i < 0 ? canonical.length : i
  }
  // Stable: unknown names keep the order in which they first appeared.
  return names
    .map((n, i) => ({ n, i, r: rank(n) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.n)
}

export interface EndUseTable {
  endUses: string[]
  fuels: string[]
  /** values[fuelIndex][endUseIndex] in kWh; 0 where the table has no cell */
  values: number[][]
  /** total per end use, kWh */
  totals: number[]
}

/** Pivots the flat (endUse, fuel, kWh) cells into a table, dropping zero and non-finite cells. */
export function endUseTable(cells: EndUse[] | null | undefined): EndUseTable {
  const valid = (cells ?? []).filter((c) => Number.isFinite(c.kWh) && c.kWh !== 0)
  const uniq = (xs: string[]) => [...new Set(xs)]
  const endUses = orderBy(uniq(valid.map((c) => c.endUse)), END_USE_ORDER)
  const fuels = orderBy(uniq(valid.map((c) => c.fuel)), FUEL_COLOURS.map(([f]) => f))
  const values = fuels.map(() => endUses.map(() => 0))
  for (const c of valid) {
    values[fuels.indexOf(c.fuel)][endUses.indexOf(c.endUse)] += c.kWh
  }
  const totals = endUses.map((_, j) => values.reduce((s, row) => s + row[j], 0))
  return { endUses, fuels, values, totals }
}

export interface EnergyUnit {
  /** kWh, MWh, GWh, or in IP kBtu, MBtu (10⁶ Btu), GBtu */
  unit: string
  /** shown value = kWh / divisor */
  divisor: number
}

/** One unit for the whole chart, picked from its largest bar, in the chosen unit system. */
export function chartUnit(maxKWh: number, system: UnitSystem = 'si'): EnergyUnit {
  const perKWh = system === 'ip' ? KBTU_PER_KWH : 1
  const [base, big, huge] = system === 'ip' ? ['kBtu', 'MBtu', 'GBtu'] : ['kWh', 'MWh', 'GWh']
  const abs = Math.abs(maxKWh) * perKWh
  if (abs >= 1e7) return { unit: huge, divisor: 1e6 / perKWh }
  if (abs >= 1e4) return { unit: big, divisor: 1e3 / perKWh }
  return { unit: base, divisor: 1 / perKWh }
}

export interface ChartTheme {
  text: string
  muted: string
  grid: string
  background: string
}

export const CHART_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Ubuntu, Cantarell, sans-serif"

export const lightChartTheme: ChartTheme = { text: '#1f2933', muted: '#52606d', grid: '#d9e2ec', background: '#ffffff' }
export const darkChartTheme: ChartTheme = { text: '#e4e7eb', muted: '#9aa5b1', grid: '#3e4c59', background: '#1b2430' }

/** The room right of the bars for their totals ("12,345 kWh"). */
export const TOTAL_LABEL_ROOM = 88

/**
 * Each stacked bar's total with its unit, written after the bar's end: the label of the last
 * fuel with a share in the bar shows it, the others nothing. `values` is [fuel][bar], as drawn.
 */
export function stackTotalLabels(values: readonly number[][], unit: string, colour: string): NonNullable<BarSeriesOption['label']>[] {
  const bars = values[0]?.length ?? 0
  const last = Array.from({ length: bars }, (_, j) => values.reduce((k, row, i) => (row[j] !== 0 ? i : k), -1))
  const totals = Array.from({ length: bars }, (_, j) => values.reduce((sum, row) => sum + row[j], 0))
  return values.map((_, i) => ({
    show: true,
    position: 'right',
    color: colour,
    fontSize: 11,
    formatter: (p: { dataIndex: number }) => (last[p.dataIndex] === i ? `${formatNumber(totals[p.dataIndex])} ${unit}` : ''),
  }))
}

/**
 * The stacked bar option. Bars run horizontally so that long end-use names stay readable;
 * the first end use (Heating) is at the top.
 */
export function buildEndUseOption(cells: EndUse[] | null | undefined, theme: ChartTheme = lightChartTheme, system: UnitSystem = 'si'): EndUseChartOption {
  const t = endUseTable(cells)
  const { unit, divisor } = chartUnit(Math.max(0, ...t.totals), system)
  let extra = 0
  const drawn = t.values.map((row) => [...row].reverse().map((v) => round(v / divisor)))
  const labels = stackTotalLabels(drawn, unit, theme.text)
  const series: BarSeriesOption[] = t.fuels.map((fuel, i) => {
    const known = FUEL_COLOURS.some(([f]) => f.toLowerCase() === fuel.toLowerCase())
    const colour = fuelColour(fuel, known ? 0 : extra++)
    return {
      type: 'bar',
      name: fuel,
      stack: 'energy',
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
      itemStyle: { color: colour },
      label: labels[i],
      data: drawn[i],
    }
  })
  return {
    animation: false,
    backgroundColor: 'transparent',
    // A concrete font: ECharts measures label widths on a canvas, where 'inherit' means nothing.
    textStyle: { color: theme.text, fontFamily: CHART_FONT, fontSize: 12 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => `${formatNumber(Number(v))} ${unit}`,
    },
    legend: { top: 0, type: 'scroll', textStyle: { color: theme.text } },
    // ECharts 6 replaced containLabel: keep labels and the axis name inside the grid's box.
    grid: { left: 8, right: TOTAL_LABEL_ROOM, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'value',
      name: unit,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: theme.muted },
      // In the narrow detail pane "100150200" ran together: drop a label that would touch another.
      axisLabel: { color: theme.muted, hideOverlap: true },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      data: [...t.endUses].reverse(),
      axisLabel: { color: theme.text },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    series,
  }
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000
}
