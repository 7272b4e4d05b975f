import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTable, type Row, type SortingState } from '@tanstack/react-table'
import { useVirtualRows } from '../hooks/useVirtualRows'
import { MISSING } from '../lib/amount'
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '../lib/format'
import { filterByStatus, runColumns, runTableRows, STATUS_GROUPS, type RunTableRow, type StatusGroup } from '../lib/runTable'
import { failureView, isCancellable, isFinal, progressText, statusInfo } from '../lib/status'
import { commonOptions, SEARCH_COLUMN, tableFeaturesAll, type Features } from '../lib/tables'
import type { RunView } from '../lib/runs'
import { shortVersionChipText, versionChipText } from '../lib/version'
import { ProgressBar } from './ProgressBar'
import { SortHeader } from './SortHeader'
import { StatusChip } from './StatusChip'

/** Estimated height of a run in px (a failed run's headline line adds one); rows are measured once drawn. */
const ROW_HEIGHT = 34

interface Props {
  runs: RunView[]
  selectedId: number | null
  now: number
  cancelling: Set<number>
  onSelect: (id: number) => void
  onCancel: (id: number) => void
  /** shown in the toolbar: a batch the table is limited to, with a way back */
  scope?: ReactNode
}

const visibility = { [SEARCH_COLUMN]: false }

function modelCell(run: RunView): ReactNode {
  const failure = failureView(run)
  const mismatched = failure.versionMismatch || Boolean(run.versionWarning)
  return (
    <span className="run-model-cell">
      <span className="file-name" title={run.modelName}>
        {run.modelName}
      </span>
      {run.forceAnnual ? (
        <span className="badge" title="Run for the weather file's whole year, whatever the model's own run periods">
          annual
        </span>
      ) : null}
      {run.cachedFrom > 0 ? (
        <span
          className="badge badge-cached"
          data-testid={`run-cached-${run.id}`}
          title={`Identical model, weather file, engine and options already succeeded in run #${run.cachedFrom}: its results are shown, nothing was simulated again.`}
        >
          cached #{run.cachedFrom}
        </span>
      ) : null}
      {mismatched ? (
        <span
          className={`badge ${failure.versionMismatch ? 'badge-danger' : 'badge-warning'}`}
          data-testid={`run-version-${run.id}`}
          data-kind={failure.versionMismatch ? 'mismatch' : 'warning'}
          title={`${versionChipText(run.modelVersion, run.engineVersion)}: ${run.versionWarning || run.headline}`}
        >
          {shortVersionChipText(run.modelVersion, run.engineVersion)}
        </span>
      ) : null}
      {run.modelChanged ? (
        <span
          className="badge badge-warning"
          data-testid={`run-stale-${run.id}`}
          title="The model's original file changed on disk after import: these results describe the older version. Use “Re-import and re-run” on the model."
        >
          changed on disk
        </span>
      ) : null}
    </span>
  )
}

function statusCell(run: RunView, cancelling: boolean, onCancel: (id: number) => void): ReactNode {
  const final = isFinal(run.status)
  const text = progressText(run.status, run.progress)
  return (
    <span className="status-cell">
      <StatusChip status={run.status} testId={`status-chip-${run.id}`} />
      {final ? null : (
        <>
          <ProgressBar percent={run.progress.percent} label={text} tone={statusInfo(run.status).tone} active testId={`progress-${run.id}`} />
          <span className="subtle small run-progress-text" data-testid={`progress-text-${run.id}`} title={run.lastLine ? `${text}\n${run.lastLine}` : text}>
            {formatPercent(run.progress.percent)}
          </span>
        </>
      )}
      {isCancellable(run.status) ? (
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={(e) => {
            e.stopPropagation()
            onCancel(run.id)
          }}
          disabled={cancelling}
          aria-label={cancelling ? `Cancelling run ${run.id}` : `Cancel run ${run.id}`}
          title={cancelling ? 'Cancelling…' : 'Cancel this run'}
          data-testid={`cancel-${run.id}`}
        >
          {cancelling ? '…' : '×'}
        </button>
      ) : null}
    </span>
  )
}

