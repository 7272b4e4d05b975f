import { describe, expect, it } from 'vitest'
import { fromColumns } from './api'
import type { StudyColumns } from './types'

// Two rows as the Go side sends them (services/studysvc/columns.go): an array per field.
const cols = {
  study: { id: 4, name: 's' },
  settings: { currency: 'SEK', analysisPeriodYears: 50, discountRate: 0.03, fuels: {} },
  swedish: {},
  finished: 1,
  total: 2,
  rows: 2,
  allRows: 5,
  texts: ['Electricity price', 'GWP of eps', 'keep', 'eps_wall', '', 'baseline', 'Severe: no zones'],
  fuelsUsed: ['Electricity'],
  weatherNames: { 3: 'Lund.epw' },
  variantId: [1, 2],
  key: ['vb', 'v2'],
  label: ['B', 'V1'],
  name: ['Baseline', 'Wall: EPS'],
  elements: ['roof', 'wall'],
  choices: [
    [2, 2],
    [2, 3],
  ],
  areas: { wall: [null, 120], roof: [null, null] },
  baseline: [true, false],
  weatherId: [3, 3],
  runId: [10, 11],
  status: ['succeeded', 'running'],
  kind: ['', ''],
  message: [4, 6],
  headline: [4, 6],
  cached: [false, true],
  hasResults: [true, false],
  totalSiteKWh: [1000, 0],
  netSiteKWh: [1000, 0],
  totalSourceKWh: [1800, 0],
  totalAreaM2: [200, 0],
  conditionedAreaM2: [200, 0],
  euiKWhPerM2: [5, 0],
  unmetHeatingHours: [0, 0],
  unmetCoolingHours: [0, 0],
  atemp: [200, null],
  primaryEnergyNumber: [61.2, null],
  energyClass: ['C', ''],
  peakHeatingW: [5000, null],
  overheatingHours: [12, null],
  hasLca: [true, false],
  unchanged: [true, false],
  amounts: {
    lifeCycleCost: { value: [90000, 0], complete: [false, false], missing: [[0], null] },
    embodiedKgCO2e: { value: [0, 0], complete: [true, false], missing: [null, [1]] },
  },
  paybacks: { simplePayback: { years: [null, null], reason: [5, 4], reasonCode: ['baseline', ''], complete: [true, false], missing: [null, null], beyondPeriod: [false, false] } },
  paretoCarbonCost: [false, false],
  paretoEnergyEmbodied: [true, false],
} as unknown as StudyColumns

describe('a study table in columns', () => {
  const t = fromColumns(cols)
  it('becomes one row per index, with the repeated strings as text', () => {
    expect(t.rows).toHaveLength(2)
    expect(t.allRows).toBe(5)
    expect(t.fuelsUsed).toEqual(['Electricity'])
    const [b, v] = t.rows
    expect(b).toMatchObject({ label: 'B', weatherName: 'Lund.epw', choices: { wall: 'keep', roof: 'keep' }, areas: {}, atemp: 200, energyClass: 'C', paretoEnergyEmbodied: true })
    expect(b.results).toMatchObject({ totalSiteKWh: 1000, euiKWhPerM2: 5, endUses: [] })
    expect(b.lca?.lifeCycleCost).toEqual({ value: 90000, complete: false, missing: ['Electricity price'] })
    expect(b.lca?.currency).toBe('SEK')
    expect(b).toMatchObject({ message: '', headline: '' })
    expect(b.lca?.simplePayback).toMatchObject({ reason: 'baseline', reasonCode: 'baseline' })
    expect(v).toMatchObject({ label: 'V1', choices: { wall: 'eps_wall', roof: 'keep' }, areas: { wall: 120 }, status: 'running', cached: true, results: null, lca: null })
    expect(v).toMatchObject({ message: 'Severe: no zones', headline: 'Severe: no zones' })
  })

  it('reads each measure a row sets, by name, "keep" where unchanged', () => {
    const m = fromColumns({ ...cols, texts: [...(cols.texts ?? []), '2500'], measureIds: ['extlights'], measureNames: ['Exterior lights'], measureChoices: [[2, 7]] } as StudyColumns)
    expect(m.measures).toEqual([{ id: 'extlights', name: 'Exterior lights' }])
    expect(m.rows.map((r) => r.measures)).toEqual([{ extlights: 'keep' }, { extlights: '2500' }])
    expect(t.measures).toEqual([])
  })
})
