// Typed wrappers around the generated Go bindings. The rest of the UI calls these, never
// wailsjs directly, so a change in the generated code is fixed here, once.
import * as Go from '../../wailsjs/go/app/App'
import { app, lca, library, study } from '../../wailsjs/go/models'
import type {
  BatchSummary,
  Construction,
  ConstructionView,
  EngineStatus,
  ImportReport,
  LcaSettings,
  LibraryView,
  Material,
  MeterSeries,
  Overview,
  QueueState,
  ReimportResult,
  Run,
  RunDetails,
  RunMeters,
  RunRequest,
  Settings,
  Spec,
  Study,
  StudyEstimate,
  StudyInfo,
  StudyTable,
  Takeoff,
  WindowSystem,
} from './types'

/** Everything the main screen shows: engine status, models, weather files, runs. */
export function getOverview(): Promise<Overview> {
  return Go.Overview() as Promise<unknown> as Promise<Overview>
}

/** Imports files or folders by absolute path. */
export function importFiles(paths: string[]): Promise<ImportReport> {
  return Go.ImportFiles(paths) as Promise<unknown> as Promise<ImportReport>
}

/** Opens the native file dialog and imports what the user picks (an empty report if cancelled). */
export function chooseAndImport(): Promise<ImportReport> {
  return Go.ChooseAndImport() as Promise<unknown> as Promise<ImportReport>
}

/** Imports the bundled example model and weather file again. */
export function importExample(): Promise<ImportReport> {
  return Go.ImportExample() as Promise<unknown> as Promise<ImportReport>
}

/**
 * Stores a batch and queues one run per model and weather file; resolves with its runs. Runs
 * identical to one that already succeeded come back final at once, with cachedFrom set (unless
 * req.force); one identical to a run still queued or running comes back as that run.
 */
export function startRuns(req: RunRequest): Promise<Run[]> {
  return Go.StartRuns(app.RunRequest.createFrom(req)) as Promise<unknown> as Promise<Run[]>
}

/** Lets running runs finish and starts no new ones until resumeQueue. */
export function pauseQueue(): Promise<void> {
  return Go.PauseQueue()
}

/** Starts queued runs again. */
export function resumeQueue(): Promise<void> {
  return Go.ResumeQueue()
}

/** What each worker runs now and what waits, in start order. */
export function getQueueState(): Promise<QueueState> {
  return Go.QueueState() as Promise<unknown> as Promise<QueueState>
}

/** Stops every queued or running run of a batch; resolves with how many were stopped. */
export function cancelBatch(batchId: number): Promise<number> {
  return Go.CancelBatch(batchId)
}

/** Makes a batch's queued runs start before all others. */
export function moveBatchToFront(batchId: number): Promise<void> {
  return Go.MoveBatchToFront(batchId)
}

/** Re-queues the runs of a batch that ended without success; resolves with them (queued). */
export function rerunFailed(batchId: number): Promise<Run[]> {
  return Go.RerunFailed(batchId) as Promise<unknown> as Promise<Run[]>
}

/** A batch's progress, ETA and errors grouped by message. */
export function getBatchSummary(batchId: number): Promise<BatchSummary> {
  return Go.BatchSummary(batchId) as Promise<unknown> as Promise<BatchSummary>
}

/** The queue settings (workers, time limit, stall limit). */
export function getSettings(): Promise<Settings> {
  return Go.GetSettings() as Promise<unknown> as Promise<Settings>
}

/** Validates and stores the queue settings; rejects with a message naming the bad value. */
export function saveSettings(s: Settings): Promise<Settings> {
  return Go.SaveSettings(app.Settings.createFrom(s)) as Promise<unknown> as Promise<Settings>
}

/** Re-imports a model whose original file changed and runs it again with the weather files it was run with. */
export function reimportAndRerun(modelId: number): Promise<ReimportResult> {
  return Go.ReimportAndRerun(modelId) as Promise<unknown> as Promise<ReimportResult>
}

