import type { RunView } from '../lib/runs'
import { RunRow, type DetailTab } from './RunRow'

interface Props {
  runs: RunView[]
  selectedId: number | null
  now: number
  cancelling: Set<number>
  onSelect: (id: number, tab?: DetailTab) => void
  onCancel: (id: number) => void
}

export function RunList({ runs, selectedId, now, cancelling, onSelect, onCancel }: Props) {
  return (
    <section className="panel" aria-labelledby="runs-heading" data-testid="run-list">
      <div className="panel-head">
        <h2 id="runs-heading">
          Runs <span className="count">{runs.length}</span>
        </h2>
      </div>
      {runs.length === 0 ? (
        <p className="empty-note" data-testid="runs-empty">
          No runs yet. Tick a model, choose a weather file and press Run.
        </p>
      ) : (
        <ul className="run-list">
          {runs.map((r) => (
            <RunRow key={r.id} run={r} selected={r.id === selectedId} now={now} cancelling={cancelling.has(r.id)} onSelect={onSelect} onCancel={onCancel} />
          ))}
        </ul>
      )}
    </section>
  )
}
