import { describe, expect, it } from 'vitest'
import { ReasonCode, type Amount, type LcaResult, type LcaSettings, type Results, type StudyTable, type VariantResult } from '../bridge/types'
import { BASELINE_PAYBACK, MISSING } from './amount'
import type { RunView } from './runs'
import { baselineRowIds, buildStudyRows, choosableColumns, fuelsUsed, initialVisibility, lcaPendingReason, missingInputs, perM2View, progressLine, studyColumns, tableIsStale, UNCHANGED } from './studyTable'
import { study } from './teststudy'
import { ids, tableOf } from './testtable'

const known = (value: number): Amount => ({ value, complete: true })
const unknown = (...missing: string[]): Amount => ({ value: 0, complete: false, missing })

function results(kwh: number, over: Partial<Results> = {}): Results {
  return {
    totalSiteKWh: kwh,
    netSiteKWh: kwh,
    totalSourceKWh: kwh * 2,
    totalAreaM2: 1000,
    conditionedAreaM2: 900,
    euiKWhPerM2: kwh / 1000,
    unmetHeatingHours: 0,
    unmetCoolingHours: 0,
    endUses: [
      { endUse: 'Heating', fuel: 'District Heating Water', kWh: kwh * 0.7 },
      { endUse: 'Interior Lighting', fuel: 'Electricity', kWh: kwh * 0.3 },
      { endUse: 'Cooling', fuel: 'Natural Gas', kWh: 0 },
    ],
    ...over,
  }
}

function lca(over: Partial<LcaResult> = {}): LcaResult {
  const saving = { value: 0, complete: true, percent: 0 }
  return {
    unchanged: false,
    currency: 'SEK',
    analysisPeriodYears: 50,
    discountRate: 0,
    annualEnergyKWh: known(90000),
    operationalKgCO2ePerYear: known(1593),
    operationalKgCO2e: known(79650),
    embodiedKgCO2e: known(5200),
    lifeCycleKgCO2e: known(84850),
    energyCostPerYear: unknown('District Heating Water price', 'Electricity price'),
    energyCostPresentValue: unknown('District Heating Water price', 'Electricity price'),
    replacementKgCO2e: known(0),
    replacementCost: known(0),
    residualValue: known(0),
    investmentCost: unknown('cost of mineral_wool (Mineral wool)'),
    lifeCycleCost: unknown('District Heating Water price', 'Electricity price', 'cost of mineral_wool (Mineral wool)'),
    savings: { energyKWh: saving, operationalKgCO2ePerYear: saving, energyCostPerYear: saving, lifeCycleKgCO2e: saving, lifeCycleCost: saving },
    simplePayback: { reason: 'incomplete', reasonCode: ReasonCode.Incomplete, complete: false, missing: ['District Heating Water price'], beyondPeriod: false },
    carbonPayback: { years: 29.4, complete: true, beyondPeriod: false },
    ...over,
  }
}

function row(over: Partial<VariantResult>): VariantResult {
  return {
    variantId: 1,
    key: 'v0',
    label: 'B',
    name: 'Baseline (existing constructions)',
    choices: { wall: 'keep', roof: 'keep', floor: 'keep', window: 'keep' },
    baseline: false,
    weatherId: 3,
    weatherName: 'Stockholm.epw',
    runId: 100,
    status: 'succeeded',
    kind: '',
    message: '',
    headline: '',
    cached: false,
    areas: {},
    results: null,
    lca: null,
    atemp: null,
    primaryEnergyNumber: null,
    energyClass: '',
    peakHeatingW: null,
    overheatingHours: null,
    paretoCarbonCost: false,
    paretoEnergyEmbodied: false,
    ...over,
  }
}

const settings: LcaSettings = { fuels: {}, currency: 'SEK', currencySource: '', analysisPeriodYears: 50, analysisPeriodSource: '', discountRate: 0, discountRateSource: '' }

