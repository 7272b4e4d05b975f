import type { EngineStatus } from '../bridge'

/** Shown when no EnergyPlus was found: how to get one, and where EPSM looked. */
export function EngineBanner({ engine }: { engine: EngineStatus }) {
  const looked = engine.candidates ?? []
  return (
    <section className="banner banner-danger" role="alert" data-testid="engine-banner">
      <h2>No EnergyPlus engine found: runs are disabled</h2>
      <p data-testid="engine-help">{engine.help || 'Install EnergyPlus from energyplus.net, or set ENERGYPLUS_EXE to its executable.'}</p>
      <p className="subtle">EPSM looks for EnergyPlus when it starts: restart it after installing.</p>
      {looked.length > 0 ? (
        <details>
          <summary>Places EPSM looked ({looked.length})</summary>
          <ul className="candidates">
            {looked.map((c, i) => (
              <li key={i}>
                <code>{c.path}</code> <span className="subtle">({c.source})</span>
                {c.error ? <div className="candidate-error">{c.error}</div> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
