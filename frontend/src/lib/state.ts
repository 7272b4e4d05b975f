// The app's data as one reducer: the Overview loaded at start, the state the Go side pushes
// (run progress and status, the queue, batch summaries) and started runs all go through here,
// so the merging rules of runs.ts and batches.ts hold whatever order things arrive in.
import type { BatchSummary, EngineStatus, Files, Model, Overview, QueueLimits, QueueState, Run, RunProgressEvent, RunStatusEvent, Weather } from '../bridge/types'
import { mergeSummaries, upsertSummary } from './batches'
import { applyProgress, applyStarted, applyStatus, mergeOverviewRuns, type RunView } from './runs'

export interface DataState {
  loaded: boolean
  loadError: string | null
  dataDir: string
  engine: EngineStatus | null
  models: Model[]
  weather: Weather[]
  runs: RunView[]
  /** batch summaries, newest first */
  batches: BatchSummary[]
  /** the scheduler: null until the first Overview, then kept current by queue:state events */
  queue: QueueState | null
  settings: QueueLimits | null
  /** models whose original file changed on disk (from source:changed, before the next Overview) */
  changedModels: number[]
}

export const initialData: DataState = {
  loaded: false,
  loadError: null,
  dataDir: '',
  engine: null,
  models: [],
  weather: [],
  runs: [],
  batches: [],
  queue: null,
  settings: null,
  changedModels: [],
}

export type DataAction =
  | { type: 'overview'; overview: Overview }
  /** the models and weather files again (after an import or a change on disk) */
  | { type: 'files'; files: Files }
  | { type: 'loadError'; message: string }
  | { type: 'progress'; event: RunProgressEvent }
  | { type: 'status'; event: RunStatusEvent }
  | { type: 'started'; runs: Run[] }
  /** the engine settings changed (search again, a new path, automatic discovery) */
  | { type: 'engine'; engine: EngineStatus }
  /** queue:state */
  | { type: 'queue'; queue: QueueState }
  /** batch:summary */
  | { type: 'batch'; summary: BatchSummary }
  | { type: 'settings'; settings: QueueLimits }
  /** source:changed for a model */
  | { type: 'modelChanged'; id: number }

export function dataReducer(state: DataState, action: DataAction): DataState {
  switch (action.type) {
    case 'overview': {
      const { runs: r, files, settings: current } = action.overview
      return {
        ...withFiles(state, files),
        loaded: true,
        loadError: null,
        dataDir: current?.dataDir ?? '',
        engine: current?.engine ?? null,
        runs: mergeOverviewRuns(state.runs, r?.runs),
        batches: mergeSummaries(state.batches, r?.batches),
        queue: r?.queue ? normalizeQueue(r.queue) : state.queue,
        settings: current?.queue ?? state.settings,
      }
    }
    case 'files':
      return withFiles(state, action.files)
    case 'loadError':
      return { ...state, loaded: true, loadError: action.message }
    case 'progress': {
      const runs = applyProgress(state.runs, action.event)
      return runs === state.runs ? state : { ...state, runs }
    }
    case 'status': {
      const runs = applyStatus(state.runs, action.event)
      return runs === state.runs ? state : { ...state, runs }
    }
    case 'started':
      return { ...state, runs: applyStarted(state.runs, action.runs) }
    case 'engine':
      return { ...state, engine: action.engine }
    case 'queue':
      return { ...state, queue: normalizeQueue(action.queue) }
    case 'batch': {
      const batches = upsertSummary(state.batches, action.summary)
      return batches === state.batches ? state : { ...state, batches }
    }
    case 'settings':
      return { ...state, settings: action.settings }
    case 'modelChanged':
      if (state.changedModels.includes(action.id)) return state
      return { ...state, changedModels: [...state.changedModels, action.id], runs: markModelChanged(state.runs, new Set([action.id])) }
  }
}

/** Go nil slices arrive as null: the queue's lists are always lists here. */
function normalizeQueue(q: QueueState): QueueState {
  return { workers: q?.workers ?? 0, paused: Boolean(q?.paused), pauseReason: q?.pauseReason ?? '', queued: q?.queued ?? [], running: q?.running ?? [] }
}

/**
 * A run's modelChanged is its model's flag (store: the model's source_changed_at): when the
 * model changes on disk, its runs' results describe an older version. No run:status says so,
 * so the runs are marked here.
 */
function markModelChanged(runs: RunView[], modelIds: ReadonlySet<number>): RunView[] {
  if (modelIds.size === 0 || !runs.some((r) => modelIds.has(r.modelId) && !r.modelChanged)) return runs
  return runs.map((r) => (modelIds.has(r.modelId) && !r.modelChanged ? { ...r, modelChanged: true } : r))
}

function withFiles(state: DataState, files: Files | null | undefined): DataState {
  const models = files?.models ?? []
  return {
    ...state,
    runs: markModelChanged(state.runs, new Set(models.filter((m) => m.sourceChangedAt).map((m) => m.id))),
    models,
    weather: files?.weather ?? [],
    // The stored flag takes over once the list has it.
    changedModels: state.changedModels.filter((id) => models.some((m) => m.id === id && !m.sourceChangedAt)),
  }
}

/** Whether a model's original file changed on disk since it was imported. */
export function modelChanged(s: Pick<DataState, 'changedModels'>, m: Pick<Model, 'id' | 'sourceChangedAt'>): boolean {
  return Boolean(m.sourceChangedAt) || s.changedModels.includes(m.id)
}

/** The engine runs will use, or null when none was found. */
export function currentEngine(s: DataState) {
  return s.engine?.engine ?? null
}
