import { describe, expect, it } from 'vitest'
import type { Screening } from '../bridge/types'
import {
  effectRows,
  frontCount,
  frontOf,
  generationShown,
  methodPercent,
  methodProgressLine,
  methodTone,
  objectiveAxes,
  plottedEffects,
  screeningGap,
  withProgress,
} from './method'
import { buildMorrisOption, objectiveTitle } from './morrisChart'
import { lightChartTheme } from './endUses'
import { nsgaView } from './testmethod'

const nsga = nsgaView()

const screening: Screening = {
  objective: { id: 'siteEnergyKWh', name: 'Annual site energy', unit: 'kWh' },
  effects: [
    { factor: 'Exterior lights', mu: 8000, muStar: 8000, sigma: 12.5, effects: 3, dropped: 0 },
    { factor: 'roof', mu: -40, muStar: 40.25, sigma: null, effects: 1, dropped: 2 },
    { factor: 'window', mu: null, muStar: null, sigma: null, effects: 0, dropped: 3 },
  ],
  summary: 'Exterior lights matters most',
  missing: 0,
}

describe('a method study’s progress', () => {
  it('reads as the generation being evaluated while NSGA-II runs, and says when it is done or failed', () => {
    expect(methodProgressLine(nsga)).toBe('NSGA-II: generation 3 of 10 · 57 variants')
    expect(methodProgressLine({ ...nsga, generation: 10, status: 'done' })).toBe('NSGA-II: done · 10 generations · 57 variants')
    expect(methodProgressLine({ ...nsga, status: 'failed' })).toBe('NSGA-II: failed after 2 generations of 10 · 57 variants')
    expect(methodProgressLine({ ...nsga, kind: 'morris', generations: 1, generation: 0 })).toBe('Morris screening: running · 57 variants')
    expect(methodProgressLine({ ...nsga, kind: 'morris', status: 'done' })).toBe('Morris screening: done · 57 variants')
    expect(methodProgressLine({ ...nsga, kind: 'sobol-indices', generations: 1, generation: 0 })).toBe('Sobol indices: running · 57 variants')
    expect(methodProgressLine({ ...nsga, kind: 'sobol-indices', status: 'failed' })).toBe('Sobol indices: failed · 57 variants')
  })

  it('fills its bar by generations and the current one’s runs, or by the runs for Morris and Sobol indices', () => {
    expect(methodPercent(nsga)).toBe(20)
    expect(methodPercent(nsga, { finished: 5, total: 10 })).toBe(25)
    expect(methodPercent({ ...nsga, kind: 'morris', generation: 0, generations: 1 }, { finished: 3, total: 12 })).toBe(25)
    expect(methodPercent({ ...nsga, kind: 'sobol-indices', generation: 0, generations: 1 }, { finished: 40, total: 160 })).toBe(25)
    expect(methodPercent({ ...nsga, status: 'done' })).toBe(100)
    expect(methodTone({ status: 'failed' })).toBe('danger')
    expect(methodTone({ status: 'done' })).toBe('success')
  })

  it('takes a pushed progress of its own study only', () => {
    const p = { studyId: 7, kind: 'nsga2', status: 'running', generation: 3, generations: 10, variants: 61 }
    expect(withProgress(nsga, p)).toMatchObject({ generation: 3, variants: 61, fronts: nsga.fronts })
    expect(withProgress(nsga, { ...p, studyId: 8 })).toBe(nsga)
  })
})

describe('NSGA-II fronts', () => {
  it('are per finished generation, the latest shown unless one is chosen', () => {
    expect(frontCount(nsga)).toBe(2)
    expect(frontOf(nsga, 1)).toEqual(['V1', 'V3'])
    expect(frontOf(nsga, 3)).toEqual([])
    expect(generationShown(null, 2)).toBe(2)
    expect(generationShown(1, 2)).toBe(1)
    expect(generationShown(5, 2)).toBe(2)
    expect(generationShown(null, 0)).toBe(0)
  })

  it('open the scatter on the objectives when it plots both', () => {
    expect(objectiveAxes(nsga.objectives)).toEqual(['energy', 'embodied'])
    expect(objectiveAxes([{ id: 'siteEnergyKWh' }, { id: 'peakHeatingW' }])).toBeNull()
  })
})

describe('a Morris screening', () => {
  it('ranks its factors with “–” where a figure is missing, never 0', () => {
    const rows = effectRows(screening)
    expect(rows.map((r) => [r.rank, r.factor, r.muStar, r.sigma])).toEqual([
      [1, 'Exterior lights', '8,000', '12.5'],
      [2, 'roof', '40.3', '–'],
      [3, 'window', '–', '–'],
    ])
    expect(rows[1].effects).toBe('1 (2 dropped)')
  })

  it('places only the factors with both mu* and sigma on its chart, labelled by name', () => {
    expect(plottedEffects(screening).map((e) => e.factor)).toEqual(['Exterior lights'])
    const option = buildMorrisOption(screening, lightChartTheme)
    const series = option.series as Array<{ data: unknown[]; label?: { formatter: (p: { dataIndex: number }) => string } }>
    expect(series[0].data).toEqual([[8000, 12.5]])
    expect(series[0].label?.formatter({ dataIndex: 0 })).toBe('Exterior lights')
    expect((option.xAxis as { name: string }).name).toBe('μ* (mean |effect|) (kWh)')
    expect(objectiveTitle(screening.objective)).toBe('Annual site energy (kWh)')
  })

  it('says how many points lack a value, and why', () => {
    expect(screeningGap(screening)).toBe('')
    expect(screeningGap({ missing: 2, why: 'a run of point 3 failed' })).toBe('2 points of the design have no value: a run of point 3 failed')
  })
})
