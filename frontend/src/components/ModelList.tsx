import type { EngineStatus, Model } from '../bridge'
import { successorOf } from '../lib/model'
import { ModelCard } from './ModelCard'

interface Props {
  models: Model[]
  selected: number[]
  onToggle: (id: number, on: boolean) => void
  onSelectAll: (on: boolean) => void
  engine: EngineStatus | null
  isChanged: (m: Model) => boolean
  reimporting: Set<number>
  onReimport: (m: Model) => void
}

export function ModelList({ models, selected, onToggle, onSelectAll, engine, isChanged, reimporting, onReimport }: Props) {
  return (
    <section className="panel" aria-labelledby="models-heading" data-testid="model-list">
      <div className="panel-head">
        <h2 id="models-heading">
          Models <span className="count">{models.length}</span>
        </h2>
        {models.length > 1 ? (
          <div className="link-buttons">
            <button type="button" className="btn-link" onClick={() => onSelectAll(true)} data-testid="select-all-models">
              All
            </button>
            <button type="button" className="btn-link" onClick={() => onSelectAll(false)} data-testid="select-no-models">
              None
            </button>
          </div>
        ) : null}
      </div>
      {models.length === 0 ? (
        <p className="empty-note" data-testid="models-empty">
          No models yet. Drop an .idf file on the window or use “Import files…”.
        </p>
      ) : (
        <div className="card-list">
          {models.map((m) => (
            <ModelCard
              key={m.id}
              model={m}
              checked={selected.includes(m.id)}
              onToggle={onToggle}
              engine={engine}
              changed={isChanged(m)}
              successor={successorOf(m, models)}
              reimporting={reimporting.has(m.id)}
              onReimport={onReimport}
            />
          ))}
        </div>
      )}
    </section>
  )
}