/** Whether an old model can be transitioned to the engine's version here, and why not. */
export function transitionOffer(modelId: number): Promise<{ possible: boolean; from: string; to: string; steps: number; reason: string }> {
  return Go.TransitionOffer(modelId) as Promise<unknown> as Promise<{ possible: boolean; from: string; to: string; steps: number; reason: string }>
}

/** Transitions a copy of an old model with NREL's updaters and imports it (import:done follows). */
export function transitionModel(modelId: number): Promise<ImportReport> {
  return Go.TransitionModel(modelId) as Promise<unknown> as Promise<ImportReport>
}

/** Stops a queued or running run; its final status arrives as a run:status event. */
export function cancelRun(id: number): Promise<void> {
  return Go.CancelRun(id)
}

/** A run with its stored results (results is null when the run has none). */
export function getRunDetails(id: number): Promise<RunDetails> {
  return Go.RunDetails(id) as Promise<unknown> as Promise<RunDetails>
}

/** The run's eplusout.err (its first 4 MiB). */
export function readErrFile(id: number): Promise<string> {
  return Go.ReadErrFile(id)
}

/** Searches for EnergyPlus engines again (after the user installed one). */
export function rediscoverEngines(): Promise<EngineStatus> {
  return Go.RediscoverEngines() as Promise<unknown> as Promise<EngineStatus>
}

/**
 * Makes the EnergyPlus executable at an absolute path the preferred engine. The Go side checks
 * it with --version and rejects with a message naming the path when it is not a working
 * EnergyPlus. An empty path goes back to automatic discovery.
 */
export function setEnginePath(path: string): Promise<EngineStatus> {
  return Go.SetEnginePath(path) as Promise<unknown> as Promise<EngineStatus>
}

/** Opens the native file dialog for the EnergyPlus executable, then like setEnginePath; the unchanged status if cancelled. */
export function chooseEngine(): Promise<EngineStatus> {
  return Go.ChooseEngine() as Promise<unknown> as Promise<EngineStatus>
}

/** The URL under which the Go asset server serves a run's HTML report. */
export function reportUrl(id: number): string {
  return `/runfiles/${encodeURIComponent(String(id))}/eplustbl.htm`
}

/** Whether the page runs inside the Wails window (false in a plain browser tab). */
export function hasBackend(): boolean {
  const w = window as unknown as { go?: { app?: { App?: unknown } } }
  return Boolean(w.go?.app?.App)
}

// ---------- renovation library ----------

/** The library with every construction's computed U, GWP/m² and cost/m² (never stored, never stale). */
export function getLibrary(): Promise<LibraryView> {
  return Go.Library() as Promise<unknown> as Promise<LibraryView>
}

/**
 * The figures of a construction being edited, before it is saved. An invalid construction
 * resolves (not rejects) with its problems in `error`.
 */
export function previewConstruction(c: Construction): Promise<ConstructionView> {
  return Go.PreviewConstruction(library.Construction.createFrom(c)) as Promise<unknown> as Promise<ConstructionView>
}

/** Adds or updates a material; rejects with Go's problems when it is invalid (nothing changes then). */
export function saveMaterial(m: Material): Promise<LibraryView> {
  return Go.SaveMaterial(library.Material.createFrom(m)) as Promise<unknown> as Promise<LibraryView>
}

/** Adds or updates a window system. */
export function saveWindowSystem(w: WindowSystem): Promise<LibraryView> {
  return Go.SaveWindowSystem(library.WindowSystem.createFrom(w)) as Promise<unknown> as Promise<LibraryView>
}

/** Adds or updates a construction. */
export function saveConstruction(c: Construction): Promise<LibraryView> {
  return Go.SaveConstruction(library.Construction.createFrom(c)) as Promise<unknown> as Promise<LibraryView>
}

/** Copies a construction under a new id and name. */
export function duplicateConstruction(id: string, newId: string, newName: string): Promise<LibraryView> {
  return Go.DuplicateConstruction(id, newId, newName) as Promise<unknown> as Promise<LibraryView>
}

/** Deletes a material; rejects naming the constructions that still use it. */
export function deleteMaterial(id: string): Promise<LibraryView> {
  return Go.DeleteMaterial(id) as Promise<unknown> as Promise<LibraryView>
}

