// Batches: the runs one StartRuns request queued, shown as a group with one header. The Go
// side's BatchSummary (pushed as batch:summary, a few a second at most) gives the name, the
// percent, the ETA and the failures grouped by headline; the counts and buttons come from the
// runs in the list, which run:status events keep current to the run.
import { RunStatus, type BatchSummary, type ErrorGroup, type QueueState } from '../bridge/types'
import { parseTime } from './format'
import type { RunView } from './runs'
import { errFileExplains, isFinal, isSucceeded, type Tone } from './status'

export interface BatchGroup {
  /** the batch id; 0 for runs made before batches existed */
  id: number
  name: string
  createdAt: string
  /** the last summary from the Go side, or null until one arrived */
  summary: BatchSummary | null
  /** in start order (oldest first) */
  runs: RunView[]
}

export const NO_BATCH_NAME = 'Earlier runs'

/**
 * Groups runs by batch, newest batch first, runs in each batch in the order they were queued.
 * A batch known only from its runs (its summary not fetched yet) still gets a group; runs
 * without a batch go last.
 */
export function groupRunsByBatch(runs: RunView[], summaries: BatchSummary[] | null | undefined): BatchGroup[] {
  const byId = new Map<number, BatchGroup>()
  for (const s of summaries ?? []) {
    const id = s.batch?.id ?? 0
    if (id > 0) byId.set(id, { id, name: s.batch.name || `Batch #${id}`, createdAt: s.batch.createdAt, summary: s, runs: [] })
  }
  for (const r of runs) {
    const id = r.batchId > 0 ? r.batchId : 0
    let g = byId.get(id)
    if (!g) {
      g = { id, name: id > 0 ? `Batch #${id}` : NO_BATCH_NAME, createdAt: r.createdAt, summary: null, runs: [] }
      byId.set(id, g)
    }
    g.runs.push(r)
  }
  const groups = [...byId.values()].filter((g) => g.runs.length > 0 || (g.summary?.total ?? 0) > 0)
  for (const g of groups) g.runs.sort((a, b) => a.id - b.id)
  // Newest first; the group without a batch (id 0) sorts last by itself.
  return groups.sort((a, b) => b.id - a.id)
}

/** Replaces a batch's summary unless the one held is newer; keeps the list newest first. */
export function upsertSummary(list: BatchSummary[], s: BatchSummary): BatchSummary[] {
  if (!s || !s.batch) return list
  const i = list.findIndex((x) => x.batch.id === s.batch.id)
  if (i < 0) return [...list, s].sort((a, b) => b.batch.id - a.batch.id)
  const held = parseTime(list[i].updatedAt)
  const got = parseTime(s.updatedAt)
  if (held !== null && got !== null && got < held) return list
  const out = list.slice()
  out[i] = s
  return out
}

/** The summaries of an Overview, keeping any newer one already held; batches gone are dropped. */
export function mergeSummaries(prev: BatchSummary[], incoming: BatchSummary[] | null | undefined): BatchSummary[] {
  const list = (incoming ?? []).filter((s) => s && s.batch)
  const ids = new Set(list.map((s) => s.batch.id))
  return list.reduce(upsertSummary, prev.filter((s) => ids.has(s.batch.id)))
}

/** Lifecycle order of the status counts in a batch header. */
const STATUS_ORDER: RunStatus[] = [
  RunStatus.Queued,
  RunStatus.Preparing,
  RunStatus.Running,
  RunStatus.Collecting,
  RunStatus.Succeeded,
  RunStatus.SucceededSevere,
  RunStatus.Fatal,
  RunStatus.Crashed,
  RunStatus.Hung,
  RunStatus.TimedOut,
  RunStatus.Cancelled,
  RunStatus.InputError,
]

export interface StatusCount {
  status: string
  count: number
}