function studyTable(): StudyTable {
  return {
    study: { id: 9, name: 'Retrofit', specJson: '{}', baseModelId: 7, batchId: 4, createdAt: '' },
    settings,
    swedish: { weights: { electricity: 1.8 }, weightsSource: '', fGeo: 1, fGeoSource: '', requirements: { multiFamily: 75 }, requirementsSource: '', overheatingThresholdC: 26, overheatingSource: '' },
    finished: 3,
    total: 4,
    rows: [
      row({ variantId: 1, baseline: true, runId: 100, results: results(100000), lca: lca({ unchanged: true, embodiedKgCO2e: known(0), investmentCost: known(0), simplePayback: BASELINE_PAYBACK }), paretoEnergyEmbodied: true }),
      row({ variantId: 2, key: 'va', name: 'Wall: ETICS 150 mm', choices: { wall: 'etics_150', roof: 'keep', floor: 'keep', window: 'keep' }, runId: 101, results: results(90000), lca: lca(), paretoCarbonCost: true, areas: { wall: 412.5 } }),
      row({ variantId: 3, key: 'vb', name: 'Window: Triple window', choices: { wall: 'keep', roof: 'keep', floor: 'keep', window: 'win_triple' }, runId: 102, status: 'running' }),
      row({ variantId: 4, key: 'vc', name: 'Wall: ETICS 150 mm | Window: Triple window', choices: { wall: 'etics_150', roof: 'keep', floor: 'keep', window: 'win_triple' }, runId: 103, status: 'fatal', message: '** Fatal ** something' }),
    ],
  }
}

const names = (id: string) => ({ etics_150: 'ETICS 150 mm', win_triple: 'Triple window' })[id] ?? id

describe('study rows', () => {
  const rows = buildStudyRows(studyTable(), names)

  it('shows unchanged elements as unchanged and changed ones by name', () => {
    expect(rows[1].choices.wall).toEqual({ id: 'etics_150', label: 'ETICS 150 mm', changed: true })
    expect(rows[1].choices.roof).toEqual({ id: 'keep', label: UNCHANGED, changed: false })
  })

  it('gives the energy and its delta against the baseline of the same weather file', () => {
    expect(rows[0].energyKWh).toBe(100000)
    expect(rows[0].delta).toBeNull()
    expect(rows[0].deltaReason).toBe('baseline')
    expect(rows[1].delta).toEqual({ abs: -10000, pct: -10, pctReason: '' })
    expect(rows[1].euiKWhPerM2).toBe(90)
  })

  it('says why a row has no energy yet', () => {
    expect(rows[2].energyKWh).toBeUndefined()
    expect(rows[2].deltaReason).toBe('the run has not finished')
    expect(rows[3].deltaReason).toBe('the run ended “Fatal”')
  })

  it('shows incomplete carbon and cost figures as missing with what they lack', () => {
    expect(rows[1].operational.text).toBe('1,593')
    expect(rows[1].embodied.text).toBe('5,200')
    expect(rows[1].investment.text).toBe(MISSING)
    expect(rows[1].investment.title).toBe('Missing: cost of mineral_wool (Mineral wool)')
    expect(rows[1].lifeCycleCost.title).toBe('Missing: District Heating Water price; Electricity price; cost of mineral_wool (Mineral wool)')
    expect(rows[1].simplePayback.text).toBe(MISSING)
    expect(rows[1].carbonPayback.text).toBe('29 yr')
  })

  it('shows the baseline as unchanged, not as zero carbon', () => {
    expect(rows[0].embodied.text).toBe(UNCHANGED)
    expect(rows[0].investment.text).toBe(UNCHANGED)
    expect(rows[0].simplePayback.text).toBe('baseline')
  })

  it("reads a variant's payback by Go's reason code, whatever its sentence says", () => {
    const t = studyTable()
    t.rows[1] = { ...t.rows[1], lca: lca({ simplePayback: { reason: 'reworded: no money saved', reasonCode: ReasonCode.NoCostSaving, complete: true, beyondPeriod: false } }) }
    expect(buildStudyRows(t, names)[1].simplePayback).toMatchObject({ text: 'never', title: 'Reworded: no money saved', complete: true })
  })

  it('says why figures are missing for runs without results', () => {
    expect(rows[2].lifeCycleCarbon.title).toBe('Missing: results: the run has not finished')
    expect(rows[3].operational.title).toBe('Missing: results: the run ended “Fatal”')
    expect(rows[2].simplePayback.title).toBe('Missing: results: the run has not finished')
  })

  it('tells the baseline from a variant in the pending reason', () => {
    expect(lcaPendingReason({ status: 'succeeded' }, { status: 'running' })).toBe('the baseline run has not finished')
    expect(lcaPendingReason({ status: 'succeeded' }, { status: 'crashed' })).toBe('the baseline run ended “Crashed”')
    expect(lcaPendingReason({ status: 'succeeded' }, undefined)).toBe('the baseline run with this weather file')
  })

  it('pins the baselines', () => {
    expect(baselineRowIds(rows)).toEqual(['1:3'])
  })
})

