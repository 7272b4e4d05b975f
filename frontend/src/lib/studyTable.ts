// A study's variant table: one row per variant and weather file, the baselines pinned on top.
// Rows carry display-ready figures (AmountViews, deltas against the baseline with the same
// weather file, paybacks) and the numbers the columns sort by; a missing figure sorts last.
import { createColumnHelper } from '@tanstack/table-core'
import type { StudyMeasure } from '../bridge/api'
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

/** A row's option of one measure (exterior lights, heat recovery, ...). */
export interface MeasureChoice {
  id: string
  /** the measure's readable name ("Exterior lights") */
  name: string
  /** the option's label or values ("2500", "0.8 / 0.7"), or "unchanged" */
  value: string
  changed: boolean
}

/**
 * A row of the study table, as buildStudyRows makes it. Its figures are getters made on first
 * read (see LazyStudyRow): spreading a row ({ ...row }) leaves them out, so a changed row is
 * built from a changed VariantResult instead.
 */
export interface StudyRow {
  /** variant and weather: unique within the table */
  id: string
  variantId: number
  key: string
  /** the variant's short id within the study ("B", "V1", ...), the same in the table, scatter and report */
  label: string
  name: string
  baseline: boolean
  weatherId: number
  weatherName: string
  runId: number
  choices: Record<string, Choice>
  /** the study's measures in its spec's order, with this row's option of each */
  measures: MeasureChoice[]
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
  /** Atemp, m² (the base model's setting, else EnergyPlus's conditioned area) */
  atemp: number | undefined
  /** annual site energy per m² Atemp */
  energyPerM2: number | undefined
  /** energy per m² Atemp against the baseline with the same weather file */
  deltaPerM2: Delta | null
  /** embodied and life-cycle carbon per m² Atemp */
  embodiedPerM2: AmountView
  lifeCycleCarbonPerM2: AmountView
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

/** A carbon or cost figure per m² Atemp: incomplete, saying so, when Atemp is unknown. */
export function perM2View(v: AmountView, atemp: number | undefined, digits = 1): AmountView {
  if (!v.complete || v.sortValue === undefined) return v
  if (atemp === undefined || !(atemp > 0)) return amountView({ value: 0, complete: false, missing: ['Atemp of the model (its settings)'] })
  return amountView({ value: v.sortValue / atemp, complete: true, missing: [] }, (n) => formatNumber(n, digits))
}

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
export function buildStudyRows(
  table: (StudyTable & { measures?: StudyMeasure[] }) | null | undefined,
  names: (id: string) => string = (id) => id,
  live?: ReadonlyMap<number, RunView>,
): StudyRow[] {
  const rows = table?.rows ?? []
  const measures = table?.measures ?? []
  const baselines = new Map<number, VariantResult>()
  for (const r of rows) if (r.baseline) baselines.set(r.weatherId, r)
  return rows.map((r) => new LazyStudyRow(r, baselines.get(r.weatherId), names, live?.get(r.runId), measures))
}

/** A row's option of each measure: "unchanged" where it keeps the model's value. */
export function measureChoices(r: Pick<VariantResult, 'measures'>, measures: readonly StudyMeasure[]): MeasureChoice[] {
  return measures.map(({ id, name }) => {
    const v = r.measures?.[id] || KEEP
    return v === KEEP ? { id, name, value: UNCHANGED, changed: false } : { id, name, value: v, changed: true }
  })
}

const energyOf = (r: VariantResult | undefined) => (r && r.results && isSucceeded(r.status) ? r.results.totalSiteKWh : undefined)
const energyPerM2Of = (r: VariantResult | undefined) => {
  const e = energyOf(r)
  return e !== undefined && r?.atemp ? e / r.atemp : undefined
}

/**
 * A row of the table. Its figures' views (text, tooltip, sort value) and its search text are
 * made when first read, then kept: a 10,000-row table draws a screenful and sorts on one column,
 * and making every view of every row up front was most of its first render (the garbage
 * collector's, mostly: a few hundred thousand objects, each copied while it survived).
 */
class LazyStudyRow implements StudyRow {
  readonly id: string
  readonly variantId: number
  readonly key: string
  readonly label: string
  readonly name: string
  readonly baseline: boolean
  readonly weatherId: number
  readonly weatherName: string
  readonly runId: number
  readonly areas: Record<string, number>
  readonly status: RunStatus
  readonly progress: Progress | null
  readonly headline: string
  readonly cached: boolean
  readonly energyKWh: number | undefined
  readonly euiKWhPerM2: number | undefined
  readonly atemp: number | undefined
  readonly energyPerM2: number | undefined
  readonly primaryEnergyNumber: number | undefined
  readonly energyClass: string
  readonly peakHeatingW: number | undefined
  readonly overheatingHours: number | undefined
  readonly paretoCarbonCost: boolean
  readonly paretoEnergyEmbodied: boolean
  private readonly source: VariantResult
  private readonly base: VariantResult | undefined
  private readonly names: (id: string) => string
  private readonly measureList: readonly StudyMeasure[]
  private made: Partial<Pick<StudyRow, LazyField>> = {}

