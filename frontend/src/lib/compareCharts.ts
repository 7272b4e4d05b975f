// The comparison view's two charts: A and B as grouped bars with their values, one pair per
// end use (by carrier or fuel) and one pair per month. A missing value draws no bar (never 0).
import type { BarSeriesOption } from 'echarts/charts'
import type { CompareRow } from './compare'
import { CHART_FONT, chartUnit, type ChartTheme, type EndUseChartOption } from './endUses'
import { formatNumber } from './format'

export const A_COLOUR = '#8d99ae'
export const B_COLOUR = '#2f6fb1'

/** The largest value of the rows, for one unit for the whole chart. */
function largest(rows: CompareRow[]): number {
  return Math.max(0, ...rows.flatMap((r) => [r.a.value ?? 0, r.b.value ?? 0]))
}

function series(name: string, colour: string, values: Array<number | null>, horizontal: boolean, unit: string): BarSeriesOption {
  return {
    type: 'bar',
    name,
    barGap: '10%',
    barMaxWidth: horizontal ? 14 : 22,
    itemStyle: { color: colour },
    label: {
      show: true,
      position: horizontal ? 'right' : 'top',
      fontSize: 10,
      rotate: horizontal ? 0 : 90,
      align: horizontal ? undefined : 'left',
      verticalAlign: horizontal ? undefined : 'middle',
      distance: 4,
      formatter: (p) => (p.value === null || p.value === undefined ? '' : `${formatNumber(Number(p.value), Number(p.value) < 10 ? 1 : 0)}`),
    },
    tooltip: { valueFormatter: (v) => (v === null || v === undefined ? 'missing' : `${formatNumber(Number(v))} ${unit}`) },
    data: values,
  }
}

/**
 * Grouped bars of A and B. Horizontal: one category per row, first row on top (end uses);
 * vertical: categories left to right (months).
 */
export function buildCompareBarOption(rows: CompareRow[], labels: { a: string; b: string }, theme: ChartTheme, horizontal: boolean): EndUseChartOption {
  const { unit, divisor } = chartUnit(largest(rows))
  const scaled = (v: number | null) => (v === null ? null : Math.round((v / divisor) * 1000) / 1000)
  const ordered = horizontal ? [...rows].reverse() : rows
  const categories = ordered.map((r) => r.label)
  const valueAxis = { type: 'value' as const, name: unit, nameLocation: 'middle' as const, nameGap: horizontal ? 26 : 40, nameTextStyle: { color: theme.muted }, axisLabel: { color: theme.muted, hideOverlap: true }, splitLine: { lineStyle: { color: theme.grid } } }
  const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { color: theme.text, width: 220, overflow: 'truncate' as const }, axisLine: { lineStyle: { color: theme.grid } } }
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: CHART_FONT, fontSize: 12 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: theme.text }, data: [labels.a, labels.b] },
    grid: { left: 8, right: horizontal ? 48 : 16, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [series(labels.a, A_COLOUR, ordered.map((r) => scaled(r.a.value)), horizontal, unit), series(labels.b, B_COLOUR, ordered.map((r) => scaled(r.b.value)), horizontal, unit)],
  }
}
