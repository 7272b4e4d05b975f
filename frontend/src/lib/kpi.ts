// The KPI tiles of the selected variant: each figure with its change against the baseline of
// the same weather file, in the chosen unit system.
import { assumedTitle, deltaVsBaseline, formatPercentDelta, formatSigned, MISSING, type Delta } from './amount'
import { formatNumber } from './format'
import { gapsOf, type Gap } from './gaps'
import type { StudyRow } from './studyTable'
import { energyIn, toDisplay, unitLabel, type UnitKind, type UnitSystem } from './units'

export interface KpiTile {
  id: string
  label: string
  value: string
  unit: string
  /** "−1,234 kWh", "" for the baseline itself or when the delta is unknown */
  deltaAbs: string
  /** "−12.3 %" */
  deltaPct: string
  /** negative saves: better */
  tone: 'better' | 'worse' | 'same' | 'none'
  /** why the figure or its delta is missing */
  title: string
  /** what the missing figure lacks, each with where to enter it; empty when the figure is there */
  gaps: Gap[]
  /** "class D" beside EP_pet */
  badge?: string
  /** values the figure took from a published range (the study's cost-range choice) */
  assumed?: string[]
}

interface Figure {
  id: string
  label: string
  kind: UnitKind
  /** the unit after the converted unit ("/yr") */
  suffix?: string
  get: (r: StudyRow) => number | undefined
  why: (r: StudyRow) => string
  /** the inputs the figure lacks, when it is missing */
  lacks: (r: StudyRow) => string[]
  /** values a present figure took from a published range */
  assumed?: (r: StudyRow) => string[] | undefined
  digits?: number
}

const resultsLack = (r: StudyRow) => [r.deltaReason && r.deltaReason !== 'baseline' ? r.deltaReason : 'results of this run']

/** What the figures from hourly output lack: results, or a run made before EPSM asked for that output. */
function hourlyLacks(r: StudyRow): string[] {
  return r.energyKWh === undefined ? resultsLack(r) : ['hourly output of this run (made before EPSM asked for it: re-run it)']
}

/** What EP_pet lacks: results, Atemp, or a carrier's weighting factor (the run's Swedish figures name which). */
function primaryEnergyLacks(r: StudyRow): string[] {
  if (r.energyKWh === undefined) return resultsLack(r)
  if (r.atemp === undefined) return ['Atemp of the model (its settings)']
  return ['a weighting factor of a carrier the model uses (the run’s Swedish figures name it)']
}

const FIGURES: Figure[] = [
  { id: 'energy', label: 'Annual site energy', kind: 'energy', suffix: '/yr', get: (r) => r.energyKWh, why: (r) => `Missing: ${r.deltaReason || 'results'}`, lacks: resultsLack },
  { id: 'eui', label: 'EUI', kind: 'eui', suffix: '·yr', get: (r) => r.euiKWhPerM2, why: (r) => `Missing: ${r.deltaReason || 'results'}`, lacks: resultsLack },
  { id: 'primaryEnergy', label: 'Primary energy number EP_pet', kind: 'eui', suffix: '·yr Atemp', get: (r) => r.primaryEnergyNumber, why: (r) => `Missing: ${primaryEnergyLacks(r).join('; ')}`, lacks: primaryEnergyLacks },
  { id: 'peakHeating', label: 'Peak heating power', kind: 'carbon', get: (r) => (r.peakHeatingW === undefined ? undefined : r.peakHeatingW / 1000), why: (r) => `Missing: ${hourlyLacks(r).join('; ')}`, lacks: hourlyLacks, digits: 1 },
  { id: 'overheating', label: 'Overheating, worst zone', kind: 'carbon', get: (r) => r.overheatingHours, why: (r) => `Missing: ${hourlyLacks(r).join('; ')}`, lacks: hourlyLacks },
  { id: 'operational', label: 'Operational carbon', kind: 'carbon', suffix: '/yr', get: (r) => r.operational.sortValue, why: (r) => r.operational.title, lacks: (r) => r.operational.missing },
  { id: 'embodied', label: 'Embodied carbon', kind: 'carbon', get: (r) => r.embodied.sortValue, why: (r) => r.embodied.title, lacks: (r) => r.embodied.missing },
  { id: 'lifeCycleCarbon', label: 'Life-cycle carbon', kind: 'carbon', get: (r) => r.lifeCycleCarbon.sortValue, why: (r) => r.lifeCycleCarbon.title, lacks: (r) => r.lifeCycleCarbon.missing },
  { id: 'lifeCycleCost', label: 'Life-cycle cost', kind: 'cost', get: (r) => r.lifeCycleCost.sortValue, why: (r) => r.lifeCycleCost.title, lacks: (r) => r.lifeCycleCost.missing, assumed: (r) => r.lifeCycleCost.assumed },
  { id: 'investment', label: 'Investment', kind: 'cost', get: (r) => r.investment.sortValue, why: (r) => r.investment.title, lacks: (r) => r.investment.missing, assumed: (r) => r.investment.assumed },
]