  constructor(r: VariantResult, base: VariantResult | undefined, names: (id: string) => string, run: RunView | undefined, measures: readonly StudyMeasure[] = []) {
    const fresher = run && statusRank(run.status) >= statusRank(r.status)
    const succeeded = isSucceeded(r.status)
    this.source = r
    this.base = base
    this.names = names
    this.measureList = measures
    this.id = `${r.variantId}:${r.weatherId}`
    this.variantId = r.variantId
    this.key = r.key
    this.label = r.label || ''
    this.name = r.name
    this.baseline = r.baseline
    this.weatherId = r.weatherId
    this.weatherName = r.weatherName
    this.runId = r.runId
    this.areas = r.areas ?? {}
    this.status = fresher ? run.status : r.status
    this.progress = fresher && !isFinal(run.status) ? run.progress : null
    this.headline = (fresher ? run.headline : r.headline) || r.headline
    this.cached = r.cached
    this.energyKWh = energyOf(r)
    this.euiKWhPerM2 = r.results && succeeded ? r.results.euiKWhPerM2 : undefined
    this.atemp = r.atemp ?? undefined
    this.energyPerM2 = energyPerM2Of(r)
    this.primaryEnergyNumber = succeeded ? (r.primaryEnergyNumber ?? undefined) : undefined
    this.energyClass = succeeded ? r.energyClass || '' : ''
    this.peakHeatingW = succeeded ? (r.peakHeatingW ?? undefined) : undefined
    this.overheatingHours = succeeded ? (r.overheatingHours ?? undefined) : undefined
    this.paretoCarbonCost = r.paretoCarbonCost
    this.paretoEnergyEmbodied = r.paretoEnergyEmbodied
  }

  private once<K extends LazyField>(k: K, make: () => StudyRow[K]): StudyRow[K] {
    if (!(k in this.made)) this.made[k] = make()
    return this.made[k] as StudyRow[K]
  }

  private get why(): string {
    return lcaPendingReason(this.source, this.base)
  }

  private view(pick: (l: LcaResult) => Parameters<typeof amountView>[0], digits = 0): AmountView {
    const lca = this.source.lca
    return lca ? amountView(pick(lca), (n) => formatNumber(n, digits)) : pending(this.why)
  }

  private payback(pick: (l: LcaResult) => Parameters<typeof paybackView>[0]): PaybackView {
    const lca = this.source.lca
    if (this.baseline) return paybackView(BASELINE_PAYBACK)
    return lca ? paybackView(pick(lca), lca.analysisPeriodYears) : { ...paybackView(null), title: `Missing: ${this.why}` }
  }

