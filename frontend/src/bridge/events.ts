// Typed subscriptions to the events the Go side pushes. Names come from the generated
// events.Name enum and payload types from desktop.EventPayloads, so neither can drift from Go.
// State is pushed, never polled: the queue and the batch summaries arrive here whenever they
// change.
import { EventsOn, OnFileDrop, OnFileDropOff } from '../../wailsjs/runtime/runtime'
import { EventName, MenuItem, type BatchSummary, type ImportReport, type MenuAction, type QueueState, type RunProgressEvent, type RunStatusEvent, type SourceChangedEvent } from './types'

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
