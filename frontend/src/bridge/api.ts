// The bridge to the Go side, both ways: typed wrappers around the generated bindings of each
// bound service (one per domain), and typed subscriptions to the events Go pushes. The rest of
// the UI calls these, never wailsjs directly, so a change in the generated code is fixed here,
// once. The generated functions return the generated models, which are the types the UI uses
// (types.ts): nothing is cast. Event names come from the generated events.Name enum and payload
// types from desktop.EventPayloads, so neither can drift from Go. State is pushed, never
// polled: the queue and the batch summaries arrive here whenever they change.
import * as Shell from '../../wailsjs/go/desktop/Shell'
import * as Imports from '../../wailsjs/go/importsvc/Service'
import * as Library from '../../wailsjs/go/librarysvc/Service'
import * as Runs from '../../wailsjs/go/runsvc/Service'
import * as Compute from '../../wailsjs/go/computesvc/Service'
import * as Settings from '../../wailsjs/go/settingsvc/Service'
import * as Studies from '../../wailsjs/go/studysvc/Service'
import { bbr, computesvc, lca, library, runsvc, settingsvc, study } from '../../wailsjs/go/models'
import type {
  About,
  CheckStep,
  ComputeTarget,
  Construction,
  ConstructionView,
  DataFolder,
  EngineStatus,
  Files,
  FreeRequest,
  FreedStorage,
  ImportReport,
  LcaProblem,
  LcaSettings,
  LibraryView,
  Material,
  MethodProgress,
  MethodView,
  MeterSeries,
  ModelSettingsView,
  ModelSwedishSettings,
  Overview,
  QueueLimits,
  ReimportResult,
  Run,
  RunComparison,
  RunDetails,
  RunMeters,
  RunRequest,
  Spec,
  Storage,
  Study,
  StudyEstimate,
  StudyFigure,
  StudyImportReport,
  StudyInfo,
  StudyColumns,
  StudyTable,
  VariantResult,
  VariantDiff,
  IdfRawDiff,
  SwedishMapping,
  SwedishProblem,
  SwedishSettings,
  TargetForm,
  TemplateFit,
  Takeoff,
  TransitionOffer,
  WindowSystem,
} from './types'
import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime'
import { EventName, MenuItem, type BatchSummary, type ComputeCheckEvent, type MenuAction, type QueueState, type RunProgressEvent, type RunStatusEvent, type SourceChangedEvent } from './types'

// ---------- the desktop shell ----------

/** Whether the page runs inside the Wails window (false in a plain browser tab). */
export function hasBackend(): boolean {
  const w = window as unknown as { go?: { desktop?: { Shell?: unknown } } }
  return Boolean(w.go?.desktop?.Shell)
}

/**
 * Why EPSM could not open its data folder, "" when it did. When it is not empty no other
 * service is bound: the window shows this text and nothing else.
 */
export function getStartupProblem(): Promise<string> {
  return Shell.Problem()
}

/**
 * The import of the files EPSM was opened with (its command line, a double-click in the file
 * manager) before this page loaded, once; files opened later arrive as import:done. Call it
 * after subscribing to onImportDone.
 */
export function getOpenedFiles(): Promise<ImportReport> {
  return Shell.OpenedFiles()
}

/** A desktop notification from the Go side (D-Bus on Linux); rejects where it is not available. */
export function notifyDesktop(title: string, body: string): Promise<void> {
  return Shell.Notify(title, body)
}

/** Shows the save dialog and writes a chart (a PNG or SVG data URL); the path, or "" if cancelled. */
export function saveChartImage(suggestedName: string, dataUrl: string): Promise<string> {
  return Shell.SaveChartImage(suggestedName, dataUrl)
}

// ---------- runs and the queue (runsvc) ----------

/**
 * Everything the runs screen shows at start, from the three services that own it: runs, batch
 * summaries and the queue; models and weather files; data folder, engines and queue limits.
 * Later changes are pushed as events (run:status, queue:state, batch:summary, ...).
 */
export async function getOverview(): Promise<Overview> {
  const [runs, files, settings] = await Promise.all([Runs.Overview(), Imports.Files(), Settings.Current()])
  return { runs, files, settings }
}

