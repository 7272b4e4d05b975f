import { describe, expect, it } from 'vitest'
import { lightChartTheme } from './endUses'
import { AXES, axisScale, axisTitle, buildScatterOption, defaultAxes, LARGE_THRESHOLD, missingNote, pointAt, SCATTER_SERIES, scatterModel } from './scatter'
import { buildStudyRows } from './studyTable'
import { study } from './teststudy'

// baseline, three complete variants, one without a price (no life-cycle cost), one unfinished
const table = study([
  { kwh: 10000, embodied: 0, lcc: 50000, lcCarbon: 30000, investment: 0 },
  { kwh: 8000, embodied: 2000, lcc: 48000, lcCarbon: 26000 },
  { kwh: 9000, embodied: 3000, lcc: 52000, lcCarbon: 31000 },
  { kwh: 7000, embodied: 5000, lcc: 47000, lcCarbon: 29000 },
  { kwh: 7500, embodied: 900, lcc: null, lcCarbon: 25000 },
  null,
])
const rows = buildStudyRows(table)

describe('scatter model', () => {
  it('plots the rows that have both figures and counts the others by what they lack', () => {
    const m = scatterModel(rows, 'lifeCycleCarbon', 'lifeCycleCost')
    expect(m.ids).toEqual(['1:1', '2:1', '3:1', '4:1'])
    expect(m.missing).toEqual([
      { lacks: 'cost', count: 1 },
      { lacks: 'results', count: 1 },
    ])
    expect(missingNote(m.missing)).toBe('1 variant lacks cost; 1 variant lacks results')
    expect(missingNote([{ lacks: 'cost', count: 3 }])).toBe('3 variants lack cost')
  })

  it('finds the front of the chosen pair (both minimised)', () => {
    const cc = scatterModel(rows, 'lifeCycleCarbon', 'lifeCycleCost')
    // (30000, 50000) baseline, (26000, 48000), (31000, 52000), (29000, 47000)
    expect(cc.front.map((i) => cc.ids[i])).toEqual(['2:1', '4:1'])
    const ee = scatterModel(rows, 'energy', 'embodied')
    // the baseline has no embodied carbon: optimal on embodied; 7500 kWh / 900 kg beats 8000 / 2000
    expect(ee.front.map((i) => ee.ids[i]).sort()).toEqual(['1:1', '4:1', '5:1'])
    expect(ee.missing).toEqual([{ lacks: 'results', count: 1 }])
  })

  it('shows one weather file at a time', () => {
    const two = buildStudyRows({ ...table, rows: [...table.rows!, ...study([{ kwh: 1, embodied: 0, lcc: 1, lcCarbon: 1 }], 2).rows!] })
    expect(scatterModel(two, 'energy', 'eui', 2).ids).toEqual(['1:2'])
    expect(scatterModel(two, 'energy', 'eui', 1).ids).toHaveLength(5)
  })

  it('names both figures when a row lacks both', () => {
    const m = scatterModel(rows, 'lifeCycleCost', 'investment')
    expect(missingNote(m.missing)).toContain('1 variant lacks cost')
  })
})

describe('default axes', () => {
  it('open on life-cycle carbon × cost when the study has those figures', () => {
    expect(defaultAxes(rows)).toEqual(['lifeCycleCarbon', 'lifeCycleCost'])
  })
  it('fall back to a pair with points when no price is entered yet', () => {
    const noPrices = buildStudyRows(study([
      { kwh: 10000, embodied: 0, lcc: null, lcCarbon: 30000, investment: 0 },
      { kwh: 8000, embodied: 2000, lcc: null, lcCarbon: 26000 },
      { kwh: 9000, embodied: 3000, lcc: null, lcCarbon: 31000 },
    ]))
    const [x, y] = defaultAxes(noPrices)
    expect(scatterModel(noPrices, x, y).ids.length).toBeGreaterThanOrEqual(2)
    expect([x, y]).not.toEqual(['lifeCycleCarbon', 'lifeCycleCost'])
  })
  it('keep the study pair when nothing can be plotted yet (no results)', () => {
    expect(defaultAxes(buildStudyRows(study([null, null])))).toEqual(['lifeCycleCarbon', 'lifeCycleCost'])
  })
})

