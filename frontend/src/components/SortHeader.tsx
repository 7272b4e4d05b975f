import type { Header } from '@tanstack/react-table'
import type { Features } from '../lib/tables'

/** A column header that sorts on click: ascending, descending, off. `unit` overrides the column's own (SI / IP). */
export function SortHeader({ header, unit }: { header: Header<Features, any, unknown>; unit?: string }) {
  const col = header.column
  const meta = col.columnDef.meta
  const title = typeof col.columnDef.header === 'string' ? col.columnDef.header : col.id
  const sorted = col.getIsSorted()
  const canSort = col.getCanSort()
  const label = (
    <>
      <span className="th-title">{title}</span>
      {(unit ?? meta?.unit) ? <span className="th-unit">{unit ?? meta?.unit}</span> : null}
    </>
  )
  return (
    <th
      className={meta?.numeric ? 'num' : undefined}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
      title={meta?.description}
      scope="col"
      data-column={col.id}
    >
      {canSort ? (
        <button type="button" className="th-button" onClick={col.getToggleSortingHandler()} data-testid={`sort-${col.id}`}>
          {label}
          <span className="sort-mark" aria-hidden="true">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  )
}
