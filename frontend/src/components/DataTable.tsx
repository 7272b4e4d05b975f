import { useMemo, useState, type ReactNode } from 'react'
import { useTable, type ColumnDef, type SortingState } from '@tanstack/react-table'
import { commonOptions, SEARCH_COLUMN, tableFeaturesAll, type Features } from '../lib/tables'
import { SortHeader } from './SortHeader'

interface Props<T extends { id: string }> {
  rows: T[]
  columns: Array<ColumnDef<Features, T, any>>
  /** a cell's content; undefined falls back to the column's value as text */
  renderCell: (columnId: string, row: T) => ReactNode | undefined
  selectedId?: string | null
  onSelect?: (row: T) => void
  label: string
  testId: string
  rowTestId: (row: T) => string
  rowClass?: (row: T) => string
  searchPlaceholder: string
  searchTestId: string
  emptyText: string
  initialSorting?: SortingState
  /** buttons beside the search box */
  actions?: ReactNode
  /** controls before the search box (filters) */
  filters?: ReactNode
  /** a filter besides the search (the element of a construction); the count says "n of all" */
  keep?: (row: T) => boolean
  /** column id -> the unit under its header, where it depends on the data (a currency) */
  headerUnits?: Record<string, string>
}

const visibility = { [SEARCH_COLUMN]: false }

/** A sortable, searchable table of library items (tens of rows: not virtualized). */
export function DataTable<T extends { id: string }>(p: Props<T>) {
  const [search, setSearch] = useState('')
  const [sorting, setSorting] = useState<SortingState>(p.initialSorting ?? [])
  const { rows: all, keep } = p
  const data = useMemo(() => (keep ? all.filter(keep) : all), [all, keep])
  const table = useTable<Features, T>({
    ...commonOptions,
    features: tableFeaturesAll,
    columns: p.columns,
    data,
    getRowId: (r: T) => r.id,
    state: { globalFilter: search, sorting, columnVisibility: visibility },
    onGlobalFilterChange: (u) => setSearch((s) => String(typeof u === 'function' ? u(s) : (u ?? ''))),
    onSortingChange: setSorting,
  })
  const rows = table.getRowModel().rows
  const headers = table.getHeaderGroups()
  return (
    <div className="data-table">
      <div className="table-toolbar">
        {p.filters}
        <input
          type="search"
          className="text-input text-input-plain search-input"
          placeholder={p.searchPlaceholder}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label={p.searchPlaceholder}
          data-testid={p.searchTestId}
        />
        <span className="subtle table-count" data-testid={`${p.testId}-count`}>
          {rows.length === p.rows.length ? `${p.rows.length}` : `${rows.length} of ${p.rows.length}`}
        </span>
        {p.actions}
      </div>
      <div className="table-scroll">
        <table className="grid-table" aria-label={p.label} data-testid={p.testId}>
          <thead>
            {headers.map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => (
                  <SortHeader key={h.id} header={h} unit={p.headerUnits?.[h.column.id]} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className="empty-note">
                  {p.rows.length === 0 ? p.emptyText : search ? 'Nothing matches the search.' : 'Nothing matches the filter.'}
                </td>
              </tr>
            ) : (
              rows.map((row) => {
                const r = row.original as T
                const selected = p.selectedId === r.id
                return (
                  <tr
                    key={row.id}
                    className={`${selected ? 'row-selected' : ''} ${p.rowClass?.(r) ?? ''} ${p.onSelect ? 'row-clickable' : ''}`.trim()}
                    onClick={p.onSelect ? () => p.onSelect!(r) : undefined}
                    aria-selected={p.onSelect ? selected : undefined}
                    data-testid={p.rowTestId(r)}
                  >
                    {row.getVisibleCells().map((cell, i) => {
                      const meta = cell.column.columnDef.meta
                      const custom = p.renderCell(cell.column.id, r)
                      const content = custom !== undefined ? custom : String(cell.getValue() ?? '')
                      return (
                        <td key={cell.id} className={meta?.numeric ? 'num' : undefined}>
                          {i === 0 && p.onSelect ? (
                            <button
                              type="button"
                              className="cell-button"
                              onClick={(e) => {
                                e.stopPropagation()
                                p.onSelect!(r)
                              }}
                            >
                              {content}
                            </button>
                          ) : (
                            content
                          )}
                        </td>
                      )
                    })}
                  </tr>
                )
              })
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
