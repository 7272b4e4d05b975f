// The Morris chart of one objective: each factor at (mu*, sigma), labelled with its name. Far
// right matters most; high up means its effect depends on the other factors (or is not
// linear). A factor without either figure is not placed (the table beside says "–").
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components'
import type { Screening } from '../bridge/types'
import { CHART_FONT, type ChartTheme } from './endUses'
import { escapeHtml as esc, formatNumber } from './format'
import { plottedEffects } from './method'

export type MorrisOption = ComposeOption<ScatterSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption>

/** "Annual site energy (kWh)"; a unit the figure does not have is left out. */
export function objectiveTitle(o: Screening['objective']): string {
  return o.unit ? `${o.name} (${o.unit})` : o.name
}

export function buildMorrisOption(sc: Screening, theme: ChartTheme): MorrisOption {
  const points = plottedEffects(sc)
  const unit = sc.objective.unit ? ` (${sc.objective.unit})` : ''
  const axis = (name: string) => ({
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    min: 0,
    nameTextStyle: { color: theme.muted },
    axisLabel: { color: theme.muted, formatter: (v: number) => formatNumber(v) },
    splitLine: { lineStyle: { color: theme.grid } },
  })
  // sigma = mu* is where a factor's effects change sign or size as much as they average: the
  // line helps to read the chart.
  const top = points.reduce((m, p) => Math.max(m, p.muStar, p.sigma), 0)
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: CHART_FONT, fontSize: 12 },
    grid: { left: 16, right: 32, top: 24, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number }
        const e = seriesIndex === 0 ? points[dataIndex] : undefined
        if (!e) return 'σ = μ*'
        return `${esc(e.factor)}<br/>μ*: ${formatNumber(e.muStar)}${esc(unit)}<br/>σ: ${formatNumber(e.sigma)}${esc(unit)}<br/>${e.effects} effects`
      },
    },
    xAxis: { ...axis(`μ* (mean |effect|)${unit}`), nameGap: 28 },
    yAxis: { ...axis(`σ (spread of effects)${unit}`), nameGap: 56 },
    series: [
      {
        type: 'scatter',
        name: 'Factors',
        symbolSize: 11,
        itemStyle: { color: '#4e79a7' },
        label: { show: true, position: 'right', distance: 6, color: theme.text, fontSize: 11, formatter: (p: { dataIndex: number }) => points[p.dataIndex]?.factor ?? '' },
        labelLayout: { hideOverlap: true },
        data: points.map((e) => [e.muStar, e.sigma]),
        z: 3,
      },
      {
        type: 'line',
        name: 'σ = μ*',
        silent: true,
        showSymbol: false,
        lineStyle: { color: theme.muted, width: 1, type: 'dashed' },
        data: top > 0 ? diagonal(top) : [],
        z: 1,
      },
    ],
  }
}

function diagonal(top: number): Array<[number, number]> {
  return [
    [0, 0],
    [top, top],
  ]
}
