// Merging run updates from three sources (Overview, StartRuns, events) into one list, so that
// the screen never shows a run going backwards: percent only grows, a final status is never
// replaced by a transient one, and progress for a finished run is ignored.
import { RunStatus, type Progress, type Run, type RunProgressEvent, type RunStatusEvent } from '../bridge/types'
import { isFinal, statusRank } from './status'
import { parseTime } from './format'

/** A run as the UI shows it: the stored run plus the last output line while it runs. */
export interface RunView extends Run {
  lastLine?: string
  /**
   * Set when a finished run was put back in the queue (re-run failed): the endedAt of the
   * outcome it left, so that a stored row of that old outcome arriving late (an Overview
   * fetched before the re-queue) cannot bring it back.
   */
  supersededEndedAt?: string
}

export const emptyProgress: Progress = {
  percent: 0,
  phase: '',
  environment: '',
  simDate: '',
  daysDone: 0,
  totalDays: 0,
}

function byNewest(a: RunView, b: RunView): number {
  return b.id - a.id
}

function normalize(run: Run): RunView {
  return { ...run, progress: { ...emptyProgress, ...(run.progress ?? {}) } }
}

function mergeProgress(prev: Progress, next: Progress | null | undefined): Progress {
  const n = { ...emptyProgress, ...(next ?? {}) }
  return {
    ...n,
    percent: Math.max(prev.percent || 0, n.percent || 0),
    daysDone: Math.max(prev.daysDone || 0, n.daysDone || 0),
  }
}

/** Replaces the list with stored runs (on start and after a reload), newest first. */
export function fromOverview(runs: Run[] | null | undefined): RunView[] {
  return (runs ?? []).map(normalize).sort(byNewest)
}

/**
 * Merges a stored run (from a run:status event or StartRuns) into the list. A run that is
 * further along its lifecycle than the incoming one is kept; otherwise the incoming one
 * replaces it, keeping the higher percent.
 */
export function upsertRun(runs: RunView[], run: Run): RunView[] {
  const i = runs.findIndex((r) => r.id === run.id)
  if (i < 0) return [...runs, normalize(run)].sort(byNewest)
  const prev = runs[i]
  if (statusRank(run.status) < statusRank(prev.status)) return runs
  if (prev.supersededEndedAt && isFinal(run.status) && run.endedAt === prev.supersededEndedAt) return runs
  // A stored transient row can hold older progress than the live events already showed.
  const stale = !isFinal(run.status) && (run.progress?.percent ?? 0) < prev.progress.percent
  const next: RunView = {
    ...normalize(run),
    progress: stale ? prev.progress : mergeProgress(prev.progress, run.progress),
    lastLine: isFinal(run.status) ? undefined : prev.lastLine,
  }
  if (prev.supersededEndedAt) next.supersededEndedAt = prev.supersededEndedAt
  if (!isFinal(run.status)) {
    // Live counts arrive with progress events; a transient stored row may lag behind them.
    next.warnings = Math.max(prev.warnings, run.warnings)
    next.severe = Math.max(prev.severe, run.severe)
  }
  const out = runs.slice()
  out[i] = next
  return out
}

/**
 * Reloads the list from stored runs without losing live state: runs still in the store are
 * merged (never going backwards), runs no longer stored are dropped.
 */
export function mergeOverviewRuns(prev: RunView[], stored: Run[] | null | undefined): RunView[] {
  const list = stored ?? []
  const ids = new Set(list.map((r) => r.id))
  return list.reduce(upsertRun, prev.filter((r) => ids.has(r.id)))
}

/**
 * Whether a run:status event puts a finished run back in the queue (re-run failed). Events
 * arrive in order, so "queued" after a final status is a re-queue, never a late message; the
 * snapshots (Overview, StartRuns) can be late, so they never move a run backwards.
 */
export function isRequeue(prev: Pick<Run, 'status'>, next: Pick<Run, 'status'>): boolean {
  return isFinal(prev.status) && next.status === RunStatus.Queued
}

export function applyStatus(runs: RunView[], ev: RunStatusEvent): RunView[] {
  if (!ev || !ev.run) return runs
  const i = runs.findIndex((r) => r.id === ev.run.id)
  if (i >= 0 && isRequeue(runs[i], ev.run)) {
    const prev = runs[i]
    const out = runs.slice()
    out[i] = { ...normalize(ev.run), supersededEndedAt: prev.endedAt || prev.supersededEndedAt }
    return out
  }
  return upsertRun(runs, ev.run)
}

export function applyStarted(runs: RunView[], started: Run[] | null | undefined): RunView[] {
  return (started ?? []).reduce(upsertRun, runs)
}

/** Applies a live progress event; ignored for unknown runs and runs that already ended. */
export function applyProgress(runs: RunView[], ev: RunProgressEvent): RunView[] {
  const i = runs.findIndex((r) => r.id === ev.runId)
  if (i < 0) return runs
  const prev = runs[i]
  if (isFinal(prev.status)) return runs
  const status = statusRank(ev.status) >= statusRank(prev.status) && !isFinal(ev.status) ? ev.status : prev.status
  const out = runs.slice()
  out[i] = {
    ...prev,
    status,
    progress: mergeProgress(prev.progress, ev.progress),
    warnings: Math.max(prev.warnings, ev.warnings ?? 0),
    severe: Math.max(prev.severe, ev.severe ?? 0),
    lastLine: ev.lastLine || prev.lastLine,
  }
  return out
}

export function activeRuns(runs: RunView[]): RunView[] {
  return runs.filter((r) => !isFinal(r.status))
}

/** Seconds a run has taken: the stored figure once it ended, else counted from its start. */
export function runElapsedSeconds(run: Pick<Run, 'status' | 'elapsedSeconds' | 'startedAt'>, nowMs: number): number | null {
  // A run cancelled (or refused) before it started took no time at all.
  if (isFinal(run.status)) return run.startedAt || run.elapsedSeconds > 0 ? run.elapsedSeconds : null
  const start = parseTime(run.startedAt)
  if (start === null) return null
  return Math.max(0, (nowMs - start) / 1000)
}