/**
 * Stores a batch and queues one run per model and weather file; resolves with its runs. Runs
 * identical to one that already succeeded come back final at once, with cachedFrom set (unless
 * req.force); one identical to a run still queued or running comes back as that run.
 */
export function startRuns(req: RunRequest): Promise<Run[]> {
  return Runs.StartRuns(runsvc.RunRequest.createFrom(req))
}

/** Lets running runs finish and starts no new ones until resumeQueue. */
export function pauseQueue(): Promise<void> {
  return Runs.PauseQueue()
}

/** Starts queued runs again. */
export function resumeQueue(): Promise<void> {
  return Runs.ResumeQueue()
}

/** Stops every queued or running run of a batch; resolves with how many were stopped. */
export function cancelBatch(batchId: number): Promise<number> {
  return Runs.CancelBatch(batchId)
}

/** Makes a batch's queued runs start before all others. */
export function moveBatchToFront(batchId: number): Promise<void> {
  return Runs.MoveBatchToFront(batchId)
}

/** Re-queues the runs of a batch that ended without success; resolves with them (queued). */
export function rerunFailed(batchId: number): Promise<Run[]> {
  return Runs.RerunFailed(batchId)
}

/** Stops a queued or running run; its final status arrives as a run:status event. */
export function cancelRun(id: number): Promise<void> {
  return Runs.CancelRun(id)
}

/** A run with its stored results (results is null when the run has none). */
export function getRunDetails(id: number): Promise<RunDetails> {
  return Runs.RunDetails(id)
}

/** The run's eplusout.err (its first 4 MiB). */
export function readErrFile(id: number): Promise<string> {
  return Runs.ReadErrFile(id)
}

/** The meters a run wrote hourly (Electricity:Facility first), or in `reason` why it has none. */
export function getRunMeters(runId: number): Promise<RunMeters> {
  return Runs.RunMeters(runId)
}

/** One meter's hourly values for a run (kWh for energy meters); rejects if the run lacks it. */
export function getMeterSeries(runId: number, name: string): Promise<MeterSeries> {
  return Runs.MeterSeries(runId, name)
}

/** Runs a and b side by side (details, monthly energy, peak power, err messages); the window shows b − a. */
export function compareRuns(a: number, b: number): Promise<RunComparison> {
  return Runs.CompareRuns(a, b)
}

/** The URL under which the Go asset server serves a run's HTML report. */
export function reportUrl(id: number): string {
  return `/runfiles/${encodeURIComponent(String(id))}/eplustbl.htm`
}

// ---------- imported files (importsvc) ----------

/** The imported models and weather files. */
export function getFiles(): Promise<Files> {
  return Imports.Files()
}

/** Imports files or folders by absolute path; what failed is in the report's errors. */
export function importFiles(paths: string[]): Promise<ImportReport> {
  return Imports.ImportFiles(paths)
}

/** Opens the native file dialog and imports what the user picks (an empty report if cancelled). */
export function chooseAndImport(): Promise<ImportReport> {
  return Imports.ChooseAndImport()
}

/** Imports the bundled example model and weather file again. */
export function importExample(): Promise<ImportReport> {
  return Imports.ImportExample()
}

/** Re-imports a model whose original file changed and runs it again with the weather files it was run with. */
export function reimportAndRerun(modelId: number): Promise<ReimportResult> {
  return Imports.ReimportAndRerun(modelId)
}

/** Whether an old model can be transitioned to the engine's version here, and why not. */
export function transitionOffer(modelId: number): Promise<TransitionOffer> {
  return Imports.TransitionOffer(modelId)
}

/** Transitions a copy of an old model with NREL's updaters and imports it (import:done follows). */
export function transitionModel(modelId: number): Promise<ImportReport> {
  return Imports.TransitionModel(modelId)
}

// ---------- settings, engines, About (settingsvc) ----------

/** The queue limits (workers, time limit, stall limit). */
export function getQueueLimits(): Promise<QueueLimits> {
  return Settings.QueueLimits()
}

/** Validates and stores the queue limits; rejects with a message naming the bad value. */
export function saveQueueLimits(l: QueueLimits): Promise<QueueLimits> {
  return Settings.SaveQueueLimits(settingsvc.QueueLimits.createFrom(l))
}

