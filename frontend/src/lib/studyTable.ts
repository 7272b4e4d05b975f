// A study's variant table: one row per variant and weather file, the baselines pinned on top.
// Rows carry display-ready figures (AmountViews, deltas against the baseline with the same
// weather file, paybacks) and the numbers the columns sort by; a missing figure sorts last.
import { createColumnHelper } from '@tanstack/table-core'
import type { LcaResult, Progress, RunStatus, StudyTable, VariantResult } from '../bridge/types'
import { amountView, BASELINE_PAYBACK, deltaVsBaseline, paybackView, type AmountView, type Delta, type PaybackView } from './amount'
import { formatNumber } from './format'
import { ELEMENTS, elementLabel } from './library'
import type { RunView } from './runs'
import { isFinal, isSucceeded, statusInfo, statusRank } from './status'
import { KEEP } from './study'
import { SEARCH_COLUMN, type Features } from './tables'

export const UNCHANGED = 'unchanged'

export interface Choice {
  /** "keep" or a construction id */
  id: string
  /** the construction's name, or "unchanged" */
  label: string
  changed: boolean
}

export interface StudyRow {
  /** variant and weather: unique within the table */
  id: string
  variantId: number
  key: string
  name: string
  baseline: boolean
  weatherId: number
  weatherName: string
  runId: number
  choices: Record<string, Choice>
  /** element -> m² the variant changes (unchanged elements absent) */
  areas: Record<string, number>
  status: RunStatus
  /** live progress while the run is going (from run events) */
  progress: Progress | null
  /** how the run ended when it failed (Go's headline: the first severe error, the version mismatch, ...) */
  headline: string
  cached: boolean
  /** annual total site energy, kWh, once the run succeeded */
  energyKWh: number | undefined
  /** against the baseline with the same weather file; null for the baseline and unknown figures */
  delta: Delta | null
  /** why there is no delta ('' when there is one) */
  deltaReason: string
  euiKWhPerM2: number | undefined
  /** the base model's Atemp, m² (blank until its settings give one): the figures per m² divide by it */
  atemp: number | undefined
  /** EP_pet (kWh/m² Atemp per year) and its class A-G, once the run succeeded and no input is missing */
  primaryEnergyNumber: number | undefined
  energyClass: string
  /** peak heating power, W */
  peakHeatingW: number | undefined
  /** the worst zone's hours above the overheating threshold */
  overheatingHours: number | undefined
  operational: AmountView
  embodied: AmountView
  lifeCycleCarbon: AmountView
  investment: AmountView
  lifeCycleCost: AmountView
  simplePayback: PaybackView
  carbonPayback: PaybackView
  paretoCarbonCost: boolean
  paretoEnergyEmbodied: boolean
  search: string
}

/** An AmountView of a figure that does not exist yet, saying why. */
function pending(why: string): AmountView {
  return amountView({ value: 0, complete: false, missing: [why] })
}

/** The baseline's own embodied carbon and investment: nothing is renovated. */
const unchangedView: AmountView = { text: UNCHANGED, complete: true, missing: [], title: 'The baseline changes nothing: no embodied carbon and no investment', sortValue: 0 }

/** Why a row has no carbon and cost figures yet. */
export function lcaPendingReason(row: Pick<VariantResult, 'status'>, baseline: Pick<VariantResult, 'status'> | undefined): string {
  if (!isFinal(row.status)) return 'results: the run has not finished'
  if (!isSucceeded(row.status)) return `results: the run ended “${statusInfo(row.status).label}”`
  if (!baseline) return 'the baseline run with this weather file'
  if (!isFinal(baseline.status)) return 'the baseline run has not finished'
  if (!isSucceeded(baseline.status)) return `the baseline run ended “${statusInfo(baseline.status).label}”`
  return 'results of this run'
}

/**
 * The table's rows. `names` gives a construction's name for its id; `live` the runs as run
 * events left them, whose newer status and progress replace the table's snapshot.
 */
