import type { EngineStatus } from '../bridge'
import { sourceLabel } from '../lib/engine'

interface Props {
  engine: EngineStatus | null
  /** the data folder: in the chip's tooltip; Settings and About show it in full */
  dataDir: string
  /** opens the engine settings; the engine info is its button */
  onEngineSettings?: () => void
  /** opens the queue settings (workers, time limits) */
  onSettings?: () => void
}

export function Header({ engine, dataDir, onEngineSettings, onSettings }: Props) {
  const e = engine?.engine
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          E
        </span>
        <div>
          <h1>EPSM Desktop</h1>
          <p className="subtle">EnergyPlus simulation manager</p>
        </div>
      </div>
      <div className="header-right">
      {onSettings ? (
        <button type="button" className="btn btn-small header-settings" onClick={onSettings} aria-haspopup="dialog" title="Workers, time limit and stall limit" data-testid="settings-button">
          <span aria-hidden="true">⚙</span> Settings
        </button>
      ) : null}
      <div className="engine-info" data-testid="engine-info" data-found={e ? 'true' : 'false'}>
        <button
          type="button"
          className="engine-button"
          onClick={onEngineSettings}
          disabled={!engine || !onEngineSettings}
          title={e ? `${e.path}\n${sourceLabel(e.source)}${dataDir ? `\nData folder: ${dataDir}` : ''}\nClick for the engine's details or to change it` : 'Engine settings'}
          aria-haspopup="dialog"
          data-testid="engine-settings-button"
        >
          {e ? (
            <>
              <span className="engine-chip" data-testid="engine-chip">
                <span className="engine-ok" aria-hidden="true">
                  ✓
                </span>
                <span className="engine-version" data-testid="engine-version">
                  EnergyPlus {e.version}
                  {e.build ? <span className="subtle"> ({e.build})</span> : null}
                </span>
              </span>
            </>
          ) : engine ? (
            <span className="engine-missing">
              EnergyPlus not found <span className="engine-change">· Engine settings</span>
            </span>
          ) : (
            <span className="subtle">Looking for EnergyPlus…</span>
          )}
        </button>
      </div>
      </div>
    </header>
  )
}
