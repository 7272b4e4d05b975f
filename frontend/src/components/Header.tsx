import type { EngineStatus } from '../bridge'
import { sourceLabel } from '../lib/engine'

// The path boxes are right-to-left so that a long path is cut at its start, keeping the file
// name visible; the isolated left-to-right span keeps the path itself in order.
const ltr = (s: string) => <span className="ltr">{s}</span>

interface Props {
  engine: EngineStatus | null
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
          title={e ? `${e.path}\n${sourceLabel(e.source)}\nClick to change the engine` : 'Engine settings'}
          aria-haspopup="dialog"
          data-testid="engine-settings-button"
        >
          {e ? (
            <>
              <span className="engine-version" data-testid="engine-version">
                EnergyPlus {e.version}
                {e.build ? <span className="subtle"> ({e.build})</span> : null}
              </span>
              <span className="engine-path-row">
                <code className="engine-path" data-testid="engine-path">
                  {ltr(e.path)}
                </code>
                <span className="engine-change">Change…</span>
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
        {dataDir ? (
          <span className="subtle data-dir" title="Where EPSM keeps imported files, runs and results">
            Data: <code>{ltr(dataDir)}</code>
          </span>
        ) : null}
      </div>
      </div>
    </header>
  )
}