export function buildStudyRows(table: StudyTable | null | undefined, names: (id: string) => string = (id) => id, live?: ReadonlyMap<number, RunView>): StudyRow[] {
  const rows = table?.rows ?? []
  const baselines = new Map<number, VariantResult>()
  for (const r of rows) if (r.baseline) baselines.set(r.weatherId, r)
  const energy = (r: VariantResult | undefined) => (r && r.results && isSucceeded(r.status) ? r.results.totalSiteKWh : undefined)
  return rows.map((r) => {
    const run = live?.get(r.runId)
    const fresher = run && statusRank(run.status) >= statusRank(r.status)
    const status: RunStatus = fresher ? run.status : r.status
    const base = baselines.get(r.weatherId)
    const choices: Record<string, Choice> = {}
    for (const el of ELEMENTS) {
      const id = r.choices?.[el] || KEEP
      choices[el] = id === KEEP ? { id, label: UNCHANGED, changed: false } : { id, label: names(id), changed: true }
    }
    const e = energy(r)
    const delta = r.baseline ? null : deltaVsBaseline(e, energy(base))
    const deltaReason = r.baseline ? 'baseline' : delta ? '' : e === undefined ? lcaPendingReason(r, base).replace(/^results: /, '') : 'the baseline has no result yet'
    const lca: LcaResult | null | undefined = r.lca
    const why = lcaPendingReason(r, base)
    const view = (pick: (l: LcaResult) => Parameters<typeof amountView>[0], digits = 0) => (lca ? amountView(pick(lca), (n) => formatNumber(n, digits)) : pending(why))
    const period = lca?.analysisPeriodYears
    return {
      id: `${r.variantId}:${r.weatherId}`,
      variantId: r.variantId,
      key: r.key,
      name: r.name,
      baseline: r.baseline,
      weatherId: r.weatherId,
      weatherName: r.weatherName,
      runId: r.runId,
      choices,
      areas: r.areas ?? {},
      status,
      progress: fresher && !isFinal(run.status) ? run.progress : null,
      headline: (fresher ? run.headline : r.headline) || r.headline,
      cached: r.cached,
      energyKWh: e,
      delta,
      deltaReason,
      euiKWhPerM2: r.results && isSucceeded(r.status) ? r.results.euiKWhPerM2 : undefined,
      atemp: r.atemp ?? undefined,
      primaryEnergyNumber: isSucceeded(r.status) ? (r.primaryEnergyNumber ?? undefined) : undefined,
      energyClass: isSucceeded(r.status) ? r.energyClass || '' : '',
      peakHeatingW: isSucceeded(r.status) ? (r.peakHeatingW ?? undefined) : undefined,
      overheatingHours: isSucceeded(r.status) ? (r.overheatingHours ?? undefined) : undefined,
      operational: view((l) => l.operationalKgCO2ePerYear),
      embodied: r.baseline ? unchangedView : view((l) => l.embodiedKgCO2e),
      lifeCycleCarbon: view((l) => l.lifeCycleKgCO2e),
      investment: r.baseline ? unchangedView : view((l) => l.investmentCost),
      lifeCycleCost: view((l) => l.lifeCycleCost),
      simplePayback: r.baseline ? paybackView(BASELINE_PAYBACK) : lca ? paybackView(lca.simplePayback, period) : { ...paybackView(null), title: `Missing: ${why}` },
      carbonPayback: r.baseline ? paybackView(BASELINE_PAYBACK) : lca ? paybackView(lca.carbonPayback, period) : { ...paybackView(null), title: `Missing: ${why}` },
      paretoCarbonCost: r.paretoCarbonCost,
      paretoEnergyEmbodied: r.paretoEnergyEmbodied,
      // Changed elements only: "wall" finds the variants that change the wall.
      search: [r.name, r.weatherName, statusInfo(status).label, ...ELEMENTS.filter((el) => choices[el].changed).map((el) => `${elementLabel(el)}: ${choices[el].label}`), r.paretoCarbonCost || r.paretoEnergyEmbodied ? 'pareto' : ''].join(' '),
    }
  })
}

/** Ids of the baseline rows, to pin on top. */
export function baselineRowIds(rows: readonly StudyRow[]): string[] {
  return rows.filter((r) => r.baseline).map((r) => r.id)
}

/**
 * Whether the table is behind the runs: a run the table still shows as unfinished has ended
 * according to run events, so its results (and every delta against it) should be fetched.
 */
export function tableIsStale(table: StudyTable | null | undefined, live: ReadonlyMap<number, Pick<RunView, 'status'>>): boolean {
  for (const r of table?.rows ?? []) {
    const run = live.get(r.runId)
    if (run && isFinal(run.status) && !isFinal(r.status)) return true
  }
  return false
}

/** Fuels with delivered energy in the study's results: those need an emission factor and a price. */
export function fuelsUsed(table: StudyTable | null | undefined): string[] {
  const out = new Set<string>()
  for (const r of table?.rows ?? []) for (const e of r.results?.endUses ?? []) if (e.kWh !== 0 && e.fuel) out.add(e.fuel)
  return [...out].sort()
}

/** Every input the table's carbon and cost figures lack, once each ("District Heating Water price"). */
export function missingInputs(table: StudyTable | null | undefined): string[] {
  const out = new Set<string>()
  for (const r of table?.rows ?? []) {
    const l = r.lca
    if (!l) continue
    for (const a of [l.operationalKgCO2ePerYear, l.embodiedKgCO2e, l.energyCostPerYear, l.investmentCost, l.lifeCycleCost, l.lifeCycleKgCO2e]) {
      for (const m of a?.missing ?? []) out.add(m)
    }
  }
  return [...out].sort()
}

/** "3 of 12 runs finished" */
export function progressLine(table: Pick<StudyTable, 'finished' | 'total'> | null | undefined): string {
  if (!table) return ''
  return `${table.finished} of ${table.total} runs finished`
}

// ---------- column definitions ----------

const h = createColumnHelper<Features, StudyRow>()

const choiceColumn = (el: string) =>
  h.accessor((r) => (r.choices[el]?.changed ? r.choices[el].label : ''), {
    id: `choice-${el}`,
    header: elementLabel(el),
    sortFn: 'alphanumeric',
    meta: { description: `The ${el} construction of the variant; “${UNCHANGED}” keeps the model's own` },
  })

