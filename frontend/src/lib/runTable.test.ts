import { describe, expect, it } from 'vitest'
import { FailureKind, RunStatus } from '../bridge/types'
import { fromOverview } from './runs'
import { failureHeadline, filterByStatus, runColumns, runTableRows, statusGroup } from './runTable'
import { progress, run } from './testdata'
import { ids, tableOf } from './testtable'

const NOW = Date.parse('2025-11-25T22:10:00Z')
const GENERIC = '** Fatal ** GetInput: Errors occurred on processing input file. Preceding condition(s) cause termination.'
const SEVERE = "** Severe ** <root>[BuildingSurface:Detailed][Wall 1] - Missing required property 'vertex_z_coordinate'."
const ADVICE = 'The model is written for EnergyPlus 9.4 but ran on EnergyPlus 25.2.0: transition it to 25.2 (IDFVersionUpdater) or choose an EnergyPlus 9.4 engine in Settings.'

const figures = (ep: number, cls: string) => ({ primaryEnergyNumber: ep, energyClass: cls })
const runs = fromOverview([
  run({ id: 1, modelName: 'house.idf', weatherName: 'Stockholm.epw', status: RunStatus.Succeeded, hasResults: true, elapsedSeconds: 40, startedAt: '2025-11-25T22:00:00Z', figures: figures(95.5, 'C') }),
  run({ id: 2, modelName: 'house-etics.idf', weatherName: 'Kiruna.epw', status: RunStatus.Succeeded, hasResults: true, elapsedSeconds: 50, startedAt: '2025-11-25T22:00:00Z', warnings: 4, figures: figures(61.2, 'B') }),
  run({ id: 3, modelName: 'old.idf', weatherName: 'Stockholm.epw', status: RunStatus.Fatal, kind: FailureKind.ModelFatal, message: GENERIC, firstSevere: SEVERE, headline: SEVERE, severe: 3, startedAt: '2025-11-25T22:01:00Z', elapsedSeconds: 2 }),
  run({ id: 4, modelName: 'house.idf', weatherName: 'Kiruna.epw', status: RunStatus.Running, startedAt: '2025-11-25T22:09:00Z', progress: progress({ percent: 40, phase: 'simulating' }) }),
  run({ id: 5, modelName: 'nine-four.idf', weatherName: 'Kiruna.epw', status: RunStatus.Fatal, kind: FailureKind.VersionMismatch, message: ADVICE, headline: ADVICE, firstSevere: SEVERE, startedAt: '2025-11-25T22:01:00Z' }),
  run({ id: 6, modelName: 'house.idf', weatherName: 'Lund.epw', status: RunStatus.Cancelled }),
  // Succeeded, but no Atemp or weighting factor: no EP_pet, sorts last.
  run({ id: 7, modelName: 'no-atemp.idf', weatherName: 'Lund.epw', status: RunStatus.Succeeded, hasResults: true, elapsedSeconds: 30, startedAt: '2025-11-25T22:00:00Z', figures: { energyClass: '' } }),
])

describe('failureHeadline', () => {
  it("leads a fatal run with its first severe error, not EnergyPlus's generic fatal line", () => {
    expect(failureHeadline(runs.find((r) => r.id === 3)!)).toEqual({ reason: '', text: SEVERE })
  })
  it('leads a version mismatch with the versions and what to do', () => {
    expect(failureHeadline(runs.find((r) => r.id === 5)!)).toEqual({ reason: 'Version mismatch', text: ADVICE })
  })
  it('has none for a run that succeeded or still runs', () => {
    expect(failureHeadline(runs.find((r) => r.id === 1)!).text).toBe('')
    expect(failureHeadline(runs.find((r) => r.id === 4)!).text).toBe('')
  })
})

describe('run table', () => {
  const rows = runTableRows(runs, NOW)
  const sorted = (id: string, desc = false, data = rows) => ids(tableOf(data, runColumns, { sorting: [{ id, desc }] }).getRowModel().rows)

  it('sorts by EP_pet per m² Atemp, the runs without it last either way', () => {
    expect(sorted('energy').slice(0, 2)).toEqual(['2', '1'])
    expect(sorted('energy', true).slice(0, 2)).toEqual(['1', '2'])
    expect(new Set(sorted('energy', true).slice(2))).toEqual(new Set(['3', '4', '5', '6', '7']))
  })

  it('sorts by class, and by severe errors before warnings', () => {
    expect(sorted('energyClass').slice(0, 2)).toEqual(['2', '1'])
    expect(sorted('problems', true).slice(0, 2)).toEqual(['3', '2'])
  })

  it('counts a running run’s time from its start, and sorts by it', () => {
    expect(rows.find((r) => r.id === '4')!.took).toBe(60)
    expect(rows.find((r) => r.id === '6')!.took).toBeUndefined()
    expect(sorted('took', true)[0]).toBe('4')
  })

  it('puts queued and running runs before finished ones by status, failures after successes', () => {
    const order = sorted('status', true)
    expect(order[order.length - 1]).toBe('4') // the only one not finished: lowest rank, first ascending
    expect(sorted('status')[0]).toBe('4')
    expect(sorted('status').indexOf('1')).toBeLessThan(sorted('status').indexOf('3'))
    expect(sorted('status').at(-1)).toBe('6') // cancelled last
  })

  it('filters by the words typed, over model, weather, status and the headline', () => {
    const filtered = (q: string) => ids(tableOf(rows, runColumns, { globalFilter: q }).getRowModel().rows).sort()
    expect(filtered('kiruna house')).toEqual(['2', '4'])
    expect(filtered('fatal')).toEqual(['3', '5'])
    expect(filtered('vertex_z')).toEqual(['3'])
    expect(filtered('version mismatch')).toEqual(['5'])
  })

  it('filters by status group', () => {
    expect(filterByStatus(rows, 'failed').map((r) => r.id)).toEqual(['5', '3'])
    expect(filterByStatus(rows, 'active').map((r) => r.id)).toEqual(['4'])
    expect(filterByStatus(rows, 'succeeded').map((r) => r.id)).toEqual(['7', '2', '1'])
    expect(filterByStatus(rows, 'all')).toHaveLength(7)
    expect([RunStatus.Hung, RunStatus.InputError, RunStatus.TimedOut].map(statusGroup)).toEqual(['failed', 'failed', 'failed'])
    expect(statusGroup(RunStatus.Collecting)).toBe('active')
  })

  it('shows no EP_pet or class for a run that did not succeed', () => {
    const failedWithFigures = runTableRows(fromOverview([run({ id: 9, status: RunStatus.Fatal, figures: figures(80, 'C') })]), NOW)[0]
    expect(failedWithFigures.primaryEnergy).toBeUndefined()
    expect(failedWithFigures.energyClass).toBe('')
  })
})
