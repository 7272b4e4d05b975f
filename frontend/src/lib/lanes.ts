// The lane view: one lane per worker with the run it simulates right now, and the queue in the
// order runs will start. It is built from the scheduler's own state (QueueState.running and
// .queued), not from run statuses, so it shows what the pool really does.
import type { QueueState } from '../bridge/types'
import type { RunView } from './runs'
import { isFinal } from './status'

export interface Lane {
  /** 1-based, as people count workers */
  number: number
  runId: number | null
  /** the run, when the list has it (it may arrive a moment after the scheduler started it) */
  run: RunView | null
  /**
   * A lane beyond the worker count: the count was lowered while more runs were running. They
   * finish; no new run starts there.
   */
  extra: boolean
}

export interface LaneState {
  workers: number
  paused: boolean
  lanes: Lane[]
  /** run id -> lane index (0-based): pass it back next time so that runs keep their lane */
  assignment: Map<number, number>
  /** queued runs in start order */
  next: Array<{ runId: number; run: RunView | null }>
}

/**
 * Gives every running run a lane. The scheduler does not say which worker runs what, so a run
 * keeps the lane it had (prev) and new runs take the lowest free lanes: nothing jumps around
 * between updates.
 */
export function assignLanes(workers: number, running: number[], prev: Map<number, number>): Map<number, number> {
  const count = Math.max(workers, running.length)
  const out = new Map<number, number>()
  const used = new Set<number>()
  const ids = [...new Set(running)].sort((a, b) => a - b)
  for (const id of ids) {
    const lane = prev.get(id)
    if (lane !== undefined && lane < count && !used.has(lane)) {
      out.set(id, lane)
      used.add(lane)
    }
  }
  let free = 0
  for (const id of ids) {
    if (out.has(id)) continue
    while (used.has(free)) free++
    out.set(id, free)
    used.add(free)
  }
  return out
}

/**
 * The lanes from the scheduler state and the run list. A run the list already shows as ended
 * is left out: its run:status event came after the snapshot was taken.
 */
export function buildLanes(q: QueueState | null | undefined, runs: RunView[], prev: Map<number, number> = new Map()): LaneState {
  const byId = new Map(runs.map((r) => [r.id, r]))
  const live = (id: number) => {
    const r = byId.get(id)
    return !r || !isFinal(r.status)
  }
  const workers = Math.max(0, q?.workers ?? 0)
  const running = (q?.running ?? []).filter(live)
  const assignment = assignLanes(workers, running, prev)
  const count = Math.max(workers, ...[...assignment.values()].map((i) => i + 1))
  const lanes: Lane[] = Array.from({ length: count }, (_, i) => ({ number: i + 1, runId: null, run: null, extra: i >= workers }))
  for (const [id, i] of assignment) {
    lanes[i].runId = id
    lanes[i].run = byId.get(id) ?? null
  }
  // Extra lanes exist only while a run is on them.
  const shown = lanes.filter((l) => !l.extra || l.runId !== null)
  const next = (q?.queued ?? []).filter(live).map((runId) => ({ runId, run: byId.get(runId) ?? null }))
  return { workers, paused: Boolean(q?.paused), lanes: shown, assignment, next }
}

/** "#12 1ZoneUncontrolled.idf × Chicago.epw", or "#12" before the list has the run. */
export function laneRunLabel(runId: number, run: Pick<RunView, 'modelName' | 'weatherName'> | null): string {
  if (!run) return `#${runId}`
  return `#${runId} ${run.modelName} \u00d7 ${run.weatherName}`
}
