import { describe, expect, it } from 'vitest'
import type { CustomSeriesRenderItemAPI } from 'echarts'
import type { Sensitivity } from '../bridge/types'
import { lightChartTheme } from './endUses'
import { barSlot, buildSobolOption, hasPlottedIndex, indexRows, indexText, renderIndex, seriesData, sobolChartHeight } from './sobolChart'

const sensitivity: Sensitivity = {
  objective: { id: 'siteEnergyKWh', name: 'Annual site energy', unit: 'kWh' },
  indices: [
    { factor: 'Exterior lights', s1: 0.71, st: 0.834, s1Conf: 0.12, stConf: 0.09, rows: 32, dropped: 0 },
    { factor: 'roof', s1: -0.03, st: 0.12, s1Conf: 0.05, stConf: null, rows: 32, dropped: 0 },
    { factor: 'window', s1: null, st: null, s1Conf: null, stConf: null, rows: 1, dropped: 31 },
  ],
  summary: 'Exterior lights explains most of the variance (ST 0.83)',
  missing: 0,
}

/** A plot 100 px from the left, 100 px per unit of index, a factor every 40 px from y = 20. */
function fakeApi(item: Array<number | '-'>): CustomSeriesRenderItemAPI {
  return {
    value: (d: number) => (item[d] === '-' ? NaN : item[d]),
    coord: ([v, cat]: number[]) => [100 + v * 100, 20 + cat * 40],
    size: () => [0, 40],
  } as unknown as CustomSeriesRenderItemAPI
}

type Drawn = { type: string; shape: Record<string, number> }

describe('Sobol indices', () => {
  it('rank their factors with the 95 % half-widths, “–” where Go has no figure, never 0', () => {
    expect(indexRows(sensitivity).map((r) => [r.rank, r.factor, r.s1, r.st, r.rows, r.dropped])).toEqual([
      [1, 'Exterior lights', '0.71 ± 0.12', '0.83 ± 0.09', '32', '0'],
      [2, 'roof', '−0.03 ± 0.05', '0.12 ± –', '32', '0'],
      [3, 'window', '–', '–', '1', '31'],
    ])
    expect(indexText(0, 0)).toBe('0.00 ± 0.00')
    expect(indexText(undefined, 0.1)).toBe('–')
  })

  it('chart S1 and ST per factor with their intervals, leaving out what is not known', () => {
    expect(seriesData(sensitivity.indices, 's1')).toEqual([
      [0, 0.71, 0.71 - 0.12, 0.71 + 0.12],
      [1, -0.03, -0.03 - 0.05, -0.03 + 0.05],
      [2, '-', '-', '-'],
    ])
    expect(seriesData(sensitivity.indices, 'st')[1]).toEqual([1, 0.12, '-', '-'])
    const option = buildSobolOption(sensitivity, lightChartTheme)
    const series = option.series as Array<{ name: string; encode: unknown }>
    expect(series.map((s) => s.name)).toEqual(['S1 (alone)', 'ST (with interactions)'])
    // The whiskers' ends widen the axis: an interval is never cut off.
    expect(series[0].encode).toEqual({ y: 0, x: [1, 2, 3] })
    expect((option.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['Exterior lights', 'roof', 'window'])
    expect((option.yAxis as { inverse: boolean }).inverse).toBe(true)
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 1 })
    expect(tooltip).toBe('roof<br/>S1: −0.03 ± 0.05<br/>ST: 0.12 ± –<br/>32 base samples')
    expect(hasPlottedIndex(sensitivity)).toBe(true)
    expect(hasPlottedIndex({ indices: [sensitivity.indices[2]] })).toBe(false)
  })

  it('draw a bar from 0 to the index and a whisker with caps over its interval, on the bar', () => {
    const s1 = renderIndex(0, '#4e79a7', '#000')
    const drawn = s1(null, fakeApi([0, 0.71, 0.59, 0.83])) as { children: Drawn[] }
    const [bar, whisker, capLo, capHi] = drawn.children
    // Band of 40 px: S1 is 12 px thick, its centre 6.8 px above the factor's.
    expect(bar.shape.x).toBeCloseTo(100)
    expect(bar.shape.width).toBeCloseTo(71)
    expect(bar.shape.y + bar.shape.height / 2).toBeCloseTo(20 - 6.8)
    expect([whisker.shape.x1, whisker.shape.x2]).toEqual([159, 183])
    expect(whisker.shape.y1).toBeCloseTo(20 - 6.8)
    expect([capLo.shape.x1, capLo.shape.x2, capHi.shape.x1]).toEqual([159, 159, 183])
    // A negative index goes left of 0; without an interval there is no whisker; without an index nothing.
    const negative = renderIndex(1, '#f28e2b', '#000')(null, fakeApi([1, -0.03, '-', '-'])) as { children: Drawn[] }
    expect(negative.children).toHaveLength(1)
    expect(negative.children[0].shape.x).toBeCloseTo(97)
    expect(negative.children[0].shape.width).toBeCloseTo(3)
    expect(renderIndex(0, '#4e79a7', '#000')(null, fakeApi([2, '-', '-', '-']))).toBeNull()
  })

  it('keep S1 and ST apart inside their factor’s band, and the chart tall enough for every factor', () => {
    for (const band of [20, 44]) {
      const [a, b] = [barSlot(band, 0), barSlot(band, 1)]
      expect(a.offset + a.thickness / 2).toBeLessThan(b.offset - b.thickness / 2)
      expect(a.offset - a.thickness / 2).toBeGreaterThan(-band / 2)
      expect(b.offset + b.thickness / 2).toBeLessThan(band / 2)
    }
    expect(sobolChartHeight(1)).toBe(160)
    expect(sobolChartHeight(10)).toBe(512)
  })
})
