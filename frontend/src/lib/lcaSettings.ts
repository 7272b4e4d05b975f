// The carbon and cost settings form (lca.Settings): currency, analysis period, discount rate and
// per fuel an emission factor and a price, each with its source. A blank factor or price stays
// blank (null): results that need it are marked incomplete, never computed with 0.
import type { Fuel, LcaProblem, LcaSettings } from '../bridge/types'
import { numberText, parseOptionalNumber } from './numbers'

/** EnergyPlus's End Uses fuel columns, in its order (lca.FuelNames). */
export const FUEL_NAMES = [
  'Electricity',
  'Natural Gas',
  'District Heating Water',
  'District Heating Steam',
  'District Cooling',
  'Fuel Oil No 1',
  'Fuel Oil No 2',
  'Propane',
  'Coal',
  'Diesel',
  'Gasoline',
  'Other Fuel 1',
  'Other Fuel 2',
]

export const MIN_PERIOD_YEARS = 1
export const MAX_PERIOD_YEARS = 200
/** exclusive, in % */
export const MAX_DISCOUNT_PERCENT = 50

/** "District Heating Water" -> "district-heating-water", for test ids and input ids. */
export function fuelKey(fuel: string): string {
  return fuel
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

export interface FuelForm {
  factor: string
  carbonSource: string
  price: string
  priceSource: string
}

export interface LcaForm {
  currency: string
  currencySource: string
  period: string
  periodSource: string
  /** in % per year */
  discountPercent: string
  discountSource: string
  fuels: Record<string, FuelForm>
}

/** The fuels to show: EnergyPlus's list first, then any other key the settings hold. */
export function fuelList(s: Pick<LcaSettings, 'fuels'> | null | undefined): string[] {
  const extra = Object.keys(s?.fuels ?? {}).filter((f) => !FUEL_NAMES.includes(f)).sort()
  return [...FUEL_NAMES, ...extra]
}

function percentText(rate: number): string {
  return Number.isFinite(rate) ? String(Number.parseFloat((rate * 100).toPrecision(12))) : ''
}

export function lcaToForm(s: LcaSettings | null | undefined): LcaForm {
  const fuels: Record<string, FuelForm> = {}
  for (const name of fuelList(s)) {
    const f = s?.fuels?.[name]
    fuels[name] = { factor: numberText(f?.kgCO2ePerKWh), carbonSource: f?.carbonSource ?? '', price: numberText(f?.pricePerKWh), priceSource: f?.priceSource ?? '' }
  }
  return {
    currency: s?.currency ?? '',
    currencySource: s?.currencySource ?? '',
    period: s ? String(s.analysisPeriodYears) : '',
    periodSource: s?.analysisPeriodSource ?? '',
    discountPercent: s ? percentText(s.discountRate) : '',
    discountSource: s?.discountRateSource ?? '',
    fuels,
  }
}

/**
 * A form field is the JSON path of its input in lca.Settings ("currency", "analysisPeriodYears",
 * "fuels.Electricity.pricePerKWh"): the path Go's lca.Problem names in `field`.
 */
export type LcaField = string

export const LCA_FIELD = {
  currency: 'currency',
  currencySource: 'currencySource',
  period: 'analysisPeriodYears',
  periodSource: 'analysisPeriodSource',
  discount: 'discountRate',
  discountSource: 'discountRateSource',
} as const

/** The field of one of a fuel's inputs: fuelField('Electricity', 'pricePerKWh') is "fuels.Electricity.pricePerKWh". */
export function fuelField(fuel: string, input: keyof Fuel): LcaField {
  return `fuels.${fuel}.${input}`
}

/** Where a problem that names no input of the form goes (a fuel EnergyPlus does not have). */
export const GENERAL_FIELD = 'general'

export type LcaRead = { ok: true; settings: LcaSettings; errors: Record<LcaField, string> } | { ok: false; settings: null; errors: Record<LcaField, string> }

/**
 * Reads the form into lca.Settings with the rules of lca.Settings.Validate, every problem at
 * once (by field) so the form can mark them all. Blank factors and prices stay null.
 */
export function readLcaForm(f: LcaForm): LcaRead {
  const errors: Record<LcaField, string> = {}
  const currency = f.currency.trim()
  if (!currency) errors[LCA_FIELD.currency] = 'Enter the currency every price and cost is in (e.g. SEK).'
  let period = 0
  const p = parseOptionalNumber(f.period)
  if (!p.ok) errors[LCA_FIELD.period] = `Analysis period: ${p.error}`
  else if (p.value === null) errors[LCA_FIELD.period] = 'Enter the analysis period in years.'
  else if (!Number.isInteger(p.value) || p.value < MIN_PERIOD_YEARS || p.value > MAX_PERIOD_YEARS) {
    errors[LCA_FIELD.period] = `The analysis period must be a whole number of years from ${MIN_PERIOD_YEARS} to ${MAX_PERIOD_YEARS}, not ${p.value}.`
  } else period = p.value
  let rate = 0
  const d = parseOptionalNumber(f.discountPercent)
  if (!d.ok) errors[LCA_FIELD.discount] = `Discount rate: ${d.error}`
  else if (d.value !== null) {
    if (d.value < 0 || d.value >= MAX_DISCOUNT_PERCENT) errors[LCA_FIELD.discount] = `The discount rate must be at least 0 % and below ${MAX_DISCOUNT_PERCENT} %, not ${d.value} %.`
    else rate = Number.parseFloat((d.value / 100).toPrecision(12))
  }
  const fuels: Record<string, Fuel> = {}
  for (const [name, ff] of Object.entries(f.fuels)) {
    const read = (text: string, input: keyof Fuel, what: string): number | null => {
      const r = parseOptionalNumber(text)
      if (!r.ok) {
        errors[fuelField(name, input)] = `${name} ${what}: ${r.error}`
        return null
      }
      if (r.value !== null && r.value < 0) errors[fuelField(name, input)] = `${name} ${what} must not be negative, not ${r.value}`
      return r.value
    }
    fuels[name] = {
      kgCO2ePerKWh: read(ff.factor, 'kgCO2ePerKWh', 'emission factor'),
      carbonSource: ff.carbonSource,
      pricePerKWh: read(ff.price, 'pricePerKWh', 'price'),
      priceSource: ff.priceSource,
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, settings: null, errors }
  return {
    ok: true,
    errors,
    settings: {
      fuels,
      currency,
      currencySource: f.currencySource,
      analysisPeriodYears: period,
      analysisPeriodSource: f.periodSource,
      discountRate: rate,
      discountRateSource: f.discountSource,
    },
  }
}

/**
 * Go's problems (CheckLCASettings) by field, each at the input its `field` names; one that names
 * no input of the form (an unknown fuel) goes to GENERAL_FIELD. Never decided by the wording.
 */
export function problemsByField(problems: readonly LcaProblem[], fuels: readonly string[] = FUEL_NAMES): Record<LcaField, string> {
  const inputs = new Set<LcaField>([LCA_FIELD.currency, LCA_FIELD.period, LCA_FIELD.discount, ...fuels.flatMap((f) => [fuelField(f, 'kgCO2ePerKWh'), fuelField(f, 'pricePerKWh')])])
  const out: Record<LcaField, string> = {}
  for (const p of problems) {
    const field = inputs.has(p.field) ? p.field : GENERAL_FIELD
    out[field] = out[field] ? `${out[field]}\n${p.message}` : p.message
  }
  return out
}

export interface FuelNeed {
  fuel: string
  factorMissing: boolean
  priceMissing: boolean
}

/** For the fuels the results use: which still lack a factor or a price (per the form as typed). */
export function fuelNeeds(used: readonly string[], f: LcaForm): FuelNeed[] {
  return used.map((fuel) => {
    const ff = f.fuels[fuel]
    return { fuel, factorMissing: !ff || ff.factor.trim() === '', priceMissing: !ff || ff.price.trim() === '' }
  })
}

/** "Electricity (price), District Heating Water (emission factor and price)" */
export function needsText(needs: readonly FuelNeed[]): string {
  return needs
    .filter((n) => n.factorMissing || n.priceMissing)
    .map((n) => `${n.fuel} (${[n.factorMissing ? 'emission factor' : '', n.priceMissing ? 'price' : ''].filter(Boolean).join(' and ')})`)
    .join(', ')
}
