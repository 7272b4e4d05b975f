import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTable, type Row, type SortingState, type ColumnVisibilityState as VisibilityState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { RunStatus } from '../bridge'
import { formatPercentDelta, formatSigned, MISSING, type PaybackView } from '../lib/amount'
import { formatNumber } from '../lib/format'
import { areaIn, columnUnit, toDisplay, type UnitSystem } from '../lib/units'
import { markAfterPaint } from '../lib/perf'
import { isFinal, progressText, statusInfo } from '../lib/status'
import { elementLabel, ELEMENTS } from '../lib/library'
import { baselineRowIds, choosableColumns, initialVisibility, isPareto, paretoTitle, studyColumns, UNCHANGED, type StudyRow } from '../lib/studyTable'
import { commonOptions, tableFeaturesAll, type Features } from '../lib/tables'
import { AmountText } from './AmountText'
import { ProgressBar } from './ProgressBar'
import { SortHeader } from './SortHeader'
import { StatusChip } from './StatusChip'

/** Estimated row height in px; rows are measured once drawn. */
const ROW_HEIGHT = 38
// v2: the table opens on numbers; a choice stored for the old column set does not carry over.
const VISIBILITY_KEY = 'epsm.studyTable.columns.v2'

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
  /** the study's rows: more than rows.length while only the first screenful has arrived */
  allRows?: number
  weatherCount: number
  currency: string
  onSelectRun?: (runId: number) => void
  /** the selected row's id (variant and weather), highlighted */
  selectedId?: string | null
  /** a click on a row selects it (a click on its Pareto badge too) */
  onSelectRow?: (row: StudyRow) => void
  /** SI or IP for energy and EUI (the rows stay in SI) */
  units?: UnitSystem
  /** shows what the row's variant changes in the base model's IDF */
  onShowChanges?: (row: StudyRow) => void
}

function Payback({ p, testId }: { p: PaybackView; testId?: string }) {
  return (
    <span className={`amount${p.complete ? '' : ' amount-missing'}${p.beyondPeriod ? ' payback-beyond' : ''}`} title={p.title || undefined} data-testid={testId} data-complete={p.complete ? 'true' : 'false'}>
      {p.text}
      {p.beyondPeriod ? <span aria-hidden="true"> ›</span> : null}
    </span>
  )
}

/** The frozen first cell: expand toggle, Pareto mark, short id and the name (full in its tooltip). */
function VariantCell({ r, currency, expanded, onToggle }: { r: StudyRow; currency: string; expanded: boolean; onToggle: () => void }) {
  const pareto = isPareto(r)
  const name = r.baseline ? 'Existing constructions' : r.name
  return (
    <span className="variant-cell">
      <button
        type="button"
        className="expand-toggle"
        aria-expanded={expanded}
        aria-label={`${expanded ? 'Hide' : 'Show'} the constructions of ${r.label || name}`}
        title={expanded ? 'Hide the constructions' : 'Show the constructions'}
        onClick={(e) => {
          e.stopPropagation()
          onToggle()
        }}
        data-testid={`study-expand-${r.variantId}-${r.weatherId}`}
      >
        {expanded ? '▾' : '▸'}
      </button>
      <span className={`pareto-mark${pareto ? '' : ' pareto-mark-off'}`} title={pareto ? paretoTitle(r, currency) : undefined} aria-label={pareto ? paretoTitle(r, currency) : undefined} data-testid={pareto ? 'pareto-mark' : undefined}>
        {pareto ? '★' : ''}
      </span>
      <span className="variant-label" data-testid="variant-label">
        {r.label}
      </span>
      <span className="variant-name-text" title={r.name}>
        {name}
      </span>
      {r.baseline ? <span className="badge badge-baseline">baseline</span> : null}
      {r.cached ? <span className="badge badge-cached" title="Identical inputs already simulated: results reused">cached</span> : null}
    </span>
  )
}

