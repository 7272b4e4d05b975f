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
  /** why the queue paused itself (a full disk); "" when the user paused it */
  pauseReason?: string
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

// ---------- renovation library (library.*, app.LibraryView) ----------

/**
 * library.Amount / lca.Amount: a total that may depend on blank inputs. When complete is false,
 * value is only the sum of the known parts and missing names every value it lacks: the UI shows
 * it as missing, never as a number.
 */
export interface Amount {
  value: number
  complete: boolean
  missing?: string[] | null
}

export type MaterialKind = 'Material' | 'Material:AirGap' | 'Material:NoMass' | string

/** library.Material: optional numbers are null when blank (missing), never 0. */
export interface Material {
  id: string
  name: string
  category: string
  kind: MaterialKind
  /** metres; set only for fixed-thickness products */
  thicknessM: number | null
  /** W/(m·K) */
  conductivity: number | null
  /** kg/m³ */
  density: number | null
  /** J/(kg·K) */
  specificHeat: number | null
  /** m²K/W (air gaps and no-mass materials) */
  thermalResistance: number | null
  roughness: string
  thermalAbsorptance: number | null
  solarAbsorptance: number | null
  visibleAbsorptance: number | null
  thermalSource: string
  /** kg CO2e per kg of material (A1-A3) */
  gwpPerKg: number | null
  /** kg CO2e per m² of layer, whatever its thickness */
  gwpPerM2: number | null
  gwpMetric: string
  gwpSource: string
  /** per m² of a 100 mm layer, scaled with the layer's thickness */
  costPerM2Per100mm: number | null
  costPerM2: number | null
  costRange: string
  costBasis: string
  currency: string
  costSource: string
  notes: string
  origin: string
}

/** library.WindowSystem */
export interface WindowSystem {
  id: string
  name: string
  /** W/(m²·K), with surface films */
  uFactor: number | null
  shgc: number | null
  visibleTransmittance: number | null
  uBasis: string
  source: string
  gwpPerM2: number | null
  gwpBasis: string
  gwpSource: string
  costPerM2: number | null
  currency: string
  costSource: string
  notes: string
  origin: string
}

/** library.Layer: one layer of an opaque construction, outside to inside. */
export interface Layer {
  materialId: string
  thicknessM: number
  /**
   * kept by the renovation (the existing wall behind new insulation): counts in the U-value and
   * goes into the variant IDF, but adds no embodied carbon and no cost
   */
  existing: boolean
}

export type Element = 'wall' | 'roof' | 'floor' | 'window'

/** library.Construction: layers (wall, roof, floor) or one window system (window). */
export interface Construction {
  id: string
  name: string
  element: Element | string
  layers: Layer[] | null
  windowSystemId: string
  notes: string
  origin: string
}

/** library.LayerFigures */
export interface LayerFigures {
  materialId: string
  name: string
  kind: string
  thicknessM: number
  r: number
  massKgM2?: number | null
  gwp?: number | null
  cost?: number | null
  /** kept by the renovation: not in the GWP or cost totals */
  existing: boolean
}

/** library.Figures: a construction's computed figures per m² (EN ISO 6946 U-value). */
export interface Figures {
  constructionId: string
  element: string
  layers: LayerFigures[] | null
  heatFlow: string
  rsi: number
  rse: number
  rLayers: number
  rTotal: number
  u: number
  uNoFilms?: number | null
  shgc?: number | null
  visibleTransmittance?: number | null
  uBasis: string
  gwpPerM2: Amount
  gwpMetric: string
  gwpBasis: string
  costPerM2: Amount
  currency: string
}

/** library.Problem: one thing wrong with a library item, worded for the user. */
export interface Problem {
  /** "material", "window system" or "construction" */
  item: string
  id: string
  /** the item's JSON field, e.g. "conductivity" or "layers[2].thicknessM" */
  field: string
  message: string
}

/** app.ConstructionView: a construction with its figures, or why they cannot be computed. */
export interface ConstructionView {
  construction: Construction
  figures?: Figures | null
  error?: string
  /** why a variant cannot use it; empty when it can */
  unusable?: string
}

/** app.LibraryView */
export interface LibraryView {
  materials: Material[] | null
  windows: WindowSystem[] | null
  constructions: ConstructionView[] | null
  problems: Problem[] | null
  /** the default library's README: sources, terms and gaps */
  attribution: string
}

// ---------- take-off (takeoff.*) ----------

/** takeoff.ElementArea */
export interface ElementArea {
  grossM2: number
  netM2: number
  byOrientation: Record<string, number> | null
  constructions: Record<string, number> | null
}

/** takeoff.WallWindow */
export interface WallWindow {
  grossWallM2: number
  windowM2: number
}

/** takeoff.Takeoff (the fields the UI reads) */
export interface Takeoff {
  wall: ElementArea
  roof: ElementArea
  groundFloor: ElementArea
  exposedFloor: ElementArea
  groundWall: ElementArea
  window: ElementArea
  skylight: ElementArea
  door: ElementArea
  /** window gross / wall gross, a fraction */
  windowWallRatio: number
  byFourWay: Record<string, WallWindow> | null
  warnings: string[] | null
}

