import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTable, type Row, type SortingState, type ColumnVisibilityState as VisibilityState } from '@tanstack/react-table'
import { RunStatus } from '../bridge'
import { formatPercentDelta, formatSigned, MISSING, type PaybackView } from '../lib/amount'
import { formatNumber } from '../lib/format'
import { areaIn, columnUnit, toDisplay, type UnitSystem } from '../lib/units'
import { markAfterPaint } from '../lib/perf'
import { isFinal, progressText, statusInfo } from '../lib/status'
import { baselineRowIds, choosableColumns, initialVisibility, studyColumns, UNCHANGED, type StudyRow } from '../lib/studyTable'
import { commonOptions, tableFeaturesAll, type Features } from '../lib/tables'
import { useVirtualRows } from '../hooks/useVirtualRows'
import { AmountText } from './AmountText'
import { ProgressBar } from './ProgressBar'
import { SortHeader } from './SortHeader'
import { StatusChip } from './StatusChip'

/** Estimated row height in px; rows are measured once drawn. */
const ROW_HEIGHT = 38
const VISIBILITY_KEY = 'epsm.studyTable.columns'

function storedVisibility(): VisibilityState {
  try {
    const raw = window.localStorage?.getItem(VISIBILITY_KEY)
    const v = raw ? JSON.parse(raw) : {}
    return v && typeof v === 'object' ? (v as VisibilityState) : {}
  } catch {
    return {}
  }
}

interface Props {
  rows: StudyRow[]
  weatherCount: number
  currency: string
  onSelectRun?: (runId: number) => void
  /** the selected row's id (variant and weather), highlighted */
  selectedId?: string | null
  /** a click on a row selects it (a click on its Pareto badge too) */
  onSelectRow?: (row: StudyRow) => void
  /** SI or IP for energy and EUI (the rows stay in SI) */
  units?: UnitSystem
}

function Payback({ p, testId }: { p: PaybackView; testId?: string }) {
  return (
    <span className={`amount${p.complete ? '' : ' amount-missing'}${p.beyondPeriod ? ' payback-beyond' : ''}`} title={p.title || undefined} data-testid={testId} data-complete={p.complete ? 'true' : 'false'}>
      {p.text}
      {p.beyondPeriod ? <span aria-hidden="true"> ›</span> : null}
    </span>
  )
}

