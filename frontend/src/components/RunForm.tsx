import type { ComputeTarget, EngineStatus, Model, Weather } from '../bridge'
import { notAnnual } from '../lib/model'
import { defaultBatchName, runBlocker, runButtonLabel, runCount, runCountText } from '../lib/selection'
import { versionIssues } from '../lib/version'
import { placeName } from '../lib/weather'
import { TargetPicker } from './TargetPicker'

interface Props {
  models: Model[]
  weather: Weather[]
  selectedModelIds: number[]
  weatherIds: number[]
  forceAnnual: boolean
  force: boolean
  keepAll: boolean
  batchName: string
  engine: EngineStatus | null
  busy: boolean
  onWeather: (id: number, on: boolean) => void
  onAllWeather: (on: boolean) => void
  onForceAnnual: (on: boolean) => void
  onForce: (on: boolean) => void
  onKeepAll: (on: boolean) => void
  onBatchName: (name: string) => void
  onRun: () => void
  /** the saved compute targets; target is the chosen one's name, "" for this computer */
  targets: ComputeTarget[]
  target: string
  onTarget: (name: string) => void
  onManageTargets: () => void
}

export function RunForm(p: Props) {
  const engineFound = Boolean(p.engine?.engine)
  const blocker = runBlocker({ engineFound, modelIds: p.selectedModelIds, weatherIds: p.weatherIds, busy: p.busy })
  const chosen = p.models.filter((m) => p.selectedModelIds.includes(m.id))
  const chosenWeather = p.weather.filter((w) => p.weatherIds.includes(w.id))
  const ddOnly = p.forceAnnual ? [] : notAnnual(chosen)
  const total = runCount(chosen.length, chosenWeather.length)
  const versions = versionIssues(chosen, p.engine)
  return (
    <section className="panel run-form" aria-labelledby="run-heading" data-testid="run-form">
      <h2 id="run-heading">New run</h2>
      <div className="run-form-grid">
        <div className="field">
          <span className="field-label">Models</span>
          <span data-testid="selected-models">
            {chosen.length === 0 ? <span className="subtle">none ticked</span> : chosen.map((m) => m.name).join(', ')}
          </span>
        </div>
        <fieldset className="field weather-choice" data-testid="weather-choice">
          <legend className="field-label weather-legend">
            <span>Weather files</span>
            {p.weather.length > 1 ? (
              <span className="link-buttons">
                <button type="button" className="btn-link" onClick={() => p.onAllWeather(true)} data-testid="weather-all">
                  All
                </button>
                <button type="button" className="btn-link" onClick={() => p.onAllWeather(false)} data-testid="weather-none">
                  None
                </button>
              </span>
            ) : null}
          </legend>
          {p.weather.length === 0 ? (
            <span className="subtle" data-testid="weather-choice-empty">
              No weather files imported
            </span>
          ) : (
            <ul className="weather-checks">
              {p.weather.map((w) => {
                const place = placeName(w.header?.location)
                return (
                  <li key={w.id}>
                    <label className="check check-compact">
                      <input
                        type="checkbox"
                        checked={p.weatherIds.includes(w.id)}
                        onChange={(e) => p.onWeather(w.id, e.target.checked)}
                        data-testid={`weather-checkbox-${w.id}`}
                      />
                      <span>
                        {place ? <span>{place}</span> : null} <span className="file-name subtle">{w.name}</span>
                      </span>
                    </label>
                  </li>
                )
              })}
            </ul>
          )}
        </fieldset>
        <label className="field">
          <span className="field-label">Batch name</span>
          <input
            type="text"
            className="text-input text-input-plain"
            value={p.batchName}
            onChange={(e) => p.onBatchName(e.target.value)}
            placeholder={defaultBatchName(chosen, chosenWeather) || 'Made from the models and weather files'}
            maxLength={200}
            data-testid="batch-name"
          />
        </label>
        <TargetPicker targets={p.targets} value={p.target} onChange={p.onTarget} onManage={p.onManageTargets} testId="run-target" disabled={p.busy} />
        <label className="check">
          <input type="checkbox" checked={p.forceAnnual} onChange={(e) => p.onForceAnnual(e.target.checked)} data-testid="force-annual" />
          <span>
            Force annual run
            <span className="subtle block">Simulate the whole weather year, also for models that only have design days (EnergyPlus -a).</span>
          </span>
        </label>
        <label className="check">
          <input type="checkbox" checked={p.force} onChange={(e) => p.onForce(e.target.checked)} data-testid="force-rerun" />
          <span>
            Re-run even if cached
            <span className="subtle block">
              A run identical to one that already succeeded (same model, weather file, engine and options) is answered at once with that run’s results. Tick to simulate again.
            </span>
          </span>
        </label>
        <label className="check">
          <input type="checkbox" checked={p.keepAll} onChange={(e) => p.onKeepAll(e.target.checked)} data-testid="keep-all" />
          <span>
            Keep all outputs
            <span className="subtle block">By default a run keeps its error file, HTML report and run copy once its results and hourly meters are stored (about 20 MB less per annual run). Tick to keep eplusout.sql, .eso, .csv and the rest.</span>
          </span>
        </label>
      </div>
      {versions.mismatches.length > 0 ? (
        <div className="version-warning" role="alert" data-testid="version-warning">
          {versions.mismatches.map((c) => (
            <span key={c.modelId} className="badge badge-warning" data-testid={`version-warning-${c.modelId}`} title={c.message}>
              {c.modelName}: version {c.modelVersion} ≠ engine {c.engine.version}
            </span>
          ))}{' '}
          <span className="subtle small">Details and the transition are on the model’s card.</span>
        </div>
      ) : null}
      {versions.otherEngines.length > 0 ? (
        <div className="version-note" data-testid="version-note">
          {versions.otherEngines.map((c) => (
            <p key={c.modelId}>{c.message}</p>
          ))}
        </div>
      ) : null}
      <div className="run-actions">
        <button type="button" className="btn btn-primary btn-large" onClick={p.onRun} disabled={blocker !== null} data-testid="run-button" title={blocker ?? undefined}>
          {runButtonLabel(total)}
        </button>
        <span className={`run-count${total === 0 ? ' subtle' : ''}`} data-testid="run-count" data-runs={total}>
          {runCountText(chosen.length, chosenWeather.length)}
        </span>
      </div>
      {blocker ? (
        <p className="subtle run-hint" data-testid="run-blocker">
          {blocker}
        </p>
      ) : ddOnly.length > 0 ? (
        <p className="hint-inline run-hint" data-testid="design-day-hint">
          {ddOnly.map((m) => m.name).join(', ')} {ddOnly.length === 1 ? 'runs' : 'run'} design days only: results will not be annual.
        </p>
      ) : null}
    </section>
  )
}
