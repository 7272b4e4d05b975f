import { useCallback, useEffect, useRef, type Dispatch } from 'react'
import { getBatchSummary, getQueueState, type QueueState } from '../bridge'
import { activeBatchIds } from '../lib/batches'
import { queueNeedsPolling } from '../lib/lanes'
import type { RunView } from '../lib/runs'
import type { DataAction } from '../lib/state'

/** How often the queue and the summaries of running batches are fetched while anything runs. */
export const POLL_MS = 2500
/** run:status events come in bursts (a batch of cached runs, a batch cancelled): one fetch per burst. */
const SETTLE_MS = 250

export interface LiveQueue {
  /** fetches the queue state and the given batches' summaries soon (coalesced) */
  refresh: (batchIds?: number[]) => void
  /** a queue:state event: newer than any QueueState answer still on its way */
  onQueueEvent: (q: QueueState) => void
}

/**
 * Keeps the scheduler state and the batch summaries current: after run:status events (the
 * queue's running and queued lists change with them, and queue:state only comes on pause,
 * resume and resize), after actions, and every few seconds while runs go on.
 */
export function useLiveQueue(dispatch: Dispatch<DataAction>, runs: RunView[], queue: QueueState | null, enabled: boolean): LiveQueue {
  const dirty = useRef(new Set<number>())
  const timer = useRef<number | null>(null)
  // Answers can overtake each other: only the newest request (or event) sets the queue.
  const asked = useRef(0)
  const applied = useRef(0)

  const flush = useCallback(async () => {
    timer.current = null
    const ids = [...dirty.current]
    dirty.current.clear()
    const seq = ++asked.current
    const [q, ...summaries] = await Promise.allSettled([getQueueState(), ...ids.map((id) => getBatchSummary(id))])
    if (q.status === 'fulfilled' && seq > applied.current) {
      applied.current = seq
      dispatch({ type: 'queue', queue: q.value })
    }
    for (const s of summaries) if (s.status === 'fulfilled') dispatch({ type: 'batch', summary: s.value })
  }, [dispatch])

  const refresh = useCallback(
    (batchIds: number[] = []) => {
      if (!enabled) return
      for (const id of batchIds) if (id > 0) dirty.current.add(id)
      if (timer.current === null) timer.current = window.setTimeout(() => void flush(), SETTLE_MS)
    },
    [enabled, flush],
  )

  const onQueueEvent = useCallback(
    (q: QueueState) => {
      applied.current = ++asked.current
      dispatch({ type: 'queue', queue: q })
    },
    [dispatch],
  )

  const active = activeBatchIds(runs)
  const activeKey = active.join(',')
  const activeRef = useRef(active)
  useEffect(() => {
    activeRef.current = active
  })
  const poll = enabled && queueNeedsPolling(queue, runs)
  useEffect(() => {
    if (!poll) return
    const t = window.setInterval(() => refresh(activeRef.current), POLL_MS)
    return () => window.clearInterval(t)
  }, [poll, activeKey, refresh])

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current)
    },
    [],
  )

  return { refresh, onQueueEvent }
}