function cell(col: string, r: StudyRow, currency: string, units: UnitSystem): ReactNode {
  if (col.startsWith('choice-')) {
    const el = col.slice('choice-'.length)
    const c = r.choices[el]
    if (!c?.changed) return <span className="unchanged">{UNCHANGED}</span>
    const area = r.areas[el]
    return <span title={area !== undefined ? `${c.label} on ${areaIn(area, units)}` : c.label}>{c.label}</span>
  }
  switch (col) {
    case 'name':
      return (
        <span className="variant-name" title={r.name}>
          {r.baseline ? <span className="badge badge-baseline">baseline</span> : null}
          <span>{r.baseline ? 'Existing constructions' : r.name}</span>
          {r.cached ? <span className="badge badge-cached" title="Identical inputs already simulated: results reused">cached</span> : null}
        </span>
      )
    case 'weather':
      return <span className="file-name">{r.weatherName}</span>
    case 'status': {
      const running = !isFinal(r.status) && r.status !== RunStatus.Queued
      return (
        <span className="status-cell" title={r.headline || statusInfo(r.status).description}>
          <StatusChip status={r.status} />
          {running ? (
            <>
              <ProgressBar percent={r.progress?.percent ?? 0} label={progressText(r.status, r.progress)} tone="active" active />
              <span className="subtle small">{Math.floor(r.progress?.percent ?? 0)}%</span>
            </>
          ) : null}
        </span>
      )
    }
    case 'energy':
      return r.energyKWh !== undefined ? formatNumber(toDisplay('energy', r.energyKWh, units), 0) : <span className="amount-missing" title={`Missing: ${r.deltaReason || 'results'}`}>{MISSING}</span>
    case 'deltaAbs':
      if (r.baseline) return <span className="subtle">baseline</span>
      return r.delta ? <span className={r.delta.abs < 0 ? 'delta-better' : r.delta.abs > 0 ? 'delta-worse' : ''}>{formatSigned(toDisplay('energy', r.delta.abs, units), 0)}</span> : <span className="amount-missing" title={`Missing: ${r.deltaReason}`}>{MISSING}</span>
    case 'deltaPct':
      if (r.baseline) return <span className="subtle">baseline</span>
      return r.delta && r.delta.pct !== null ? (
        <span className={r.delta.pct < 0 ? 'delta-better' : r.delta.pct > 0 ? 'delta-worse' : ''}>{formatPercentDelta(r.delta.pct)}</span>
      ) : (
        <span className="amount-missing" title={r.delta ? r.delta.pctReason : `Missing: ${r.deltaReason}`}>
          {MISSING}
        </span>
      )
    case 'eui':
      return r.euiKWhPerM2 !== undefined ? formatNumber(toDisplay('eui', r.euiKWhPerM2, units), 1) : <span className="amount-missing" title={`Missing: ${r.deltaReason || 'results'}`}>{MISSING}</span>
    case 'primaryEnergy':
      return r.primaryEnergyNumber !== undefined ? formatNumber(r.primaryEnergyNumber, 1) : <span className="amount-missing" title="Missing: results, Atemp or a weighting factor (the run's Swedish figures say which)">{MISSING}</span>
    case 'energyClass':
      return r.energyClass ? <span className={`energy-class energy-class-${r.energyClass} energy-class-small`}>{r.energyClass}</span> : <span className="amount-missing">{MISSING}</span>
    case 'peakHeating':
      return r.peakHeatingW !== undefined ? formatNumber(r.peakHeatingW / 1000, 1) : <span className="amount-missing">{MISSING}</span>
    case 'overheating':
      return r.overheatingHours !== undefined ? formatNumber(r.overheatingHours, 0) : <span className="amount-missing">{MISSING}</span>
    case 'operational':
      return <AmountText view={r.operational} />
    case 'embodied':
      return <AmountText view={r.embodied} />
    case 'lifeCycleCarbon':
      return <AmountText view={r.lifeCycleCarbon} />
    case 'investment':
      return <AmountText view={r.investment} />
    case 'lifeCycleCost':
      return <AmountText view={r.lifeCycleCost} />
    case 'simplePayback':
      return <Payback p={r.simplePayback} />
    case 'carbonPayback':
      return <Payback p={r.carbonPayback} />
    case 'pareto':
      return (
        <span className="pareto-badges">
          {r.paretoCarbonCost ? (
            <span className="badge badge-pareto" title={`Pareto-optimal on life-cycle carbon and life-cycle cost (${currency})`}>
              carbon × cost
            </span>
          ) : null}
          {r.paretoEnergyEmbodied ? (
            <span className="badge badge-pareto" title="Pareto-optimal on annual energy and embodied carbon">
              energy × embodied
            </span>
          ) : null}
        </span>
      )
  }
  return null
}

/**
 * The variant table: one row per variant and weather file, baselines pinned on top, sortable,
 * filterable and with a column chooser; rows are virtualized so thousands of variants scroll.
 */