/** How many runs have each status, in lifecycle order (unknown statuses last). */
export function statusCounts(runs: Pick<RunView, 'status'>[]): StatusCount[] {
  const m = new Map<string, number>()
  for (const r of runs) m.set(r.status, (m.get(r.status) ?? 0) + 1)
  const rank = (s: string) => {
    const i = STATUS_ORDER.indexOf(s as RunStatus)
    return i < 0 ? STATUS_ORDER.length : i
  }
  return [...m.entries()].map(([status, count]) => ({ status, count })).sort((a, b) => rank(a.status) - rank(b.status) || a.status.localeCompare(b.status))
}

/** The mean of the runs' percents, the way the Go side computes BatchSummary.percent. */
export function localPercent(runs: Pick<RunView, 'status' | 'progress'>[]): number {
  if (runs.length === 0) return 0
  let sum = 0
  for (const r of runs) {
    const p = r.progress?.percent ?? 0
    sum += isSucceeded(r.status) ? 100 : p
  }
  return sum / runs.length
}

/**
 * Seconds from the first run's start to the last run's end, or to now while runs go on;
 * null before any run started.
 */
export function batchElapsedSeconds(runs: Pick<RunView, 'status' | 'startedAt' | 'endedAt'>[], nowMs: number): number | null {
  let start: number | null = null
  let end: number | null = null
  let active = false
  for (const r of runs) {
    const s = parseTime(r.startedAt)
    if (s !== null && (start === null || s < start)) start = s
    if (!isFinal(r.status)) active = true
    const e = parseTime(r.endedAt)
    if (e !== null && (end === null || e > end)) end = e
  }
  if (start === null) return null
  const until = active || end === null ? nowMs : end
  return Math.max(0, (until - start) / 1000)
}

/** "less than a minute left", "about 3 min left", "about 1 h 35 min left", "about 3 days left". */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return ''
  if (seconds < 45) return 'less than a minute left'
  const minutes = seconds / 60
  if (minutes < 90) return `about ${Math.max(1, Math.round(minutes))} min left`
  if (minutes < 48 * 60) {
    const rounded = Math.round(minutes / 5) * 5
    const h = Math.floor(rounded / 60)
    const m = rounded % 60
    return `about ${h} h${m ? ` ${m} min` : ''} left`
  }
  return `about ${Math.round(seconds / 86400)} days left`
}

export interface BatchView {
  percent: number
  tone: Tone
  /** some run is queued or running */
  active: boolean
  queued: number
  running: number
  /** ended without success (cancelled included), as RerunFailed sees them */
  failed: number
  /** "Re-run 3 failed", "Re-run 2 cancelled" */
  rerunLabel: string
  cached: number
  counts: StatusCount[]
  canCancel: boolean
  canMoveToFront: boolean
  canRerunFailed: boolean
  /** null when the Go side has no ETA yet (no run finished on this machine) or nothing is left */
  eta: string | null
  /** the queue is paused while runs of this batch wait */
  paused: boolean
  /** why the queue paused itself (a full disk); '' when the user paused it or it runs */
  pauseReason: string
  elapsedSeconds: number | null
  errors: ErrorGroup[]
}

/**
 * What a batch header shows. The pause comes from the queue's state (queue:state), which is
 * pushed on every pause and resume; the summary's copy is as old as the batch's last change.
 */