/** Searches for EnergyPlus engines again (after the user installed one). */
export function rediscoverEngines(): Promise<EngineStatus> {
  return Settings.RediscoverEngines()
}

/**
 * Makes the EnergyPlus executable at an absolute path the preferred engine. The Go side checks
 * it with --version and rejects with a message naming the path when it is not a working
 * EnergyPlus. An empty path goes back to automatic discovery.
 */
export function setEnginePath(path: string): Promise<EngineStatus> {
  return Settings.SetEnginePath(path)
}

/** Opens the native file dialog for the EnergyPlus executable, then like setEnginePath; the unchanged status if cancelled. */
export function chooseEngine(): Promise<EngineStatus> {
  return Settings.ChooseEngine()
}

/** Help → About: the app, engine and library versions. */
export function getAbout(): Promise<About> {
  return Settings.About()
}

/** Where the data folder is and how much room it takes (walks the folder: may take a moment). */
export function getDataFolder(): Promise<DataFolder> {
  return Settings.DataFolder()
}

// ---------- renovation library and take-off (librarysvc) ----------

/** The library with every construction's computed U, GWP/m² and cost/m² (never stored, never stale). */
export function getLibrary(): Promise<LibraryView> {
  return Library.Library()
}

/**
 * The figures of a construction being edited, before it is saved. An invalid construction
 * resolves (not rejects) with its problems in `problems`, each at its field, and in one line in `error`.
 */
export function previewConstruction(c: Construction): Promise<ConstructionView> {
  return Library.PreviewConstruction(library.Construction.createFrom(c))
}

/** Adds or updates a material; rejects with Go's problems when it is invalid (nothing changes then). */
export function saveMaterial(m: Material): Promise<LibraryView> {
  return Library.SaveMaterial(library.Material.createFrom(m))
}

/** Adds or updates a window system. */
export function saveWindowSystem(w: WindowSystem): Promise<LibraryView> {
  return Library.SaveWindowSystem(library.WindowSystem.createFrom(w))
}

/** Adds or updates a construction. */
export function saveConstruction(c: Construction): Promise<LibraryView> {
  return Library.SaveConstruction(library.Construction.createFrom(c))
}

/** Copies a construction under a new id and name. */
export function duplicateConstruction(id: string, newId: string, newName: string): Promise<LibraryView> {
  return Library.DuplicateConstruction(id, newId, newName)
}

/** Deletes a material; rejects naming the constructions that still use it. */
export function deleteMaterial(id: string): Promise<LibraryView> {
  return Library.DeleteMaterial(id)
}

/** Deletes a window system; rejects naming the constructions that still use it. */
export function deleteWindowSystem(id: string): Promise<LibraryView> {
  return Library.DeleteWindowSystem(id)
}

export function deleteConstruction(id: string): Promise<LibraryView> {
  return Library.DeleteConstruction(id)
}

/**
 * Adds an imported model's materials and constructions (GWP and cost missing until filled in);
 * items whose id exists are left alone and reported in `problems`.
 */
export function importLibraryFromModel(modelId: number): Promise<LibraryView> {
  return Library.ImportLibraryFromModel(modelId)
}

/** Asks for a folder and writes materials.csv, glazing.csv and constructions.csv into it; "" if cancelled. */
export function exportLibraryCSV(): Promise<string> {
  return Library.ExportLibraryCSV()
}

/** Asks for a library folder and adds or updates its items (the unchanged library if cancelled). */
export function importLibraryCSV(): Promise<LibraryView> {
  return Library.ImportLibraryCSV()
}

/** A model's envelope areas per element and orientation, from its geometry. */
export function getModelTakeoff(modelId: number): Promise<Takeoff> {
  return Library.ModelTakeoff(modelId)
}

// ---------- studies and carbon and cost settings (studysvc) ----------

/** Counts a spec's variants and runs and estimates the run time; rejects when the spec is invalid. */
export function estimateStudy(spec: Spec): Promise<StudyEstimate> {
  return Studies.EstimateStudy(study.Spec.createFrom(spec))
}

/**
 * Builds a study's variant IDFs and queues their runs in one batch: on this computer, or on a
 * saved compute target (its name).
 */
