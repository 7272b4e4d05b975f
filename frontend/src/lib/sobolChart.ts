// The Sobol indices of one objective: per factor, its first-order index S1 (the share of the
// objective's variance it explains alone) and its total index ST (with its interactions), each
// with the 95 % bootstrap half-width as a whisker, ranked by ST as Go sends them. A figure Go
// could not estimate (null) is not drawn and reads "–" in the table, never 0.
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn } from 'echarts'
import type { ComposeOption } from 'echarts/core'
import type { CustomSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Sensitivity, SobolIndex } from '../bridge/types'
import { CHART_FONT, type ChartTheme } from './endUses'
import { escapeHtml as esc, formatNumber } from './format'

export type SobolOption = ComposeOption<CustomSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

/** Indices are shares of a variance: two decimals say all the ±0.05 intervals allow. */
const DIGITS = 2

/** "0.52 ± 0.08"; "0.52 ± –" when the interval is unknown; "–" when the index is. */
export function indexText(value: number | null | undefined, conf: number | null | undefined): string {
  if (typeof value !== 'number') return formatNumber(null)
  return `${formatNumber(value, DIGITS)} ± ${typeof conf === 'number' ? formatNumber(conf, DIGITS) : formatNumber(null)}`
}

/** What the ranked table shows of a factor. */
export interface IndexRow {
  rank: number
  factor: string
  s1: string
  st: string
  /** base samples the indices were estimated from */
  rows: string
  /** base samples left out because one of their runs has no value */
  dropped: string
}

export function indexRows(s: Pick<Sensitivity, 'indices'>): IndexRow[] {
  return (s.indices ?? []).map((x, i) => ({
    rank: i + 1,
    factor: x.factor,
    s1: indexText(x.s1, x.s1Conf),
    st: indexText(x.st, x.stConf),
    rows: String(x.rows),
    dropped: String(x.dropped),
  }))
}

/** Whether the chart has anything to draw: a factor with S1 or ST. */
export function hasPlottedIndex(s: Pick<Sensitivity, 'indices'>): boolean {
  return (s.indices ?? []).some((x) => typeof x.s1 === 'number' || typeof x.st === 'number')
}

/** The chart's height for n factors: a band of two bars each, and room for the axis and legend. */
export function sobolChartHeight(factors: number): number {
  return Math.max(160, 72 + factors * 44)
}

/**
 * Where a bar sits in its factor's band, in pixels from the band's centre: S1 above, ST below,
 * each 30 % of the band thick with a gap between and room around.
 */
export function barSlot(band: number, which: 0 | 1): { offset: number; thickness: number } {
  return { offset: (which === 0 ? -1 : 1) * band * 0.17, thickness: band * 0.3 }
}

type Figure = 's1' | 'st'

/** One item per factor: [its index, the value, value − half-width, value + half-width], '-' for none. */
export function seriesData(indices: SobolIndex[], figure: Figure): Array<[number, number | '-', number | '-', number | '-']> {
  return indices.map((x, i) => {
    const v = x[figure]
    const c = figure === 's1' ? x.s1Conf : x.stConf
    if (typeof v !== 'number') return [i, '-', '-', '-']
    return typeof c === 'number' ? [i, v, v - c, v + c] : [i, v, '-', '-']
  })
}

/**
 * Draws one factor's bar from 0 to its value and, when known, the whisker of its interval with
 * caps. ECharts has no error bar: a custom series places both itself, so the whisker sits on its
 * bar whatever ECharts' bar layout would do.
 */
export function renderIndex(which: 0 | 1, color: string, whisker: string) {
  return (_: unknown, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
    const factor = Number(api.value(0))
    const value = Number(api.value(1))
    if (!Number.isFinite(value)) return null
    const sizes = api.size?.([0, 1])
    const band = Array.isArray(sizes) ? sizes[1] : 24
    const { offset, thickness } = barSlot(band, which)
    const [x0, centre] = api.coord([0, factor])
    const [x1] = api.coord([value, factor])
    const y = centre + offset
    const children: NonNullable<CustomSeriesRenderItemReturn>[] = [
      { type: 'rect', shape: { x: Math.min(x0, x1), y: y - thickness / 2, width: Math.abs(x1 - x0), height: thickness }, style: { fill: color } },
    ]
    const lo = Number(api.value(2))
    const hi = Number(api.value(3))
    if (Number.isFinite(lo) && Number.isFinite(hi)) {
      const [xl] = api.coord([lo, factor])
      const [xh] = api.coord([hi, factor])
      const cap = thickness * 0.35
      const line = (x1: number, y1: number, x2: number, y2: number) => ({ type: 'line' as const, shape: { x1, y1, x2, y2 }, style: { stroke: whisker, lineWidth: 1.2 } })
      children.push(line(xl, y, xh, y), line(xl, y - cap, xl, y + cap), line(xh, y - cap, xh, y + cap))
    }
    return { type: 'group', children }
  }
}

const COLORS: Record<Figure, string> = { s1: '#4e79a7', st: '#f28e2b' }
const NAMES: Record<Figure, string> = { s1: 'S1 (alone)', st: 'ST (with interactions)' }

export function buildSobolOption(s: Sensitivity, theme: ChartTheme): SobolOption {
  const indices = s.indices ?? []
  const series = (figure: Figure, which: 0 | 1): CustomSeriesOption => ({
    type: 'custom',
    name: NAMES[figure],
    itemStyle: { color: COLORS[figure] },
    renderItem: renderIndex(which, COLORS[figure], theme.text),
    // The whisker's ends count in the axis' extent, so an interval is never cut off.
    encode: { y: 0, x: [1, 2, 3] },
    data: seriesData(indices, figure),
    z: 2,
  })
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: CHART_FONT, fontSize: 12 },
    legend: { top: 0, textStyle: { color: theme.text } },
    grid: { left: 8, right: 24, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const x = indices[(p as { dataIndex: number }).dataIndex]
        if (!x) return ''
        return `${esc(x.factor)}<br/>S1: ${indexText(x.s1, x.s1Conf)}<br/>ST: ${indexText(x.st, x.stConf)}<br/>${x.rows} base samples${x.dropped ? ` (${x.dropped} dropped)` : ''}`
      },
    },
    xAxis: {
      type: 'value',
      name: 'Share of the variance (95 % interval)',
      nameLocation: 'middle',
      nameGap: 28,
      // 0 to 1 at least: the objectives' charts read alike, and a small index looks small.
      min: (v: { min: number }) => Math.min(0, v.min),
      max: (v: { max: number }) => Math.max(1, v.max),
      nameTextStyle: { color: theme.muted },
      axisLabel: { color: theme.muted, formatter: (v: number) => formatNumber(v, 1) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      // Ranked by ST: the first factor on top.
      inverse: true,
      data: indices.map((x) => x.factor),
      axisLine: { onZero: false, lineStyle: { color: theme.grid } },
      axisTick: { show: false },
      axisLabel: { color: theme.text, width: 180, overflow: 'truncate' },
    },
    series: [series('s1', 0), series('st', 1)],
  }
}
