// The runs screen's table: one dense row per run, sortable by every column, filtered by text
// (model, weather, status, headline) and by a status group. A failed run's row leads with its
// one headline: the version mismatch advice, or the first severe error, never EnergyPlus's
// generic "Errors occurred on processing input file".
import { createColumnHelper } from '@tanstack/table-core'
import { RunStatus } from '../bridge/types'
import { runElapsedSeconds, type RunView } from './runs'
import { failureView, isFinal, isSucceeded, statusInfo, statusRank } from './status'
import { SEARCH_COLUMN, type Features } from './tables'

/** The status filter's choices. */
export type StatusGroup = 'all' | 'active' | 'succeeded' | 'failed' | 'cancelled'

export const STATUS_GROUPS: Array<[StatusGroup, string]> = [
  ['all', 'All statuses'],
  ['active', 'Queued or running'],
  ['succeeded', 'Succeeded'],
  ['failed', 'Failed'],
  ['cancelled', 'Cancelled'],
]

export function statusGroup(status: string): Exclude<StatusGroup, 'all'> {
  if (!isFinal(status)) return 'active'
  if (isSucceeded(status)) return 'succeeded'
  if (status === RunStatus.Cancelled) return 'cancelled'
  return 'failed'
}

/** A failed run's one line: a few words of reason ("Version mismatch") and the headline. */
export interface Headline {
  reason: string
  text: string
}

/** The headline of a run that failed ('' text for one that did not, or has not ended). */
export function failureHeadline(run: Pick<RunView, 'status' | 'kind' | 'headline' | 'message' | 'firstSevere' | 'lastSevere'>): Headline {
  const f = failureView(run)
  return { reason: f.reason, text: f.line }
}

export interface RunTableRow {
  id: string
  run: RunView
  headline: Headline
  /** seconds the run took, or has taken so far; undefined before it started */
  took: number | undefined
  /** EP_pet, kWh/m² Atemp per year (Swedish figures); undefined when unknown */
  primaryEnergy: number | undefined
  energyClass: string
  /** the words the filter box searches */
  search: string
}

export function runTableRows(runs: RunView[], nowMs: number): RunTableRow[] {
  return runs.map((run) => {
    const headline = failureHeadline(run)
    const ok = isSucceeded(run.status)
    const elapsed = run.cachedFrom > 0 ? null : runElapsedSeconds(run, nowMs)
    return {
      id: String(run.id),
      run,
      headline,
      took: elapsed ?? undefined,
      primaryEnergy: ok ? (run.figures?.primaryEnergyNumber ?? undefined) : undefined,
      energyClass: ok ? run.figures?.energyClass || '' : '',
      search: [`#${run.id}`, run.modelName, run.weatherName, statusInfo(run.status).label, run.status, headline.reason, headline.text].join(' '),
    }
  })
}

/** The rows a status group keeps. */
export function filterByStatus(rows: RunTableRow[], group: StatusGroup): RunTableRow[] {
  return group === 'all' ? rows : rows.filter((r) => statusGroup(r.run.status) === group)
}

const h = createColumnHelper<Features, RunTableRow>()

export const runColumns = h.columns([
  h.accessor((r) => r.run.id, { id: 'id', header: '#', meta: { numeric: true, description: 'Run number: newer runs have higher numbers' } }),
  h.accessor((r) => r.run.modelName, { id: 'model', header: 'Model', sortFn: 'alphanumeric' }),
  h.accessor((r) => r.run.weatherName, { id: 'weather', header: 'Weather', sortFn: 'alphanumeric' }),
  // Lifecycle order, then progress: running runs sort by how far they are.
  h.accessor((r) => statusRank(r.run.status) * 1000 + (isFinal(r.run.status) ? failureOrder(r.run.status) : (r.run.progress?.percent ?? 0)), {
    id: 'status',
    header: 'Status',
    meta: { description: 'Where the run is; a failed run says why on the line below' },
  }),
  // Severe errors count before warnings: 1 severe sorts above 500 warnings.
  h.accessor((r) => r.run.severe * 1e9 + r.run.warnings, {
    id: 'problems',
    header: 'Warn.·Sev.',
    meta: { numeric: true, description: 'Warnings and severe errors in eplusout.err; sorted by severe errors first' },
  }),
  // When a run was queued is its number's order (and the time's tooltip): one column of time.
  h.accessor((r) => r.took, { id: 'took', header: 'Time', sortUndefined: 'last', meta: { numeric: true, description: 'How long the simulation took (so far, while it runs); when it was queued is in the tooltip' } }),
  h.accessor('primaryEnergy', {
    id: 'energy',
    header: 'EP_pet',
    sortUndefined: 'last',
    // Lower is better: the first click shows the most efficient runs first.
    sortDescFirst: false,
    meta: { numeric: true, unit: 'kWh/m²·yr', description: 'Primary energy number (BBR 9:12) per m² Atemp, with the model’s Swedish settings' },
  }),
  h.accessor((r) => r.energyClass || undefined, {
    id: 'energyClass',
    header: 'Class',
    sortUndefined: 'last',
    sortFn: 'alphanumeric',
    meta: { description: 'Energy class A-G: EP_pet against the requirement for a new building of the type' },
  }),
  h.accessor('search', { id: SEARCH_COLUMN, header: '', enableSorting: false }),
])

/** Among finished runs: succeeded first, then the failures, cancelled last. */
function failureOrder(status: string): number {
  return isSucceeded(status) ? (status === RunStatus.Succeeded ? 0 : 1) : status === RunStatus.Cancelled ? 3 : 2
}
