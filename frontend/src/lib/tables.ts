// What the library and study tables share: the TanStack Table features they register, a text
// search that matches every word typed anywhere in a row, and column meta for the renderer.
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  metaHelper,
  rowPinningFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type FilterFn,
} from '@tanstack/table-core'

/** How the renderer treats a column. */
export interface ColumnMeta {
  /** right-aligned numbers with tabular digits */
  numeric?: boolean
  /** the unit shown in the header under the title */
  unit?: string
  /** the header's tooltip: what the column means */
  description?: string
  /** shown in the column chooser; false for columns that must stay */
  canHide?: boolean
}

/** The search accepts every word in any order: "triple etics" finds "Wall: ETICS | Window: triple". */
export function matchesSearch(text: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const t = text.toLowerCase()
  return words.every((w) => t.includes(w))
}

/** The id of the hidden column that carries a row's search text. */
export const SEARCH_COLUMN = 'search'

/** Global filter: only the search column takes part, and it holds the whole row's text. */
export const searchFilter: FilterFn<typeof tableFeaturesAll, any> = (row, columnId, value) =>
  matchesSearch(String(row.getValue(columnId) ?? ''), String(value ?? ''))

/** Features of every table here: sort, text search, column chooser, pinned rows. */
export const tableFeaturesAll = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: {},
  columnVisibilityFeature,
  rowPinningFeature,
  columnMeta: metaHelper<ColumnMeta>(),
})

export type Features = typeof tableFeaturesAll

/** Table options every table uses: search only in the search column, blanks sort last. */
export const commonOptions = {
  globalFilterFn: searchFilter,
  getColumnCanGlobalFilter: (column: { id: string }) => column.id === SEARCH_COLUMN,
  enableSortingRemoval: true,
} as const