const SWEDISH_UNITS: Record<string, string> = { primaryEnergy: 'kWh/m²·yr', peakHeating: 'kW', overheating: 'h' }

function tone(d: Delta | null): KpiTile['tone'] {
  if (!d) return 'none'
  return d.abs < 0 ? 'better' : d.abs > 0 ? 'worse' : 'same'
}

/** The tiles for a row; baseline is the baseline row with the same weather file (undefined if none). */
export function kpiTiles(row: StudyRow, baseline: StudyRow | undefined, units: UnitSystem, currency: string): KpiTile[] {
  const tiles = FIGURES.map((f): KpiTile => {
    const v = f.get(row)
    const b = baseline ? f.get(baseline) : undefined
    const d = row.baseline ? null : deltaVsBaseline(v, b)
    let value: string
    let unit: string
    let abs = ''
    if (f.kind === 'energy') {
      const q = energyIn(v, units)
      value = v === undefined ? MISSING : q.value
      unit = `${q.unit}${f.suffix ?? ''}`
      if (d) {
        const dq = energyIn(Math.abs(d.abs), units)
        abs = `${d.abs < 0 ? '\u2212' : d.abs > 0 ? '+' : ''}${dq.value} ${dq.unit}`
      }
    } else {
      const dv = toDisplay(f.kind, v, units)
      const digits = f.kind === 'eui' ? 1 : 0
      value = dv === undefined ? MISSING : formatNumber(dv, digits)
      unit = `${unitLabel(f.kind, units, currency)}${f.suffix ?? ''}`
      if (d) abs = `${formatSigned(toDisplay(f.kind, d.abs, units), digits)} ${unit}`.trim()
    }
    // EP_pet is a Swedish figure: always kWh/m² Atemp, whatever the unit system.
    // The Swedish figures keep their own units whatever the unit system.
    const fixedUnit = SWEDISH_UNITS[f.id]
    if (fixedUnit) {
      const digits = f.id === 'overheating' ? 0 : 1
      value = v === undefined ? MISSING : formatNumber(v, digits)
      unit = fixedUnit
      abs = d ? `${formatSigned(d.abs, digits)} ${unit}` : ''
    }
    const assumed = v === undefined ? [] : (f.assumed?.(row) ?? [])
    const title = v === undefined ? f.why(row) : assumed.length ? assumedTitle(assumed) : row.baseline ? 'The baseline: the figures the variants are compared with' : !d ? 'No delta: the baseline lacks this figure' : ''
    const badge = f.id === 'primaryEnergy' && v !== undefined && row.energyClass ? `class ${row.energyClass}` : undefined
    return { id: f.id, label: f.label, value, unit, deltaAbs: abs, deltaPct: d && d.pct !== null ? formatPercentDelta(d.pct) : '', tone: tone(d), title, gaps: v === undefined ? gapsOf(f.lacks(row)) : [], badge, ...(assumed.length ? { assumed } : {}) }
  })
  // Paybacks: a variant's own figure; the baseline has nothing to pay back.
  const pb = row.simplePayback
  tiles.push({
    id: 'payback',
    label: 'Simple payback',
    value: pb.text,
    unit: '',
    deltaAbs: row.baseline ? '' : `carbon payback ${row.carbonPayback.text}`,
    deltaPct: '',
    tone: 'none',
    gaps: row.baseline || pb.complete ? [] : gapsOf(pb.title.replace(/^Missing:\s*/, '').split('; ')),
    title: [pb.title, row.carbonPayback.title ? `Carbon payback: ${row.carbonPayback.title}` : ''].filter(Boolean).join('\n'),
  })
  return tiles
}
