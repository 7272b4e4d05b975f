import { describe, expect, it } from 'vitest'
import type { MeterSeries, SwedishFigures } from '../bridge/types'
import { deliveredTable, isHeatingMeter, labelParts, loadDuration, swedishTiles } from './swedish'

const known = (value: number, unit: string) => ({ value, unit })

function figures(over: Partial<SwedishFigures> = {}): SwedishFigures {
  return {
    atemp: known(1000, 'm2'),
    atempFromModel: true,
    atempSource: 'EnergyPlus',
    buildingType: 'multiFamily',
    delivered: [
      { endUse: 'Heating', fuel: 'District Heating Water', carrier: 'districtHeating', purpose: 'heating', kWh: 80000 },
      { endUse: 'Water Systems', fuel: 'District Heating Water', carrier: 'districtHeating', purpose: 'hotWater', kWh: 25000 },
      { endUse: 'Pumps', fuel: 'Electricity', carrier: 'electricity', purpose: 'propertyElectricity', kWh: 3000 },
      { endUse: 'Interior Equipment', fuel: 'Electricity', carrier: 'electricity', purpose: 'householdElectricity', kWh: 30000 },
    ],
    byCarrier: [],
    byPurpose: [],
    primaryEnergyNumber: known(78.9, 'kWh/m2'),
    requirement: 75,
    energyClass: 'D',
    requirementShare: known(105.2, '%'),
    peakHeating: known(45300, 'W'),
    peakHeatingPerM2: known(45.3, 'W/m2'),
    peakHeatingDaily: known(30100, 'W'),
    overheatingThresholdC: 26,
    overheatingHours: known(312, 'h'),
    overheatingZone: 'LIVING',
    overheatingZoneHours: known(800, 'h'),
    overheatingOccupied: true,
    ...over,
  }
}

describe('swedishTiles', () => {
  it('shows EP_pet with its class and share of the requirement, Atemp labelled as the model’s', () => {
    const [ep, atemp, peak, oh] = swedishTiles(figures())
    expect(ep.value).toBe('78.9')
    expect(ep.energyClass).toBe('D')
    expect(ep.sub).toBe('Class D: 105 % of the requirement for a new multi-family house (75 kWh/m²)')
    expect(atemp.sub).toContain('conditioned floor area')
    expect(peak.value).toBe('45.3')
    expect(peak.unit).toBe('kW')
    expect(peak.sub).toBe('45.3 W/m² Atemp · daily mean peak 30.1 kW')
    expect(oh.label).toBe('Hours above 26.0 °C')
    expect(oh.sub).toContain('Worst zone LIVING; 800 zone-hours in all; occupied hours')
  })

  it('names the missing input instead of a number', () => {
    const gap = { input: 'Atemp (heated floor area)', where: 'model', field: 'atempM2' }
    const [ep, atemp] = swedishTiles(figures({ primaryEnergyNumber: { value: null, unit: 'kWh/m2', missing: [gap] }, energyClass: '', atemp: { value: null, unit: 'm2', missing: [gap] } }))
    expect(ep.value).toBe('\u2014')
    expect(ep.energyClass).toBeUndefined()
    expect(ep.missing).toEqual([gap])
    expect(atemp.missing[0].where).toBe('model')
  })
})

describe('deliveredTable', () => {
  it('sums delivered energy per purpose and carrier, purposes in BBR order, counted ones marked', () => {
    const t = deliveredTable(figures())
    expect(t.carriers).toEqual(['electricity', 'districtHeating'])
    expect(t.rows.map((r) => [r.purpose, r.counts, r.total])).toEqual([
      ['heating', true, 80000],
      ['hotWater', true, 25000],
      ['propertyElectricity', true, 3000],
      ['householdElectricity', false, 30000],
    ])
    expect(t.rows[0].cells).toEqual({ districtHeating: 80000 })
  })
})

describe('loadDuration', () => {
  const series = (name: string, values: number[]): MeterSeries => ({ name, units: 'kWh', month: [], day: [], hour: [], values, total: 0 })
  it('sums the delivered heating meters hour by hour and sorts highest first', () => {
    const d = loadDuration([series('Heating:DistrictHeatingWater', [1, 5, 2]), series('Heating:Electricity', [1, 0, 4]), series('Heating:EnergyTransfer', [9, 9, 9]), series('Electricity:Facility', [7, 7, 7])])
    expect(d).toEqual([6, 5, 2])
  })
  it('is empty without heating meters', () => {
    expect(loadDuration([series('Electricity:Facility', [1])])).toEqual([])
  })
  it('tells heating meters from the rest', () => {
    expect(isHeatingMeter('Heating:NaturalGas')).toBe(true)
    expect(isHeatingMeter('Heating:EnergyTransfer')).toBe(false)
    expect(isHeatingMeter('Heating:EnergyTransfer:Zone:LIVING')).toBe(false)
    expect(isHeatingMeter('DistrictHeatingWater:Facility')).toBe(false)
  })
})

describe('labelParts', () => {
  it.each([
    ['District heating (fjärrvärme)', { name: 'District heating', term: 'fjärrvärme' }],
    ['Property electricity (fastighetsel)', { name: 'Property electricity', term: 'fastighetsel' }],
    ['Other fuel', { name: 'Other fuel' }],
    ['Not (a) term here', { name: 'Not (a) term here' }],
  ])('splits %s', (label, want) => {
    expect(labelParts(label)).toEqual(want)
  })
})
