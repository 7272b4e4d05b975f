// The study scatter plot: any two figures of the variant table against each other, the Pareto
// front of that pair (both minimised) as a staircase with its points labelled by variant, the
// baseline marked, and the variants that lack one of the two figures left out and counted.
// Units follow the KPI tiles (MWh once energy reaches 10,000 kWh); any figure can be shown per
// m² Atemp.
import type { ComposeOption } from 'echarts/core'
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts'
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { CHART_FONT, chartUnit, type ChartTheme } from './endUses'
import { formatNumber, plural } from './format'
import { paretoFront, paretoStaircase } from './pareto'
import type { StudyRow } from './studyTable'
import { FT2_PER_M2, toDisplay, unitLabel, type UnitKind, type UnitSystem } from './units'

export type AxisKey = 'energy' | 'eui' | 'lifeCycleCarbon' | 'embodied' | 'lifeCycleCost' | 'investment'

export interface AxisDef {
  key: AxisKey
  label: string
  /** what a variant without this figure lacks: "3 variants lack cost" */
  lacks: string
  kind: UnitKind
  value: (r: StudyRow) => number | undefined
  /** already per m² (EUI): the per-m² switch leaves it alone */
  perArea?: boolean
}

export const AXES: AxisDef[] = [
  { key: 'energy', label: 'Annual site energy', lacks: 'energy', kind: 'energy', value: (r) => r.energyKWh },
  { key: 'eui', label: 'EUI', lacks: 'EUI', kind: 'eui', value: (r) => r.euiKWhPerM2, perArea: true },
  { key: 'lifeCycleCarbon', label: 'Life-cycle carbon', lacks: 'life-cycle carbon', kind: 'carbon', value: (r) => r.lifeCycleCarbon.sortValue },
  { key: 'embodied', label: 'Embodied GWP', lacks: 'embodied GWP', kind: 'carbon', value: (r) => r.embodied.sortValue },
  { key: 'lifeCycleCost', label: 'Life-cycle cost', lacks: 'cost', kind: 'cost', value: (r) => r.lifeCycleCost.sortValue },
  { key: 'investment', label: 'Investment', lacks: 'investment', kind: 'cost', value: (r) => r.investment.sortValue },
]

export function axisDef(key: AxisKey): AxisDef {
  return AXES.find((a) => a.key === key) ?? AXES[0]
}

export interface AxisScale {
  /** "MWh/yr", "kg CO2e/m²", "SEK/m²" */
  unit: string
  /** SI value × factor = the value on the axis */
  factor: number
  /** "Annual site energy (MWh/yr)", "Embodied GWP per m² Atemp (kg CO2e/m²)" */
  title: string
}

/**
 * An axis's unit, as the KPI tiles write it: energy in kWh, MWh or GWh by the largest value
 * plotted (kBtu, MBtu, GBtu in IP), carbon in kg CO2e, cost in the currency; per m² (ft²) of
 * Atemp when asked, which makes energy an intensity like the EUI.
 */
export function axisScale(key: AxisKey, system: UnitSystem, currency: string, perM2 = false, maxAbsSI = 0): AxisScale {
  const a = axisDef(key)
  const area = perM2 && !a.perArea
  const what = area ? `${a.label} per ${unitLabel('area', system)} Atemp` : a.label
  const perArea = system === 'ip' ? 1 / FT2_PER_M2 : 1
  let unit: string
  let factor: number
  if (a.kind === 'eui' || (area && a.kind === 'energy')) {
    unit = `${unitLabel('eui', system)}·yr`
    factor = toDisplay('eui', 1, system)
  } else if (a.kind === 'energy') {
    const u = chartUnit(maxAbsSI, system)
    unit = `${u.unit}/yr`
    factor = 1 / u.divisor
  } else {
    const base = unitLabel(a.kind, system, currency)
    unit = area ? (base ? `${base}/${unitLabel('area', system)}` : `per ${unitLabel('area', system)}`) : base
    factor = area ? perArea : 1
  }
  return { unit, factor, title: unit ? `${what} (${unit})` : what }
}

