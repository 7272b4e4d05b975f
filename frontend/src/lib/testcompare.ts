// Builders for CompareRuns answers in tests: a run's side with results, Swedish figures,
// monthly energy and err messages shaped like the Go side's JSON.
import type { ErrMessage, Results, RunComparison, RunSide, RunStatus, SwedishFigures } from '../bridge/types'
import { run } from './testdata'

const known = (value: number, unit: string) => ({ value, unit })

export function results(over: Partial<Results> = {}): Results {
  return {
    totalSiteKWh: 100000,
    netSiteKWh: 100000,
    totalSourceKWh: 180000,
    totalAreaM2: 1100,
    conditionedAreaM2: 1000,
    euiKWhPerM2: 90.9,
    unmetHeatingHours: 12,
    unmetCoolingHours: 0,
    endUses: [
      { endUse: 'Heating', fuel: 'District Heating Water', kWh: 60000 },
      { endUse: 'Interior Equipment', fuel: 'Electricity', kWh: 40000 },
    ],
    peakHeatingW: 40000,
    peakHeatingDailyW: 30000,
    ...over,
  } as Results
}

export function swedish(over: Partial<SwedishFigures> = {}): SwedishFigures {
  return {
    atemp: known(1000, 'm2'),
    atempFromModel: true,
    atempSource: 'EnergyPlus',
    buildingType: 'multiFamily',
    delivered: [
      { endUse: 'Heating', fuel: 'District Heating Water', carrier: 'districtHeating', purpose: 'heating', kWh: 60000 },
      { endUse: 'Interior Equipment', fuel: 'Electricity', carrier: 'electricity', purpose: 'householdElectricity', kWh: 40000 },
    ],
    byCarrier: [],
    byPurpose: [],
    primaryEnergyNumber: known(42, 'kWh/m2'),
    requirement: 75,
    energyClass: 'B',
    requirementShare: known(56, '%'),
    peakHeating: known(40000, 'W'),
    peakHeatingPerM2: known(40, 'W/m2'),
    peakHeatingDaily: known(30000, 'W'),
    overheatingThresholdC: 26,
    overheatingHours: known(100, 'h'),
    overheatingZone: 'LIVING',
    overheatingZoneHours: known(250, 'h'),
    overheatingOccupied: true,
    ...over,
  }
}

/** 12 monthly values from a January value falling by 10 % a month. */
export function months(jan: number): number[] {
  return Array.from({ length: 12 }, (_, i) => Math.round(jan * 0.9 ** i))
}

export function side(id: number, over: { results?: Results | null; swedish?: SwedishFigures | null; total?: Array<number | null>; messages?: ErrMessage[]; status?: RunStatus; headline?: string; warnings?: number; severe?: number; monthlyReason?: string; messagesReason?: string } = {}): RunSide {
  const res = over.results === undefined ? results() : over.results
  const total = over.total ?? months(10000)
  return {
    details: {
      run: run({ id, status: over.status ?? 'succeeded', headline: over.headline ?? '', warnings: over.warnings ?? 3, severe: over.severe ?? 0, hasResults: res !== null, modelName: `m${id}.idf`, weatherName: 'Chicago.epw' }),
      results: res,
      swedish: over.swedish === undefined ? (res ? swedish() : null) : over.swedish,
    },
    monthly: {
      meters: res ? [{ name: 'Electricity:Facility', monthly: total, peakKW: 20 }] : [],
      total: res ? total : (Array.from({ length: 12 }, () => null) as unknown as number[]),
      reason: over.monthlyReason ?? (res ? '' : 'This run did not succeed, so it has no hourly data.'),
    },
    messages: { messages: over.messages ?? [], truncated: false, reason: over.messagesReason ?? '' },
  } as RunSide
}

export function comparison(a: RunSide, b: RunSide): RunComparison {
  return { a, b } as RunComparison
}
