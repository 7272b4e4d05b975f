// Builders for test objects shaped like the Go side's JSON (the generated models as data).
import type { BatchSummary, ErrorGroup, Model, ModelSummary, Progress, QueueState, Run, Weather, WeatherHeader } from '../bridge/types'

/**
 * A value as it arrives from Go, where a nil slice or map is null although the generated type
 * declares it: for tests of the code that must tolerate that.
 */
export function wire<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T
}

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
    designDaysOnly: false,
    enginePath: '/opt/EnergyPlus-25-2-0/energyplus',
    engineVersion: '25.2.0',
    modelVersion: '25.2',
    status: 'queued',
    progress: progress(),
    kind: '',
    message: '',
    firstSevere: '',
    headline: '',
    lastSevere: '',
    warnings: 0,
    severe: 0,
    signal: '',
    dir: '/data/runs/1',
    createdAt: '2025-11-25T22:00:00Z',
    startedAt: '',
    endedAt: '',
    elapsedSeconds: 0,
    hasResults: false,
    batchId: 0,
    cacheKey: '',
    outputs: 'all',
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
    summary: modelSummary(),
    sourceChangedAt: '',
    ...m,
  }
}

export function modelSummary(s: Partial<ModelSummary> = {}): ModelSummary {
  return {
    version: '9.4',
    buildingName: 'Bldg',
    zones: 1,
    zoneNames: ['ZONE ONE'],
    runPeriods: [{ name: 'Run Period 1', beginMonth: 1, beginDay: 1, endMonth: 12, endDay: 31, beginYear: 0, endYear: 0, days: 365 }],
    designDays: [
      { name: 'Denver Centennial Ann Htg 99% Condns DB', month: 12, day: 21 },
      { name: 'Denver Centennial Ann Clg 1% Condns DB=>MWB', month: 7, day: 21 },
    ],
    weatherSizingPeriods: [],
    runSizingPeriods: true,
    runWeatherPeriods: true,
    doZoneSizing: false,
    doSystemSizing: false,
    doPlantSizing: false,
    hasHVACTemplate: false,
    hasSQLiteOutput: true,
    tableStyle: 'HTML',
    annual: true,
    ...s,
  }
}

export function weatherHeader(h: Partial<WeatherHeader> = {}): WeatherHeader {
  return {
    location: { city: 'Golden', state: 'CO', country: 'USA', source: 'TMY3', wmo: '724666', latitude: 39.74, longitude: -105.18, timeZone: -7, elevation: 1829 },
    dataPeriods: 1,
    recordsPerHour: 1,
    startDayOfWeek: 'Sunday',
    periodStart: '1/1',
    periodEnd: '12/31',
    comments1: '',
    comments2: '',
    dataRows: 8760,
    monthlyMeanDryBulb: [-1.2, 0.4, 3.6, 8.5, 13.2, 19, 22.4, 21.3, 16.5, 10.1, 3.2, -0.9],
    monthlyDryBulbCount: [744, 672, 744, 720, 744, 720, 744, 744, 720, 744, 720, 744],
    ...h,
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
    header: weatherHeader(),
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
    errors: [],
    warnings: 0,
    severe: 0,
    elapsedSeconds: 0,
    running: 0,
    queued: 0,
    workers: 4,
    paused: false,
    runIds: [],
    updatedAt: '2025-11-25T22:00:00Z',
    ...rest,
  }
}

export function queue(q: Partial<QueueState> = {}): QueueState {
  return { workers: 4, paused: false, pauseReason: '', queued: [], running: [], ...q }
}

export function errorGroup(e: Partial<ErrorGroup> = {}): ErrorGroup {
  return { status: 'fatal', kind: 'model-fatal', headline: '** Severe  ** GetSurfaceData: too few vertices', runIds: [1], ...e }
}
