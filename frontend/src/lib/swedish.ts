// The Swedish figures (Go package bbr) as the window shows them: tiles with a value or the
// missing inputs and where to enter them, names of carriers and purposes with the Swedish terms
// users report, and the heating load-duration curve from the hourly meters.
import type { MeterSeries, SwedishFigure, SwedishFigures, SwedishGap } from '../bridge/types'
import { formatNumber } from './format'

export const CARRIER_LABEL: Record<string, string> = {
  electricity: 'Electricity (el)',
  districtHeating: 'District heating (fjärrvärme)',
  districtCooling: 'District cooling (fjärrkyla)',
  biofuel: 'Biofuels (biobränsle)',
  fossilOil: 'Fossil oil (olja)',
  fossilGas: 'Fossil gas (gas)',
  otherFuel: 'Other fuel',
}

export const PURPOSE_LABEL: Record<string, string> = {
  heating: 'Space heating (uppvärmning)',
  cooling: 'Comfort cooling (komfortkyla)',
  hotWater: 'Hot water (tappvarmvatten)',
  propertyElectricity: 'Property electricity (fastighetsel)',
  householdElectricity: 'Household electricity (hushållsel)',
  businessElectricity: 'Business electricity (verksamhetsel)',
  excluded: 'Not delivered energy',
}

export const BUILDING_TYPE_LABEL: Record<string, string> = {
  multiFamily: 'Multi-family house (flerbostadshus)',
  singleFamily: 'Single-family house (småhus)',
  commercial: 'Commercial premises (lokaler)',
}

/** Whether a purpose counts in EP_pet (BBR 9:12), as bbr.Purpose.Counts says. */
export function purposeCounts(p: string): boolean {
  return p === 'heating' || p === 'cooling' || p === 'hotWater' || p === 'propertyElectricity'
}

export const carrierLabel = (c: string) => CARRIER_LABEL[c] ?? c
export const purposeLabel = (p: string) => PURPOSE_LABEL[p] ?? p

/**
 * A label's English name and its Swedish term, "District heating (fjärrvärme)" → name "District
 * heating", term "fjärrvärme", so a narrow table can set the term on a line of its own.
 */
export function labelParts(label: string): { name: string; term?: string } {
  const m = /^(.+?) \(([^()]+)\)$/.exec(label)
  return m ? { name: m[1], term: m[2] } : { name: label }
}

/** Where a missing input is entered, in words for the link. */
export function gapLinkText(g: SwedishGap): string {
  switch (g.where) {
    case 'model':
      return 'Set it in the model’s settings'
    case 'settings':
      return 'Set it in Settings › Swedish rules'
    default:
      return 'Run it again'
  }
}

export interface SwedishTile {
  id: string
  label: string
  value: string
  unit: string
  sub?: string
  hint?: string
  /** A-G, on the EP_pet tile */
  energyClass?: string
  /** the inputs that are missing, when value is "—" */
  missing: SwedishGap[]
}

const DASH = '\u2014'

function tile(id: string, label: string, f: SwedishFigure | null | undefined, unit: string, digits: number, scale = 1): SwedishTile {
  const v = f?.value
  if (v === null || v === undefined) return { id, label, value: DASH, unit, missing: f?.missing ?? [] }
  return { id, label, value: formatNumber(v * scale, digits), unit, missing: [] }
}