export function createStudy(spec: Spec, target = ''): Promise<StudyInfo> {
  return Studies.CreateStudyOn(study.Spec.createFrom(spec), target)
}

/** The ready-made measures, each saying whether it applies to the model and, if not, why. */
export function measureTemplates(modelId: number): Promise<TemplateFit[]> {
  return Studies.MeasureTemplates(modelId)
}

/** The figures a study method can minimise or limit, with their names and units. */
export function studyFigures(): Promise<StudyFigure[]> {
  return Studies.StudyFigures()
}

export function getStudies(): Promise<Study[]> {
  return Studies.Studies()
}

/**
 * What a variant changes in its study's base model, object by object: the objects it adds and
 * removes and each field it sets (before, after, lines). The baseline's diff is empty.
 */
export function getVariantDiff(variantId: number): Promise<VariantDiff> {
  return Studies.VariantDiff(variantId)
}

/** The same variant as a unified line diff (3 lines of context), its first 3,000 lines; empty for the baseline. */
export function getVariantRawDiff(variantId: number): Promise<IdfRawDiff> {
  return Studies.VariantRawDiff(variantId)
}

/** A study's variant table: a row per variant and weather file, with KPIs and Pareto flags. */
export async function getStudyTable(studyId: number): Promise<StudyTable> {
  return restoreMissing(await Studies.StudyTable(studyId))
}

/** A measure the study's rows set: its id (the key of a row's `measures`) and readable name. */
export interface StudyMeasure {
  id: string
  name: string
}

/** The window's study table: its rows, the fuels used, and how many rows the study has in all. */
export type WindowStudyTable = StudyTable & {
  /** fuels with delivered energy in any row (each needs an emission factor and a price) */
  fuelsUsed: string[]
  /** the study's rows; more than rows.length while only the first screenful has arrived */
  allRows: number
  /** the measures any row sets, in the spec's order; a row's `measures` reads each one's option ("keep" where unchanged) */
  measures: StudyMeasure[]
}

/**
 * A study's variant table in the compact columnar form the Go side sends it in (an array per
 * field: a 10,000-row table is a few MB instead of ~20 MB of objects). `first` asks for the first
 * screenful only, so the table shows while the rest is on its way. A run's end uses are not in
 * it: ask for the run's details.
 */
export async function getStudyColumns(studyId: number, first: boolean): Promise<WindowStudyTable> {
  return fromColumns(await Studies.StudyColumns(studyId, first))
}

