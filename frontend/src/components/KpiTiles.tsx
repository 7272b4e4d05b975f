import type { KpiTile } from '../lib/kpi'

/** The selected variant's figures, each with its change against the baseline. */
export function KpiTiles({ tiles, caption }: { tiles: KpiTile[]; caption: string }) {
  return (
    <div className="variant-kpis" data-testid="variant-kpis">
      <p className="subtle small">{caption}</p>
      <div className="kpi-grid">
        {tiles.map((t) => (
          <div key={t.id} className="kpi" data-testid={`variant-kpi-${t.id}`} title={t.title || undefined}>
            <span className="kpi-label">{t.label}</span>
            <span className="kpi-value">
              <span data-testid={`variant-kpi-${t.id}-value`}>{t.value}</span>
              {t.unit ? <span className="kpi-unit"> {t.unit}</span> : null}
            </span>
            {t.deltaAbs || t.deltaPct ? (
              <span className={`kpi-sub delta-${t.tone}`} data-testid={`variant-kpi-${t.id}-delta`}>
                {[t.deltaAbs, t.deltaPct ? `(${t.deltaPct})` : ''].filter(Boolean).join(' ')}
              </span>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  )
}