describe('live runs', () => {
  const running = { id: 102, status: 'running', progress: { percent: 42, phase: 'simulating', environment: 'RUN PERIOD 1', simDate: '03/14', daysDone: 70, totalDays: 365 }, message: '' } as unknown as RunView

  it('shows the progress of a running run from run events', () => {
    const rows = buildStudyRows(studyTable(), names, new Map([[102, running]]))
    expect(rows[2].status).toBe('running')
    expect(rows[2].progress?.percent).toBe(42)
    expect(rows[1].progress).toBeNull()
  })

  it('takes a newer status from the events but never goes back', () => {
    const done = { ...running, status: 'succeeded' } as RunView
    expect(buildStudyRows(studyTable(), names, new Map([[102, done]]))[2].status).toBe('succeeded')
    const queued = { ...running, id: 101, status: 'queued' } as RunView
    expect(buildStudyRows(studyTable(), names, new Map([[101, queued]]))[1].status).toBe('succeeded')
  })

  it('is stale once a run it shows unfinished has ended', () => {
    const t = studyTable()
    expect(tableIsStale(t, new Map([[102, { status: 'running' }]]))).toBe(false)
    expect(tableIsStale(t, new Map([[102, { status: 'succeeded' }]]))).toBe(true)
    expect(tableIsStale(t, new Map([[999, { status: 'succeeded' }]]))).toBe(false)
  })
})

describe('what the carbon and cost settings must supply', () => {
  it('lists the fuels with delivered energy', () => {
    expect(fuelsUsed(studyTable())).toEqual(['District Heating Water', 'Electricity'])
    expect(fuelsUsed(null)).toEqual([])
  })

  it('lists every missing input once', () => {
    expect(missingInputs(studyTable())).toEqual(['District Heating Water price', 'Electricity price', 'cost of mineral_wool (Mineral wool)'])
  })

  it('counts finished runs', () => {
    expect(progressLine(studyTable())).toBe('3 of 4 runs finished')
  })
})

describe('study table columns', () => {
  const rows = buildStudyRows(studyTable(), names)
  const pinned = { rowPinning: { top: baselineRowIds(rows), bottom: [] } }

  it('keeps the baseline on top whatever the sort', () => {
    const t = tableOf(rows, studyColumns as any, { ...pinned, sorting: [{ id: 'energy', desc: true }] })
    expect(ids(t.getTopRows())).toEqual(['1:3'])
    expect(ids(t.getCenterRows())).toEqual(['2:3', '3:3', '4:3'])
  })

  it('sorts a missing figure last in both directions', () => {
    const t = tableOf(rows, studyColumns as any, { ...pinned, sorting: [{ id: 'lifeCycleCarbon', desc: false }] })
    expect(ids(t.getCenterRows())[0]).toBe('2:3')
    t.setSorting([{ id: 'deltaPct', desc: true }])
    expect(ids(t.getCenterRows())[0]).toBe('2:3')
  })

  it('sorts status by lifecycle, with progress', () => {
    const t = tableOf(rows, studyColumns as any, { ...pinned, sorting: [{ id: 'status', desc: false }] })
    expect(ids(t.getCenterRows())).toEqual(['3:3', '2:3', '4:3'])
  })

  it('filters by every word typed, keeping the baseline', () => {
    const t = tableOf(rows, studyColumns as any, pinned)
    t.setGlobalFilter('triple fatal')
    expect(ids(t.getCenterRows())).toEqual(['4:3'])
    expect(ids(t.getTopRows())).toEqual(['1:3'])
    t.setGlobalFilter('pareto')
    expect(ids(t.getCenterRows())).toEqual(['2:3'])
    t.setGlobalFilter('window')
    expect(ids(t.getCenterRows())).toEqual(['3:3', '4:3'])
  })

  it('offers every column but the name in the chooser, and hides the weather for one weather file', () => {
    const chooser = choosableColumns()
    expect(chooser.map((c) => c.id)).not.toContain('name')
    expect(chooser.map((c) => c.id)).not.toContain('search')
    expect(chooser).toContainEqual({ id: 'deltaPct', label: 'Δ energy (%)' })
    expect(chooser).toContainEqual({ id: 'choice-wall', label: 'Wall' })
    expect(initialVisibility(1)).toMatchObject({ search: false, weather: false })
    const t = tableOf(rows, studyColumns as any, { columnVisibility: { ...initialVisibility(2), lifeCycleCost: false } })
    expect(t.getVisibleLeafColumns().map((c) => c.id)).toContain('weather')
    expect(t.getVisibleLeafColumns().map((c) => c.id)).not.toContain('lifeCycleCost')
  })

  it('opens on numbers: the variant, then energy per m², EP_pet and class, carbon per m², cost and payback', () => {
    const t = tableOf(rows, studyColumns as any, { columnVisibility: initialVisibility(1) })
    expect(t.getVisibleLeafColumns().map((c) => c.id)).toEqual([
      'name', 'deltaM2', 'deltaPct', 'primaryEnergy', 'energyClass', 'embodiedM2', 'lifeCycleCarbonM2', 'lifeCycleCost', 'simplePayback', 'peakHeating', 'overheating', 'status',
    ])
  })
})