// ---------- studies (study.*, app.Study*) ----------

export type SamplingMode = 'factorial' | 'list' | 'lhs'

/** study.Sampling */
export interface Sampling {
  mode: SamplingMode | ''
  /** lhs: how many */
  n: number
  /** lhs: for a reproducible sample */
  seed: number
  /** list: element -> "keep" or a construction id */
  packages: Array<Record<string, string>> | null
}

/** study.Spec: the scenario, the same file for the GUI and `epsm study`. */
export interface Spec {
  name: string
  /** path of the base IDF (CLI) ... */
  model?: string
  /** ... or an imported model (GUI) */
  modelId: number
  weather?: string[] | null
  weatherIds: number[]
  /** element -> "keep" and/or construction ids; an element left out keeps its construction */
  options: Record<string, string[]>
  sampling: Sampling
  forceAnnual: boolean
  designDaysOnly: boolean
}

/** app.StudyEstimate */
export interface StudyEstimate {
  /** besides the baseline */
  variants: number
  /** (variants + baseline) × weather files */
  runs: number
  /** estimated wall time on this machine */
  seconds: number
  /** false until a run finished on this machine */
  hasTime: boolean
}

/** store.Study */
export interface Study {
  id: number
  name: string
  specJson: string
  baseModelId: number
  batchId: number
  createdAt: string
}

/** app.StudyInfo: a study as made, with the runs queued for it. */
export interface StudyInfo {
  study: Study
  spec: Spec
  variants: number
  runs: Run[] | null
  weather: Weather[] | null
}

/** lca.Saving: baseline minus variant (positive = better), with its percentage of the baseline. */
export interface Saving extends Amount {
  percent?: number | null
  percentReason?: string
}

/** lca.Savings */
export interface Savings {
  energyKWh: Saving
  operationalKgCO2ePerYear: Saving
  energyCostPerYear: Saving
  lifeCycleKgCO2e: Saving
  lifeCycleCost: Saving
}

/** lca.Payback: years, or null with a reason. */
export interface Payback {
  years?: number | null
  reason?: string
  complete: boolean
  missing?: string[] | null
  /** longer than the analysis period */
  beyondPeriod: boolean
}

/** lca.Result: a variant's carbon (kg CO2e) and cost (in currency) figures. */
export interface LcaResult {
  /** the baseline: show "unchanged", not zero */
  unchanged: boolean
  currency: string
  analysisPeriodYears: number
  discountRate: number
  annualEnergyKWh: Amount
  operationalKgCO2ePerYear: Amount
  operationalKgCO2e: Amount
  embodiedKgCO2e: Amount
  lifeCycleKgCO2e: Amount
  energyCostPerYear: Amount
  energyCostPresentValue: Amount
  investmentCost: Amount
  lifeCycleCost: Amount
  savings: Savings
  simplePayback: Payback
  carbonPayback: Payback
}

/** app.VariantResult: one row of a study's table, a variant with one weather file. */
export interface VariantResult {
  variantId: number
  key: string
  name: string
  /** element -> "keep" or a construction id */
  choices: Record<string, string> | null
  baseline: boolean
  weatherId: number
  weatherName: string
  runId: number
  status: RunStatusName
  message: string
  cached: boolean
  /** element -> m² of the surfaces the variant changes; unchanged elements are absent */
  areas: Record<string, number> | null
  results?: Results | null
  /** once this run and its baseline succeeded */
  lca?: LcaResult | null
  paretoCarbonCost: boolean
  paretoEnergyEmbodied: boolean
}

/** app.StudyTable */
export interface StudyTable {
  study: Study
  rows: VariantResult[] | null
  settings: LcaSettings
  finished: number
  total: number
  /** on the wire only: the rows' `missing` lists are indexes into it (getStudyTable restores them) */
  missingText?: string[]
}

// ---------- carbon and cost settings (lca.Settings) ----------

/** lca.Fuel: null is a blank the user has to fill in, never zero. */
export interface Fuel {
  kgCO2ePerKWh: number | null
  carbonSource: string
  /** in LcaSettings.currency */
  pricePerKWh: number | null
  priceSource: string
}

/** lca.Settings */
export interface LcaSettings {
  /** keyed by EnergyPlus's End Uses fuel columns */
  fuels: Record<string, Fuel> | null
  currency: string
  currencySource: string
  analysisPeriodYears: number
  analysisPeriodSource: string
  /** real, per year: 0.03 = 3 % */
  discountRate: number
  discountRateSource: string
}

// ---------- hourly meters (runner.Meter, runner.MeterSeries, app.RunMeters) ----------

/** runner.Meter: a meter written hourly for the weather-file year. */
export interface MeterInfo {
  name: string
  /** kWh for energy meters */
  units: string
  hours: number
}

/** runner.MeterSeries: hourly values in time order; hour is EnergyPlus's hour ending, 1..24. */
export interface MeterSeries {
  name: string
  units: string
  month: number[] | null
  day: number[] | null
  hour: number[] | null
  values: number[] | null
  total: number
}

/** app.RunMeters: a run's hourly meters, or why it has none. */
export interface RunMeters {
  runId: number
  meters: MeterInfo[] | null
  reason: string
}