/** Deletes a window system; rejects naming the constructions that still use it. */
export function deleteWindowSystem(id: string): Promise<LibraryView> {
  return Go.DeleteWindowSystem(id) as Promise<unknown> as Promise<LibraryView>
}

export function deleteConstruction(id: string): Promise<LibraryView> {
  return Go.DeleteConstruction(id) as Promise<unknown> as Promise<LibraryView>
}

/**
 * Adds an imported model's materials and constructions (GWP and cost missing until filled in);
 * items whose id exists are left alone and reported in `problems`.
 */
export function importLibraryFromModel(modelId: number): Promise<LibraryView> {
  return Go.ImportLibraryFromModel(modelId) as Promise<unknown> as Promise<LibraryView>
}

/** Asks for a folder and writes materials.csv, glazing.csv and constructions.csv into it; "" if cancelled. */
export function exportLibraryCSV(): Promise<string> {
  return Go.ExportLibraryCSV()
}

/** Asks for a library folder and adds or updates its items (the unchanged library if cancelled). */
export function importLibraryCSV(): Promise<LibraryView> {
  return Go.ImportLibraryCSV() as Promise<unknown> as Promise<LibraryView>
}

// ---------- take-off and studies ----------

/** A model's envelope areas per element and orientation, from its geometry. */
export function getModelTakeoff(modelId: number): Promise<Takeoff> {
  return Go.ModelTakeoff(modelId) as Promise<unknown> as Promise<Takeoff>
}

/** Counts a spec's variants and runs and estimates the run time; rejects when the spec is invalid. */
export function estimateStudy(spec: Spec): Promise<StudyEstimate> {
  return Go.EstimateStudy(study.Spec.createFrom(spec)) as Promise<unknown> as Promise<StudyEstimate>
}

/** Builds a study's variant IDFs and queues their runs in one batch. */
export function createStudy(spec: Spec): Promise<StudyInfo> {
  return Go.CreateStudy(study.Spec.createFrom(spec)) as Promise<unknown> as Promise<StudyInfo>
}

export function getStudies(): Promise<Study[]> {
  return Go.Studies() as Promise<unknown> as Promise<Study[]>
}

/** A study's variant table: a row per variant and weather file, with KPIs and Pareto flags. */
export async function getStudyTable(studyId: number): Promise<StudyTable> {
  return restoreMissing((await Go.StudyTable(studyId)) as unknown as StudyTable)
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

/** Asks where to save a study's spec (runnable with `epsm study`); "" if cancelled. */
export function exportStudySpec(studyId: number): Promise<string> {
  return Go.ExportStudySpec(studyId)
}

// ---------- carbon and cost settings ----------

export function getLcaSettings(): Promise<LcaSettings> {
  return Go.GetLCASettings() as Promise<unknown> as Promise<LcaSettings>
}

/** Validates and stores them; rejects with every problem, one per line. */
export function saveLcaSettings(s: LcaSettings): Promise<LcaSettings> {
  // createFrom converts the fuels map in place: hand it a copy, not the caller's form state.
  return Go.SaveLCASettings(lca.Settings.createFrom(structuredClone(s))) as Promise<unknown> as Promise<LcaSettings>
}

// ---------- hourly meters and chart export ----------

/** The meters a run wrote hourly (Electricity:Facility first), or in `reason` why it has none. */
export function getRunMeters(runId: number): Promise<RunMeters> {
  return Go.RunMeters(runId) as Promise<unknown> as Promise<RunMeters>
}

/** One meter's hourly values for a run (kWh for energy meters); rejects if the run lacks it. */
export function getMeterSeries(runId: number, name: string): Promise<MeterSeries> {
  return Go.MeterSeries(runId, name) as Promise<unknown> as Promise<MeterSeries>
}

/** Shows the save dialog and writes a chart (a PNG or SVG data URL); the path, or "" if cancelled. */
export function saveChartImage(suggestedName: string, dataUrl: string): Promise<string> {
  return Go.SaveChartImage(suggestedName, dataUrl)
}
