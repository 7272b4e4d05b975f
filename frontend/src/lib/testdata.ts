// Builders for test objects shaped like the Go side's JSON.
import type { BatchSummary, Model, Progress, QueueState, Run, Weather } from '../bridge/types'

export function progress(p: Partial<Progress> = {}): Progress {
  return { percent: 0, phase: '', environment: '', simDate: '', daysDone: 0, totalDays: 0, ...p }
}

export function run(r: Partial<Run> = {}): Run {
  return {
    id: 1,
    modelId: 1,
    weatherId: 1,
    modelName: '1ZoneUncontrolled.idf',
    weatherName: 'USA_CO_Golden-NREL.724666_TMY3.epw',
    forceAnnual: false,
    enginePath: '/opt/EnergyPlus-25-2-0/energyplus',
    engineVersion: '25.2.0',
    status: 'queued',
    progress: progress(),
    message: '',
    lastSevere: '',
    warnings: 0,
    severe: 0,
    exitCode: null,
    signal: '',
    dir: '/data/runs/1',
    createdAt: '2025-11-25T22:00:00Z',
    startedAt: '',
    endedAt: '',
    elapsedSeconds: 0,
    hasResults: false,
    batchId: 0,
    cacheKey: '',
    cachedFrom: 0,
    versionWarning: '',
    modelChanged: false,
    ...r,
  }
}

export function model(m: Partial<Model> = {}): Model {
  return {
    id: 1,
    name: '1ZoneUncontrolled.idf',
    sha256: 'abc',
    originalPath: '/home/u/1ZoneUncontrolled.idf',
    storedPath: '/data/files/abc.idf',
    sizeBytes: 1000,
    importedAt: '2025-11-25T22:00:00Z',
    summary: {
      version: '9.4',
      buildingName: 'Bldg',
      zones: 1,
      runPeriods: [{ name: 'Run Period 1', beginMonth: 1, beginDay: 1, endMonth: 12, endDay: 31, beginYear: 0, endYear: 0, days: 365 }],
      designDays: [
        { name: 'Denver Centennial Ann Htg 99% Condns DB', month: 12, day: 21 },
        { name: 'Denver Centennial Ann Clg 1% Condns DB=>MWB', month: 7, day: 21 },
      ],
      annual: true,
    },
    sourceChangedAt: '',
    ...m,
  }
}

export function weather(w: Partial<Weather> = {}): Weather {
  return {
    id: 1,
    name: 'USA_CO_Golden-NREL.724666_TMY3.epw',
    sha256: 'def',
    originalPath: '/home/u/golden.epw',
    storedPath: '/data/files/def.epw',
    sizeBytes: 1_600_000,
    importedAt: '2025-11-25T22:00:00Z',
    header: {
      location: { city: 'Golden', state: 'CO', country: 'USA', latitude: 39.74, longitude: -105.18, timeZone: -7, elevation: 1829 },
      monthlyMeanDryBulb: [-1.2, 0.4, 3.6, 8.5, 13.2, 19, 22.4, 21.3, 16.5, 10.1, 3.2, -0.9],
    },
    sourceChangedAt: '',
    ...w,
  }
}

export function summary(s: Partial<BatchSummary> & { id?: number; name?: string } = {}): BatchSummary {
  const { id = 1, name = '1ZoneUncontrolled × USA_CO_Golden-NREL.724666_TMY3', ...rest } = s
  return {
    batch: { id, name, createdAt: '2025-11-25T22:00:00Z' },
    total: 0,
    byStatus: {},
    finished: 0,
    failed: 0,
    cached: 0,
    percent: 0,
    etaSeconds: 0,
    hasEta: false,
    errors: null,
    warnings: 0,
    severe: 0,
    elapsedSeconds: 0,
    running: 0,
    queued: 0,
    workers: 4,
    paused: false,
    runIds: null,
    updatedAt: '2025-11-25T22:00:00Z',
    ...rest,
  }
}

export function queue(q: Partial<QueueState> = {}): QueueState {
  return { workers: 4, paused: false, queued: [], running: [], ...q }
}
