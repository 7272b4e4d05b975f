// The unit system of the figures on screen. The Go side always sends SI (kWh, m², kg CO2e);
// the UI converts for display only, so sorting, deltas and Pareto fronts never depend on it.
// Carbon (kg CO2e), money and years have no IP form and stay as they are.
import { energyQuantity, formatNumber, type Quantity } from './format'

export type UnitSystem = 'si' | 'ip'

/** What a number measures, for conversion. */
export type UnitKind = 'energy' | 'eui' | 'area' | 'carbon' | 'cost' | 'years' | 'percent'

/** 1 kWh = 3412.14163 Btu (IT). */
export const KBTU_PER_KWH = 3.412141633
/** 1 m² = 10.7639104 ft². */
export const FT2_PER_M2 = 10.7639104

const FACTORS: Record<UnitSystem, Partial<Record<UnitKind, number>>> = {
  si: {},
  ip: { energy: KBTU_PER_KWH, eui: KBTU_PER_KWH / FT2_PER_M2, area: FT2_PER_M2 },
}

const LABELS: Record<UnitSystem, Record<UnitKind, string>> = {
  si: { energy: 'kWh', eui: 'kWh/m²', area: 'm²', carbon: 'kg CO2e', cost: '', years: 'years', percent: '%' },
  ip: { energy: 'kBtu', eui: 'kBtu/ft²', area: 'ft²', carbon: 'kg CO2e', cost: '', years: 'years', percent: '%' },
}

/** A figure given in SI, in the chosen system. undefined stays undefined. */
export function toDisplay(kind: UnitKind, si: number, system: UnitSystem): number
export function toDisplay(kind: UnitKind, si: number | undefined, system: UnitSystem): number | undefined
export function toDisplay(kind: UnitKind, si: number | undefined, system: UnitSystem): number | undefined {
  if (si === undefined) return undefined
  return si * (FACTORS[system][kind] ?? 1)
}

/** An area in the chosen system: "278.7 m²" or "3,000 ft²". */
export function areaIn(m2: number, system: UnitSystem): string {
  const v = toDisplay('area', m2, system)
  return `${formatNumber(v, Math.abs(v) < 1000 ? 1 : 0)} ${unitLabel('area', system)}`
}

/** The unit's label: "kBtu/ft²"; cost takes the currency. */
export function unitLabel(kind: UnitKind, system: UnitSystem, currency = ''): string {
  return kind === 'cost' ? currency : LABELS[system][kind]
}

/** Energy with a readable magnitude: kWh/MWh/GWh in SI, kBtu/MBtu (10⁶ Btu)/GBtu in IP. */
export function energyIn(kWh: number | null | undefined, system: UnitSystem): Quantity {
  if (system === 'si' || kWh === null || kWh === undefined || !Number.isFinite(kWh)) return energyQuantity(kWh)
  const kBtu = kWh * KBTU_PER_KWH
  const abs = Math.abs(kBtu)
  if (abs >= 1e7) return { value: formatNumber(kBtu / 1e6), unit: 'GBtu' }
  if (abs >= 1e4) return { value: formatNumber(kBtu / 1e3), unit: 'MBtu' }
  return { value: formatNumber(kBtu), unit: 'kBtu' }
}

/** "kWh/yr" / "kBtu/ft²·yr": the study table's column units in the chosen system. */
export function columnUnit(column: string, system: UnitSystem): string | undefined {
  switch (column) {
    case 'energy':
    case 'deltaAbs':
      return `${unitLabel('energy', system)}/yr`
    case 'eui':
    case 'deltaM2':
      return `${unitLabel('eui', system)}·yr`
  }
  return undefined
}

const STORAGE_KEY = 'epsm.units'
const CHANGE_EVENT = 'epsm:units'

/** The stored choice; SI unless the user picked IP. */
export function loadUnitSystem(): UnitSystem {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'ip' ? 'ip' : 'si'
  } catch {
    return 'si'
  }
}

/** Stores the choice and tells every open view (they listen with onUnitSystemChange). */
export function saveUnitSystem(system: UnitSystem): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, system)
  } catch {
    // private mode: the choice lasts for this session only
  }
  globalThis.dispatchEvent?.(new CustomEvent<UnitSystem>(CHANGE_EVENT, { detail: system }))
}

export function onUnitSystemChange(fn: (s: UnitSystem) => void): () => void {
  const on = (e: Event) => fn((e as CustomEvent<UnitSystem>).detail === 'ip' ? 'ip' : 'si')
  globalThis.addEventListener?.(CHANGE_EVENT, on)
  return () => globalThis.removeEventListener?.(CHANGE_EVENT, on)
}
