// Compile-time check that the JSON shapes in types.ts match the models Wails generates from
// the Go structs: every field the UI reads must exist on the Go side under the same name.
// If a Go json tag changes, `tsc` fails here with the names that are missing.
import type { app, epw, idf, runner, store } from '../../wailsjs/go/models'
import type * as T from './types'

type Fields<G> = { [K in keyof G as G[K] extends (...args: any[]) => any ? never : K]: G[K] }
type Check<Mine, Gen> = [Exclude<keyof Mine, keyof Fields<Gen>>] extends [never] ? true : { fieldsMissingInGo: Exclude<keyof Mine, keyof Fields<Gen>> }
type Assert<C extends true> = C

export type BridgeChecks = [
  Assert<Check<T.Overview, app.Overview>>,
  Assert<Check<T.EngineStatus, app.EngineStatus>>,
  Assert<Check<T.ImportReport, app.ImportReport>>,
  Assert<Check<T.ImportError, app.ImportError>>,
  Assert<Check<T.RunRequest, app.RunRequest>>,
  Assert<Check<T.RunDetails, app.RunDetails>>,
  Assert<Check<T.RunProgressEvent, app.RunProgress>>,
  Assert<Check<T.RunStatusEvent, app.RunStatus>>,
  Assert<Check<T.Engine, runner.Engine>>,
  Assert<Check<T.Candidate, runner.Candidate>>,
  Assert<Check<T.Progress, runner.Progress>>,
  Assert<Check<T.Results, runner.Results>>,
  Assert<Check<T.EndUse, runner.EndUse>>,
  Assert<Check<T.QueueState, runner.Snapshot>>,
  Assert<Check<T.BatchSummary, app.BatchSummary>>,
  Assert<Check<T.ErrorGroup, app.ErrorGroup>>,
  Assert<Check<T.Settings, app.Settings>>,
  Assert<Check<T.ReimportResult, app.ReimportResult>>,
  Assert<Check<T.SourceChangedEvent, app.SourceChanged>>,
  Assert<Check<T.Batch, store.Batch>>,
  Assert<Check<T.Model, store.Model>>,
  Assert<Check<T.Weather, store.Weather>>,
  Assert<Check<T.Run, store.Run>>,
  Assert<Check<T.ModelSummary, idf.Summary>>,
  Assert<Check<T.RunPeriod, idf.RunPeriod>>,
  Assert<Check<T.DesignDay, idf.DesignDay>>,
  Assert<Check<T.WeatherHeader, epw.Header>>,
  Assert<Check<T.WeatherLocation, epw.Location>>,
]
