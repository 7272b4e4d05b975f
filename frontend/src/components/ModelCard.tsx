import type { EngineStatus, Model } from '../bridge'
import { formatBytes, formatDateTime, plural } from '../lib/format'
import { simulationPlan, zonesText } from '../lib/model'
import { versionCheck } from '../lib/version'
import { ModelTakeoff } from './ModelTakeoff'
import { TransitionOffer } from './TransitionOffer'

interface Props {
  model: Model
  checked: boolean
  onToggle: (id: number, on: boolean) => void
  engine: EngineStatus | null
  /** the original file changed on disk since import */
  changed: boolean
  /** a later import of the same original file */
  successor: Model | null
  reimporting: boolean
  onReimport: (m: Model) => void
}

export function ModelCard({ model, checked, onToggle, engine, changed, successor, reimporting, onReimport }: Props) {
  const s = model.summary
  const plan = simulationPlan(s)
  const version = versionCheck(model, engine)
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
      <ModelTakeoff modelId={model.id} />
      {changed ? (
        <div className="changed-note" role="status" data-testid={`model-changed-${model.id}`}>
          <p>
            <strong>Changed on disk since import.</strong>{' '}
            <span className="subtle">
              Its runs used the imported copy, so their results describe the older version.
              {successor ? ` The new content was imported as model #${successor.id}.` : ''}
            </span>
          </p>
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => onReimport(model)}
            disabled={reimporting}
            title={`Import ${model.originalPath} again and re-run it with the weather files it was run with`}
            data-testid={`model-reimport-${model.id}`}
          >
            {reimporting ? 'Re-importing…' : 'Re-import and re-run'}
          </button>
        </div>
      ) : null}
      {version?.match === 'mismatch' ? (
        <details className="version-chip-details" data-testid={`model-version-warning-${model.id}`}>
          <summary>
            <span className="badge badge-warning">
              Version {version.modelVersion} ≠ engine {version.engine.version}
            </span>
          </summary>
          <p className="hint hint-warning">
            Written for EnergyPlus {version.modelVersion}; no matching engine is installed, so it runs on {version.engine.version}. EnergyPlus will warn about the version, and
            inputs that changed since {version.modelVersion} fail validation: transition the model first.
          </p>
          <TransitionOffer modelId={model.id} />
        </details>
      ) : version?.match === 'other-engine' ? (
        <p className="hint" data-testid={`model-version-engine-${model.id}`}>
          Written for EnergyPlus {version.modelVersion}: runs on the installed EnergyPlus {version.engine.version}.
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
