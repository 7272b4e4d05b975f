import type { Engine, Model } from '../bridge'
import { formatBytes, formatDateTime, plural } from '../lib/format'
import { simulationPlan, zonesText } from '../lib/model'

interface Props {
  model: Model
  checked: boolean
  onToggle: (id: number, on: boolean) => void
  engine: Engine | null
}

function majorMinor(v: string): string {
  return v.split('.').slice(0, 2).join('.')
}

export function ModelCard({ model, checked, onToggle, engine }: Props) {
  const s = model.summary
  const plan = simulationPlan(s)
  const mismatch = engine && s?.version && majorMinor(engine.version) !== majorMinor(s.version)
  const inputId = `model-checkbox-${model.id}`
  return (
    <article className={`card model-card${checked ? ' card-selected' : ''}`} data-testid={`model-card-${model.id}`}>
      <div className="card-head">
        <input
          type="checkbox"
          id={inputId}
          checked={checked}
          onChange={(e) => onToggle(model.id, e.target.checked)}
          data-testid={inputId}
          aria-label={`Run ${model.name}`}
        />
        <label htmlFor={inputId} className="card-title">
          <span className="file-name" title={model.originalPath}>
            {model.name}
          </span>
          {s?.buildingName ? <span className="subtle">{s.buildingName}</span> : null}
        </label>
        <span className={`badge ${plan.annual ? 'badge-success' : 'badge-warning'}`} data-testid={`model-annual-${model.id}`} data-annual={plan.annual ? 'true' : 'false'}>
          {plan.label}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>EnergyPlus</dt>
          <dd data-testid={`model-version-${model.id}`}>{s?.version || '?'}</dd>
        </div>
        <div>
          <dt>Zones</dt>
          <dd data-testid={`model-zones-${model.id}`}>{zonesText(s).replace(/ zones?$/, '')}</dd>
        </div>
        <div>
          <dt>Run periods</dt>
          <dd>{plan.runPeriods.length}</dd>
        </div>
        <div>
          <dt>Design days</dt>
          <dd>{plan.designDays.length}</dd>
        </div>
      </dl>
      {mismatch ? (
        <p className="hint hint-warning">
          Written for EnergyPlus {s.version}; the engine is {engine.version}. EnergyPlus will warn about the version, and older inputs may need transitioning.
        </p>
      ) : null}
      {!plan.annual && plan.designDays.length > 0 ? (
        <p className="hint">Runs design days only: tick “Force annual run” for a full-year simulation.</p>
      ) : null}
      {plan.runPeriods.length + plan.designDays.length > 0 ? (
        <details className="periods">
          <summary>
            {[plan.runPeriods.length ? plural(plan.runPeriods.length, 'run period') : '', plan.designDays.length ? plural(plan.designDays.length, 'design day') : '']
              .filter(Boolean)
              .join(', ')}
          </summary>
          <ul>
            {plan.runPeriods.map((t, i) => (
              <li key={`rp${i}`}>{t}</li>
            ))}
            {plan.designDays.map((t, i) => (
              <li key={`dd${i}`}>
                <span className="subtle">Design day:</span> {t}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="card-foot subtle">
        {formatBytes(model.sizeBytes)} · imported {formatDateTime(model.importedAt)}
      </p>
    </article>
  )
}
