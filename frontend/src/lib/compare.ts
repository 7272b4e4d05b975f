// Two runs side by side (A | B | Δ = B − A): the comparison view's rows, built from what Go's
// CompareRuns sent. Every figure is Go's; only the differences are computed here. A figure a run
// lacks is missing with the reason (the run failed, Atemp is not entered, no hourly data),
// never a 0, and then it has no Δ either.
import type { ErrMessage, RunComparison, RunSide, SwedishFigure } from '../bridge/types'
import { deltaVsBaseline, type Delta } from './amount'
import { compareTable } from './endUseCompare'
import { formatNumber } from './format'
import { isFinal, isSucceeded, statusInfo } from './status'
import { carrierLabel, deliveredTable, purposeLabel } from './swedish'
import type { RunView } from './runs'

/** One run's value of a figure: a number, a text (an energy class, a zone), or why it is missing. */
export interface CompareValue {
  value: number | null
  text?: string
  /** why value (or text) is missing; '' when present */
  why: string
}

export interface CompareRow {
  id: string
  label: string
  unit: string
  /** decimals shown */
  digits: number
  a: CompareValue
  b: CompareValue
  /** B − A (null for a text row or when either side is missing) */
  delta: Delta | null
  /** why there is no Δ */
  deltaWhy: string
  /** true when less is better (energy, hours, warnings): colours Δ */
  lowerIsBetter: boolean
}

export interface CompareGroup {
  id: string
  title: string
  rows: CompareRow[]
}

const present = (value: number | null | undefined, why: string): CompareValue =>
  value === null || value === undefined || !Number.isFinite(value) ? { value: null, why } : { value, why: '' }

const textValue = (text: string | null | undefined, why: string): CompareValue => (text ? { value: null, text, why: '' } : { value: null, why })

/** Why a run has no results: its status and, for a failure, the line that explains it. */
export function noResultsWhy(side: RunSide): string {
  const r = side.details.run
  if (!isFinal(r.status)) return `run #${r.id} has not finished (${statusInfo(r.status).label.toLowerCase()})`
  if (!isSucceeded(r.status)) return `run #${r.id} failed${r.headline ? `: ${r.headline}` : ''}`
  return `run #${r.id} has no stored results`
}

/** Why a Swedish figure is missing: the inputs Go named, or why the run has none. */
function swedishWhy(side: RunSide, f: SwedishFigure | null | undefined): string {
  if (!side.details.results) return noResultsWhy(side)
  if (!side.details.swedish) return 'no Swedish figures for this run'
  const gaps = (f?.missing ?? []).map((g) => g.input)
  return gaps.length ? `missing ${gaps.join('; ')}` : 'not computed for this run'
}

function row(id: string, label: string, unit: string, digits: number, a: CompareValue, b: CompareValue, lowerIsBetter = true): CompareRow {
  const missing = (x: CompareValue) => x.value === null && x.text === undefined
  let delta: Delta | null = null
  let deltaWhy = ''
  if (missing(a) || missing(b)) deltaWhy = `no Δ: ${missing(a) ? 'A' : 'B'} is missing`
  else if (a.text !== undefined || b.text !== undefined) deltaWhy = a.text === b.text ? 'same' : 'changed'
  else delta = deltaVsBaseline(b.value, a.value)
  return { id, label, unit, digits, a, b, delta, deltaWhy, lowerIsBetter }
}

/** A row of words (an energy class, a zone, how a run ended): Δ says only whether it changed. */
function textRow(id: string, label: string, a: CompareValue, b: CompareValue): CompareRow {
  return row(id, label, '', 0, a, b, false)
}

type Pick = (s: RunSide) => CompareValue

function both(c: RunComparison, pick: Pick): [CompareValue, CompareValue] {
  return [pick(c.a), pick(c.b)]
}

const results = (s: RunSide, get: (r: NonNullable<RunSide['details']['results']>) => number | null | undefined): CompareValue =>
  s.details.results ? present(get(s.details.results), 'not reported by EnergyPlus') : { value: null, why: noResultsWhy(s) }

