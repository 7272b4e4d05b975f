import type { GapTarget } from '../lib/gaps'
import type { KpiTile } from '../lib/kpi'

/**
 * The selected variant's figures, each with its change against the baseline. A tile without
 * its figure says what it lacks and links to where that input is entered.
 */
export function KpiTiles({ tiles, caption, onGap }: { tiles: KpiTile[]; caption: string; onGap?: (target: GapTarget) => void }) {
  return (
    <div className="variant-kpis" data-testid="variant-kpis">
      <p className="subtle small">{caption}</p>
      <div className="kpi-grid">
        {tiles.map((t) => (
          <div key={t.id} className={`kpi${t.gaps.length ? ' kpi-missing' : ''}`} data-testid={`variant-kpi-${t.id}`} title={t.title || undefined}>
            <span className="kpi-label">{t.label}</span>
            <span className="kpi-value">
              <span data-testid={`variant-kpi-${t.id}-value`}>{t.value}</span>
              {t.unit && !t.gaps.length ? <span className="kpi-unit"> {t.unit}</span> : null}
              {t.badge ? (
                <>
                  {' '}
                  <span className={`energy-class energy-class-${t.badge.slice(-1)} energy-class-small`} title={`Energy ${t.badge}`} data-testid={`variant-kpi-${t.id}-class`}>
                    {t.badge.slice(-1)}
                  </span>
                </>
              ) : null}
            </span>
            {t.deltaAbs || t.deltaPct ? (
              <span className={`kpi-sub delta-${t.tone}`} data-testid={`variant-kpi-${t.id}-delta`}>
                {[t.deltaAbs, t.deltaPct ? `(${t.deltaPct})` : ''].filter(Boolean).join(' ')}
              </span>
            ) : null}
            {t.assumed?.length ? (
              <span className="kpi-sub kpi-assumed" data-testid={`variant-kpi-${t.id}-assumed`}>
                * from a published range (tooltip)
              </span>
            ) : null}
            {t.gaps.length ? (
              <ul className="kpi-gaps" data-testid={`variant-kpi-${t.id}-gaps`}>
                {t.gaps.slice(0, 2).map((g) => (
                  <li key={g.text}>
                    <span className="kpi-gap-text">Missing: {g.text}</span>
                    {g.target && onGap ? (
                      <>
                        {' '}
                        <button type="button" className="btn-link" onClick={() => onGap(g.target!)} data-testid={`kpi-gap-${g.target.kind}`}>
                          {g.action}
                        </button>
                      </>
                    ) : null}
                  </li>
                ))}
                {t.gaps.length > 2 ? <li className="subtle">and {t.gaps.length - 2} more (in the tooltip)</li> : null}
              </ul>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  )
}
