import { useMemo, useRef } from 'react'
import type { QueueState } from '../bridge'
import { formatPercent, plural } from '../lib/format'
import { buildLanes, laneRunLabel } from '../lib/lanes'
import { pausedDetail, queueStateText } from '../lib/queue'
import type { RunView } from '../lib/runs'
import { progressText, statusInfo } from '../lib/status'
import { ProgressBar } from './ProgressBar'
import type { DetailTab } from './RunDetail'

interface Props {
  queue: QueueState | null
  runs: RunView[]
  busy: 'pause' | 'resume' | null
  onPause: () => void
  onResume: () => void
  onSettings: () => void
  onSelectRun: (id: number, tab?: DetailTab) => void
}

/** How many queued runs the "next" line names before "+N more". */
const NEXT_SHOWN = 5

/** The scheduler: pause/resume, the worker count and one lane per worker with what it runs. */
export function QueuePanel({ queue, runs, busy, onPause, onResume, onSettings, onSelectRun }: Props) {
  // Runs keep their lane between updates (the scheduler does not say which worker runs what).
  const assignment = useRef(new Map<number, number>())
  const lanes = useMemo(() => {
    const l = buildLanes(queue, runs, assignment.current)
    assignment.current = l.assignment
    return l
  }, [queue, runs])
  const running = lanes.lanes.filter((l) => l.runId !== null).length
  const queued = lanes.next.length
  const paused = Boolean(queue?.paused)
  const detail = paused ? pausedDetail(running, queued) : ''
  return (
    <section className="panel queue-panel" aria-labelledby="queue-heading">
      <div className={`queue-bar${paused ? ' queue-paused' : ''}`} data-testid="queue-bar" data-paused={paused ? 'true' : 'false'}>
        <h2 id="queue-heading" className="queue-title">
          Queue
        </h2>
        <span className={`queue-dot${paused ? ' queue-dot-paused' : running > 0 ? ' queue-dot-busy' : ''}`} aria-hidden="true" />
        <span className="queue-state" data-testid="queue-state" role="status">
          {queueStateText(queue, running, queued)}
          {detail ? <span className="subtle"> ({detail})</span> : null}
        </span>
        <span className="queue-controls">
          <button type="button" className="btn-link queue-workers" onClick={onSettings} title="Change the number of workers (Settings)" data-testid="queue-workers" data-workers={lanes.workers}>
            {plural(lanes.workers, 'worker')}
          </button>
          {paused ? (
            <button type="button" className="btn btn-small btn-primary" onClick={onResume} disabled={busy !== null || !queue} data-testid="queue-resume">
              {busy === 'resume' ? 'Resuming…' : 'Resume'}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-small"
              onClick={onPause}
              disabled={busy !== null || !queue}
              title="Running runs finish; no new ones start until Resume"
              data-testid="queue-pause"
            >
              {busy === 'pause' ? 'Pausing…' : 'Pause'}
            </button>
          )}
        </span>
      </div>
      {paused && queue?.pauseReason ? (
        <p className="hint hint-warning" role="alert" data-testid="queue-pause-reason">
          {queue.pauseReason}
        </p>
      ) : null}
      <div className="lanes" data-testid="lanes" data-workers={lanes.workers} data-running={running} data-queued={queued}>
        <ol className="lane-grid" aria-label="Workers">
          {lanes.lanes.map((l) => {
            const r = l.run
            const busyLane = l.runId !== null
            return (
              <li
                key={l.number}
                className={`lane${busyLane ? ' lane-busy' : ' lane-idle'}${l.extra ? ' lane-extra' : ''}`}
                data-testid={`lane-${l.number}`}
                data-state={busyLane ? 'busy' : 'idle'}
                data-run-id={l.runId ?? undefined}
              >
                <span className="lane-number" title={l.extra ? 'Above the worker count: this run finishes, then the lane goes' : undefined}>
                  {l.number}
                </span>
                {busyLane ? (
                  <span className="lane-body">
                    <button type="button" className="lane-run" onClick={() => onSelectRun(l.runId!)} title={laneRunLabel(l.runId!, r)} data-testid={`lane-run-${l.number}`}>
                      {laneRunLabel(l.runId!, r)}
                    </button>
                    <ProgressBar
                      percent={r?.progress.percent ?? 0}
                      label={r ? progressText(r.status, r.progress) : 'Starting'}
                      tone={r ? statusInfo(r.status).tone : 'active'}
                      active
                      testId={`lane-progress-${l.number}`}
                    />
                    <span className="lane-text subtle">
                      <strong>{formatPercent(r?.progress.percent ?? 0)}</strong> {r ? progressText(r.status, r.progress) : 'Starting'}
                    </span>
                  </span>
                ) : (
                  <span className="lane-body subtle">{paused ? 'idle (paused)' : 'idle'}</span>
                )}
              </li>
            )
          })}
        </ol>
        <p className="lanes-next" data-testid="lanes-next" data-count={queued}>
          {queued === 0 ? (
            <span className="subtle">Nothing queued.</span>
          ) : (
            <>
              <span className="subtle">next{paused ? ' (when resumed)' : ''}:</span>{' '}
              {lanes.next.slice(0, NEXT_SHOWN).map((n, i) => (
                <span key={n.runId}>
                  {i > 0 ? ', ' : ''}
                  <button type="button" className="btn-link run-link" onClick={() => onSelectRun(n.runId)} data-testid={`lanes-next-${n.runId}`}>
                    {laneRunLabel(n.runId, n.run)}
                  </button>
                </span>
              ))}
              {queued > NEXT_SHOWN ? <span className="subtle"> +{queued - NEXT_SHOWN} more</span> : null}
            </>
          )}
        </p>
      </div>
    </section>
  )
}