/** Rows of objects from the columns, with the missing notes put back as text. */
export function fromColumns(c: StudyColumns): WindowStudyTable {
  // Repeated strings (notes, messages, headlines, reasons, construction ids) come once, in texts.
  const texts = c.texts ?? []
  const text = (i: number | undefined) => (i === undefined ? '' : (texts[i] ?? ''))
  const notes = (refs: number[] | null | undefined) => (refs?.length ? refs.map((i) => texts[i] ?? String(i)) : undefined)
  const amount = (name: string, i: number) => {
    const a = c.amounts?.[name]
    return a ? { value: a.value[i], complete: a.complete[i], missing: notes(a.missing[i]), assumed: notes(a.assumed?.[i] ?? null) } : { value: 0, complete: false, missing: ['not sent'] }
  }
  const payback = (name: string, i: number) => {
    const p = c.paybacks?.[name]
    if (!p) return { years: null, complete: false, beyondPeriod: false, missing: ['not sent'] }
    return { years: p.years[i], reason: text(p.reason[i]), reasonCode: p.reasonCode[i], complete: p.complete[i], missing: notes(p.missing[i]), beyondPeriod: p.beyondPeriod[i] }
  }
  const elements = c.elements ?? []
  const measureIds = c.measureIds ?? []
  const rows: VariantResult[] = new Array(c.rows)
  for (let i = 0; i < c.rows; i++) {
    const measures: Record<string, string> = {}
    for (const [k, id] of measureIds.entries()) measures[id] = text(c.measureChoices[k][i])
    const choices: Record<string, string> = {}
    const areas: Record<string, number> = {}
    for (const [k, el] of elements.entries()) {
      choices[el] = text(c.choices[k][i])
      const a = c.areas?.[el]?.[i]
      if (a !== null && a !== undefined) areas[el] = a
    }
    rows[i] = {
      variantId: c.variantId[i],
      key: c.key[i],
      label: c.label[i],
      name: c.name[i],
      choices,
      measures,
      baseline: c.baseline[i],
      weatherId: c.weatherId[i],
      weatherName: c.weatherNames?.[c.weatherId[i]] ?? '',
      runId: c.runId[i],
      status: c.status[i] as VariantResult['status'],
      kind: c.kind[i] as VariantResult['kind'],
      message: text(c.message[i]),
      headline: text(c.headline[i]),
      cached: c.cached[i],
      areas,
      results: c.hasResults[i]
        ? {
            totalSiteKWh: c.totalSiteKWh[i],
            netSiteKWh: c.netSiteKWh[i],
            totalSourceKWh: c.totalSourceKWh[i],
            totalAreaM2: c.totalAreaM2[i],
            conditionedAreaM2: c.conditionedAreaM2[i],
            euiKWhPerM2: c.euiKWhPerM2[i],
            unmetHeatingHours: c.unmetHeatingHours[i],
            unmetCoolingHours: c.unmetCoolingHours[i],
            endUses: [],
          }
        : null,
      lca: c.hasLca[i]
        ? {
            unchanged: c.unchanged[i],
            currency: c.settings.currency,
            analysisPeriodYears: c.settings.analysisPeriodYears,
            discountRate: c.settings.discountRate,
            operationalKgCO2ePerYear: amount('operationalKgCO2ePerYear', i),
            embodiedKgCO2e: amount('embodiedKgCO2e', i),
            lifeCycleKgCO2e: amount('lifeCycleKgCO2e', i),
            energyCostPerYear: amount('energyCostPerYear', i),
            investmentCost: amount('investmentCost', i),
            lifeCycleCost: amount('lifeCycleCost', i),
            simplePayback: payback('simplePayback', i),
            carbonPayback: payback('carbonPayback', i),
          } as VariantResult['lca']
        : null,
      atemp: c.atemp[i],
      primaryEnergyNumber: c.primaryEnergyNumber[i],
      energyClass: c.energyClass[i],
      peakHeatingW: c.peakHeatingW[i],
      overheatingHours: c.overheatingHours[i],
      paretoCarbonCost: c.paretoCarbonCost[i],
      paretoEnergyEmbodied: c.paretoEnergyEmbodied[i],
    }
  }
  return { study: c.study, settings: c.settings, swedish: c.swedish, finished: c.finished, total: c.total, rows, fuelsUsed: c.fuelsUsed ?? [], allRows: c.allRows,
    measures: measureIds.map((id, k) => ({ id, name: c.measureNames?.[k] || id })),
  }
}

/**
 * The Go side sends each "missing" note of a study table once, in missingText, and the rows'
 * `missing` lists as indexes into it (10,000 rows repeat the same few notes). This puts the
 * texts back, so the rest of the UI sees plain lists of notes.
 */
export function restoreMissing(t: StudyTable): StudyTable {
  const texts = t.missingText
  if (!texts?.length) return t
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x)
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      for (const k in o) {
        const x = o[k]
        if (k === 'missing' && Array.isArray(x)) {
          // in place: a 10,000-row table has ~80,000 of these lists, and new ones are garbage
          for (let i = 0; i < x.length; i++) x[i] = texts[Number(x[i])] ?? String(x[i])
        } else if (x && typeof x === 'object') walk(x)
      }
    }
  }
  walk(t.rows)
  delete t.missingText
  return t
}

/**
 * A method study's state: its progress, the NSGA-II first front of every finished generation and
 * the generation that first asked for each variant, or the Morris screening per objective once
 * its runs are done. Rejects for a sampled study (it has no method).
 */
export function getStudyMethod(studyId: number): Promise<MethodView> {
  return Studies.StudyMethod(studyId)
}

/** Goes on with a method study stopped by cancelling its runs: they are queued again. */
export function continueStudyMethod(studyId: number): Promise<void> {
  return Studies.ContinueStudyMethod(studyId)
}

/** Asks where to save a study's spec (runnable with `epsm study`); "" if cancelled. */
export function exportStudySpec(studyId: number): Promise<string> {
  return Studies.ExportStudySpec(studyId)
}