describe('scatter option', () => {
  const m = scatterModel(rows, 'energy', 'lifeCycleCost')

  it('titles the axes in the chosen units', () => {
    expect(axisTitle('energy', 'si', 'EUR')).toBe('Annual site energy (kWh/yr)')
    expect(axisTitle('eui', 'ip', 'EUR')).toBe('EUI (kBtu/ft²·yr)')
    expect(axisTitle('lifeCycleCost', 'ip', 'EUR')).toBe('Life-cycle cost (EUR)')
    expect(AXES.map((a) => a.key)).toEqual(['energy', 'eui', 'lifeCycleCarbon', 'embodied', 'lifeCycleCost', 'investment'])
  })

  it('marks the baseline and the selection, and maps clicks back to rows', () => {
    const { option, index } = buildScatterOption(m, { theme: lightChartTheme, units: 'si', currency: 'EUR', selectedId: '3:1' })
    const series = option.series as Array<{ name: string; data: number[][] }>
    // energy in MWh like the KPI tiles: the largest value is 10,000 kWh
    expect(series[SCATTER_SERIES.baseline].data).toEqual([[10, 50000]])
    expect(series[SCATTER_SERIES.selected].data).toEqual([[9, 52000]])
    expect(pointAt(m, index, SCATTER_SERIES.selected, 0)).toBe('3:1')
    expect(pointAt(m, index, SCATTER_SERIES.baseline, 0)).toBe('1:1')
    expect(pointAt(m, index, SCATTER_SERIES.front, 0)).toBeNull()
    const all = [SCATTER_SERIES.variants, SCATTER_SERIES.optimal, SCATTER_SERIES.baseline].flatMap((s) => series[s].data.map((_, i) => pointAt(m, index, s, i)))
    expect(all.sort()).toEqual([...m.ids].sort())
  })

  it('puts a Pareto label clear of the selection ring, so a selected point keeps a readable id', () => {
    const { option } = buildScatterOption(m, { theme: lightChartTheme, units: 'si', currency: 'EUR', selectedId: '3:1' })
    const series = option.series as Array<{ symbolSize: number; label?: { position: string; distance: number }; itemStyle: { borderWidth?: number } }>
    const point = series[SCATTER_SERIES.optimal], ring = series[SCATTER_SERIES.selected]
    expect(point.label?.position).toBe('top')
    // The label's bottom edge is above the ring's outer edge: point radius + distance > ring radius + its border.
    expect(point.symbolSize / 2 + (point.label?.distance ?? 0)).toBeGreaterThan(ring.symbolSize / 2 + (ring.itemStyle.borderWidth ?? 0) / 2)
  })

  it('rings the variants a highlight names (an NSGA-II generation’s front), in the legend by its name', () => {
    const shortId = m.shortIds[m.ids.indexOf('3:1')]
    const { option, index } = buildScatterOption(m, {
      theme: lightChartTheme,
      units: 'si',
      currency: 'EUR',
      selectedId: null,
      highlight: { ids: new Set([shortId, 'V99']), name: 'Front of generation 2' },
      generationOf: (id) => (id === shortId ? 2 : undefined),
    })
    const series = option.series as Array<{ name: string; data: number[][] }>
    expect(series[SCATTER_SERIES.highlight]).toMatchObject({ name: 'Front of generation 2', data: [[9, 52000]] })
    expect(pointAt(m, index, SCATTER_SERIES.highlight, 0)).toBe('3:1')
    expect((option.legend as { data: string[] }).data).toContain('Front of generation 2')
    const tip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ seriesIndex: SCATTER_SERIES.highlight, dataIndex: 0 })
    expect(tip).toContain('first asked for in generation 2')
    const plain = buildScatterOption(m, { theme: lightChartTheme, units: 'si', currency: 'EUR', selectedId: null })
    expect((plain.option.series as Array<{ data: unknown[] }>)[SCATTER_SERIES.highlight].data).toEqual([])
  })

  it('converts the axes to IP without moving the front', () => {
    const { option } = buildScatterOption(m, { theme: lightChartTheme, units: 'ip', currency: 'EUR', selectedId: null })
    const series = option.series as Array<{ data: number[][] }>
    expect(series[SCATTER_SERIES.baseline].data[0][0]).toBeCloseTo(34.1214, 4)
    expect((option.xAxis as { name: string }).name).toBe('Annual site energy (MBtu/yr)')
    expect(series[SCATTER_SERIES.baseline].data[0][1]).toBe(50000)
    expect(series[SCATTER_SERIES.selected].data).toEqual([])
  })

  it('writes energy in the unit the KPI tiles use for its size', () => {
    expect(axisScale('energy', 'si', 'EUR', false, 9999)).toMatchObject({ unit: 'kWh/yr', factor: 1 })
    expect(axisScale('energy', 'si', 'EUR', false, 10000)).toMatchObject({ unit: 'MWh/yr', factor: 0.001 })
    expect(axisScale('energy', 'si', 'EUR', false, 2e7)).toMatchObject({ unit: 'GWh/yr', factor: 1e-6 })
    expect(axisScale('lifeCycleCarbon', 'si', 'SEK', false, 1e6)).toMatchObject({ unit: 'kg CO2e', factor: 1 })
    expect(axisTitle('investment', 'si', 'SEK')).toBe('Investment (SEK)')
  })

  it('divides every figure but the EUI by Atemp when per m² is on', () => {
    const per = scatterModel(rows, 'embodied', 'lifeCycleCost', null, true)
    // Atemp 200 m²: variant 1 embodies 2,000 kg and costs 48,000 over its life
    expect(per.xs[per.ids.indexOf('2:1')]).toBe(10)
    expect(per.ys[per.ids.indexOf('2:1')]).toBe(240)
    expect(axisScale('embodied', 'si', 'SEK', true)).toEqual({ unit: 'kg CO2e/m²', factor: 1, title: 'Embodied GWP per m² Atemp (kg CO2e/m²)' })
    expect(axisScale('lifeCycleCost', 'si', 'SEK', true).title).toBe('Life-cycle cost per m² Atemp (SEK/m²)')
    expect(axisScale('energy', 'si', 'SEK', true, 1e6).unit).toBe('kWh/m²·yr')
    const ip = axisScale('investment', 'ip', 'SEK', true)
    expect(ip.unit).toBe('SEK/ft²')
    expect(ip.factor).toBeCloseTo(1 / 10.7639104, 9)
    // the EUI is per m² already
    const eui = scatterModel(rows, 'eui', 'energy', null, true)
    expect(eui.xs[0]).toBe(50)
    expect(eui.ys[0]).toBe(50)
    expect(axisScale('eui', 'si', 'SEK', true).title).toBe('EUI (kWh/m²·yr)')
  })

  it('counts the variants without Atemp when per m² is on', () => {
    const noArea = buildStudyRows({ ...table, rows: table.rows!.map((r, i) => (i === 2 ? { ...r, atemp: null } : r)) })
    const m2 = scatterModel(noArea, 'energy', 'embodied', null, true)
    expect(m2.ids).not.toContain('3:1')
    expect(missingNote(m2.missing)).toContain('1 variant lacks Atemp')
    expect(scatterModel(noArea, 'energy', 'embodied', null, false).ids).toContain('3:1')
  })

  it('labels the Pareto points with their short ids and the baseline as such', () => {
    const cc = scatterModel(rows, 'lifeCycleCarbon', 'lifeCycleCost')
    const { option } = buildScatterOption(cc, { theme: lightChartTheme, units: 'si', currency: 'EUR', selectedId: null })
    const series = option.series as Array<{ data: number[][]; label?: { show: boolean; formatter: ((p: { dataIndex: number }) => string) | string } }>
    const optimal = series[SCATTER_SERIES.optimal]
    expect(optimal.label?.show).toBe(true)
    const labels = optimal.data.map((_, i) => (optimal.label!.formatter as (p: { dataIndex: number }) => string)({ dataIndex: i }))
    expect(labels.sort()).toEqual(['V1', 'V3'])
    expect(series[SCATTER_SERIES.baseline].label?.formatter).toBe('baseline')
    expect(series[SCATTER_SERIES.variants].label).toBeUndefined()
  })

  it('draws 10,000 variants in large mode without animation', () => {
    const big = Array.from({ length: 10000 }, (_, i) => ({ kwh: 5000 + ((i * 7919) % 5000), embodied: (i * 104729) % 4000, lcc: 40000 + ((i * 31) % 9000), lcCarbon: 20000 + ((i * 17) % 9000) }))
    const bigRows = buildStudyRows(study([{ kwh: 10000, embodied: 0, lcc: 50000, lcCarbon: 30000, investment: 0 }, ...big]))
    const bm = scatterModel(bigRows, 'lifeCycleCarbon', 'lifeCycleCost')
    const { option } = buildScatterOption(bm, { theme: lightChartTheme, units: 'si', currency: 'EUR', selectedId: null })
    const variants = (option.series as Array<{ large?: boolean; largeThreshold?: number; data: unknown[] }>)[SCATTER_SERIES.variants]
    expect(option.animation).toBe(false)
    expect(variants.large).toBe(true)
    expect(variants.data.length).toBeGreaterThan(LARGE_THRESHOLD)
    expect(bm.ids).toHaveLength(10001)
  })
})