function cell(col: string, r: RunTableRow, cancelling: boolean, onCancel: (id: number) => void): ReactNode {
  const run = r.run
  switch (col) {
    case 'id':
      return `#${run.id}`
    case 'model':
      return modelCell(run)
    case 'weather':
      return (
        <span className="file-name" title={run.weatherName}>
          {run.weatherName}
        </span>
      )
    case 'status':
      return statusCell(run, cancelling, onCancel)
    case 'problems':
      return (
        <span className="problem-counts" title={`${run.warnings} warnings, ${run.severe} severe errors`}>
          <span className={run.warnings > 0 ? 'count-warning-text' : 'subtle'} data-testid={`warnings-${run.id}`}>
            {formatNumber(run.warnings, 0)}
          </span>
          <span className="subtle"> · </span>
          <span className={run.severe > 0 ? 'count-severe-text' : 'subtle'} data-testid={`severe-${run.id}`}>
            {formatNumber(run.severe, 0)}
          </span>
        </span>
      )
    case 'took':
      return (
        <span data-testid={`elapsed-${run.id}`} title={`Queued ${formatDateTime(run.createdAt)}${run.startedAt ? ` · started ${formatDateTime(run.startedAt)}` : ''}`}>
          {run.cachedFrom > 0 ? 'cached' : r.took === undefined ? '' : formatDuration(r.took)}
        </span>
      )
    case 'energy':
      return r.primaryEnergy !== undefined ? (
        <span data-testid={`run-energy-${run.id}`}>{formatNumber(r.primaryEnergy, 1)}</span>
      ) : (
        <span className="amount-missing" title={run.hasResults ? 'Missing: Atemp, a weighting factor or the requirement (the run’s Swedish figures say which)' : 'No results'}>
          {MISSING}
        </span>
      )
    case 'energyClass':
      return r.energyClass ? (
        <span className={`energy-class energy-class-${r.energyClass} energy-class-small`} data-testid={`run-class-${run.id}`}>
          {r.energyClass}
        </span>
      ) : (
        <span className="amount-missing">{MISSING}</span>
      )
  }
  return null
}

/**
 * All runs in one dense table: sortable by each column, filtered by text and status, virtualized
 * so thousands of runs scroll. A click (or Enter, or the arrow keys) selects a run for the detail
 * pane; a failed run leads with its headline on a line of its own.
 */
