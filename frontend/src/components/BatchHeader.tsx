import type { QueueState } from '../bridge'
import { batchView, type BatchGroup } from '../lib/batches'
import { formatDateTime, formatDuration, formatPercent, plural } from '../lib/format'
import { statusInfo } from '../lib/status'
import { BatchErrors } from './BatchErrors'
import { ProgressBar } from './ProgressBar'
import type { DetailTab } from './RunDetail'

export type BatchAction = 'cancel' | 'front' | 'rerun'

interface Props {
  group: BatchGroup
  /** the queue's state: a pause and its reason show on the batches that wait */
  queue?: QueueState | null
  now: number
  busy: BatchAction | null
  /** false while the run table is limited to this batch */
  collapsed: boolean
  onToggle: () => void
  onAction: (id: number, action: BatchAction) => void
  onSelectRun: (id: number, tab?: DetailTab) => void
}

/** A batch's name, progress, counts, ETA and actions, and its failures grouped by headline. */
export function BatchHeader({ group: g, queue, now, busy, collapsed, onToggle, onAction, onSelectRun }: Props) {
  const v = batchView(g, now, queue)
  const id = g.id
  const label = `Batch ${g.name}`
  return (
    <div className="batch-head">
      <div className="batch-title-row">
        <button
          type="button"
          className="batch-toggle"
          onClick={onToggle}
          aria-expanded={!collapsed}
          aria-label={collapsed ? `Show only the runs of ${g.name}` : `Show the runs of every batch`}
          title={collapsed ? 'Limit the run table to this batch' : 'Show the runs of every batch'}
          data-testid={`batch-toggle-${id}`}
        >
          <span aria-hidden="true">{collapsed ? '\u25b8' : '\u25be'}</span>
        </button>
        <h3 className="batch-name" title={g.name}>
          {g.name}
        </h3>
        <span className="subtle batch-when">
          {id > 0 ? `#${id} · ` : ''}
          {formatDateTime(g.createdAt)} · {plural(g.runs.length, 'run')}
        </span>
        <div className="batch-actions">
          {v.canMoveToFront ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onAction(id, 'front')}
              disabled={busy !== null}
              title="Start this batch's queued runs before all others"
              data-testid={`batch-front-${id}`}
            >
              {busy === 'front' ? 'Moving…' : 'Move to front'}
            </button>
          ) : null}
          {v.canRerunFailed ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => onAction(id, 'rerun')}
              disabled={busy !== null}
              title="Queue again the runs of this batch that did not succeed (cancelled ones included)"
              data-testid={`batch-rerun-${id}`}
            >
              {busy === 'rerun' ? 'Queuing…' : v.rerunLabel}
            </button>
          ) : null}
          {v.canCancel ? (
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => onAction(id, 'cancel')}
              disabled={busy !== null}
              title="Stop every queued and running run of this batch (Re-run failed queues them again)"
              data-testid={`batch-cancel-${id}`}
            >
              {busy === 'cancel' ? 'Cancelling…' : 'Cancel batch'}
            </button>
          ) : null}
        </div>
      </div>
      <div className="batch-progress-line">
        <ProgressBar percent={v.percent} label={label} tone={v.tone} active={v.active} testId={`batch-progress-${id}`} />
        <strong className="batch-percent">{formatPercent(v.percent)}</strong>
      </div>
      <div className="batch-meta">
        <span className="batch-counts" data-testid={`batch-counts-${id}`}>
          {v.counts.map((c) => {
            const info = statusInfo(c.status)
            return (
              <span key={c.status} className={`chip chip-small chip-${info.tone}`} data-status={c.status} title={info.description}>
                {c.count} {info.label.toLowerCase()}
              </span>
            )
          })}
          {v.cached > 0 ? (
            <span className="chip chip-small chip-cached" title="Answered from identical runs that already succeeded" data-testid={`batch-cached-${id}`}>
              {v.cached} cached
            </span>
          ) : null}
        </span>
        <span className="batch-times">
          {v.elapsedSeconds !== null ? (
            <span data-testid={`batch-elapsed-${id}`} title={v.active ? 'Since the first run started' : 'From the first start to the last end'}>
              {formatDuration(v.elapsedSeconds)} {v.active ? 'elapsed' : 'in all'}
            </span>
          ) : null}
          {v.eta ? (
            <span
              className="batch-eta"
              data-testid={`batch-eta-${id}`}
              data-paused={v.paused ? 'true' : 'false'}
              title={v.paused ? 'The queue is paused: press Resume in the queue bar' : 'From the measured time of runs on this computer and the number of workers'}
            >
              {v.eta}
            </span>
          ) : null}
        </span>
      </div>
      {v.pauseReason ? (
        <p className="hint hint-warning batch-pause-reason" role="status" data-testid={`batch-pause-reason-${id}`}>
          {v.pauseReason}
        </p>
      ) : null}
      {v.errors.length > 0 ? <BatchErrors batchId={id} errors={v.errors} runs={g.runs} onSelectRun={onSelectRun} /> : null}
    </div>
  )
}