/** "Annual site energy (kWh/yr)", "Life-cycle cost (EUR)" */
export function axisTitle(key: AxisKey, system: UnitSystem, currency: string, perM2 = false, maxAbsSI = 0): string {
  return axisScale(key, system, currency, perM2, maxAbsSI).title
}

export interface ScatterModel {
  x: AxisKey
  y: AxisKey
  /** plotted rows, in the table's order */
  ids: string[]
  names: string[]
  /** the point's label: "#12" (the variant's number), "baseline" */
  labels: string[]
  /** the variant's short id in the study ("B", "V12"), as a method's fronts name it */
  shortIds: string[]
  /** values per m² Atemp */
  perM2: boolean
  /** SI values */
  xs: number[]
  ys: number[]
  baseline: boolean[]
  /** indices (into ids) of the Pareto-optimal points of this pair */
  front: number[]
  /** the front's staircase, SI */
  staircase: Array<[number, number]>
  /** left out, grouped by what they lack */
  missing: Array<{ lacks: string; count: number }>
}

/**
 * The pairs tried, in order, until the user picks axes: the trade-off a study is about first,
 * then pairs that need fewer inputs (no prices, no GWP), so that a study whose cost inputs are
 * still blank opens on a plot with points rather than on an empty one.
 */
export const DEFAULT_PAIRS: ReadonlyArray<[AxisKey, AxisKey]> = [
  ['lifeCycleCarbon', 'lifeCycleCost'],
  ['energy', 'investment'],
  ['energy', 'embodied'],
  ['energy', 'eui'],
]

/** The first default pair with at least two plottable variants. */
export function defaultAxes(rows: readonly StudyRow[]): [AxisKey, AxisKey] {
  for (const [x, y] of DEFAULT_PAIRS) {
    const ax = axisDef(x)
    const ay = axisDef(y)
    let n = 0
    for (const r of rows) {
      const vx = ax.value(r)
      const vy = ay.value(r)
      if (vx !== undefined && vy !== undefined && Number.isFinite(vx) && Number.isFinite(vy) && ++n >= 2) return [x, y]
    }
  }
  return [...DEFAULT_PAIRS[0]]
}

/** A figure per m² Atemp: undefined without a positive Atemp. */
function perAtemp(a: AxisDef, r: StudyRow, perM2: boolean): number | undefined {
  const v = a.value(r)
  if (!perM2 || a.perArea || v === undefined) return v
  return r.atemp !== undefined && r.atemp > 0 ? v / r.atemp : undefined
}

/** A variant's label on the plot: its short id in the study ("V12"), as in the table and the report. */
export function pointLabel(r: Pick<StudyRow, 'baseline' | 'variantId' | 'label'>): string {
  return r.baseline ? 'baseline' : r.label || `#${r.variantId}`
}

/** The points of one weather file (all rows when weatherId is null); per m² Atemp when perM2. */
export function scatterModel(rows: readonly StudyRow[], x: AxisKey, y: AxisKey, weatherId: number | null = null, perM2 = false): ScatterModel {
  const ax = axisDef(x)
  const ay = axisDef(y)
  const m: ScatterModel = { x, y, ids: [], names: [], labels: [], shortIds: [], perM2, xs: [], ys: [], baseline: [], front: [], staircase: [], missing: [] }
  const missing = new Map<string, number>()
  for (const r of rows) {
    if (weatherId !== null && r.weatherId !== weatherId) continue
    const vx = perAtemp(ax, r, perM2)
    const vy = perAtemp(ay, r, perM2)
    if (vx === undefined || vy === undefined || !Number.isFinite(vx) || !Number.isFinite(vy)) {
      const noArea = perM2 && (r.atemp === undefined || !(r.atemp > 0)) && !(ax.perArea && ay.perArea)
      const lacks =
        r.energyKWh === undefined
          ? 'results'
          : noArea && ax.value(r) !== undefined && ay.value(r) !== undefined
            ? 'Atemp'
            : [ax.value(r) === undefined ? ax.lacks : '', ay.value(r) === undefined && ay.lacks !== ax.lacks ? ay.lacks : ''].filter(Boolean).join(' and ')
      missing.set(lacks, (missing.get(lacks) ?? 0) + 1)
      continue
    }
    m.ids.push(r.id)
    m.names.push(r.baseline ? 'Baseline (existing constructions)' : r.name)
    m.labels.push(pointLabel(r))
    m.shortIds.push(r.label)
    m.xs.push(vx)
    m.ys.push(vy)
    m.baseline.push(r.baseline)
  }
  const pts = m.xs.map((v, i) => ({ x: v, y: m.ys[i] }))
  m.front = paretoFront(pts)
  m.staircase = paretoStaircase(pts, m.front)
  m.missing = [...missing].map(([lacks, count]) => ({ lacks, count })).sort((a, b) => b.count - a.count || a.lacks.localeCompare(b.lacks))
  return m
}

