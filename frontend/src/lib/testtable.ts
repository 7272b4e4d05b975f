// Builds a TanStack table outside React for the tests of the column definitions.
import { constructTable, type ColumnDef } from '@tanstack/table-core'
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings'
import { commonOptions, tableFeaturesAll, type Features } from './tables'

const features = { ...tableFeaturesAll, coreReactivityFeature: storeReactivityBindings() }

export function tableOf<T extends { id: string }>(data: T[], columns: Array<ColumnDef<Features, T, any>>, initialState: Record<string, unknown> = {}) {
  return constructTable({
    ...commonOptions,
    features,
    columns,
    data,
    getRowId: (r: T) => r.id,
    initialState: { columnVisibility: { search: false }, ...initialState },
  } as any)
}

export function ids(rows: Array<{ id: string }>): string[] {
  return rows.map((r) => r.id)
}
