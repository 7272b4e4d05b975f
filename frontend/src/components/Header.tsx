import type { EngineStatus } from '../bridge'

// The path boxes are right-to-left so that a long path is cut at its start, keeping the file
// name visible; the isolated left-to-right span keeps the path itself in order.
const ltr = (s: string) => <span className="ltr">{s}</span>

export function Header({ engine, dataDir }: { engine: EngineStatus | null; dataDir: string }) {
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
      <div className="engine-info" data-testid="engine-info" data-found={e ? 'true' : 'false'}>
        {e ? (
          <>
            <span className="engine-version" data-testid="engine-version">
              EnergyPlus {e.version}
              {e.build ? <span className="subtle"> ({e.build})</span> : null}
            </span>
            <code className="engine-path" data-testid="engine-path" title={`${e.path}\nfound via ${e.source}`}>
              {ltr(e.path)}
            </code>
          </>
        ) : engine ? (
          <span className="engine-missing">EnergyPlus not found</span>
        ) : (
          <span className="subtle">Looking for EnergyPlus…</span>
        )}
        {dataDir ? (
          <span className="subtle data-dir" title="Where EPSM keeps imported files, runs and results">
            Data: <code>{ltr(dataDir)}</code>
          </span>
        ) : null}
      </div>
    </header>
  )
}