/** "3 variants lack cost; 1 variant lacks results" ('' when every row is plotted). */
export function missingNote(missing: ScatterModel['missing']): string {
  return missing.map((m) => `${plural(m.count, 'variant')} ${m.count === 1 ? 'lacks' : 'lack'} ${m.lacks}`).join('; ')
}

export type ScatterOption = ComposeOption<ScatterSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DataZoomComponentOption>

/** Series order, so that a click maps back to a row. */
/** px between a Pareto point (radius 5) and its label: past the selection ring (radius 10, border 2.5). */
export const PARETO_LABEL_DISTANCE = 9

export const SCATTER_SERIES = { variants: 0, front: 1, optimal: 2, baseline: 3, selected: 4, highlight: 5 } as const

/** Above this many points ECharts draws the variants in large mode (one path, no per-point animation). */
export const LARGE_THRESHOLD = 2000

export interface ScatterIndex {
  /** per series index, the model index of each data item */
  bySeries: number[][]
}

/** Which point a click hit: the row id, or null for the front line and misses. */
export function pointAt(model: ScatterModel, index: ScatterIndex, seriesIndex: number, dataIndex: number): string | null {
  const i = index.bySeries[seriesIndex]?.[dataIndex]
  return i === undefined ? null : (model.ids[i] ?? null)
}

export interface ScatterOptions {
  theme: ChartTheme
  units: UnitSystem
  currency: string
  selectedId: string | null
  /**
   * Variants to ring, by short id, and the legend's name for them: an NSGA-II generation's
   * front ("Front of generation 2").
   */
  highlight?: { ids: ReadonlySet<string>; name: string }
  /** the generation that first asked for a variant (by short id), said in its tooltip */
  generationOf?: (shortId: string) => number | undefined
}

/** The model indices of the points a highlight names. */
export function highlighted(m: Pick<ScatterModel, 'shortIds'>, ids: ReadonlySet<string> | undefined): number[] {
  if (!ids?.size) return []
  const out: number[] = []
  m.shortIds.forEach((id, i) => {
    if (ids.has(id)) out.push(i)
  })
  return out
}