const swedish = (s: RunSide, get: (f: NonNullable<RunSide['details']['swedish']>) => SwedishFigure | null | undefined, scale = 1): CompareValue => {
  const f = s.details.swedish ? get(s.details.swedish) : null
  const v = f?.value
  return v === null || v === undefined ? { value: null, why: swedishWhy(s, f) } : { value: v * scale, why: '' }
}

/** Site energy per m² Atemp: EnergyPlus's total site energy over the Atemp the Swedish figures use. */
function energyPerAtemp(s: RunSide): CompareValue {
  const site = results(s, (r) => r.totalSiteKWh)
  if (site.value === null) return site
  const atemp = swedish(s, (f) => f.atemp)
  if (atemp.value === null || !(atemp.value > 0)) return { value: null, why: atemp.why || 'Atemp is zero' }
  return { value: site.value / atemp.value, why: '' }
}

/** Counts from eplusout.err, once the run has ended (a queued run has none yet). */
function errCount(s: RunSide, get: (r: RunSide['details']['run']) => number): CompareValue {
  const r = s.details.run
  return isFinal(r.status) ? { value: get(r), why: '' } : { value: null, why: noResultsWhy(s) }
}

function peakMeter(s: RunSide, name: string): CompareValue {
  const m = (s.monthly.meters ?? []).find((x) => x.name === name)
  if (m) return present(m.peakKW, 'no hourly values')
  if ((s.monthly.meters ?? []).length === 0) return { value: null, why: s.monthly.reason || 'no hourly data' }
  return { value: 0, why: '' } // the run has hourly meters but none for this fuel: it uses none
}

/** "Electricity:Facility" → "Electricity" */
export const meterFuel = (name: string) => name.replace(/:Facility$/i, '')

/** The figure groups of the table: KPIs, peak power, overheating, warnings. */
export function compareGroups(c: RunComparison): CompareGroup[] {
  const threshold = c.a.details.swedish?.overheatingThresholdC ?? c.b.details.swedish?.overheatingThresholdC
  const kpis: CompareRow[] = [
    row('site-energy', 'Total site energy', 'kWh', 0, ...both(c, (s) => results(s, (r) => r.totalSiteKWh))),
    row('energy-per-atemp', 'Site energy per m² Atemp', 'kWh/m²', 1, ...both(c, energyPerAtemp)),
    row('ep-pet', 'Primary energy number EP_pet', 'kWh/m²·yr', 1, ...both(c, (s) => swedish(s, (f) => f.primaryEnergyNumber))),
    textRow('energy-class', 'Energy class', ...both(c, (s) => textValue(s.details.swedish?.energyClass, swedishWhy(s, s.details.swedish?.primaryEnergyNumber)))),
    row('atemp', 'Atemp', 'm²', 0, ...both(c, (s) => swedish(s, (f) => f.atemp)), false),
    row('unmet-heating', 'Unmet heating hours', 'h', 0, ...both(c, (s) => results(s, (r) => r.unmetHeatingHours))),
    row('unmet-cooling', 'Unmet cooling hours', 'h', 0, ...both(c, (s) => results(s, (r) => r.unmetCoolingHours))),
  ]
  const fuels = unionOf((c.a.monthly.meters ?? []).map((m) => m.name), (c.b.monthly.meters ?? []).map((m) => m.name))
  const peak: CompareRow[] = [
    row('peak-heating', 'Peak heating power (hourly mean)', 'kW', 1, ...both(c, (s) => swedish(s, (f) => f.peakHeating, 1 / 1000))),
    row('peak-heating-per-m2', 'Peak heating per m² Atemp', 'W/m²', 1, ...both(c, (s) => swedish(s, (f) => f.peakHeatingPerM2))),
    row('peak-heating-daily', 'Peak heating power (daily mean)', 'kW', 1, ...both(c, (s) => swedish(s, (f) => f.peakHeatingDaily, 1 / 1000))),
    ...fuels.map((name) => row(`peak-${meterFuel(name)}`, `Peak hourly ${meterFuel(name)} (${name})`, 'kW', 1, ...both(c, (s) => peakMeter(s, name)))),
  ]
  const overheating: CompareRow[] = [
    row('overheating-hours', `Hours above ${formatNumber(threshold ?? null, 1)} °C, worst zone`, 'h', 0, ...both(c, (s) => swedish(s, (f) => f.overheatingHours))),
    row('overheating-zone-hours', 'Zone-hours above it, all zones', 'h', 0, ...both(c, (s) => swedish(s, (f) => f.overheatingZoneHours))),
    textRow('overheating-zone', 'Worst zone', ...both(c, (s) => textValue(s.details.swedish?.overheatingZone, swedishWhy(s, s.details.swedish?.overheatingHours)))),
  ]
  const warnings: CompareRow[] = [
    row('warnings', 'Warnings', '', 0, ...both(c, (s) => errCount(s, (r) => r.warnings))),
    row('severe', 'Severe errors', '', 0, ...both(c, (s) => errCount(s, (r) => r.severe))),
  ]
  // A failure's headline, when either run did not succeed.
  if (![c.a, c.b].every((s) => isSucceeded(s.details.run.status))) {
    const headline = (s: RunSide) => (isSucceeded(s.details.run.status) ? textValue(statusInfo(s.details.run.status).label, '') : textValue(s.details.run.headline || s.details.run.message, 'no headline'))
    warnings.push(textRow('headline', 'How the run ended', ...both(c, headline)))
  }
  return [
    { id: 'kpis', title: 'Key figures', rows: kpis },
    { id: 'peak', title: 'Peak power', rows: peak },
    { id: 'overheating', title: 'Overheating', rows: overheating },
    { id: 'warnings', title: 'Warnings and errors', rows: warnings },
  ]
}