export function StudyTableView({ rows, weatherCount, currency, onSelectRun, selectedId, onSelectRow, units = 'si' }: Props) {
  const [sorting, setSorting] = useState<SortingState>([])
  const [filter, setFilter] = useState('')
  const [visibility, setVisibility] = useState<VisibilityState>(() => ({ ...initialVisibility(weatherCount), ...storedVisibility(), search: false }))
  const [chooserOpen, setChooserOpen] = useState(false)
  const pinned = useMemo(() => ({ top: baselineRowIds(rows), bottom: [] as string[] }), [rows])

  useEffect(() => {
    try {
      window.localStorage?.setItem(VISIBILITY_KEY, JSON.stringify(visibility))
    } catch {
      // private mode: the choice lasts for this session only
    }
  }, [visibility])

  const table = useTable<Features, StudyRow>({
    ...commonOptions,
    features: tableFeaturesAll,
    columns: studyColumns,
    data: rows,
    getRowId: (r) => r.id,
    keepPinnedRows: true,
    state: { sorting, globalFilter: filter, columnVisibility: visibility, rowPinning: pinned },
    onSortingChange: setSorting,
    onGlobalFilterChange: (u) => setFilter((f) => String(typeof u === 'function' ? u(f) : (u ?? ''))),
    onColumnVisibilityChange: setVisibility,
  })

  const top = table.getTopRows()
  const center = table.getCenterRows()
  // A selection made elsewhere (a click on the scatter plot) brings its row into view.
  const selectedIndex = selectedId ? center.findIndex((row) => row.id === selectedId) : -1
  const { scrollRef, items, padTop, padBottom, measure } = useVirtualRows(center, ROW_HEIGHT, selectedIndex)
  const columns = table.getVisibleLeafColumns()

  useEffect(() => {
    if (rows.length) markAfterPaint('study-table:drawn')
  }, [rows])


  const renderRow = (row: Row<Features, StudyRow>, extra: { index?: number; pinnedRow?: boolean } = {}) => {
    const r = row.original
    return (
      <tr
        key={row.id}
        data-index={extra.index}
        ref={extra.index !== undefined ? measure : undefined}
        className={`${r.baseline ? 'row-baseline' : ''}${r.paretoCarbonCost || r.paretoEnergyEmbodied ? ' row-pareto' : ''}${r.id === selectedId ? ' row-selected' : ''}`.trim() || undefined}
        aria-selected={onSelectRow ? r.id === selectedId : undefined}
        onClick={onSelectRow ? () => onSelectRow(r) : undefined}
        data-testid={`study-row-${r.variantId}-${r.weatherId}`}
        data-status={r.status}
        data-baseline={r.baseline ? 'true' : undefined}
        onDoubleClick={onSelectRun ? () => onSelectRun(r.runId) : undefined}
      >
        {row.getVisibleCells().map((c) => (
          <td key={c.id} className={c.column.columnDef.meta?.numeric ? 'num' : undefined} data-column={c.column.id}>
            {cell(c.column.id, r, currency, units)}
          </td>
        ))}
      </tr>
    )
  }

  const shown = top.length + center.length
  return (
    <div className="study-table-wrap">
      <div className="table-toolbar">
        <input
          type="search"
          className="text-input text-input-plain search-input"
          placeholder="Filter variants (name, construction, status, “pareto”)"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter variants"
          data-testid="study-filter"
        />
        <span className="subtle table-count" data-testid="study-rowcount">
          {shown === rows.length ? `${rows.length} rows` : `${shown} of ${rows.length} rows`}
        </span>
        <div className="column-chooser">
          <button type="button" className="btn btn-small" aria-expanded={chooserOpen} onClick={() => setChooserOpen((o) => !o)} data-testid="study-columns">
            Columns…
          </button>
          {chooserOpen ? (
            <div className="chooser-popover" role="group" aria-label="Columns to show" data-testid="study-columns-menu">
              {choosableColumns().map((c) => (
                <label key={c.id} className="check check-compact">
                  <input type="checkbox" checked={visibility[c.id] !== false} onChange={(e) => setVisibility((v) => ({ ...v, [c.id]: e.target.checked }))} data-testid={`study-column-${c.id}`} />
                  <span>{c.label}</span>
                </label>
              ))}
              <button type="button" className="btn-link" onClick={() => setVisibility({ ...initialVisibility(weatherCount) })}>
                Reset
              </button>
            </div>
          ) : null}
        </div>
      </div>
      <div ref={scrollRef} className="study-scroll" data-testid="study-table-scroll">
        <table className="grid-table study-table" data-testid="study-table" aria-rowcount={rows.length + 1}>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => (
                  <SortHeader key={h.id} header={h} unit={columnUnit(h.column.id, units)} />
                ))}
              </tr>
            ))}
            {top.map((row) => renderRow(row, { pinnedRow: true }))}
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true" className="pad-row">
                <td colSpan={columns.length} style={{ height: padTop }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = center[item.index]
              return row ? renderRow(row, { index: item.index }) : null
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true" className="pad-row">
                <td colSpan={columns.length} style={{ height: padBottom }} />
              </tr>
            ) : null}
            {center.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="empty-note">
                  {rows.length <= top.length ? 'This study has no variants besides the baseline.' : 'No variant matches the filter.'}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  )
}
