import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { compareRuns, type ErrMessage, type RunComparison, type RunSide } from '../bridge'
import { usePrefersDark } from '../hooks/usePrefersDark'
import { formatPercentDelta, formatSigned, MISSING } from '../lib/amount'
import { compareGroups, energyBreakdown, messageDiff, monthlyRows, sideCaption, type CompareRow, type CompareValue } from '../lib/compare'
import { buildCompareBarOption } from '../lib/compareCharts'
import { darkChartTheme, lightChartTheme } from '../lib/endUses'
import { errorMessage, formatNumber } from '../lib/format'
import type { RunView } from '../lib/runs'
import { isFinal } from '../lib/status'
import { Dialog } from './Dialog'
import { StatusChip } from './StatusChip'

// ECharts is most of the bundle: loaded when a comparison first shows its charts.
const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })))

export interface ComparePair {
  a: number | null
  b: number | null
}

interface Props {
  /** the runs to pick from (finished ones are offered) */
  runs: RunView[]
  initial: ComparePair
  onClose: () => void
  /** shows a run on the runs screen */
  onShowRun?: (runId: number) => void
}

/**
 * Two runs side by side, A | B | Δ (B − A): key figures, delivered energy by carrier (or end use
 * by fuel), monthly energy, peak power, overheating, and the warnings and messages of each, with
 * each run's model, weather and engine. The figures are Go's (CompareRuns).
 */
