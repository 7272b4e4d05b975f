// The data the Go side sends, named for the UI. Every shape is the model Wails generates from
// the Go structs (wailsjs/go/models.ts, `wails generate module`): there is one source of wire
// types, so a renamed or removed Go field breaks `tsc` where the UI reads it.
import { desktop, events, importsvc, lca, sim } from '../../wailsjs/go/models'
import type { bbr, cluster, computesvc, eplusout, epw, idf, idfdiff, library, librarysvc, runner, runsvc, settingsvc, store, study, studysvc, takeoff } from '../../wailsjs/go/models'

type Method = (...args: any[]) => any

/**
 * A generated model as plain data, so that lib code and tests can use object literals:
 * - the classes' methods (createFrom, convertValues) are left out;
 * - a string enum (sim.Status, sim.FailureKind) becomes the union of its values, so
 *   `'queued'` type-checks against the enum and a typo does not;
 * - an optional field (a Go pointer, or omitempty) may also be null: a nil pointer arrives as
 *   null, and the UI writes null for a blank (a material's missing conductivity).
 * Go nil slices and maps arrive as null although the generator declares them required: the
 * code that reads such a list says `?? []` where it reads it.
 */
export type Data<T> = T extends string
  ? `${T}`
  : T extends (infer U)[]
    ? Data<U>[]
    : T extends object
      ? { [K in keyof T as T[K] extends Method ? never : K]: undefined extends T[K] ? Data<Exclude<T[K], undefined>> | null : Data<T[K]> }
      : T

// ---------- the generated enums ----------

/** Run statuses (sim.Status): code compares with these members, never with typed strings. */
export const RunStatus = sim.Status
/** A run status as data: the union of sim.Status's values. */
export type RunStatus = `${sim.Status}`

/** Why a run failed (sim.FailureKind; None is ""): decide from these codes, never from message text. */
export const FailureKind = sim.FailureKind
export type FailureKind = `${sim.FailureKind}`

/**
 * Why a payback or a saving's percentage is null (lca.ReasonCode): decide from these codes; the
 * sentence beside it (reason, percentReason) is only for reading.
 */
export const ReasonCode = lca.ReasonCode
export type ReasonCode = `${lca.ReasonCode}`

/** The names of the events the Go side pushes (events.Name). */
export const EventName = events.Name
export type EventName = `${events.Name}`

/** The native menu's items the window carries out (desktop.MenuItem). */
export const MenuItem = desktop.MenuItem
export type MenuItem = `${desktop.MenuItem}`

/** Whether an original file that changed on disk is a model's or a weather file's (importsvc.SourceKind). */
export const SourceKind = importsvc.SourceKind
export type SourceKind = `${importsvc.SourceKind}`

// ---------- runs and the queue (sim, store, runner, runsvc) ----------

export type Progress = Data<sim.Progress>
export type Engine = Data<sim.Engine>
export type EndUse = Data<sim.EndUse>
/** SI units (kWh, m², hours) */
export type Results = Data<sim.Results>
export type Run = Data<store.Run>
export type Batch = Data<store.Batch>
export type RunRequest = Data<runsvc.RunRequest>
export type RunDetails = Data<runsvc.RunDetails>
/** one headline and the runs of a batch that ended with it */
export type ErrorGroup = Data<runsvc.ErrorGroup>
export type BatchSummary = Data<runsvc.BatchSummary>
/** the scheduler right now (runner.Snapshot): pushed as queue:state */
export type QueueState = Data<runner.Snapshot>
export type RunOverview = Data<runsvc.Overview>
export type MeterInfo = Data<eplusout.Meter>
export type MeterSeries = Data<eplusout.MeterSeries>
export type RunMeters = Data<runsvc.RunMeters>
/** two runs side by side: details, monthly energy and peak power, distinct eplusout.err messages */
export type RunComparison = Data<runsvc.RunComparison>
export type RunSide = Data<runsvc.RunSide>
export type ErrMessage = Data<eplusout.ErrMessage>

// ---------- the Swedish figures (bbr) ----------

/** A run's Swedish figures: Atemp, delivered energy by carrier and purpose, EP_pet and class, peak heating, overheating. */
export type SwedishFigures = Data<bbr.Figures>
/** One figure: value null when an input is missing, and missing says which and where to enter it. */
export type SwedishFigure = Data<bbr.Figure>
export type SwedishGap = Data<bbr.Gap>
/** Weighting factors, F_geo, requirements, overheating threshold, each with its source. */
export type SwedishSettings = Data<bbr.Settings>
export type SwedishProblem = Data<bbr.Problem>
/** A model's Atemp, building type and end-use mapping. */
export type ModelSwedishSettings = Data<bbr.ModelSettings>
export type ModelSettingsView = Data<settingsvc.ModelSettingsView>
export type SwedishMapping = Data<bbr.Mapping>

// ---------- event payloads (desktop.EventPayloads lists them for the generator) ----------

type Payloads = Data<desktop.EventPayloads>
export type RunProgressEvent = Payloads['runProgress']
export type RunStatusEvent = Payloads['runStatus']
export type SourceChangedEvent = Payloads['sourceChanged']
export type MenuAction = Payloads['menuAction']
/** one step of a running connection check, pushed as compute:check */
export type ComputeCheckEvent = Payloads['computeCheck']
/** a method study (NSGA-II, Morris) moved: pushed as study:method */
export type MethodProgress = Payloads['studyMethod']

// ---------- compute targets (computesvc, cluster) ----------

