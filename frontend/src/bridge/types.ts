// The data the Go side sends, as plain JSON shapes (field names are the Go `json:"..."` tags).
// The UI works with these interfaces rather than the classes Wails generates, so that lib code
// and its tests can use plain object literals. bridge/check.ts makes the compiler compare them
// with the generated models, so a renamed Go field breaks the build instead of the screen.

/** A run's state: queued, preparing, running and collecting are transient; the rest are final. */
export type RunStatusName =
  | 'queued'
  | 'preparing'
  | 'running'
  | 'collecting'
  | 'succeeded'
  | 'succeeded-with-severe'
  | 'fatal'
  | 'crashed'
  | 'hung'
  | 'timed-out'
  | 'cancelled'
  | 'input-error'

/** runner.Progress */
export interface Progress {
  percent: number
  /** starting, initializing, sizing, warm-up, simulating, reporting, done, failed */
  phase: string
  environment: string
  simDate: string
  daysDone: number
  totalDays: number
}

/** runner.Engine */
export interface Engine {
  path: string
  version: string
  build: string
  source: string
}

/** runner.Candidate */
export interface Candidate {
  path: string
  source: string
  error?: string
}

/** app.EngineStatus */
export interface EngineStatus {
  engine?: Engine | null
  engines: Engine[] | null
  candidates: Candidate[] | null
  help: string
}

/** idf.RunPeriod */
export interface RunPeriod {
  name: string
  beginMonth: number
  beginDay: number
  endMonth: number
  endDay: number
  beginYear: number
  endYear: number
  days: number
}

/** idf.DesignDay */
export interface DesignDay {
  name: string
  month: number
  day: number
}

/** idf.Summary (only the fields the UI reads) */
export interface ModelSummary {
  version: string
  buildingName: string
  zones: number
  zoneNames?: string[] | null
  runPeriods: RunPeriod[] | null
  designDays: DesignDay[] | null
  annual: boolean
}

/** store.Model */
export interface Model {
  id: number
  name: string
  sha256: string
  originalPath: string
  storedPath: string
  sizeBytes: number
  importedAt: string
  summary: ModelSummary
  /** set when the user's original file changed on disk after import; empty otherwise */
  sourceChangedAt: string
}

/** epw.Location (only the fields the UI reads) */
export interface WeatherLocation {
  city: string
  state: string
  country: string
  source?: string
  wmo?: string
  latitude: number
  longitude: number
  /** hours from UTC */
  timeZone: number
  /** metres */
  elevation: number
}

/** epw.Header (only the fields the UI reads) */
export interface WeatherHeader {
  location: WeatherLocation
  /** 12 values in degrees C, January first; 0 for a month without data (see the counts) */
  monthlyMeanDryBulb: number[] | null
  /** hourly rows behind each monthly mean: 0 means the month has no data */
  monthlyDryBulbCount?: number[] | null
  /** first and last date of the data periods, "1/1" and "12/31" */
  periodStart?: string
  periodEnd?: string
  dataRows?: number
}

/** store.Weather */
export interface Weather {
  id: number
  name: string
  sha256: string
  originalPath: string
  storedPath: string
  sizeBytes: number
  importedAt: string
  header: WeatherHeader
  /** set when the user's original file changed on disk after import; empty otherwise */
  sourceChangedAt: string
}

/** store.Run */
export interface Run {
  id: number
  modelId: number
  weatherId: number
  modelName: string
  weatherName: string
  forceAnnual: boolean
  enginePath: string
  engineVersion: string
  status: RunStatusName
  progress: Progress
  /** first fatal message, crash reason or input error */
  message: string
  lastSevere: string
  warnings: number
  severe: number
  exitCode?: number | null
  signal: string
  dir: string
  createdAt: string
  startedAt: string
  endedAt: string
  elapsedSeconds: number
  hasResults: boolean
  /** the batch (one StartRuns request) this run belongs to; 0 for runs made before batches */
  batchId: number
  cacheKey: string
  /** the run whose results this one reuses (identical inputs already simulated); 0 when it simulated itself */
  cachedFrom: number
  /** set when no installed engine matches the model's Version: it runs on the default engine */
  versionWarning: string
  /** the model's original file changed on disk after import: the results describe an older version */
  modelChanged: boolean
}

