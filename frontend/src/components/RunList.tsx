import { useMemo, useState } from 'react'
import type { BatchSummary } from '../bridge'
import { groupRunsByBatch } from '../lib/batches'
import type { RunView } from '../lib/runs'
import { BatchHeader, type BatchAction } from './BatchHeader'
import { RunRow, type DetailTab } from './RunRow'

interface Props {
  runs: RunView[]
  batches: BatchSummary[]
  selectedId: number | null
  now: number
  cancelling: Set<number>
  batchBusy: Map<number, BatchAction>
  onSelect: (id: number, tab?: DetailTab) => void
  onCancel: (id: number) => void
  onBatchAction: (id: number, action: BatchAction) => void
}

/** The runs, grouped by batch (newest first), each run with its own row. */
export function RunList({ runs, batches, selectedId, now, cancelling, batchBusy, onSelect, onCancel, onBatchAction }: Props) {
  const groups = useMemo(() => groupRunsByBatch(runs, batches), [runs, batches])
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set())
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
                  <ul className="run-list">
                    {g.runs.map((r) => (
                      <RunRow
                        key={r.id}
                        run={r}
                        selected={r.id === selectedId}
                        now={now}
                        cancelling={cancelling.has(r.id)}
                        onSelect={onSelect}
                        onCancel={onCancel}
                      />
                    ))}
                  </ul>
                )}
              </section>
            )
          })}
        </div>
      )}
    </section>
  )
}
