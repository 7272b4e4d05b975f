// End uses by fuel of a variant beside its baseline: per end use two stacked bars (the
// baseline faded), one colour per fuel as in the run's own end-use chart.
import type { BarSeriesOption } from 'echarts/charts'
import type { EndUse } from '../bridge/types'
import { CHART_FONT, chartUnit, FUEL_COLOURS, fuelColour, endUseTable, stackTotalLabels, TOTAL_LABEL_ROOM, type ChartTheme, type EndUseChartOption } from './endUses'
import { formatNumber } from './format'
import type { UnitSystem } from './units'

export interface CompareTable {
  endUses: string[]
  fuels: string[]
  /** [fuel][end use], kWh */
  variant: number[][]
  baseline: number[][]
}

/** Both runs on the same end uses and fuels (the union, in EnergyPlus's order). */
export function compareTable(variant: EndUse[] | null | undefined, baseline: EndUse[] | null | undefined): CompareTable {
  const all = endUseTable([...(variant ?? []), ...(baseline ?? [])])
  const place = (cells: EndUse[] | null | undefined) => {
    const t = endUseTable(cells)
    return all.fuels.map((f) => all.endUses.map((e) => (t.fuels.includes(f) && t.endUses.includes(e) ? t.values[t.fuels.indexOf(f)][t.endUses.indexOf(e)] : 0)))
  }
  return { endUses: all.endUses, fuels: all.fuels, variant: place(variant), baseline: place(baseline) }
}

/** One unit for the chart from its largest bar: kWh/MWh/GWh, or kBtu/MBtu/GBtu in IP. */
export function compareUnit(maxKWh: number, system: UnitSystem): { unit: string; factor: number } {
  const { unit, divisor } = chartUnit(maxKWh, system)
  return { unit, factor: 1 / divisor }
}

export const BASELINE_SUFFIX = ' (baseline)'

export function buildEndUseCompareOption(variant: EndUse[] | null | undefined, baseline: EndUse[] | null | undefined, theme: ChartTheme, system: UnitSystem): EndUseChartOption {
  const t = compareTable(variant, baseline)
  const totals = (m: number[][]) => t.endUses.map((_, j) => m.reduce((s, row) => s + row[j], 0))
  const { unit, factor } = compareUnit(Math.max(0, ...totals(t.variant), ...totals(t.baseline)), system)
  const round = (v: number) => Math.round(v * factor * 1000) / 1000
  const series: BarSeriesOption[] = []
  const drawn = (m: number[][]) => m.map((row) => [...row].reverse().map(round))
  const baselineData = drawn(t.baseline)
  const variantData = drawn(t.variant)
  // Both bars of an end use carry their totals: the saving reads off the two numbers.
  const baselineLabels = stackTotalLabels(baselineData, unit, theme.muted)
  const variantLabels = stackTotalLabels(variantData, unit, theme.text)
  let extra = 0
  t.fuels.forEach((fuel, i) => {
    const known = FUEL_COLOURS.some(([f]) => f.toLowerCase() === fuel.toLowerCase())
    const colour = fuelColour(fuel, known ? 0 : extra++)
    const bar = (stack: string, data: number[], label: BarSeriesOption['label'], faded: boolean): BarSeriesOption => ({
      type: 'bar',
      name: faded ? fuel + BASELINE_SUFFIX : fuel,
      stack,
      barMaxWidth: 18,
      barGap: '15%',
      emphasis: { focus: 'series' },
      itemStyle: { color: colour, opacity: faded ? 0.45 : 1 },
      label,
      data,
    })
    series.push(bar('baseline', baselineData[i], baselineLabels[i], true), bar('variant', variantData[i], variantLabels[i], false))
  })
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: CHART_FONT, fontSize: 12 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${formatNumber(Number(v))} ${unit}` },
    legend: { top: 0, type: 'scroll', textStyle: { color: theme.text }, data: t.fuels },
    grid: { left: 8, right: TOTAL_LABEL_ROOM, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: { type: 'value', name: unit, nameLocation: 'middle', nameGap: 26, nameTextStyle: { color: theme.muted }, axisLabel: { color: theme.muted, hideOverlap: true }, splitLine: { lineStyle: { color: theme.grid } } },
    yAxis: { type: 'category', data: [...t.endUses].reverse(), axisLabel: { color: theme.text }, axisLine: { lineStyle: { color: theme.grid } } },
    series,
  }
}