describe('per m² Atemp', () => {
  const t = buildStudyRows(
    study([
      { kwh: 30_000, embodied: 0, lcc: 90_000, lcCarbon: 80_000 },
      { kwh: 24_000, embodied: 5_200, lcc: 70_000, lcCarbon: 72_000 },
    ]),
  )
  it('divides energy, embodied and life-cycle carbon by the model’s Atemp (200 m²)', () => {
    expect(t[1].label).toBe('V1')
    expect(t[0].label).toBe('B')
    expect(t[1].energyPerM2).toBe(120)
    expect(t[1].deltaPerM2).toMatchObject({ abs: -30, pct: -20 })
    expect(t[1].embodiedPerM2).toMatchObject({ complete: true, sortValue: 26 })
    expect(t[1].lifeCycleCarbonPerM2).toMatchObject({ complete: true, sortValue: 360 })
    expect(t[0].deltaPerM2).toBeNull()
  })
  it('says Atemp is missing instead of dividing by nothing', () => {
    const noAtemp = study([
      { kwh: 30_000, embodied: 0, lcc: 90_000, lcCarbon: 80_000 },
      { kwh: 24_000, embodied: 5_200, lcc: 70_000, lcCarbon: 72_000 },
    ])
    for (const r of noAtemp.rows) r.atemp = undefined
    const rows2 = buildStudyRows(noAtemp)
    expect(rows2[1].deltaPerM2).toBeNull()
    expect(rows2[1].lifeCycleCarbonPerM2.complete).toBe(false)
    expect(rows2[1].lifeCycleCarbonPerM2.title).toMatch(/Atemp/)
  })
  it('keeps an incomplete figure incomplete, saying what it lacks', () => {
    expect(perM2View({ text: '—', complete: false, missing: ['GWP of EPS'], title: 'Missing: GWP of EPS', sortValue: undefined }, 200).title).toMatch(/GWP of EPS/)
  })
})

describe('measures in the rows', () => {
  const t = study([{ kwh: 1000, embodied: 0, lcc: 100, lcCarbon: 10 }, { kwh: 900, embodied: 5, lcc: 90, lcCarbon: 9 }, { kwh: 950, embodied: 5, lcc: 95, lcCarbon: 9.5 }])
  t.rows[1].measures = { extlights: '2500', hr: 'keep' }
  t.rows[2].measures = { extlights: '1000' }
  const measures = [
    { id: 'hr', name: 'Heat recovery' },
    { id: 'extlights', name: 'Exterior lights' },
  ]
  const rows = buildStudyRows({ ...t, measures })

  it('carry each measure in the spec’s order, unchanged where the row keeps it', () => {
    expect(rows[0].measures).toEqual([
      { id: 'hr', name: 'Heat recovery', value: UNCHANGED, changed: false },
      { id: 'extlights', name: 'Exterior lights', value: UNCHANGED, changed: false },
    ])
    expect(rows[1].measures.map((m) => [m.value, m.changed])).toEqual([
      [UNCHANGED, false],
      ['2500', true],
    ])
    expect(rows[2].measures[0]).toMatchObject({ value: UNCHANGED, changed: false })
  })

  it('are found by the filter: “exterior lights: 2500” finds the variant that sets it', () => {
    expect(rows[1].search).toContain('Exterior lights: 2500')
    expect(rows[2].search).not.toContain('Heat recovery')
  })

  it('are none for a study without measures', () => {
    expect(buildStudyRows(t)[1].measures).toEqual([])
  })
})
