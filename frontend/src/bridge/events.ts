// Typed subscriptions to the events the Go side pushes. Names come from the generated
// app.EventName enum, so they cannot drift from the Go constants.
import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime'
import { app } from '../../wailsjs/go/models'
import type { ImportReport, QueueState, RunProgressEvent, RunStatusEvent, SourceChangedEvent } from './types'

export type Unsubscribe = () => void

/** Live progress of a running simulation, at most about 10 a second per run. */
export function onRunProgress(cb: (p: RunProgressEvent) => void): Unsubscribe {
  return EventsOn(app.EventName.RunProgress, (p: RunProgressEvent) => cb(p))
}

/** A run changed state (queued, preparing, ..., and always once at its end). */
export function onRunStatus(cb: (s: RunStatusEvent) => void): Unsubscribe {
  return EventsOn(app.EventName.RunStatus, (s: RunStatusEvent) => cb(s))
}

/** Files dropped on the window were imported by the Go side. */
export function onImportDone(cb: (r: ImportReport) => void): Unsubscribe {
  return EventsOn(app.EventName.ImportDone, (r: ImportReport) => cb(r))
}

/** The queue was paused, resumed or resized (running and queued runs change with run:status). */
export function onQueueState(cb: (q: QueueState) => void): Unsubscribe {
  return EventsOn(app.EventName.QueueState, (q: QueueState) => cb(q))
}

/** A user's original model or weather file changed on disk after it was imported. */
export function onSourceChanged(cb: (s: SourceChangedEvent) => void): Unsubscribe {
  return EventsOn(app.EventName.SourceChanged, (s: SourceChangedEvent) => cb(s))
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
