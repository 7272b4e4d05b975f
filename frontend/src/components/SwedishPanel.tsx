import { lazy, Suspense, useState } from 'react'
import type { SwedishFigures, SwedishGap } from '../bridge'
import { formatKWh } from '../lib/format'
import { carrierLabel, deliveredTable, gapLinkText, labelParts, purposeLabel, swedishTiles } from '../lib/swedish'

const HeatingDurationChart = lazy(() => import('./HeatingDurationChart').then((m) => ({ default: m.HeatingDurationChart })))

interface Props {
  figures: SwedishFigures
  runId: number
  /** open the model's settings (Atemp, building type, mapping) */
  onEditModel?: () => void
  /** open Settings › Swedish rules */
  onOpenSettings?: () => void
}

/**
 * A run's Swedish figures: EP_pet and the energy class, Atemp, peak heating power, overheating
 * hours, delivered energy by carrier and purpose with the end-use mapping, and the heating
 * load-duration curve. A missing figure names its input and links to where it is entered.
 */
export function SwedishPanel({ figures, runId, onEditModel, onOpenSettings }: Props) {
  const [showDuration, setShowDuration] = useState(false)
  const tiles = swedishTiles(figures)
  const table = deliveredTable(figures)
  const go = (g: SwedishGap) => (g.where === 'model' ? onEditModel : g.where === 'settings' ? onOpenSettings : undefined)
  return (
    <section className="swedish" data-testid="swedish-panel" aria-label="Swedish figures (BBR)">
      <div className="kpi-grid">
        {tiles.map((t) => (
          <div key={t.id} className={`kpi${t.missing.length ? ' kpi-missing' : ''}`} data-testid={`sw-${t.id}`} title={t.hint}>
            <span className="kpi-label">{t.label}</span>
            <span className="kpi-value">
              {t.energyClass ? (
                <span className={`energy-class energy-class-${t.energyClass}`} data-testid="sw-energy-class" title={`Energy class ${t.energyClass}`}>
                  {t.energyClass}
                </span>
              ) : null}
              <span data-testid={`sw-${t.id}-value`}>{t.value}</span>
              {t.unit ? <span className="kpi-unit"> {t.unit}</span> : null}
            </span>
            {t.sub ? <span className="kpi-sub subtle">{t.sub}</span> : null}
            {t.missing.map((g) => {
              const action = go(g)
              return (
                <span key={g.input} className="kpi-sub kpi-gap" data-testid={`sw-${t.id}-missing`}>
                  Missing: {g.input}.{' '}
                  {action ? (
                    <button type="button" className="link-button" onClick={action} data-testid={`sw-${t.id}-fix`}>
                      {gapLinkText(g)}
                    </button>
                  ) : (
                    <span>{gapLinkText(g)}.</span>
                  )}
                </span>
              )
            })}
          </div>
        ))}
      </div>
      {(figures.notes ?? []).map((n) => (
        <p key={n} className="hint" data-testid="sw-note">
          {n}
        </p>
      ))}
      {/* The title sits outside the scrolling box, so a narrow pane never cuts it. */}
      <h3 className="sw-table-title" id={`sw-delivered-title-${runId}`}>
        Delivered energy, kWh per year <span className="subtle">(* counts in EP_pet)</span>
      </h3>
      <div className="table-scroll visible-scrollbar" data-testid="sw-delivered-scroll">
        <table className="grid-table delivered-table" data-testid="sw-delivered" aria-labelledby={`sw-delivered-title-${runId}`}>
          <thead>
            <tr>
              <th scope="col">Purpose</th>
              {table.carriers.map((c) => (
                <th key={c} scope="col" className="num" data-testid={`sw-carrier-${c}`} title={carrierLabel(c)}>
                  <Term label={carrierLabel(c)} />
                </th>
              ))}
              {table.carriers.length > 1 ? (
                <th scope="col" className="num">
                  Total
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.purpose} className={r.counts ? undefined : 'row-muted'} data-testid={`sw-purpose-${r.purpose}`}>
                <th scope="row">
                  <Term label={purposeLabel(r.purpose)} mark={r.counts ? ' *' : ''} />
                </th>
                {table.carriers.map((c) => (
                  <td key={c} className="num">
                    {r.cells[c] ? formatKWh(r.cells[c]).replace(' kWh', '') : ''}
                  </td>
                ))}
                {table.carriers.length > 1 ? <td className="num">{formatKWh(r.total).replace(' kWh', '')}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="sw-mapping" data-testid="sw-mapping">
        <summary>How EnergyPlus’s end uses map to these terms</summary>
        <table className="grid-table">
          <thead>
            <tr>
              <th scope="col">End use</th>
              <th scope="col">Fuel</th>
              <th scope="col">Carrier</th>
              <th scope="col">Purpose</th>
              <th scope="col" className="num">
                kWh
              </th>
            </tr>
          </thead>
          <tbody>
            {(figures.delivered ?? []).map((d) => (
              <tr key={`${d.endUse}/${d.fuel}`}>
                <td>{d.endUse}</td>
                <td>{d.fuel}</td>
                <td>{carrierLabel(d.carrier)}</td>
                <td>{purposeLabel(d.purpose)}</td>
                <td className="num">{formatKWh(d.kWh).replace(' kWh', '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {onEditModel ? (
          <button type="button" className="btn btn-small" onClick={onEditModel} data-testid="sw-edit-mapping">
            Edit Atemp, building type and mapping…
          </button>
        ) : null}
      </details>
      <details className="sw-duration" onToggle={(e) => setShowDuration((e.target as HTMLDetailsElement).open)} data-testid="sw-duration">
        <summary>Heating load-duration curve</summary>
        {showDuration ? (
          <Suspense fallback={<p className="subtle">Loading chart…</p>}>
            <HeatingDurationChart runId={runId} />
          </Suspense>
        ) : null}
      </details>
    </section>
  )
}

/** An English name with its Swedish term on a second, smaller line. */
function Term({ label, mark = '' }: { label: string; mark?: string }) {
  const { name, term } = labelParts(label)
  return (
    <>
      <span className="term-name">
        {name}
        {mark}
      </span>
      {term ? <span className="term-sv">{term}</span> : null}
    </>
  )
}
