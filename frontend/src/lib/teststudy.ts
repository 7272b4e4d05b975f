// A study table for the tests of the scatter plot and KPI tiles: complete rows with known
// carbon and cost, and rows that lack cost or results.
import type { Amount, LcaResult, StudyTable, VariantResult } from '../bridge/types'
import { BASELINE_PAYBACK } from './amount'

export const known = (value: number): Amount => ({ value, complete: true })
export const unknown = (...missing: string[]): Amount => ({ value: 0, complete: false, missing })

export interface Fig {
  kwh: number
  embodied: number
  lcc: number | null
  lcCarbon: number
  investment?: number | null
}

function lca(f: Fig, baseline: boolean): LcaResult {
  const saving = { value: 0, complete: true, percent: 0 }
  const cost = f.lcc === null ? unknown('Electricity price') : known(f.lcc)
  return {
    unchanged: baseline,
    currency: 'EUR',
    analysisPeriodYears: 30,
    discountRate: 0,
    annualEnergyKWh: known(f.kwh),
    operationalKgCO2ePerYear: known(f.kwh * 0.1),
    operationalKgCO2e: known(f.kwh * 3),
    embodiedKgCO2e: known(f.embodied),
    lifeCycleKgCO2e: known(f.lcCarbon),
    energyCostPerYear: cost,
    energyCostPresentValue: cost,
    investmentCost: f.investment === null ? unknown('cost of EPS') : known(f.investment ?? f.embodied * 2),
    lifeCycleCost: cost,
    replacementKgCO2e: known(0),
    replacementCost: known(0),
    residualValue: known(0),
    savings: { energyKWh: saving, operationalKgCO2ePerYear: saving, energyCostPerYear: saving, lifeCycleKgCO2e: saving, lifeCycleCost: saving },
    simplePayback: baseline ? BASELINE_PAYBACK : { years: 12.5, complete: true, beyondPeriod: false },
    carbonPayback: baseline ? BASELINE_PAYBACK : { years: 4.2, complete: true, beyondPeriod: false },
  }
}

/** figs[0] is the baseline; null makes a row whose run has not finished. */
export function study(figs: Array<Fig | null>, weatherId = 1): StudyTable {
  const rows: VariantResult[] = figs.map((f, i) => ({
    variantId: i + 1,
    key: `v${i}`,
    label: i === 0 ? 'B' : `V${i}`,
    name: i === 0 ? 'Baseline' : `Variant ${i}`,
    choices: { wall: i === 0 ? 'keep' : 'wall_a', roof: 'keep', floor: 'keep', window: 'keep' },
    baseline: i === 0,
    weatherId,
    weatherName: 'Golden.epw',
    runId: 100 + i,
    status: f ? 'succeeded' : 'running',
    kind: '',
    message: '',
    headline: '',
    cached: false,
    areas: {},
    results: f
      ? {
          totalSiteKWh: f.kwh,
          netSiteKWh: f.kwh,
          totalSourceKWh: f.kwh * 2,
          totalAreaM2: 200,
          conditionedAreaM2: 200,
          euiKWhPerM2: f.kwh / 200,
          unmetHeatingHours: 0,
          unmetCoolingHours: 0,
          endUses: [
            { endUse: 'Heating', fuel: 'Natural Gas', kWh: f.kwh * 0.6 },
            { endUse: 'Interior Lighting', fuel: 'Electricity', kWh: f.kwh * 0.4 },
          ],
        }
      : null,
    lca: f ? lca(f, i === 0) : null,
    // EP_pet as if all of it were district heating for heating over 200 m2 Atemp.
    atemp: f ? 200 : null,
    primaryEnergyNumber: f ? (f.kwh * 0.7) / 200 : null,
    energyClass: f ? 'D' : '',
    peakHeatingW: f ? f.kwh / 2 : null,
    overheatingHours: f ? 12 : null,
    paretoCarbonCost: false,
    paretoEnergyEmbodied: false,
  }))
  return {
    study: { id: 1, name: 'S', specJson: '{}', baseModelId: 1, batchId: 1, createdAt: '' },
    rows,
    swedish: { weights: { electricity: 1.8, districtHeating: 0.7 }, weightsSource: '', fGeo: 1, fGeoSource: '', requirements: { multiFamily: 75 }, requirementsSource: '', overheatingThresholdC: 26, overheatingSource: '' },
    settings: { fuels: {}, currency: 'EUR', currencySource: '', analysisPeriodYears: 30, analysisPeriodSource: '', discountRate: 0, discountRateSource: '' },
    finished: rows.length,
    total: rows.length,
  }
}