export const studyColumns = h.columns([
  h.accessor('name', { header: 'Variant', sortFn: 'alphanumeric', meta: { canHide: false } }),
  h.accessor('weatherName', { id: 'weather', header: 'Weather', sortFn: 'alphanumeric' }),
  ...ELEMENTS.map(choiceColumn),
  h.accessor((r) => statusRank(r.status) * 100 + (r.progress?.percent ?? 0), { id: 'status', header: 'Status', meta: { description: 'The run of this variant with this weather file' } }),
  h.accessor('energyKWh', { id: 'energy', header: 'Site energy', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/yr', description: 'Annual total site energy' } }),
  h.accessor((r) => r.delta?.abs, { id: 'deltaAbs', header: 'Δ energy', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/yr', description: 'Variant minus baseline (same weather file): negative saves energy' } }),
  h.accessor((r) => r.delta?.pct ?? undefined, { id: 'deltaPct', header: 'Δ energy', sortUndefined: 'last', meta: { numeric: true, unit: '%', description: 'Change against the baseline, in % of the baseline' } }),
  h.accessor('euiKWhPerM2', { id: 'eui', header: 'EUI', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/m²·yr', description: 'Energy use intensity: site energy per m² of building area' } }),
  h.accessor('primaryEnergyNumber', { id: 'primaryEnergy', header: 'EP_pet', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/m²·yr', description: 'Primary energy number (BBR 9:12) per m² Atemp, with the base model’s settings' } }),
  h.accessor('energyClass', { id: 'energyClass', header: 'Class', sortUndefined: 'last', sortFn: 'alphanumeric', meta: { description: 'Energy class A-G: EP_pet against the requirement for a new building of the type' } }),
  h.accessor((r) => (r.peakHeatingW === undefined ? undefined : r.peakHeatingW / 1000), { id: 'peakHeating', header: 'Peak heating', sortUndefined: 'last', meta: { numeric: true, unit: 'kW', description: 'Highest hourly mean of delivered space-heating power' } }),
  h.accessor('overheatingHours', { id: 'overheating', header: 'Overheating', sortUndefined: 'last', meta: { numeric: true, unit: 'h', description: 'Occupied hours above the overheating threshold (Settings › Swedish rules) in the worst zone' } }),
  h.accessor((r) => r.operational.sortValue, { id: 'operational', header: 'Operational', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e/yr', description: 'Annual operational carbon: delivered energy by fuel × emission factor' } }),
  h.accessor((r) => r.embodied.sortValue, { id: 'embodied', header: 'Embodied', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e', description: 'Embodied carbon (A1-A3) of the changed elements: area × GWP per m²' } }),
  h.accessor((r) => r.lifeCycleCarbon.sortValue, { id: 'lifeCycleCarbon', header: 'Life-cycle carbon', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e', description: 'Operational over the analysis period + embodied' } }),
  h.accessor((r) => r.investment.sortValue, { id: 'investment', header: 'Investment', sortUndefined: 'last', meta: { numeric: true, unit: 'currency', description: 'Area of the changed elements × cost per m²' } }),
  h.accessor((r) => r.lifeCycleCost.sortValue, { id: 'lifeCycleCost', header: 'Life-cycle cost', sortUndefined: 'last', meta: { numeric: true, unit: 'currency', description: 'Investment + energy cost over the analysis period (discounted)' } }),
  h.accessor((r) => r.simplePayback.sortValue, { id: 'simplePayback', header: 'Payback', sortUndefined: 'last', meta: { numeric: true, unit: 'years', description: 'Simple payback: investment / annual energy cost saving' } }),
  h.accessor((r) => r.carbonPayback.sortValue, { id: 'carbonPayback', header: 'Carbon payback', sortUndefined: 'last', meta: { numeric: true, unit: 'years', description: 'Embodied carbon / annual operational carbon saving' } }),
  h.accessor((r) => (r.paretoCarbonCost ? 2 : 0) + (r.paretoEnergyEmbodied ? 1 : 0), { id: 'pareto', header: 'Pareto', meta: { description: 'Pareto-optimal within the study (same weather): on life-cycle carbon and cost, and on annual energy and embodied carbon' } }),
  h.accessor('search', { id: SEARCH_COLUMN, header: '', enableSorting: false, meta: { canHide: false } }),
])

/** Column ids the chooser offers, with their labels ("Δ energy (%)"). */
export function choosableColumns(): Array<{ id: string; label: string }> {
  return studyColumns
    .filter((c) => c.meta?.canHide !== false)
    .map((c) => {
      const id = (c as { id?: string }).id ?? String((c as { accessorKey?: string }).accessorKey)
      const unit = c.meta?.unit
      return { id, label: `${String(c.header ?? id)}${unit && c.meta?.numeric ? ` (${unit})` : ''}` }
    })
}

/** Hidden at first: the search text column (and the weather column when there is one weather file). */
export function initialVisibility(weatherCount: number): Record<string, boolean> {
  return { [SEARCH_COLUMN]: false, weather: weatherCount > 1 }
}