export function RunTable({ runs, selectedId, now, cancelling, onSelect, onCancel, scope }: Props) {
  const [sorting, setSorting] = useState<SortingState>([])
  const [filter, setFilter] = useState('')
  const [group, setGroup] = useState<StatusGroup>('all')
  const rows = useMemo(() => filterByStatus(runTableRows(runs, now), group), [runs, now, group])
  const table = useTable<Features, RunTableRow>({
    ...commonOptions,
    features: tableFeaturesAll,
    columns: runColumns,
    data: rows,
    getRowId: (r) => r.id,
    state: { sorting, globalFilter: filter, columnVisibility: visibility },
    onSortingChange: setSorting,
    onGlobalFilterChange: (u) => setFilter((f) => String(typeof u === 'function' ? u(f) : (u ?? ''))),
  })
  const shown = table.getRowModel().rows
  const columnCount = table.getVisibleLeafColumns().length
  // A selection made elsewhere (a batch's error link, the queue bar) brings its row into view.
  const selectedIndex = selectedId !== null ? shown.findIndex((row) => row.original.run.id === selectedId) : -1
  const { scrollRef, items, padTop, padBottom, measure } = useVirtualRows(shown, ROW_HEIGHT, selectedIndex)

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    if (shown.length === 0) return
    e.preventDefault()
    const next = selectedIndex < 0 ? 0 : Math.min(shown.length - 1, Math.max(0, selectedIndex + (e.key === 'ArrowDown' ? 1 : -1)))
    onSelect(shown[next].original.run.id)
  }

  const renderRun = (row: Row<Features, RunTableRow>, index: number) => {
    const r = row.original
    const run = r.run
    const selected = run.id === selectedId
    const tone = statusInfo(run.status).tone
    return (
      <tbody
        key={row.id}
        data-index={index}
        ref={measure}
        className={`run-item${selected ? ' row-selected' : ''}`}
        onClick={() => onSelect(run.id)}
        aria-selected={selected}
      >
        <tr className="row-clickable" data-testid={`run-row-${run.id}`} data-status={run.status} data-batch-id={run.batchId} aria-current={selected ? 'true' : undefined}>
          {row.getVisibleCells().map((c, i) => (
            <td key={c.id} className={c.column.columnDef.meta?.numeric ? 'num' : undefined} data-column={c.column.id}>
              {i === 0 ? (
                <button
                  type="button"
                  className="cell-button"
                  aria-label={`Show run ${run.id}: ${run.modelName} with ${run.weatherName}`}
                  onClick={(e) => {
                    e.stopPropagation()
                    onSelect(run.id)
                  }}
                >
                  {cell(c.column.id, r, cancelling.has(run.id), onCancel)}
                </button>
              ) : (
                cell(c.column.id, r, cancelling.has(run.id), onCancel)
              )}
            </td>
          ))}
        </tr>
        {r.headline.text ? (
          <tr className="run-headline-row">
            <td colSpan={columnCount}>
              <p className={`run-headline-line run-message-${tone}`} data-testid={`run-headline-${run.id}`} title={r.headline.text}>
                {r.headline.reason ? <strong className="run-headline">{r.headline.reason}: </strong> : null}
                {r.headline.text}
              </p>
            </td>
          </tr>
        ) : null}
      </tbody>
    )
  }

  return (
    <div className="run-table-wrap">
      <div className="table-toolbar">
        <input
          type="search"
          className="text-input text-input-plain search-input"
          placeholder="Filter runs (model, weather, status, error)"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter runs"
          data-testid="run-filter"
        />
        <select className="select" value={group} onChange={(e) => setGroup(e.target.value as StatusGroup)} aria-label="Status" data-testid="run-status-filter">
          {STATUS_GROUPS.map(([g, label]) => (
            <option key={g} value={g}>
              {label}
            </option>
          ))}
        </select>
        <span className="subtle table-count" data-testid="run-rowcount">
          {shown.length === runs.length ? `${runs.length}` : `${shown.length} of ${runs.length}`}
        </span>
        {scope}
      </div>
      <div ref={scrollRef} className="run-table-scroll" data-testid="run-table-scroll" onKeyDown={onKeyDown}>
        <table className="grid-table run-table" data-testid="run-table" aria-label="Runs" aria-rowcount={rows.length + 1}>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => (
                  <SortHeader key={h.id} header={h} />
                ))}
              </tr>
            ))}
          </thead>
          {padTop > 0 ? (
            <tbody aria-hidden="true">
              <tr className="pad-row">
                <td colSpan={columnCount} style={{ height: padTop }} />
              </tr>
            </tbody>
          ) : null}
          {items.map((item) => {
            const row = shown[item.index]
            return row ? renderRun(row, item.index) : null
          })}
          {padBottom > 0 ? (
            <tbody aria-hidden="true">
              <tr className="pad-row">
                <td colSpan={columnCount} style={{ height: padBottom }} />
              </tr>
            </tbody>
          ) : null}
          {shown.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={columnCount} className="empty-note" data-testid="run-table-empty">
                  No run matches the filter.
                </td>
              </tr>
            </tbody>
          ) : null}
        </table>
      </div>
    </div>
  )
}
