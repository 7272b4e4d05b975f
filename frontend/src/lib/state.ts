// The app's data as one reducer: Overview loads, run events and started runs all go through
// here, so the merging rules of runs.ts hold whatever order things arrive in.
import type { EngineStatus, Model, Overview, Run, RunProgressEvent, RunStatusEvent, Weather } from '../bridge/types'
import { applyProgress, applyStarted, applyStatus, mergeOverviewRuns, type RunView } from './runs'

export interface DataState {
  loaded: boolean
  loadError: string | null
  dataDir: string
  engine: EngineStatus | null
  models: Model[]
  weather: Weather[]
  runs: RunView[]
}

export const initialData: DataState = {
  loaded: false,
  loadError: null,
  dataDir: '',
  engine: null,
  models: [],
  weather: [],
  runs: [],
}

export type DataAction =
  | { type: 'overview'; overview: Overview }
  | { type: 'loadError'; message: string }
  | { type: 'progress'; event: RunProgressEvent }
  | { type: 'status'; event: RunStatusEvent }
  | { type: 'started'; runs: Run[] }
  /** the engine settings changed (search again, a new path, automatic discovery) */
  | { type: 'engine'; engine: EngineStatus }

export function dataReducer(state: DataState, action: DataAction): DataState {
  switch (action.type) {
    case 'overview': {
      const o = action.overview
      return {
        loaded: true,
        loadError: null,
        dataDir: o.dataDir ?? '',
        engine: o.engine ?? null,
        models: o.models ?? [],
        weather: o.weather ?? [],
        runs: mergeOverviewRuns(state.runs, o.runs),
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
  }
}

/** The engine runs will use, or null when none was found. */
export function currentEngine(s: DataState) {
  return s.engine?.engine ?? null
}
