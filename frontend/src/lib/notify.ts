// When and how to tell the user that a batch finished while they were in another window.
//
// Channels, decided after checking what each webview does:
// - WebKitGTK (Linux) under Wails v2 answers no permission request, so the page's Notification
//   API stays 'default' and requestPermission() resolves 'denied': the Go side sends the
//   notification over D-Bus (org.freedesktop.Notifications) instead.
// - WebView2 (Windows) and WKWebView (macOS) grant or deny the page's own API, which reaches the
//   system: it is used when granted, and asked for once when the Go side cannot notify.
// - In a plain browser (the e2e tests) the page's API is used when granted.
import type { BatchSummary } from '../bridge/types'
import { plural } from './format'

/** A batch is done when every run reached a final state. */
export function batchDone(b: Pick<BatchSummary, 'finished' | 'total'>): boolean {
  return b.total > 0 && b.finished >= b.total
}

/**
 * The batches that finished since the last look: seen unfinished before, done now. A batch
 * seen for the first time already done (the app just opened) is not news. Returns them and the
 * states to remember for the next call.
 */
export function newlyFinished(seen: ReadonlyMap<number, boolean>, batches: readonly BatchSummary[]): { finished: BatchSummary[]; seen: Map<number, boolean> } {
  const next = new Map<number, boolean>()
  const finished: BatchSummary[] = []
  for (const b of batches) {
    const done = batchDone(b)
    next.set(b.batch.id, done)
    if (done && seen.get(b.batch.id) === false) finished.push(b)
  }
  return { finished, seen: next }
}

/** The window is in the background: another tab or app has the user's attention. */
export function inBackground(doc: { hidden: boolean; hasFocus: () => boolean }): boolean {
  return doc.hidden || !doc.hasFocus()
}

export interface NotificationText {
  title: string
  body: string
}

/** What the notification says: the batch's name and how it went. */
export function finishedText(b: BatchSummary): NotificationText {
  const name = b.batch.name || `Batch #${b.batch.id}`
  const ok = b.finished - b.failed
  const parts = [`${plural(b.total, 'run')}: ${ok} succeeded`]
  if (b.failed) parts.push(`${b.failed} failed or cancelled`)
  if (b.cached) parts.push(`${b.cached} from the cache`)
  return { title: b.failed ? `${name} finished with failures` : `${name} finished`, body: parts.join(', ') + '.' }
}

export type Permission = 'granted' | 'denied' | 'default' | 'unavailable'
export type Channel = 'page' | 'desktop'

export interface NotifyDeps {
  permission: () => Permission
  requestPermission: () => Promise<Permission>
  /** the page's Notification API */
  showPage: (t: NotificationText) => void
  /** the Go side (D-Bus on Linux); rejects where it cannot */
  showDesktop: (t: NotificationText) => Promise<void>
}

/**
 * Delivers a notification by the first channel that works: the page's API when already granted;
 * else the Go side; else, if the page has not been asked yet, ask once and use the page's API.
 * Resolves with the channel used, or null when none could (the in-app toast remains).
 */
export async function deliver(t: NotificationText, d: NotifyDeps): Promise<Channel | null> {
  if (d.permission() === 'granted') {
    d.showPage(t)
    return 'page'
  }
  try {
    await d.showDesktop(t)
    return 'desktop'
  } catch {
    // not on Linux, or no notification service: try the page
  }
  if (d.permission() === 'default' && (await d.requestPermission()) === 'granted') {
    d.showPage(t)
    return 'page'
  }
  return null
}
