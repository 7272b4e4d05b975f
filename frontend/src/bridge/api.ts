// Typed wrappers around the generated Go bindings. The rest of the UI calls these, never
// wailsjs directly, so a change in the generated code is fixed here, once.
import * as Go from '../../wailsjs/go/app/App'
import { app } from '../../wailsjs/go/models'
import type { BatchSummary, EngineStatus, ImportReport, Overview, QueueState, ReimportResult, Run, RunDetails, RunRequest, Settings } from './types'

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