export function batchView(g: BatchGroup, nowMs: number, queue?: Pick<QueueState, 'paused' | 'pauseReason'> | null): BatchView {
  let queued = 0
  let running = 0
  let failed = 0
  let cached = 0
  let succeeded = 0
  for (const r of g.runs) {
    if (r.status === RunStatus.Queued) queued++
    else if (!isFinal(r.status)) running++
    else if (isSucceeded(r.status)) succeeded++
    else failed++
    if (r.cachedFrom > 0) cached++
  }
  const active = queued + running > 0
  const s = g.summary
  let tone: Tone
  if (active) tone = 'active'
  else if (failed === 0) tone = succeeded > 0 ? 'success' : 'neutral'
  else if (g.runs.every((r) => r.status === RunStatus.Cancelled)) tone = 'muted'
  else tone = succeeded > 0 ? 'warning' : 'danger'
  const cancelled = g.runs.filter((r) => r.status === RunStatus.Cancelled).length
  const paused = Boolean(queue ? queue.paused : s?.paused) && queued > 0
  let eta: string | null = null
  if (paused) eta = 'paused: queued runs wait'
  else if (s?.hasEta && active) eta = formatEta(s.etaSeconds)
  return {
    percent: s ? s.percent : localPercent(g.runs),
    tone,
    active,
    queued,
    running,
    failed,
    rerunLabel: `Re-run ${failed} ${cancelled === failed ? 'cancelled' : 'failed'}`,
    cached,
    counts: statusCounts(g.runs),
    canCancel: g.id > 0 && active,
    canMoveToFront: g.id > 0 && queued > 0,
    canRerunFailed: g.id > 0 && failed > 0,
    eta,
    paused,
    pauseReason: paused ? (queue?.pauseReason ?? '') : '',
    // Answers from the cache take no time: a batch of only those has no elapsed time to show.
    elapsedSeconds: cached > 0 && cached === g.runs.length ? null : batchElapsedSeconds(g.runs, nowMs),
    errors: (s?.errors ?? []).filter((e) => e && (e.runIds ?? []).length > 0),
  }
}

/** The heading of a batch's error panel: "3 runs did not succeed · 2 different reasons". */
export function errorsSummary(errors: ErrorGroup[]): string {
  const runs = errors.reduce((n, e) => n + (e.runIds ?? []).length, 0)
  const head = `${runs} run${runs === 1 ? '' : 's'} did not succeed`
  if (errors.length <= 1) return runs > 1 ? `${head}, all for the same reason` : head
  return `${head} \u00b7 ${errors.length} different reasons`
}

/**
 * Where a run link of an error group leads, by the group's failure kind: the err file for runs
 * EnergyPlus ran (its messages explain the failure), the results tab (which shows the headline)
 * for runs that never ran or were cancelled.
 */
export function errorGroupTab(kind: string): 'errors' | 'results' {
  return errFileExplains(kind) ? 'errors' : 'results'
}

/** How many batches the runs screen shows above the run table before "Show all". */
export const BATCHES_SHOWN = 2

/**
 * The batches shown above the run table: all of them, or the newest two plus the one the table
 * is limited to (so its toggle stays in view) and any still running.
 */
export function recentBatches<T extends { id: number; runs: Array<{ status: string }> }>(groups: T[], all: boolean, scopedId: number | null): T[] {
  if (all) return groups
  return groups.filter((g, i) => i < BATCHES_SHOWN || g.id === scopedId || g.runs.some((r) => !isFinal(r.status)))
}

/** A study's progress over every batch its runs are in (a method study queues one per generation). */
export interface StudyProgress {
  total: number
  finished: number
  failed: number
  running: number
  /** over all the study's runs, each batch weighted by its number of runs */
  percent: number
}

/**
 * Sums the summaries of a study's batches: its first batch and, for a method study, one per
 * generation. Null until a summary of one of them has arrived.
 */
export function studyProgress(study: { batchId: number; batchIds?: number[] | null }, summaries: BatchSummary[] | null | undefined): StudyProgress | null {
  const ids = new Set([study.batchId, ...(study.batchIds ?? [])].filter((id) => id > 0))
  const mine = (summaries ?? []).filter((s) => ids.has(s.batch?.id ?? 0))
  if (mine.length === 0) return null
  const p: StudyProgress = { total: 0, finished: 0, failed: 0, running: 0, percent: 0 }
  let weighted = 0
  for (const s of mine) {
    p.total += s.total
    p.finished += s.finished
    p.failed += s.failed
    p.running += s.running
    weighted += s.percent * s.total
  }
  p.percent = p.total > 0 ? weighted / p.total : 0
  return p
}