  get choices(): Record<string, Choice> {
    return this.once('choices', () => {
      const choices: Record<string, Choice> = {}
      for (const el of ELEMENTS) {
        const id = this.source.choices?.[el] || KEEP
        choices[el] = id === KEEP ? { id, label: UNCHANGED, changed: false } : { id, label: this.names(id), changed: true }
      }
      return choices
    })
  }
  get measures(): MeasureChoice[] {
    return this.once('measures', () => measureChoices(this.source, this.measureList))
  }
  get delta(): Delta | null {
    return this.once('delta', () => (this.baseline ? null : deltaVsBaseline(this.energyKWh, energyOf(this.base))))
  }
  get deltaReason(): string {
    return this.once('deltaReason', () =>
      this.baseline ? 'baseline' : this.delta ? '' : this.energyKWh === undefined ? this.why.replace(/^results: /, '') : 'the baseline has no result yet',
    )
  }
  get deltaPerM2(): Delta | null {
    return this.once('deltaPerM2', () => (this.baseline ? null : deltaVsBaseline(this.energyPerM2, energyPerM2Of(this.base))))
  }
  get operational(): AmountView {
    return this.once('operational', () => this.view((l) => l.operationalKgCO2ePerYear))
  }
  get embodied(): AmountView {
    return this.once('embodied', () => (this.baseline ? unchangedView : this.view((l) => l.embodiedKgCO2e)))
  }
  get lifeCycleCarbon(): AmountView {
    return this.once('lifeCycleCarbon', () => this.view((l) => l.lifeCycleKgCO2e))
  }
  get embodiedPerM2(): AmountView {
    return this.once('embodiedPerM2', () => (this.baseline ? unchangedView : perM2View(this.embodied, this.atemp)))
  }
  get lifeCycleCarbonPerM2(): AmountView {
    return this.once('lifeCycleCarbonPerM2', () => perM2View(this.lifeCycleCarbon, this.atemp))
  }
  get investment(): AmountView {
    return this.once('investment', () => (this.baseline ? unchangedView : this.view((l) => l.investmentCost)))
  }
  get lifeCycleCost(): AmountView {
    return this.once('lifeCycleCost', () => this.view((l) => l.lifeCycleCost))
  }
  get simplePayback(): PaybackView {
    return this.once('simplePayback', () => this.payback((l) => l.simplePayback))
  }
  get carbonPayback(): PaybackView {
    return this.once('carbonPayback', () => this.payback((l) => l.carbonPayback))
  }
  // Changed elements only: "wall" finds the variants that change the wall.
  get search(): string {
    return this.once('search', () => {
      const r = this.source
      const changed = ELEMENTS.filter((el) => this.choices[el].changed).map((el) => `${elementLabel(el)}: ${this.choices[el].label}`)
      const measures = this.measures.filter((m) => m.changed).map((m) => `${m.name}: ${m.value}`)
      return [r.label, r.name, r.weatherName, statusInfo(this.status).label, ...changed, ...measures, r.paretoCarbonCost || r.paretoEnergyEmbodied ? 'pareto' : ''].join(' ')
    })
  }
}

/** The fields a row makes when they are first read. */
type LazyField =
  | 'choices'
  | 'measures'
  | 'delta'
  | 'deltaReason'
  | 'deltaPerM2'
  | 'operational'
  | 'embodied'
  | 'lifeCycleCarbon'
  | 'embodiedPerM2'
  | 'lifeCycleCarbonPerM2'
  | 'investment'
  | 'lifeCycleCost'
  | 'simplePayback'
  | 'carbonPayback'
  | 'search'

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

// The table opens on numbers: the frozen variant column (short id, name, Pareto mark), then
// what the user chooses a package by, per m² Atemp; the rest is one click away in "Columns…",
// and the constructions are in each row's expandable details.
export const studyColumns = h.columns([
  h.accessor((r) => (r.baseline ? -1 : Number(r.label.slice(1)) || r.variantId), { id: 'name', header: 'Variant', meta: { canHide: false, description: 'Short id, name and Pareto mark (★: Pareto-optimal); ▸ shows the constructions' } }),
  h.accessor('weatherName', { id: 'weather', header: 'Weather', sortFn: 'alphanumeric' }),
  h.accessor((r) => r.deltaPerM2?.abs, { id: 'deltaM2', header: 'Δ energy', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/m²·yr', description: 'Site energy per m² Atemp, variant minus baseline (same weather file): negative saves energy' } }),
  h.accessor((r) => r.delta?.pct ?? undefined, { id: 'deltaPct', header: 'Δ energy', sortUndefined: 'last', meta: { numeric: true, unit: '%', description: 'Change against the baseline, in % of the baseline' } }),
  h.accessor('primaryEnergyNumber', { id: 'primaryEnergy', header: 'EP_pet', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/m²·yr', description: 'Primary energy number (BBR 9:12) per m² Atemp, with the base model’s settings' } }),
  h.accessor('energyClass', { id: 'energyClass', header: 'Class', sortUndefined: 'last', sortFn: 'alphanumeric', meta: { description: 'Energy class A-G: EP_pet against the requirement for a new building of the type' } }),
  h.accessor((r) => r.embodiedPerM2.sortValue, { id: 'embodiedM2', header: 'Embodied', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e/m²', description: 'Embodied carbon (A1-A3) of the changed elements per m² Atemp' } }),
  h.accessor((r) => r.lifeCycleCarbonPerM2.sortValue, { id: 'lifeCycleCarbonM2', header: 'Life-cycle carbon', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e/m²', description: 'Operational over the analysis period + embodied, per m² Atemp' } }),
  h.accessor((r) => r.lifeCycleCost.sortValue, { id: 'lifeCycleCost', header: 'Life-cycle cost', sortUndefined: 'last', meta: { numeric: true, unit: 'currency', description: 'Investment + energy cost over the analysis period (discounted)' } }),
  h.accessor((r) => r.simplePayback.sortValue, { id: 'simplePayback', header: 'Payback', sortUndefined: 'last', meta: { numeric: true, unit: 'years', description: 'Simple payback: investment / annual energy cost saving' } }),
  h.accessor((r) => (r.peakHeatingW === undefined ? undefined : r.peakHeatingW / 1000), { id: 'peakHeating', header: 'Peak heating', sortUndefined: 'last', meta: { numeric: true, unit: 'kW', description: 'Highest hourly mean of delivered space-heating power' } }),
  h.accessor('overheatingHours', { id: 'overheating', header: 'Overheating', sortUndefined: 'last', meta: { numeric: true, unit: 'h', description: 'Occupied hours above the overheating threshold (Settings › Swedish rules) in the worst zone' } }),
  h.accessor((r) => statusRank(r.status) * 100 + (r.progress?.percent ?? 0), { id: 'status', header: 'Status', meta: { description: 'The run of this variant with this weather file' } }),
  ...ELEMENTS.map(choiceColumn),
  h.accessor('energyKWh', { id: 'energy', header: 'Site energy', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/yr', description: 'Annual total site energy' } }),
  h.accessor((r) => r.delta?.abs, { id: 'deltaAbs', header: 'Δ site energy', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/yr', description: 'Variant minus baseline (same weather file), whole building: negative saves energy' } }),
  h.accessor('euiKWhPerM2', { id: 'eui', header: 'EUI', sortUndefined: 'last', meta: { numeric: true, unit: 'kWh/m²·yr', description: 'Energy use intensity: site energy per m² of EnergyPlus’s total building area' } }),
  h.accessor((r) => r.operational.sortValue, { id: 'operational', header: 'Operational', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e/yr', description: 'Annual operational carbon: delivered energy by fuel × emission factor' } }),
  h.accessor((r) => r.embodied.sortValue, { id: 'embodied', header: 'Embodied (total)', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e', description: 'Embodied carbon (A1-A3) of the changed elements: area × GWP per m²' } }),
  h.accessor((r) => r.lifeCycleCarbon.sortValue, { id: 'lifeCycleCarbon', header: 'Life-cycle carbon (total)', sortUndefined: 'last', meta: { numeric: true, unit: 'kg CO2e', description: 'Operational over the analysis period + embodied, whole building' } }),
  h.accessor((r) => r.investment.sortValue, { id: 'investment', header: 'Investment', sortUndefined: 'last', meta: { numeric: true, unit: 'currency', description: 'Area of the changed elements × cost per m²' } }),
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

/** Columns hidden at first: each is in "Columns…"; the constructions are in the row's details. */
export const HIDDEN_AT_FIRST = ['energy', 'deltaAbs', 'eui', 'operational', 'embodied', 'lifeCycleCarbon', 'investment', 'carbonPayback', 'pareto', ...ELEMENTS.map((el) => `choice-${el}`)]

/** Hidden at first: the search text column, the secondary figures (and the weather column when there is one weather file). */
export function initialVisibility(weatherCount: number): Record<string, boolean> {
  return { [SEARCH_COLUMN]: false, weather: weatherCount > 1, ...Object.fromEntries(HIDDEN_AT_FIRST.map((id) => [id, false])) }
}

/** Whether the row is on one of the study's Pareto fronts (the ★ of its frozen column). */
export function isPareto(r: Pick<StudyRow, 'paretoCarbonCost' | 'paretoEnergyEmbodied'>): boolean {
  return r.paretoCarbonCost || r.paretoEnergyEmbodied
}

/** The tooltip of the Pareto mark: on which front(s) the variant lies. */
export function paretoTitle(r: Pick<StudyRow, 'paretoCarbonCost' | 'paretoEnergyEmbodied'>, currency: string): string {
  const fronts = [r.paretoCarbonCost ? `life-cycle carbon and life-cycle cost (${currency})` : '', r.paretoEnergyEmbodied ? 'annual energy and embodied carbon' : ''].filter(Boolean)
  return fronts.length ? `Pareto-optimal on ${fronts.join(', and on ')}` : ''
}