function unionOf(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))]
}

export interface EnergyBreakdown {
  /** 'carrier': delivered energy by Swedish purpose and carrier; 'fuel': EnergyPlus's end uses by fuel */
  basis: 'carrier' | 'fuel'
  /** one sentence on what the rows are and, for 'fuel', why not by carrier */
  note: string
  rows: CompareRow[]
}

/** A run's kWh for a cell; a run without results is missing, a finished run without the cell used none. */
function cell(s: RunSide, kWh: number | undefined): CompareValue {
  if (!s.details.results) return { value: null, why: noResultsWhy(s) }
  return { value: kWh ?? 0, why: '' }
}

/**
 * End uses by carrier: delivered energy per Swedish purpose and carrier when both runs have the
 * Swedish figures, else EnergyPlus's end uses by fuel (the same table the variant charts use).
 */
export function energyBreakdown(c: RunComparison): EnergyBreakdown {
  const withSwedish = [c.a, c.b].filter((s) => s.details.results)
  if (withSwedish.length > 0 && withSwedish.every((s) => s.details.swedish)) {
    const ta = c.a.details.swedish ? deliveredTable(c.a.details.swedish) : null
    const tb = c.b.details.swedish ? deliveredTable(c.b.details.swedish) : null
    const keys: Array<[string, string]> = []
    for (const t of [ta, tb]) for (const r of t?.rows ?? []) for (const carrier of t!.carriers) if (r.cells[carrier] !== undefined && !keys.some(([p, k]) => p === r.purpose && k === carrier)) keys.push([r.purpose, carrier])
    const kWh = (t: typeof ta, purpose: string, carrier: string) => t?.rows.find((r) => r.purpose === purpose)?.cells[carrier]
    return {
      basis: 'carrier',
      note: 'Each EnergyPlus end use and fuel mapped to a BBR purpose and carrier (the model’s mapping), kWh per year.',
      rows: keys.map(([p, k]) => row(`${p}/${k}`, `${purposeLabel(p)} · ${carrierLabel(k)}`, 'kWh', 0, cell(c.a, kWh(ta, p, k)), cell(c.b, kWh(tb, p, k)))),
    }
  }
  const t = compareTable(c.b.details.results?.endUses, c.a.details.results?.endUses)
  const rows: CompareRow[] = []
  t.fuels.forEach((fuel, i) =>
    t.endUses.forEach((endUse, j) => {
      if (t.variant[i][j] === 0 && t.baseline[i][j] === 0) return
      rows.push(row(`${endUse}/${fuel}`, `${endUse} · ${fuel}`, 'kWh', 0, cell(c.a, t.baseline[i][j]), cell(c.b, t.variant[i][j])))
    }),
  )
  return { basis: 'fuel', note: 'EnergyPlus’s end uses by fuel, kWh per year (the Swedish figures are missing for a run).', rows }
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Site energy by month, all facility meters, from the runs' hourly meters. */
export function monthlyRows(c: RunComparison): CompareRow[] {
  const month = (s: RunSide, i: number): CompareValue => {
    const v = (s.monthly.total as Array<number | null> | null)?.[i]
    if (v !== null && v !== undefined) return { value: v, why: '' }
    return { value: null, why: s.monthly.reason || `run #${s.details.run.id}'s run period does not cover ${MONTHS[i]}` }
  }
  return MONTHS.map((m, i) => row(`month-${i + 1}`, m, 'kWh', 0, month(c.a, i), month(c.b, i)))
}

export interface MessageDiff {
  onlyA: ErrMessage[]
  onlyB: ErrMessage[]
  /** in both: B's count beside A's */
  shared: Array<{ kind: string; text: string; countA: number; countB: number }>
  /** why a side's messages could not be read ('' when they could) */
  whyA: string
  whyB: string
}

const KIND_RANK: Record<string, number> = { fatal: 0, severe: 1, warning: 2 }
const byKind = (x: { kind: string }, y: { kind: string }) => (KIND_RANK[x.kind] ?? 3) - (KIND_RANK[y.kind] ?? 3)

/** The distinct eplusout.err messages present in one run and not the other (fatal and severe first). */
export function messageDiff(c: RunComparison): MessageDiff {
  const a = c.a.messages.messages ?? []
  const b = c.b.messages.messages ?? []
  const key = (m: ErrMessage) => `${m.kind}\u0000${m.text}`
  const inA = new Map(a.map((m) => [key(m), m]))
  const inB = new Map(b.map((m) => [key(m), m]))
  const why = (s: RunSide) => (s.messages.reason ? s.messages.reason : s.messages.truncated ? 'only the first 4 MiB of eplusout.err were read' : '')
  return {
    onlyA: a.filter((m) => !inB.has(key(m))).sort(byKind),
    onlyB: b.filter((m) => !inA.has(key(m))).sort(byKind),
    shared: a.filter((m) => inB.has(key(m))).map((m) => ({ kind: m.kind, text: m.text, countA: m.count, countB: inB.get(key(m))!.count })).sort(byKind),
    whyA: why(c.a),
    whyB: why(c.b),
  }
}

/** What a side is: the run, its model, weather and engine. */
export function sideCaption(s: RunSide): { title: string; model: string; weather: string; engine: string } {
  const r = s.details.run
  const engine = r.engineVersion ? `EnergyPlus ${r.engineVersion}${r.modelVersion ? ` (model version ${r.modelVersion})` : ''}` : 'engine unknown'
  return { title: `Run #${r.id}`, model: r.modelName, weather: r.designDaysOnly ? `${r.weatherName} (design days only)` : r.weatherName, engine }
}

/**
 * The run to compare a run with when nothing was picked: the previous run of the same model
 * (by name, so a re-imported edit counts) with the same weather, else the same model with other
 * weather, else the previous finished run, else any other finished run.
 */
export function suggestPartner(run: RunView, runs: RunView[]): RunView | null {
  const others = runs.filter((r) => r.id !== run.id && isFinal(r.status)).sort((x, y) => y.id - x.id)
  const before = others.filter((r) => r.id < run.id)
  const sameModel = (r: RunView) => r.modelId === run.modelId || r.modelName === run.modelName
  return (
    before.find((r) => sameModel(r) && r.weatherId === run.weatherId) ??
    others.find((r) => sameModel(r) && r.weatherId === run.weatherId) ??
    others.find((r) => sameModel(r)) ??
    before[0] ??
    others[0] ??
    null
  )
}

/** The pair in before → after order: the older run is A, so Δ reads as what the change did. */
export function orderPair(x: number, y: number): [number, number] {
  return x <= y ? [x, y] : [y, x]
}
