import type { EngineStatus } from '../bridge'
import type { EngineSettings } from '../hooks/useEngineSettings'
import { sourceLabel } from '../lib/engine'

interface Props {
  engine: EngineStatus
  actions: EngineSettings
  /** opens the engine settings panel */
  onOpenSettings: () => void
  /** whether the panel is open (it shows the errors itself then) */
  panelOpen?: boolean
}

/** Shown when no EnergyPlus was found: how to get one, where EPSM looked, and ways to fix it. */
export function EngineBanner({ engine, actions, onOpenSettings, panelOpen = false }: Props) {
  const looked = engine.candidates ?? []
  const busy = actions.busy !== null
  return (
    <section className="banner banner-danger" role="alert" data-testid="engine-banner">
      <h2>No EnergyPlus engine found: runs are disabled</h2>
      <p data-testid="engine-help">{engine.help || 'Install EnergyPlus from energyplus.net, or set ENERGYPLUS_EXE to its executable.'}</p>
      <p className="subtle">
        Installed it already? Press “Search again”, or point EPSM at the executable.{' '}
        <button type="button" className="btn-link" onClick={onOpenSettings} data-testid="engine-banner-settings">
          Engine settings
        </button>
      </p>
      <div className="banner-actions">
        <button type="button" className="btn btn-small" onClick={() => void actions.choose()} disabled={busy} data-testid="engine-banner-choose">
          {actions.busy === 'choose' ? 'Checking…' : 'Choose executable…'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => void actions.rediscover()} disabled={busy} data-testid="engine-banner-rediscover">
          {actions.busy === 'rediscover' ? 'Searching…' : 'Search again'}
        </button>
      </div>
      {!panelOpen && actions.error ? (
        <p className="engine-error" data-testid="engine-banner-error">
          {actions.error}
        </p>
      ) : null}
      {!panelOpen && actions.notice && !actions.notice.changed ? (
        <p className="subtle" role="status" data-testid="engine-banner-notice">
          {actions.notice.message}
        </p>
      ) : null}
      {looked.length > 0 ? (
        <details>
          <summary>Places EPSM looked ({looked.length})</summary>
          <ul className="candidates">
            {looked.map((c, i) => (
              <li key={i}>
                <code>{c.path}</code> <span className="subtle">({sourceLabel(c.source)})</span>
                {c.error ? <div className="candidate-error">{c.error}</div> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
