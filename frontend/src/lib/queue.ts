// The queue bar: what the scheduler does, in one line.
import type { QueueState } from '../bridge/types'
import { plural } from './format'

export const PAUSED_TEXT = 'Paused: running runs finish, no new ones start'

/**
 * "Paused: running runs finish, no new ones start", "Running: 3 of 8 workers busy, 12 queued",
 * "Idle: 8 workers ready". Runs the list already shows as ended can be left out by the caller.
 */
export function queueStateText(q: QueueState | null | undefined, running = q?.running?.length ?? 0, queued = q?.queued?.length ?? 0): string {
  if (!q) return 'Connecting to the queue\u2026'
  if (q.paused) return PAUSED_TEXT
  if (running > 0) return `Running: ${running} of ${plural(q.workers, 'worker')} busy${queued > 0 ? `, ${queued} queued` : ''}`
  if (queued > 0) return `Starting: ${queued} queued`
  return `Idle: ${plural(q.workers, 'worker')} ready`
}

/** The extra line while paused: how much is still running and waiting. */
export function pausedDetail(running: number, queued: number): string {
  const parts: string[] = []
  if (running > 0) parts.push(`${running} still running`)
  if (queued > 0) parts.push(`${queued} waiting`)
  return parts.join(', ')
}
