import { describe, expect, it } from 'vitest'
import { lightChartTheme } from './endUses'
import { AXES, axisTitle, buildScatterOption, defaultAxes, LARGE_THRESHOLD, missingNote, pointAt, SCATTER_SERIES, scatterModel } from './scatter'
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
    expect(series[SCATTER_SERIES.baseline].data).toEqual([[10000, 50000]])
    expect(series[SCATTER_SERIES.selected].data).toEqual([[9000, 52000]])
    expect(pointAt(m, index, SCATTER_SERIES.selected, 0)).toBe('3:1')
    expect(pointAt(m, index, SCATTER_SERIES.baseline, 0)).toBe('1:1')
    expect(pointAt(m, index, SCATTER_SERIES.front, 0)).toBeNull()
    const all = [SCATTER_SERIES.variants, SCATTER_SERIES.optimal, SCATTER_SERIES.baseline].flatMap((s) => series[s].data.map((_, i) => pointAt(m, index, s, i)))
    expect(all.sort()).toEqual([...m.ids].sort())
  })

  it('converts the axes to IP without moving the front', () => {
    const { option } = buildScatterOption(m, { theme: lightChartTheme, units: 'ip', currency: 'EUR', selectedId: null })
    const series = option.series as Array<{ data: number[][] }>
    expect(series[SCATTER_SERIES.baseline].data[0][0]).toBeCloseTo(34121.4, 1)
    expect(series[SCATTER_SERIES.baseline].data[0][1]).toBe(50000)
    expect(series[SCATTER_SERIES.selected].data).toEqual([])
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