/** A row's details: the construction of every element, with the area it covers, and the option of every measure. */
function ConstructionDetails({ r, units, onSelectRun, onShowChanges }: { r: StudyRow; units: UnitSystem; onSelectRun?: (runId: number) => void; onShowChanges?: (row: StudyRow) => void }) {
  return (
    <div className="variant-details" data-testid={`study-details-${r.variantId}-${r.weatherId}`}>
      <dl className="construction-list">
        {ELEMENTS.map((el) => {
          const c = r.choices[el]
          const area = r.areas[el]
          return (
            <div key={el} className="construction-item">
              <dt>{elementLabel(el)}</dt>
              <dd className={c?.changed ? undefined : 'unchanged'} title={c?.label}>
                {c?.changed ? c.label : 'unchanged (the model’s own)'}
                {c?.changed && area !== undefined ? <span className="subtle"> · {areaIn(area, units)}</span> : null}
              </dd>
            </div>
          )
        })}
        {r.measures.map((m) => (
          <div key={`measure-${m.id}`} className="construction-item" data-testid={`study-measure-${m.id}`}>
            <dt>{m.name}</dt>
            <dd className={m.changed ? undefined : 'unchanged'} title={`${m.name} (measure): ${m.changed ? m.value : 'the model’s own value'}`}>
              {m.changed ? m.value : 'unchanged (the model’s own)'}
            </dd>
          </div>
        ))}
      </dl>
      <span className="subtle small">
        {r.weatherName}
        {r.atemp !== undefined ? ` · Atemp ${formatNumber(r.atemp, 0)} m²` : ''}
      </span>
      {onSelectRun ? (
        <button type="button" className="btn-link" onClick={() => onSelectRun(r.runId)}>
          Open run {r.runId}
        </button>
      ) : null}
      {onShowChanges ? (
        <button type="button" className="btn-link" onClick={() => onShowChanges(r)} data-testid={`study-changes-${r.variantId}-${r.weatherId}`}>
          What changed in the IDF
        </button>
      ) : null}
    </div>
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
    case 'deltaM2':
      if (r.baseline) return <span className="subtle">baseline</span>
      return r.deltaPerM2 ? (
        <span className={r.deltaPerM2.abs < 0 ? 'delta-better' : r.deltaPerM2.abs > 0 ? 'delta-worse' : ''}>{formatSigned(toDisplay('eui', r.deltaPerM2.abs, units), 1)}</span>
      ) : (
        <span className="amount-missing" title={`Missing: ${r.deltaReason || (r.atemp === undefined ? 'Atemp of the model (its settings)' : 'results')}`}>
          {MISSING}
        </span>
      )
    case 'embodiedM2':
      return <AmountText view={r.embodiedPerM2} />
    case 'lifeCycleCarbonM2':
      return <AmountText view={r.lifeCycleCarbonPerM2} />
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
export function StudyTableView({ rows, allRows = rows.length, weatherCount, currency, onSelectRun, selectedId, onSelectRow, units = 'si', onShowChanges }: Props) {
  const [sorting, setSorting] = useState<SortingState>([])
  const [filter, setFilter] = useState('')
  const [visibility, setVisibility] = useState<VisibilityState>(() => ({ ...initialVisibility(weatherCount), ...storedVisibility(), search: false }))
  const [chooserOpen, setChooserOpen] = useState(false)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })
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
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: center.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => center[i]?.id ?? i,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const padTop = items.length ? items[0].start : 0
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0
  const columns = table.getVisibleLeafColumns()

  useEffect(() => {
    if (rows.length && rows.length >= allRows) markAfterPaint('study-table:drawn')
  }, [rows, allRows])

  // A selection made elsewhere (a click on the scatter plot) brings its row into view.
  const selectedIndex = selectedId ? center.findIndex((row) => row.id === selectedId) : -1
  const scrollTo = useRef(virtualizer.scrollToIndex)
  scrollTo.current = virtualizer.scrollToIndex
  useEffect(() => {
    if (selectedIndex >= 0) scrollTo.current(selectedIndex, { align: 'auto' })
  }, [selectedId, selectedIndex])

  // A row and, when expanded, its details row: the pair is one unit for the virtualizer, so
  // virtual rows are <tbody> groups (a table may have many) measured as a whole.
  const rowPair = (row: Row<Features, StudyRow>) => {
    const r = row.original
    const open = expanded.has(r.id)
    const visible = row.getVisibleCells()
    return (
      <Fragment key={row.id}>
        <tr
          className={`${r.baseline ? 'row-baseline' : ''}${isPareto(r) ? ' row-pareto' : ''}${r.id === selectedId ? ' row-selected' : ''}`.trim() || undefined}
          aria-selected={onSelectRow ? r.id === selectedId : undefined}
          aria-expanded={open}
          onClick={onSelectRow ? () => onSelectRow(r) : undefined}
          data-testid={`study-row-${r.variantId}-${r.weatherId}`}
          data-status={r.status}
          data-label={r.label}
          data-baseline={r.baseline ? 'true' : undefined}
          onDoubleClick={onSelectRun ? () => onSelectRun(r.runId) : undefined}
        >
          {visible.map((c) => (
            <td key={c.id} className={c.column.columnDef.meta?.numeric ? 'num' : undefined} data-column={c.column.id}>
              {c.column.id === 'name' ? <VariantCell r={r} currency={currency} expanded={open} onToggle={() => toggle(r.id)} /> : cell(c.column.id, r, currency, units)}
            </td>
          ))}
        </tr>
        {open ? (
          <tr className="details-row">
            <td colSpan={visible.length}>
              <ConstructionDetails r={r} units={units} onSelectRun={onSelectRun} onShowChanges={onShowChanges} />
            </td>
          </tr>
        ) : null}
      </Fragment>
    )
  }

  const shown = top.length + center.length
  return (
    <div className="study-table-wrap">
      <div className="table-toolbar">
        <input
          type="search"
          className="text-input text-input-plain search-input"
          placeholder="Filter variants (id, name, construction, status, “pareto”)"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter variants"
          data-testid="study-filter"
        />
        <span className="subtle table-count" data-testid="study-rowcount">
          {rows.length < allRows ? `the first ${rows.length} of ${allRows.toLocaleString('en-US')} rows (the rest is loading…)` : shown === rows.length ? `${rows.length} rows` : `${shown} of ${rows.length} rows`}
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
                  <SortHeader key={h.id} header={h} unit={h.column.columnDef.meta?.unit === 'currency' ? currency || 'currency' : columnUnit(h.column.id, units)} />
                ))}
              </tr>
            ))}
            {top.map((row) => rowPair(row))}
          </thead>
          {padTop > 0 ? (
            <tbody aria-hidden="true">
              <tr className="pad-row">
                <td colSpan={columns.length} style={{ height: padTop }} />
              </tr>
            </tbody>
          ) : null}
          {items.map((item) => {
            const row = center[item.index]
            return row ? (
              <tbody key={row.id} data-index={item.index} ref={virtualizer.measureElement} className="row-group">
                {rowPair(row)}
              </tbody>
            ) : null
          })}
          {padBottom > 0 ? (
            <tbody aria-hidden="true">
              <tr className="pad-row">
                <td colSpan={columns.length} style={{ height: padBottom }} />
              </tr>
            </tbody>
          ) : null}
          {center.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={columns.length} className="empty-note">
                  {rows.length <= top.length ? 'This study has no variants besides the baseline.' : 'No variant matches the filter.'}
                </td>
              </tr>
            </tbody>
          ) : null}
        </table>
      </div>
    </div>
  )
}
