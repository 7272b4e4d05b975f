import { useMemo, useState } from 'react'
import type { BatchSummary, QueueState } from '../bridge'
import { groupRunsByBatch, RUNS_SHOWN_PER_BATCH, shownRuns } from '../lib/batches'
import type { RunView } from '../lib/runs'
import { BatchHeader, type BatchAction } from './BatchHeader'
import { RunRow, type DetailTab } from './RunRow'

interface Props {
  runs: RunView[]
  batches: BatchSummary[]
  /** the queue's state: batches that wait show its pause and reason */
  queue: QueueState | null
  selectedId: number | null
  now: number
  cancelling: Set<number>
  batchBusy: Map<number, BatchAction>
  onSelect: (id: number, tab?: DetailTab) => void
  onCancel: (id: number) => void
  onBatchAction: (id: number, action: BatchAction) => void
}

/** The runs, grouped by batch (newest first), each run with its own row. */
export function RunList({ runs, batches, queue, selectedId, now, cancelling, batchBusy, onSelect, onCancel, onBatchAction }: Props) {
  const groups = useMemo(() => groupRunsByBatch(runs, batches), [runs, batches])
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set())
  // batch id -> how many runs to draw (big study batches grow by "Show more")
  const [limits, setLimits] = useState<Map<number, number>>(new Map())
  const toggle = (id: number) =>
    setCollapsed((s) => {
      const n = new Set(s)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })
  return (
    <section className="panel" aria-labelledby="runs-heading" data-testid="run-list">
      <div className="panel-head">
        <h2 id="runs-heading">
          Runs <span className="count">{runs.length}</span>
        </h2>
        {groups.length > 1 ? (
          <div className="link-buttons">
            <button type="button" className="btn-link" onClick={() => setCollapsed(new Set())} data-testid="batches-expand">
              Expand all
            </button>
            <button type="button" className="btn-link" onClick={() => setCollapsed(new Set(groups.map((g) => g.id)))} data-testid="batches-collapse">
              Collapse all
            </button>
          </div>
        ) : null}
      </div>
      {runs.length === 0 ? (
        <p className="empty-note" data-testid="runs-empty">
          No runs yet. Tick a model and a weather file and press Run.
        </p>
      ) : (
        <div className="batch-list">
          {groups.map((g) => {
            const isCollapsed = collapsed.has(g.id)
            const hidden = isCollapsed && selectedId !== null ? g.runs.some((r) => r.id === selectedId) : false
            return (
              <section key={g.id} className="batch" data-testid={g.id > 0 ? `batch-${g.id}` : 'batch-none'} data-batch-id={g.id} aria-label={g.name}>
                <BatchHeader
                  group={g}
                  queue={queue}
                  now={now}
                  busy={batchBusy.get(g.id) ?? null}
                  collapsed={isCollapsed}
                  onToggle={() => toggle(g.id)}
                  onAction={onBatchAction}
                  onSelectRun={(id, tab) => {
                    if (isCollapsed) toggle(g.id)
                    onSelect(id, tab)
                  }}
                />
                {isCollapsed ? (
                  hidden ? <p className="subtle batch-hidden-note">The selected run is in this batch.</p> : null
                ) : (
                  <BatchRuns
                    runs={g.runs}
                    limit={limits.get(g.id) ?? RUNS_SHOWN_PER_BATCH}
                    onMore={(n) => setLimits((m) => new Map(m).set(g.id, n))}
                    selectedId={selectedId}
                    now={now}
                    cancelling={cancelling}
                    onSelect={onSelect}
                    onCancel={onCancel}
                  />
                )}
              </section>
            )
          })}
        </div>
      )}
    </section>
  )
}

interface BatchRunsProps {
  runs: RunView[]
  /** model id -> its Version */
  limit: number
  onMore: (limit: number) => void
  selectedId: number | null
  now: number
  cancelling: Set<number>
  onSelect: (id: number, tab?: DetailTab) => void
  onCancel: (id: number) => void
}

/** A batch's rows: the first ones, then "Show more" (a study's batch can hold 10,000 runs; its study table shows them all). */
function BatchRuns({ runs, limit, onMore, selectedId, now, cancelling, onSelect, onCancel }: BatchRunsProps) {
  const { shown, hidden } = useMemo(() => shownRuns(runs, limit, selectedId), [runs, limit, selectedId])
  return (
    <>
      <ul className="run-list">
        {shown.map((r) => (
          <RunRow key={r.id} run={r} selected={r.id === selectedId} now={now} cancelling={cancelling.has(r.id)} onSelect={onSelect} onCancel={onCancel} />
        ))}
      </ul>
      {hidden > 0 ? (
        <p className="runs-more">
          <span className="subtle">
            {hidden.toLocaleString()} more {hidden === 1 ? 'run' : 'runs'} in this batch.
          </span>{' '}
          <button type="button" className="btn-link" onClick={() => onMore(limit + 500)} data-testid="runs-show-more">
            Show {Math.min(500, hidden).toLocaleString()} more
          </button>
        </p>
      ) : null}
    </>
  )
}