/** runner.EndUse */
export interface EndUse {
  endUse: string
  fuel: string
  kWh: number
}

/** runner.Results: SI units (kWh, m2, hours) */
export interface Results {
  totalSiteKWh: number
  netSiteKWh: number
  totalSourceKWh: number
  totalAreaM2: number
  conditionedAreaM2: number
  euiKWhPerM2: number
  unmetHeatingHours: number
  unmetCoolingHours: number
  endUses: EndUse[] | null
}

/** app.RunDetails */
export interface RunDetails {
  run: Run
  results?: Results | null
}

/** app.Overview */
export interface Overview {
  dataDir: string
  engine: EngineStatus
  models: Model[] | null
  weather: Weather[] | null
  runs: Run[] | null
  /** newest first */
  batches: BatchSummary[] | null
  queue: QueueState
  settings: Settings
}

/** app.RunRequest: one run per model and weather file (every model with every weather) */
export interface RunRequest {
  modelIds: number[]
  /** one weather file (older callers), or */
  weatherId?: number
  /** several */
  weatherIds?: number[]
  forceAnnual: boolean
  /** run even when an identical run already succeeded (no answer from the cache) */
  force?: boolean
  /** the batch's name; the Go side makes one from the models and weather files when empty */
  name?: string
}

/** store.Batch: the runs one StartRuns request queued */
export interface Batch {
  id: number
  name: string
  createdAt: string
}

/** app.ErrorGroup: one message and the runs of a batch that ended with it */
export interface ErrorGroup {
  status: RunStatusName
  message: string
  runIds: number[] | null
}

/** app.BatchSummary */
export interface BatchSummary {
  batch: Batch
  total: number
  byStatus: Record<string, number> | null
  finished: number
  /** final and not succeeded (cancelled included) */
  failed: number
  cached: number
  /** mean of the runs' percents */
  percent: number
  etaSeconds: number
  /** false until a run finished on this machine */
  hasEta: boolean
  errors: ErrorGroup[] | null
  warnings: number
  severe: number
  elapsedSeconds: number
  running: number
  queued: number
  workers: number
  paused: boolean
  runIds: number[] | null
  updatedAt: string
}

/** runner.Snapshot (app.QueueState): the scheduler right now */
export interface QueueState {
  workers: number
  paused: boolean
  /** run ids in the order they will start */
  queued: number[] | null
  /** run ids running now */
  running: number[] | null
}

/** app.Settings: the queue's limits */
export interface Settings {
  /** parallel runs; 0 = one per core (the Go side stores the core count then) */
  workers: number
  /** wall-clock limit per run; 0 = none */
  timeoutMinutes: number
  /** stop a run that printed nothing this long; 0 = never */
  stallSeconds: number
}

/** app.ReimportResult */
export interface ReimportResult {
  import: ImportReport
  runs: Run[] | null
}

/** app.SourceChanged: the payload of source:changed */
export interface SourceChangedEvent {
  kind: 'model' | 'weather' | string
  id: number
  path: string
}

/** app.ImportError */
export interface ImportError {
  path: string
  message: string
}

/** app.ImportReport */
export interface ImportReport {
  models: Model[] | null
  weather: Weather[] | null
  /** paths whose content was already imported */
  duplicates: string[] | null
  errors: ImportError[] | null
}

/** app.RunProgress: the payload of run:progress */
export interface RunProgressEvent {
  runId: number
  status: RunStatusName
  progress: Progress
  warnings: number
  severe: number
  lastLine: string
}

/** app.RunStatus: the payload of run:status */
export interface RunStatusEvent {
  run: Run
}