/** the data folder's run folders by study and batch (Settings > Storage) */
export type Storage = Data<settingsvc.Storage>
export type StorageGroup = Data<settingsvc.StorageGroup>
export type FreeRequest = Data<settingsvc.FreeRequest>
export type FreedStorage = Data<settingsvc.FreedStorage>
/** a saved compute target (Settings > Compute), with its last connection check */
export type ComputeTarget = Data<computesvc.Target>
/** a target's URL split into the form's fields */
export type TargetForm = Data<computesvc.TargetForm>
/** one step of a connection check: connect, slurm, workdir, engine */
export type CheckStep = Data<cluster.CheckStep>

// ---------- imported files (store, idf, epw, importsvc) ----------

export type RunPeriod = Data<idf.RunPeriod>
export type DesignDay = Data<idf.DesignDay>
export type ModelSummary = Data<idf.Summary>
export type Model = Data<store.Model>
export type WeatherLocation = Data<epw.Location>
export type WeatherHeader = Data<epw.Header>
export type Weather = Data<store.Weather>
export type Files = Data<importsvc.Files>
export type ImportError = Data<importsvc.ImportError>
export type ImportReport = Data<importsvc.ImportReport>
export type ReimportResult = Data<importsvc.ReimportResult>
export type TransitionOffer = Data<importsvc.TransitionOffer>

// ---------- settings, engines, About (settingsvc) ----------

export type Candidate = Data<runner.Candidate>
export type EngineStatus = Data<settingsvc.EngineStatus>
/** workers (0 = one per core), time limit per run in minutes and stall limit in seconds (0 = none) */
export type QueueLimits = Data<settingsvc.QueueLimits>
export type CurrentSettings = Data<settingsvc.Current>
export type About = Data<settingsvc.About>
export type Dependency = Data<settingsvc.Dependency>
export type DataFolder = Data<settingsvc.DataFolder>

/** What the runs screen loads once at start (getOverview): the answers of three services. */
export interface Overview {
  runs: RunOverview
  files: Files
  settings: CurrentSettings
}

// ---------- renovation library (library, librarysvc) and take-off ----------

/**
 * A total that may depend on blank inputs (library.Amount, lca.Amount): when complete is false
 * it is only the sum of the known parts and `missing` names what it lacks.
 */
export type Amount = Data<lca.Amount>
export type Material = Data<library.Material>
export type WindowSystem = Data<library.WindowSystem>
export type Layer = Data<library.Layer>
export type Construction = Data<library.Construction>
export type LayerFigures = Data<library.LayerFigures>
export type Figures = Data<library.Figures>
export type Problem = Data<library.Problem>
export type ConstructionView = Data<librarysvc.ConstructionView>
export type LibraryView = Data<librarysvc.LibraryView>
export type ElementArea = Data<takeoff.ElementArea>
export type WallWindow = Data<takeoff.WallWindow>
export type Takeoff = Data<takeoff.Takeoff>

// ---------- studies (study, store, studysvc) and carbon and cost (lca) ----------

export type Sampling = Data<study.Sampling>
export type Spec = Data<study.Spec>
/** a measure on any field of the model (study.Measure), its fields and its options */
export type Measure = Data<study.Measure>
export type FieldRef = Data<study.FieldRef>
export type MeasureOption = Data<study.Option>
/** a ready-made measure, with whether it applies to one model and why not */
export type TemplateFit = Data<study.TemplateFit>
/** how a study chooses its variants beyond sampling: NSGA-II, Morris or Sobol indices (study.Method) */
export type MethodSpec = Data<study.Method>
export type MethodConstraint = Data<study.Constraint>
/** a per-variant figure a method can minimise or limit */
export type StudyFigure = Data<study.Figure>
export type Study = Data<store.Study>
export type StudyEstimate = Data<studysvc.StudyEstimate>
export type StudyInfo = Data<studysvc.StudyInfo>
export type VariantResult = Data<studysvc.VariantResult>
export type StudyTable = Data<studysvc.StudyTable>
export type StudyColumns = Data<studysvc.StudyColumns>
export type LibraryImportNote = Data<studysvc.LibraryImportNote>
/** a method study's progress, NSGA-II fronts per generation, Morris effects or Sobol indices per objective */
export type MethodView = Data<studysvc.MethodView>
/** one objective's Morris screening: its factors ranked by mu*, with a summary */
export type Screening = Data<studysvc.Screening>
/** one factor's elementary effects: mu, mu* and sigma null where there is none */
export type Effect = Data<studysvc.Effect>
/** one objective's Sobol indices: its factors ranked by ST, with a summary */
export type Sensitivity = Data<studysvc.Sensitivity>
/** one factor's S1 and ST with their 95 % half-widths, null where too few runs gave one */
export type SobolIndex = Data<studysvc.SobolIndex>
export type StudyImportReport = Data<studysvc.StudyImportReport>
/** What a variant changes in its base model's IDF (idfdiff): objects added, removed and changed. */
export type VariantDiff = Data<studysvc.VariantDiff>
export type IdfDiff = Data<idfdiff.Diff>
export type IdfObjectChange = Data<idfdiff.ObjectChange>
export type IdfFieldChange = Data<idfdiff.Field>
/** The unified line diff of a variant's IDF against its base model, cut at a limit. */
export type IdfRawDiff = Data<idfdiff.Raw>
/** What happened to an object (idfdiff.Kind, a plain string on the wire). */
export type IdfChangeKind = 'added' | 'removed' | 'changed'
export type Saving = Data<lca.Saving>
export type Savings = Data<lca.Savings>
export type Payback = Data<lca.Payback>
export type LcaResult = Data<lca.Result>
export type Fuel = Data<lca.Fuel>
export type LcaSettings = Data<lca.Settings>
/** what is wrong with LcaSettings: `field` is the JSON path of the input ("fuels.Electricity.pricePerKWh") */
export type LcaProblem = Data<lca.Problem>