/** The tiles of a run's Swedish figures, in the order users report them. */
export function swedishTiles(f: SwedishFigures): SwedishTile[] {
  const ep = tile('ep', 'Primary energy number EP_pet', f.primaryEnergyNumber, 'kWh/m²·yr', 1)
  if (f.energyClass) {
    ep.energyClass = f.energyClass
    const share = f.requirementShare?.value
    ep.sub = `Class ${f.energyClass}: ${formatNumber(share ?? null, 0)} % of the requirement for a new ${buildingNoun(f.buildingType)} (${formatNumber(f.requirement, 0)} kWh/m²)`
  }
  ep.hint = 'BBR 9:12: delivered energy for heating (÷ F_geo), cooling, hot water and property electricity, times each carrier’s weighting factor, per m² Atemp.'

  const atemp = tile('atemp', 'Atemp', f.atemp, 'm²', 0)
  if (atemp.missing.length === 0) atemp.sub = f.atempFromModel ? 'EnergyPlus’s conditioned floor area (no Atemp entered)' : f.atempSource
  atemp.hint = 'Heated floor area (BBR 29): every per-m² figure uses it.'

  const peak = tile('peak-heating', 'Peak heating power', f.peakHeating, 'kW', 1, 1 / 1000)
  if (peak.missing.length === 0) {
    const parts = [`${formatNumber(f.peakHeatingPerM2?.value ?? null, 1)} W/m² Atemp`]
    if (f.peakHeatingDaily?.value != null) parts.push(`daily mean peak ${formatNumber(f.peakHeatingDaily.value / 1000, 1)} kW`)
    peak.sub = parts.join(' · ')
  }
  peak.hint = 'Highest hourly mean of delivered space-heating power, all fuels; district-heating power charges use the daily mean.'

  const oh = tile('overheating', `Hours above ${formatNumber(f.overheatingThresholdC, 1)} °C`, f.overheatingHours, 'h', 0)
  if (oh.missing.length === 0) {
    const basis = f.overheatingOccupied ? 'occupied hours' : 'all hours (no People in the model)'
    oh.sub = `Worst zone ${f.overheatingZone || DASH}; ${formatNumber(f.overheatingZoneHours?.value ?? null, 0)} zone-hours in all; ${basis}`
  }
  oh.hint = 'Operative temperature above the threshold (Settings › Swedish rules) in the worst zone.'
  return [ep, atemp, peak, oh]
}

function buildingNoun(t: string): string {
  switch (t) {
    case 'singleFamily':
      return 'single-family house'
    case 'commercial':
      return 'commercial building'
    default:
      return 'multi-family house'
  }
}

/**
 * Delivered energy as a purpose × carrier table: a row per purpose (the counted ones first, in
 * BBR's order), a column per carrier used (a building has one to three).
 */
export function deliveredTable(f: SwedishFigures): { carriers: string[]; rows: Array<{ purpose: string; counts: boolean; cells: Record<string, number>; total: number }> } {
  const carriers: string[] = []
  const byPurpose = new Map<string, Record<string, number>>()
  for (const d of f.delivered ?? []) {
    if (!carriers.includes(d.carrier)) carriers.push(d.carrier)
    const cells = byPurpose.get(d.purpose) ?? {}
    cells[d.carrier] = (cells[d.carrier] ?? 0) + d.kWh
    byPurpose.set(d.purpose, cells)
  }
  const carrierOrder = Object.keys(CARRIER_LABEL)
  carriers.sort((a, b) => carrierOrder.indexOf(a) - carrierOrder.indexOf(b))
  const purposes = Object.keys(PURPOSE_LABEL).filter((p) => byPurpose.has(p))
  for (const p of byPurpose.keys()) if (!purposes.includes(p)) purposes.push(p)
  return {
    carriers,
    rows: purposes.map((p) => {
      const cells = byPurpose.get(p)!
      return { purpose: p, counts: purposeCounts(p), cells, total: Object.values(cells).reduce((a, b) => a + b, 0) }
    }),
  }
}

/** The meters of delivered space heating: Heating:<fuel>, not Heating:EnergyTransfer. */
export function isHeatingMeter(name: string): boolean {
  return /^heating:[^:]+$/i.test(name) && !/^heating:energytransfer$/i.test(name)
}

/**
 * The heating load-duration curve: each hour's delivered heating power summed over fuels, in
 * kW, highest first (the meters are kWh per hour, so kWh is kW here).
 */
export function loadDuration(series: MeterSeries[]): number[] {
  const heating = series.filter((s) => isHeatingMeter(s.name))
  if (heating.length === 0) return []
  const n = Math.max(...heating.map((s) => s.values?.length ?? 0))
  const sum = new Array<number>(n).fill(0)
  for (const s of heating) (s.values ?? []).forEach((v, i) => (sum[i] += v))
  return sum.sort((a, b) => b - a)
}
