import { describe, expect, it } from 'vitest'
import type { LcaSettings } from '../bridge/types'
import { FUEL_NAMES, fuelField, fuelKey, fuelList, fuelNeeds, lcaToForm, needsText, problemsByField, readLcaForm } from './lcaSettings'

function settings(): LcaSettings {
  return {
    fuels: {
      Electricity: { kgCO2ePerKWh: 0.059, carbonSource: 'IVL 2025', pricePerKWh: null, priceSource: 'No default' },
      'District Heating Water': { kgCO2ePerKWh: null, carbonSource: 'network-specific', pricePerKWh: null, priceSource: '' },
    },
    currency: 'SEK',
    currencySource: 'EPSM default',
    analysisPeriodYears: 50,
    analysisPeriodSource: 'issue 4',
    discountRate: 0.035,
    discountRateSource: 'real rate',
  }
}

describe('LCA settings form', () => {
  it('shows every EnergyPlus fuel, blanks as empty text, the discount rate in %', () => {
    const f = lcaToForm(settings())
    expect(Object.keys(f.fuels)).toEqual(FUEL_NAMES)
    expect(f.fuels.Electricity).toEqual({ factor: '0.059', carbonSource: 'IVL 2025', price: '', priceSource: 'No default' })
    expect(f.fuels['Natural Gas']).toEqual({ factor: '', carbonSource: '', price: '', priceSource: '' })
    expect(f.discountPercent).toBe('3.5')
    expect(f.period).toBe('50')
  })

  it('reads it back: a blank stays null, never 0', () => {
    const r = readLcaForm(lcaToForm(settings()))
    expect(r.ok).toBe(true)
    const s = r.settings!
    expect(s.fuels!.Electricity).toEqual({ kgCO2ePerKWh: 0.059, carbonSource: 'IVL 2025', pricePerKWh: null, priceSource: 'No default' })
    expect(s.fuels!['District Heating Water'].kgCO2ePerKWh).toBeNull()
    expect(s.discountRate).toBe(0.035)
    expect(s.analysisPeriodYears).toBe(50)
    expect(s.currency).toBe('SEK')
  })

  it('reads a price with a decimal comma and a blank discount rate as undiscounted', () => {
    const f = lcaToForm(settings())
    f.fuels.Electricity.price = '1,85'
    f.discountPercent = ''
    const r = readLcaForm(f)
    expect(r.settings!.fuels!.Electricity.pricePerKWh).toBe(1.85)
    expect(r.settings!.discountRate).toBe(0)
  })

  it('marks every bad field at once', () => {
    const f = lcaToForm(settings())
    f.currency = ' '
    f.period = '0'
    f.discountPercent = '60'
    f.fuels.Electricity.factor = '-0.1'
    f.fuels.Propane.price = 'cheap'
    const r = readLcaForm(f)
    expect(r.ok).toBe(false)
    // Keyed by the JSON path of the input, as Go's lca.Problem names it.
    expect(r.errors).toEqual({
      currency: 'Enter the currency every price and cost is in (e.g. SEK).',
      analysisPeriodYears: 'The analysis period must be a whole number of years from 1 to 200, not 0.',
      discountRate: 'The discount rate must be at least 0 % and below 50 %, not 60 %.',
      'fuels.Electricity.kgCO2ePerKWh': 'Electricity emission factor must not be negative, not -0.1',
      'fuels.Propane.pricePerKWh': 'Propane price: “cheap” is not a number',
    })
  })

  it('asks for a missing period', () => {
    const f = lcaToForm(settings())
    f.period = ''
    expect(readLcaForm(f).errors.analysisPeriodYears).toBe('Enter the analysis period in years.')
  })

  it("puts Go's problems next to the fields they name", () => {
    const problems = [
      { field: 'fuels.Electricity.kgCO2ePerKWh', message: 'Electricity emission factor -1 kg CO2e/kWh must be a number >= 0' },
      { field: 'fuels.District Heating Water.pricePerKWh', message: 'District Heating Water price -2 SEK/kWh must be a number >= 0' },
      { field: 'currency', message: 'currency is empty' },
      { field: 'analysisPeriodYears', message: 'analysis period 0 years is outside 1..200' },
      { field: 'discountRate', message: 'discount rate 0.7 is outside [0, 0.5)' },
      { field: 'discountRate', message: 'a second problem with the rate' },
      { field: 'fuels.Wood', message: 'unknown fuel "Wood"' },
    ]
    expect(problemsByField(problems)).toEqual({
      [fuelField('Electricity', 'kgCO2ePerKWh')]: 'Electricity emission factor -1 kg CO2e/kWh must be a number >= 0',
      [fuelField('District Heating Water', 'pricePerKWh')]: 'District Heating Water price -2 SEK/kWh must be a number >= 0',
      currency: 'currency is empty',
      analysisPeriodYears: 'analysis period 0 years is outside 1..200',
      discountRate: 'discount rate 0.7 is outside [0, 0.5)\na second problem with the rate',
      general: 'unknown fuel "Wood"',
    })
  })

  it('places a problem by its field, never by its wording', () => {
    // Reworded messages, and messages that read like another field's, land where `field` says.
    const problems = [
      { field: 'fuels.Propane.pricePerKWh', message: 'Electricity emission factor: the wording of another field' },
      { field: 'currency', message: 'analysis period: also misleading' },
      { field: 'somethingNew', message: 'currency is empty' },
    ]
    expect(problemsByField(problems)).toEqual({
      'fuels.Propane.pricePerKWh': 'Electricity emission factor: the wording of another field',
      currency: 'analysis period: also misleading',
      general: 'currency is empty',
    })
    // A fuel the form does not show has no input: its problem is general.
    expect(problemsByField([{ field: 'fuels.Wood.pricePerKWh', message: 'x' }], ['Electricity'])).toEqual({ general: 'x' })
  })

  it('tells which fuels the results need and what they still lack', () => {
    const needs = fuelNeeds(['District Heating Water', 'Electricity'], lcaToForm(settings()))
    expect(needs).toEqual([
      { fuel: 'District Heating Water', factorMissing: true, priceMissing: true },
      { fuel: 'Electricity', factorMissing: false, priceMissing: true },
    ])
    expect(needsText(needs)).toBe('District Heating Water (emission factor and price), Electricity (price)')
  })

  it('keys fuels for ids, and keeps unknown fuel names it was given', () => {
    expect(fuelKey('District Heating Water')).toBe('district-heating-water')
    expect(fuelKey('Fuel Oil No 1')).toBe('fuel-oil-no-1')
    expect(fuelList({ fuels: { Wood: { kgCO2ePerKWh: null, carbonSource: '', pricePerKWh: null, priceSource: '' } } }).slice(-1)).toEqual(['Wood'])
  })
})
