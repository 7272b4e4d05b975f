// The app's data as one reducer: Overview loads, run events and started runs all go through
// here, so the merging rules of runs.ts hold whatever order things arrive in.
import type { BatchSummary, EngineStatus, Model, Overview, QueueState, Run, RunProgressEvent, RunStatusEvent, Settings, Weather } from '../bridge/types'
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
  /** the scheduler: null until the first Overview */
  queue: QueueState | null
  settings: Settings | null
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
  | { type: 'loadError'; message: string }
  | { type: 'progress'; event: RunProgressEvent }
  | { type: 'status'; event: RunStatusEvent }
  | { type: 'started'; runs: Run[] }
  /** the engine settings changed (search again, a new path, automatic discovery) */
  | { type: 'engine'; engine: EngineStatus }
  | { type: 'queue'; queue: QueueState }
  | { type: 'batch'; summary: BatchSummary }
  | { type: 'settings'; settings: Settings }
  /** source:changed for a model */
  | { type: 'modelChanged'; id: number }

export function dataReducer(state: DataState, action: DataAction): DataState {
  switch (action.type) {
    case 'overview': {
      const o = action.overview
      const models = o.models ?? []
      return {
        loaded: true,
        loadError: null,
        dataDir: o.dataDir ?? '',
        engine: o.engine ?? null,
        models,
        weather: o.weather ?? [],
        runs: mergeOverviewRuns(state.runs, o.runs),
        batches: mergeSummaries(state.batches, o.batches),
        queue: o.queue ? normalizeQueue(o.queue) : state.queue,
        settings: o.settings ?? state.settings,
        // The stored flag takes over once the Overview has it.
        changedModels: state.changedModels.filter((id) => models.some((m) => m.id === id && !m.sourceChangedAt)),
      }
    }
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
      return state.changedModels.includes(action.id) ? state : { ...state, changedModels: [...state.changedModels, action.id] }
  }
}

function normalizeQueue(q: QueueState): QueueState {
  return { workers: q?.workers ?? 0, paused: Boolean(q?.paused), queued: q?.queued ?? [], running: q?.running ?? [] }
}

/** Whether a model's original file changed on disk since it was imported. */
export function modelChanged(s: Pick<DataState, 'changedModels'>, m: Pick<Model, 'id' | 'sourceChangedAt'>): boolean {
  return Boolean(m.sourceChangedAt) || s.changedModels.includes(m.id)
}

/** The engine runs will use, or null when none was found. */
export function currentEngine(s: DataState) {
  return s.engine?.engine ?? null
}
