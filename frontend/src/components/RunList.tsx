import { useMemo, useState, type ReactNode } from 'react'
import type { BatchSummary, QueueState } from '../bridge'
import { groupRunsByBatch, recentBatches } from '../lib/batches'
import type { RunView } from '../lib/runs'
import { BatchHeader, type BatchAction } from './BatchHeader'
import type { DetailTab } from './RunDetail'
import { RunTable } from './RunTable'

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
  /** beside the heading: the New run button once runs exist */
  toolbar?: ReactNode
}

/**
 * The runs: the newest batches (progress, actions, failures grouped by headline), then every run
 * in one sortable, filterable table. A batch's toggle limits the table to its runs.
 */
export function RunList({ runs, batches, queue, selectedId, now, cancelling, batchBusy, onSelect, onCancel, onBatchAction, toolbar }: Props) {
  const groups = useMemo(() => groupRunsByBatch(runs, batches), [runs, batches])
  const [allBatches, setAllBatches] = useState(false)
  const [batchId, setBatchId] = useState<number | null>(null)
  const scoped = groups.find((g) => g.id === batchId) ?? null
  const shownGroups = useMemo(() => recentBatches(groups, allBatches, batchId), [groups, allBatches, batchId])
  const tableRuns = scoped ? scoped.runs : runs
  return (
    <section className="panel run-list-panel" aria-labelledby="runs-heading" data-testid="run-list">
      <div className="panel-head">
        <h2 id="runs-heading">
          Runs <span className="count">{runs.length}</span>
        </h2>
        {toolbar}
      </div>
      {runs.length === 0 ? (
        <p className="empty-note" data-testid="runs-empty">
          No runs yet. Tick a model and a weather file and press Run.
        </p>
      ) : (
        <>
          <div className="batch-list">
            {shownGroups.map((g) => (
              <section key={g.id} className="batch" data-testid={g.id > 0 ? `batch-${g.id}` : 'batch-none'} data-batch-id={g.id} aria-label={g.name}>
                <BatchHeader
                  group={g}
                  queue={queue}
                  now={now}
                  busy={batchBusy.get(g.id) ?? null}
                  collapsed={batchId !== g.id}
                  onToggle={() => setBatchId((id) => (id === g.id ? null : g.id))}
                  onAction={onBatchAction}
                  onSelectRun={onSelect}
                />
              </section>
            ))}
            {groups.length > shownGroups.length || allBatches ? (
              <button type="button" className="btn-link" onClick={() => setAllBatches((a) => !a)} data-testid="batches-all">
                {allBatches ? 'Show the newest batches only' : `Show all ${groups.length} batches`}
              </button>
            ) : null}
          </div>
          <RunTable
            runs={tableRuns}
            selectedId={selectedId}
            now={now}
            cancelling={cancelling}
            onSelect={onSelect}
            onCancel={onCancel}
            scope={
              scoped ? (
                <span className="chip chip-small chip-neutral" data-testid="run-table-batch">
                  {scoped.name}{' '}
                  <button type="button" className="btn-link" onClick={() => setBatchId(null)} aria-label="Show the runs of every batch" data-testid="run-table-batch-clear">
                    ×
                  </button>
                </span>
              ) : null
            }
          />
        </>
      )}
    </section>
  )
}