export function buildScatterOption(m: ScatterModel, o: ScatterOptions): { option: ScatterOption; index: ScatterIndex } {
  const maxAbs = (vs: number[]) => vs.reduce((a, v) => Math.max(a, Math.abs(v)), 0)
  const sx = axisScale(m.x, o.units, o.currency, m.perM2, maxAbs(m.xs))
  const sy = axisScale(m.y, o.units, o.currency, m.perM2, maxAbs(m.ys))
  const dx = (v: number) => v * sx.factor
  const dy = (v: number) => v * sy.factor
  const onFront = new Set(m.front)
  const variants: number[] = []
  const optimal: number[] = []
  const baseline: number[] = []
  m.ids.forEach((_, i) => {
    if (m.baseline[i]) baseline.push(i)
    else if (onFront.has(i)) optimal.push(i)
    else variants.push(i)
  })
  const sel = o.selectedId === null ? -1 : m.ids.indexOf(o.selectedId)
  const selected = sel >= 0 ? [sel] : []
  const xy = (i: number): [number, number] => [dx(m.xs[i]), dy(m.ys[i])]
  const ringed = highlighted(m, o.highlight?.ids)
  const index: ScatterIndex = { bySeries: [variants, [], optimal, baseline, selected, ringed] }
  const fmt = (v: number) => formatNumber(v, Math.abs(v) >= 100 ? 0 : undefined)
  const axis = (sc: AxisScale) => ({
    type: 'value' as const,
    name: sc.title,
    nameLocation: 'middle' as const,
    scale: true,
    nameTextStyle: { color: o.theme.muted },
    axisLabel: { color: o.theme.muted, formatter: (v: number) => formatNumber(v) },
    splitLine: { lineStyle: { color: o.theme.grid } },
  })
  const option: ScatterOption = {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: o.theme.text, fontFamily: CHART_FONT, fontSize: 12 },
    legend: { top: 0, textStyle: { color: o.theme.text }, data: ['Variants', 'Pareto-optimal', 'Pareto front', 'Baseline', ...(o.highlight ? [o.highlight.name] : [])] },
    grid: { left: 16, right: 24, top: 36, bottom: 16, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number }
        const i = index.bySeries[seriesIndex]?.[dataIndex]
        if (i === undefined) return 'Pareto front'
        const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
        const label = m.baseline[i] ? '' : `${esc(m.labels[i])} `
        const g = o.generationOf?.(m.shortIds[i])
        const asked = g !== undefined && !m.baseline[i] ? `<br/>first asked for in generation ${g}` : ''
        return `${label}${esc(m.names[i])}${asked}<br/>${esc(sx.title)}: ${fmt(dx(m.xs[i]))}<br/>${esc(sy.title)}: ${fmt(dy(m.ys[i]))}`
      },
    },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
    ],
    xAxis: { ...axis(sx), nameGap: 28 },
    yAxis: { ...axis(sy), nameGap: 56 },
    series: [
      {
        type: 'scatter',
        name: 'Variants',
        symbolSize: 7,
        large: true,
        largeThreshold: LARGE_THRESHOLD,
        itemStyle: { color: '#4e79a7', opacity: 0.7 },
        emphasis: { scale: 1.6 },
        data: variants.map(xy),
      },
      {
        type: 'line',
        name: 'Pareto front',
        silent: true,
        showSymbol: false,
        lineStyle: { color: '#e15759', width: 2, type: 'dashed' },
        itemStyle: { color: '#e15759' },
        data: m.staircase.map(([x, y]) => [dx(x), dy(y)]),
        z: 1,
      },
      {
        type: 'scatter',
        name: 'Pareto-optimal',
        symbolSize: 10,
        itemStyle: { color: '#e15759' },
        // The variants worth a look, named on the plot as in the table ("#12"); a label that
        // would cover another is left out (its point keeps its tooltip). It sits clear of the
        // selection ring (radius 10 + border) that a selected point gets: 5 + 9 px above centre.
        label: { show: true, position: 'top', distance: PARETO_LABEL_DISTANCE, color: o.theme.text, fontSize: 11, formatter: (p: { dataIndex: number }) => m.labels[optimal[p.dataIndex]] ?? '' },
        labelLayout: { hideOverlap: true },
        data: optimal.map(xy),
        z: 3,
      },
      {
        type: 'scatter',
        name: 'Baseline',
        symbol: 'diamond',
        symbolSize: 16,
        itemStyle: { color: '#f28e2b', borderColor: o.theme.text, borderWidth: 1 },
        label: { show: true, position: 'bottom', distance: 6, color: o.theme.muted, fontSize: 11, formatter: 'baseline' },
        data: baseline.map(xy),
        z: 4,
      },
      {
        type: 'scatter',
        name: 'Selected',
        // Silent: clicks reach the point under the ring, and the ring, which moves with every
        // selection, is never the hovered element ECharts would later try to un-hover.
        silent: true,
        symbolSize: 20,
        itemStyle: { color: 'transparent', borderColor: o.theme.text, borderWidth: 2.5 },
        data: selected.map(xy),
        z: 5,
      },
      {
        type: 'scatter',
        name: o.highlight?.name ?? 'Highlighted',
        // A ring round each point, clickable like the point under it.
        symbolSize: 15,
        itemStyle: { color: 'transparent', borderColor: '#59a14f', borderWidth: 2.5 },
        data: ringed.map(xy),
        z: 4,
      },
    ],
  }
  return { option, index }
}