export function CompareView({ runs, initial, onClose, onShowRun }: Props) {
  const [pair, setPair] = useState<ComparePair>(initial)
  const [data, setData] = useState<RunComparison | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setData(null)
    setError(null)
    if (pair.a === null || pair.b === null) return
    let live = true
    compareRuns(pair.a, pair.b)
      .then((c) => live && setData(c))
      .catch((e) => live && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [pair.a, pair.b])

  const choices = useMemo(() => runs.filter((r) => isFinal(r.status) || r.id === pair.a || r.id === pair.b).sort((x, y) => y.id - x.id), [runs, pair.a, pair.b])
  const picker = (side: 'a' | 'b') => (
    <label className="compare-pick">
      <span className="compare-side-tag">{side.toUpperCase()}</span>
      <select
        value={pair[side] ?? ''}
        onChange={(e) => setPair((p) => ({ ...p, [side]: e.target.value ? Number(e.target.value) : null }))}
        data-testid={`compare-${side}-select`}
        aria-label={`Run ${side.toUpperCase()}`}
      >
        <option value="">Choose a finished run…</option>
        {choices.map((r) => (
          <option key={r.id} value={r.id}>
            #{r.id} {r.modelName} · {r.weatherName}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <Dialog labelledBy="compare-heading" className="compare-dialog" testId="compare-view" focus="dialog" onClose={onClose}>
      <div className="panel-head">
        <h2 id="compare-heading">Compare runs</h2>
        <button type="button" className="toast-close" onClick={onClose} aria-label="Close the comparison" data-testid="compare-close">
          ×
        </button>
      </div>
      <div className="compare-pickers">
        {picker('a')}
        <button type="button" className="btn btn-small" onClick={() => setPair((p) => ({ a: p.b, b: p.a }))} data-testid="compare-swap" title="Swap A and B: Δ changes sign">
          ⇄ Swap A/B
        </button>
        {picker('b')}
      </div>
      {pair.a === null || pair.b === null ? <p className="subtle">Choose two runs to compare: Δ is B minus A.</p> : null}
      {error ? (
        <p className="engine-error" role="alert" data-testid="compare-error">
          {error}
        </p>
      ) : null}
      {pair.a !== null && pair.b !== null && !data && !error ? <p className="subtle">Loading the two runs…</p> : null}
      {data ? <Comparison data={data} onShowRun={onShowRun} /> : null}
    </Dialog>
  )
}

function Comparison({ data, onShowRun }: { data: RunComparison; onShowRun?: (runId: number) => void }) {
  const dark = usePrefersDark()
  const theme = dark ? darkChartTheme : lightChartTheme
  const groups = useMemo(() => compareGroups(data), [data])
  const breakdown = useMemo(() => energyBreakdown(data), [data])
  const months = useMemo(() => monthlyRows(data), [data])
  const messages = useMemo(() => messageDiff(data), [data])
  const labels = { a: `A: run #${data.a.details.run.id}`, b: `B: run #${data.b.details.run.id}` }
  const breakdownOption = useMemo(() => buildCompareBarOption(breakdown.rows, labels, theme, true), [breakdown, theme, labels.a, labels.b]) // eslint-disable-line react-hooks/exhaustive-deps
  const monthlyOption = useMemo(() => buildCompareBarOption(months, labels, theme, false), [months, theme, labels.a, labels.b]) // eslint-disable-line react-hooks/exhaustive-deps
  const hasMonths = months.some((m) => m.a.value !== null || m.b.value !== null)

  return (
    <div className="compare-body" data-testid="compare-body" data-a={data.a.details.run.id} data-b={data.b.details.run.id}>
      <div className="compare-sides">
        <SideCard tag="A" side={data.a} onShowRun={onShowRun} />
        <SideCard tag="B" side={data.b} onShowRun={onShowRun} />
      </div>

      <CompareTable testId="compare-figures" caption="Δ is B − A; for energy, hours and warnings a negative Δ is an improvement." groups={groups.map((g) => ({ id: g.id, title: g.title, rows: g.rows }))} />

      <section className="compare-section" aria-labelledby="compare-enduses-heading" data-testid="compare-enduses" data-basis={breakdown.basis}>
        <h3 id="compare-enduses-heading">{breakdown.basis === 'carrier' ? 'Delivered energy by purpose and carrier' : 'End uses by fuel'}</h3>
        <p className="subtle small">{breakdown.note}</p>
        {breakdown.rows.length ? (
          <Suspense fallback={<p className="subtle">Loading chart…</p>}>
            <EChart option={breakdownOption} height={Math.max(160, 44 + breakdown.rows.length * 40)} title={`Runs ${data.a.details.run.id} and ${data.b.details.run.id}: ${breakdown.basis === 'carrier' ? 'delivered energy by carrier' : 'end uses by fuel'}`} background={theme.background} renderer="svg" testId="compare-enduse-chart" />
          </Suspense>
        ) : (
          <p className="subtle">Neither run has end uses: {[data.a, data.b].map((s) => `#${s.details.run.id} ${s.details.results ? 'used no energy' : 'has no results'}`).join(', ')}.</p>
        )}
        <CompareTable testId="compare-enduse-table" groups={[{ id: 'enduses', title: '', rows: breakdown.rows }]} />
      </section>

      <section className="compare-section" aria-labelledby="compare-monthly-heading" data-testid="compare-monthly">
        <h3 id="compare-monthly-heading">Monthly site energy</h3>
        <p className="subtle small">All fuels’ facility meters, summed by month from the hourly values.</p>
        {hasMonths ? (
          <Suspense fallback={<p className="subtle">Loading chart…</p>}>
            <EChart option={monthlyOption} height={260} title={`Runs ${data.a.details.run.id} and ${data.b.details.run.id}: monthly site energy`} background={theme.background} renderer="svg" testId="compare-monthly-chart" />
          </Suspense>
        ) : null}
        <CompareTable testId="compare-monthly-table" groups={[{ id: 'monthly', title: '', rows: months }]} />
      </section>

      <MessagesSection data={data} diff={messages} />
    </div>
  )
}

function SideCard({ tag, side, onShowRun }: { tag: string; side: RunSide; onShowRun?: (runId: number) => void }) {
  const c = sideCaption(side)
  const r = side.details.run
  return (
    <div className="compare-side" data-testid={`compare-side-${tag.toLowerCase()}`}>
      <div className="compare-side-head">
        <span className="compare-side-tag">{tag}</span>
        <strong>{c.title}</strong>
        <StatusChip status={r.status} testId={`compare-status-${tag.toLowerCase()}`} />
        {onShowRun ? (
          <button type="button" className="btn-link" onClick={() => onShowRun(r.id)}>
            Show run
          </button>
        ) : null}
      </div>
      <dl className="compare-side-facts">
        <dt>Model</dt>
        <dd className="file-name" data-testid={`compare-model-${tag.toLowerCase()}`}>
          {c.model}
        </dd>
        <dt>Weather</dt>
        <dd className="file-name" data-testid={`compare-weather-${tag.toLowerCase()}`}>
          {c.weather}
        </dd>
        <dt>Engine</dt>
        <dd data-testid={`compare-engine-${tag.toLowerCase()}`}>{c.engine}</dd>
      </dl>
    </div>
  )
}

interface TableProps {
  testId: string
  caption?: string
  groups: Array<{ id: string; title: string; rows: CompareRow[] }>
}

function CompareTable({ testId, caption, groups }: TableProps) {
  return (
    <div className="table-scroll">
      <table className="grid-table compare-table" data-testid={testId}>
        {caption ? <caption className="subtle small">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Unit</th>
            <th scope="col" className="num">
              A
            </th>
            <th scope="col" className="num">
              B
            </th>
            <th scope="col" className="num">
              Δ B − A
            </th>
            <th scope="col" className="num">
              Δ %
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.id} data-testid={`compare-group-${g.id}`}>
            {g.title ? (
              <tr className="compare-group-head">
                <th scope="rowgroup" colSpan={6}>
                  {g.title}
                </th>
              </tr>
            ) : null}
            {g.rows.map((r) => (
              <Row key={r.id} row={r} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}

function Row({ row }: { row: CompareRow }) {
  const d = row.delta
  const tone = !d || d.abs === 0 ? '' : (d.abs < 0) === row.lowerIsBetter ? 'delta-better' : 'delta-worse'
  return (
    <tr data-testid={`compare-row-${row.id}`}>
      <th scope="row">{row.label}</th>
      <td className="subtle">{row.unit}</td>
      <ValueCell v={row.a} digits={row.digits} testId={`compare-row-${row.id}-a`} />
      <ValueCell v={row.b} digits={row.digits} testId={`compare-row-${row.id}-b`} />
      <td className={`num ${tone}`} data-testid={`compare-row-${row.id}-delta`} title={d ? undefined : row.deltaWhy}>
        {d ? formatSigned(d.abs, row.digits) : row.deltaWhy === 'same' || row.deltaWhy === 'changed' ? row.deltaWhy : MISSING}
      </td>
      <td className={`num ${tone}`} data-testid={`compare-row-${row.id}-pct`} title={d?.pctReason || undefined}>
        {d ? (d.pct === null ? MISSING : formatPercentDelta(d.pct)) : ''}
      </td>
    </tr>
  )
}

function ValueCell({ v, digits, testId }: { v: CompareValue; digits: number; testId: string }) {
  if (v.text !== undefined) {
    return (
      <td className="num compare-text" data-testid={testId}>
        {v.text}
      </td>
    )
  }
  if (v.value === null) {
    return (
      <td className="num compare-missing" data-testid={testId} title={v.why}>
        <span data-testid={`${testId}-value`}>{MISSING}</span>
        <span className="compare-why" data-testid={`${testId}-why`}>
          {v.why}
        </span>
      </td>
    )
  }
  return (
    <td className="num" data-testid={testId}>
      <span data-testid={`${testId}-value`}>{formatNumber(v.value, digits)}</span>
    </td>
  )
}

function MessagesSection({ data, diff }: { data: RunComparison; diff: ReturnType<typeof messageDiff> }) {
  const list = (title: string, items: ErrMessage[], testId: string, why: string) => (
    <div className="compare-messages-list" data-testid={testId}>
      <h4>
        {title} <span className="count">{items.length}</span>
      </h4>
      {why ? <p className="compare-why">{why}</p> : null}
      {items.length ? (
        <ul>
          {items.map((m) => (
            <li key={`${m.kind}:${m.text}`} className={`err-${m.kind}`} data-kind={m.kind}>
              <span className="compare-msg-kind">{m.kind}</span> {m.text}
              {m.count > 1 ? <span className="subtle"> ×{m.count}</span> : null}
            </li>
          ))}
        </ul>
      ) : !why ? (
        <p className="subtle small">None.</p>
      ) : null}
    </div>
  )
  return (
    <section className="compare-section" aria-labelledby="compare-messages-heading" data-testid="compare-messages">
      <h3 id="compare-messages-heading">Messages in eplusout.err</h3>
      <p className="subtle small">Distinct warning, severe and fatal messages (their first line) that one run has and the other does not.</p>
      <div className="compare-messages">
        {list(`Only in A (run #${data.a.details.run.id})`, diff.onlyA, 'compare-only-a', diff.whyA)}
        {list(`Only in B (run #${data.b.details.run.id})`, diff.onlyB, 'compare-only-b', diff.whyB)}
      </div>
      {diff.shared.length ? (
        <details className="compare-shared" data-testid="compare-shared">
          <summary>
            In both runs <span className="count">{diff.shared.length}</span>
          </summary>
          <ul>
            {diff.shared.map((m) => (
              <li key={`${m.kind}:${m.text}`} data-kind={m.kind}>
                <span className="compare-msg-kind">{m.kind}</span> {m.text}{' '}
                <span className="subtle">
                  (A ×{m.countA}, B ×{m.countB})
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  )
}