export type ExportFormat = 'csv' | 'xlsx'

/** Asks where to save a study's variant table and writes it; resolves with the path, "" if cancelled. */
export function exportStudyResults(studyId: number, format: ExportFormat): Promise<string> {
  return Studies.ExportStudyResults(studyId, format)
}

/** Asks where to save a study's report and writes it as HTML or PDF by the chosen name's extension; resolves with the path, "" if cancelled. */
export function exportStudyReport(studyId: number): Promise<string> {
  return Studies.ExportStudyReport(studyId)
}

/** Asks where to save a study as one .epsmstudy file for another user; "" if cancelled. */
export function exportStudyBundle(studyId: number): Promise<string> {
  return Studies.ExportStudyBundle(studyId)
}

/** Asks for a .epsmstudy file and imports it: files, library items, the study (its runs are queued). Empty report if cancelled. */
export function chooseAndImportStudy(): Promise<StudyImportReport> {
  return Studies.ChooseAndImportStudy()
}

/** Imports a .epsmstudy file by absolute path. */
export function importStudyFile(path: string): Promise<StudyImportReport> {
  return Studies.ImportStudyFile(path)
}

export function getLcaSettings(): Promise<LcaSettings> {
  return Studies.GetLCASettings()
}

/** What is wrong with the settings, each problem at the JSON path of its input; [] when they can be saved. */
export async function checkLcaSettings(s: LcaSettings): Promise<LcaProblem[]> {
  return (await Studies.CheckLCASettings(lca.Settings.createFrom(structuredClone(s)))) ?? []
}

/** Validates and stores them; rejects (one line per problem) what checkLcaSettings would name. */
export function saveLcaSettings(s: LcaSettings): Promise<LcaSettings> {
  // createFrom converts the fuels map in place: hand it a copy, not the caller's form state.
  return Studies.SaveLCASettings(lca.Settings.createFrom(structuredClone(s)))
}

// ---------- the Swedish figures (Settings > Swedish rules, a model's settings) ----------

export function getSwedishSettings(): Promise<SwedishSettings> {
  return Settings.SwedishSettings()
}

/** What is wrong with them, each problem at its input's JSON path; [] when they can be saved. */
export async function checkSwedishSettings(s: SwedishSettings): Promise<SwedishProblem[]> {
  return (await Settings.CheckSwedishSettings(bbr.Settings.createFrom(structuredClone(s)))) ?? []
}

export function saveSwedishSettings(s: SwedishSettings): Promise<SwedishSettings> {
  return Settings.SaveSwedishSettings(bbr.Settings.createFrom(structuredClone(s)))
}

/** A model's Atemp, building type and end-use mapping (a study variant's are its base model's). */
export function getModelSettings(modelId: number): Promise<ModelSettingsView> {
  return Settings.ModelSettings(modelId)
}

/** The end-use mapping a building type has before the user changes it. */
export function getDefaultMapping(buildingType: string): Promise<SwedishMapping> {
  return Settings.DefaultMapping(buildingType)
}

export function saveModelSettings(modelId: number, m: ModelSwedishSettings): Promise<ModelSettingsView> {
  return Settings.SaveModelSettings(modelId, bbr.ModelSettings.createFrom(structuredClone(m)))
}

// ---------- storage (Settings > Storage) ----------

/** How much of the data folder each study and batch takes, largest first. */
export function getStorage(): Promise<Storage> {
  return Settings.Storage()
}

/** Deletes outputs of the chosen finished runs; results and hourly meters stay. */
export function freeSpace(req: FreeRequest): Promise<FreedStorage> {
  return Settings.FreeSpace(settingsvc.FreeRequest.createFrom(req))
}

// ---------- compute targets (Settings > Compute) ----------

/** The saved compute targets, by name, each with its last connection check. */
export function getTargets(): Promise<ComputeTarget[]> {
  return Compute.Targets()
}

/** Saves a target under name (oldName: the name it had, "" for a new one); rejects naming the bad field. */
export function saveTarget(oldName: string, name: string, form: TargetForm): Promise<ComputeTarget> {
  return Compute.SaveTarget(oldName, name, computesvc.TargetForm.createFrom(form))
}

