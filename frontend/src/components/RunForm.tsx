import type { Model, Weather } from '../bridge'
import { notAnnual } from '../lib/model'
import { runBlocker, runButtonLabel } from '../lib/selection'
import { placeName } from '../lib/weather'

interface Props {
  models: Model[]
  weather: Weather[]
  selectedModelIds: number[]
  weatherId: number | null
  forceAnnual: boolean
  engineFound: boolean
  busy: boolean
  onWeather: (id: number | null) => void
  onForceAnnual: (on: boolean) => void
  onRun: () => void
}

export function RunForm(p: Props) {
  const blocker = runBlocker({ engineFound: p.engineFound, modelIds: p.selectedModelIds, weatherId: p.weatherId, busy: p.busy })
  const chosen = p.models.filter((m) => p.selectedModelIds.includes(m.id))
  const ddOnly = p.forceAnnual ? [] : notAnnual(chosen)
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
        <label className="field">
          <span className="field-label">Weather file</span>
          <select
            value={p.weatherId ?? ''}
            onChange={(e) => p.onWeather(e.target.value === '' ? null : Number(e.target.value))}
            data-testid="weather-select"
            disabled={p.weather.length === 0}
          >
            {p.weather.length === 0 ? <option value="">No weather files imported</option> : null}
            {p.weather.map((w) => (
              <option key={w.id} value={w.id}>
                {placeName(w.header?.location) ? `${placeName(w.header.location)} — ${w.name}` : w.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={p.forceAnnual} onChange={(e) => p.onForceAnnual(e.target.checked)} data-testid="force-annual" />
          <span>
            Force annual run
            <span className="subtle block">Simulate the whole weather year, also for models that only have design days (EnergyPlus -a).</span>
          </span>
        </label>
      </div>
      <div className="run-actions">
        <button type="button" className="btn btn-primary btn-large" onClick={p.onRun} disabled={blocker !== null} data-testid="run-button" title={blocker ?? undefined}>
          {runButtonLabel(chosen.length)}
        </button>
        {blocker ? (
          <span className="subtle" data-testid="run-blocker">
            {blocker}
          </span>
        ) : ddOnly.length > 0 ? (
          <span className="hint-inline" data-testid="design-day-hint">
            {ddOnly.map((m) => m.name).join(', ')} {ddOnly.length === 1 ? 'runs' : 'run'} design days only: results will not be annual.
          </span>
        ) : null}
      </div>
    </section>
  )
}