export function removeTarget(name: string): Promise<void> {
  return Compute.RemoveTarget(name)
}

/** The URL a form makes (what `epsm run --target` takes), or a rejection saying what is wrong. */
export function targetURL(form: TargetForm): Promise<string> {
  return Compute.TargetURL(computesvc.TargetForm.createFrom(form))
}

/** Checks a saved target step by step; the steps also arrive one by one as compute:check. */
export function checkTarget(name: string): Promise<CheckStep[]> {
  return Compute.CheckTarget(name)
}

export function cancelTargetCheck(name: string): Promise<void> {
  return Compute.CancelCheck(name)
}

// ---------- events the Go side pushes ----------

export type Unsubscribe = () => void

function subscribe<P>(name: EventName, cb: (payload: P) => void): Unsubscribe {
  return EventsOn(name, (p: P) => cb(p))
}

/** Live progress of a running simulation, at most about 10 a second per run. */
export function onRunProgress(cb: (p: RunProgressEvent) => void): Unsubscribe {
  return subscribe(EventName.RunProgress, cb)
}

/** A run changed state (queued, preparing, ..., and always once at its end). */
export function onRunStatus(cb: (s: RunStatusEvent) => void): Unsubscribe {
  return subscribe(EventName.RunStatus, cb)
}

/**
 * The scheduler changed: a run queued, started or ended, a pause (with its reason when the
 * queue paused itself), a resume, a new worker count. Coalesced to a few a second.
 */
export function onQueueState(cb: (q: QueueState) => void): Unsubscribe {
  return subscribe(EventName.QueueState, cb)
}

/** A run of a batch moved: the batch's progress, ETA and error groups. Coalesced per batch. */
export function onBatchSummary(cb: (s: BatchSummary) => void): Unsubscribe {
  return subscribe(EventName.BatchSummary, cb)
}

/** The saved compute targets changed: one saved or removed, a check started or ended. */
export function onComputeTargets(cb: (targets: ComputeTarget[]) => void): Unsubscribe {
  return subscribe(EventName.ComputeTargets, (t: ComputeTarget[] | null) => cb(t ?? []))
}

/** A step of a connection check started or ended. */
export function onComputeCheck(cb: (e: ComputeCheckEvent) => void): Unsubscribe {
  return subscribe(EventName.ComputeCheck, cb)
}

/** A method study moved: a generation finished, the screening's runs are done, or it failed. */
export function onStudyMethod(cb: (p: MethodProgress) => void): Unsubscribe {
  return subscribe(EventName.StudyMethod, cb)
}

/** Files dropped on the window were imported by the Go side. */
export function onImportDone(cb: (r: ImportReport) => void): Unsubscribe {
  return subscribe(EventName.ImportDone, cb)
}

/** A user's original model or weather file changed on disk after it was imported. */
export function onSourceChanged(cb: (s: SourceChangedEvent) => void): Unsubscribe {
  return subscribe(EventName.SourceChanged, cb)
}

/** The native menu's items that the window carries out: the generated desktop.MenuItem enum. */
export const MENU_ACTIONS = Object.values(MenuItem) as MenuItem[]
export type MenuActionName = MenuItem

function isMenuAction(a: string | undefined): a is MenuActionName {
  return (MENU_ACTIONS as readonly string[]).includes(a ?? '')
}

/** The user picked a native menu item (or pressed its accelerator); unknown actions are ignored. */
export function onMenuAction(cb: (action: MenuActionName) => void): Unsubscribe {
  return subscribe<MenuAction | null>(EventName.MenuAction, (m) => {
    if (isMenuAction(m?.action)) cb(m.action)
  })
}

/**
 * Lets the Wails runtime forward file drops to the Go side, which imports them and emits
 * import:done (see onImportDone). On Linux and macOS the native window reports drops by itself;
 * on Windows (WebView2) only the runtime's own drop listener passes the files to Go, and it is
 * installed by OnFileDrop. The callback does nothing, so nothing is imported twice.
 * Returns the function that removes the listeners.
 */
export function enableFileDrop(): Unsubscribe {
  OnFileDrop(() => {}, false)
  return () => OnFileDropOff()
}
