import { describe, expect, it } from 'vitest'
import {
  addField,
  buildMeasures,
  buildMethod,
  errorPlace,
  figureGaps,
  findMeasureChoice,
  initialMethod,
  measureChoices,
  measureIds,
  newFieldMeasure,
  newTemplateMeasure,
  parseValueList,
  removeField,
  removeRow,
  addRow,
  setCell,
  setField,
  setOptionCosts,
  setPerOption,
  slugId,
  toggleObjective,
  type MeasureDraft,
  type MethodDraft,
} from './measures'
import { buildSpec, estimateText, initialBuilder } from './study'
import { heatRecoveryFit } from './testmeasures'

/** Exterior lights' Design Level, as a user fills the custom field form. */
function lights(over: Partial<MeasureDraft> = {}): MeasureDraft {
  return { ...setField(newFieldMeasure([]), 0, { class: 'Exterior:Lights', name: 'ExtLights', field: 'Design Level' }), list: '1000, 2500', ...over }
}

describe('measure ids', () => {
  it('are made from the name: lower case, letters, digits, - and _, accents dropped, at most 40', () => {
    expect(slugId('Ext. lights – LED')).toBe('ext-lights-led')
    expect(slugId('Värmeåtervinning FTX')).toBe('varmeatervinning-ftx')
    expect(slugId('  heat_pump COP ')).toBe('heat_pump-cop')
    expect(slugId('x'.repeat(50))).toHaveLength(40)
    expect(slugId('!!!')).toBe('')
  })

  it('are unique among the measures, never an element name, and a typed id is kept as typed', () => {
    const a = lights({ name: 'Lights' })
    const b = { ...lights({ name: 'lights' }), key: 2 }
    const wall = { ...lights({ name: 'Wall' }), key: 3 }
    const typed = { ...lights({ name: 'Other', id: 'lights-2', idEdited: true }), key: 4 }
    const noName = { ...lights(), key: 5 }
    expect(measureIds([a, b, wall, typed, noName])).toEqual(['lights', 'lights-3', 'wall-2', 'lights-2', 'design-level'])
  })

  it('fall back to the generated one when the typed id is cleared', () => {
    expect(measureIds([lights({ name: 'LED', id: '  ', idEdited: true })])).toEqual(['led'])
  })
})

describe('value lists', () => {
  it('read comma-separated numbers and texts in order, trimmed, blanks between commas ignored', () => {
    expect(parseValueList(' 1000, 2500 ,,')).toEqual({ values: ['1000', '2500'], problems: [] })
    expect(parseValueList('Sensible, None')).toEqual({ values: ['Sensible', 'None'], problems: [] })
  })

  it('refuse an option listed twice (0.80 is 0.8) and IDF separators', () => {
    expect(parseValueList('0.8, 0.80').problems).toEqual(['“0.80” is listed twice'])
    expect(parseValueList('Sensible, sensible').problems).toEqual(['“sensible” is listed twice'])
    expect(parseValueList('1; 2').problems).toEqual(['“1; 2” holds an IDF separator (; or !)'])
  })
})

describe('building the measures', () => {
  it('sends a field measure with its list, per and costs; a blank cost is left out (missing), 0 is sent', () => {
    const { measures, problems } = buildMeasures([lights({ per: 'fixed', investment: '0', gwp: '', life: '15' })], false)
    expect(problems).toEqual([])
    expect(measures).toEqual([
      {
        id: 'design-level',
        fields: [{ class: 'Exterior:Lights', name: 'ExtLights', field: 'Design Level' }],
        values: [{ values: ['1000'] }, { values: ['2500'] }],
        per: 'fixed',
        investment: 0,
        lifeYears: 15,
      },
    ])
    expect(measures[0]).not.toHaveProperty('gwpKgCO2e')
  })

  it('leaves out an all-objects name and sends keep only when unticked', () => {
    const m = buildMeasures([lights({ name: 'LED', keep: false, fields: [{ class: 'Exterior:Lights', name: ' ', field: 'Design Level' }] })], false).measures[0]
    expect(m.fields).toEqual([{ class: 'Exterior:Lights', field: 'Design Level' }])
    expect(m.keep).toBe(false)
    expect(m.name).toBe('LED')
  })

  it('moves several fields together: the list becomes rows, one value per field in each option', () => {
    let d = setField(newFieldMeasure([]), 0, { class: 'Coil:Heating:DX:SingleSpeed', field: 'Gross Rated Heating COP' })
    d = { ...d, name: 'Heat pump', list: '3.5, 4' }
    d = addField(d)
    expect(d.fields[1]).toEqual({ class: 'Coil:Heating:DX:SingleSpeed', name: '', field: '' })
    expect(d.rows).toEqual([
      ['3.5', ''],
      ['4', ''],
    ])
    d = setField(d, 1, { class: 'Coil:Cooling:DX:SingleSpeed', field: 'Gross Rated Cooling COP' })
    expect(buildMeasures([d], false).problems).toEqual(['Measure “Heat pump”: option 1 needs a value in every column.', 'Measure “Heat pump”: option 2 needs a value in every column.'])
    d = setCell(setCell(d, 0, 1, '3'), 1, 1, '3.2')
    const { measures, problems } = buildMeasures([d], false)
    expect(problems).toEqual([])
    expect(measures[0].values).toEqual([{ values: ['3.5', '3'] }, { values: ['4', '3.2'] }])
    // Back to one field: the first column is the list again.
    expect(removeField(d, 1)).toMatchObject({ list: '3.5, 4', rows: [] })
  })

  it('a template measure starts from its suggested options and per, and sends no fields', () => {
    const d = newTemplateMeasure([], heatRecoveryFit())
    expect(d).toMatchObject({ name: 'Ventilation heat recovery', template: 'heat-recovery', list: '0.7, 0.8, 0.85', per: 'unit', templateValues: ['Sensible effectiveness'] })
    const m = buildMeasures([d], false).measures[0]
    expect(m).toEqual({ id: 'ventilation-heat-recovery', name: 'Ventilation heat recovery', template: 'heat-recovery', values: [{ values: ['0.7'] }, { values: ['0.8'] }, { values: ['0.85'] }], per: 'unit' })
  })

  it('sends a range, and a continuous interval only when the study samples or runs a method', () => {
    expect(buildMeasures([lights({ kind: 'range', from: '500', to: '2500', step: '500' })], false).measures[0].range).toEqual({ from: 500, to: 2500, step: 500 })
    expect(buildMeasures([lights({ kind: 'range', from: '500', to: '100', step: '0' })], false).problems).toEqual(['Measure “design-level”: a range needs from ≤ to and a step > 0.'])
    const cont = lights({ kind: 'continuous', min: '500', max: '5000', keep: true })
    expect(buildMeasures([cont], true)).toEqual({ measures: [expect.objectContaining({ continuous: { min: 500, max: 5000 } })], problems: [] })
    expect(buildMeasures([cont], true).measures[0]).not.toHaveProperty('keep')
    expect(buildMeasures([cont], false).problems).toEqual([
      'Measure “design-level”: continuous values need Latin hypercube or Sobol sampling, or a method (a full factorial or packages need a list or a range).',
    ])
  })

  it('names what is missing or wrong, per measure', () => {
    const d = lights({ name: 'LED', list: '', life: '0', investment: 'lots', fields: [{ class: 'Exterior:Lights', name: '', field: '' }] })
    expect(buildMeasures([d], false).problems).toEqual([
      'Measure “LED”: field 1 needs a class and an IDD field name.',
      'Measure “LED”: list at least one value (comma-separated).',
      'Measure “LED”: investment: “lots” is not a number.',
      'Measure “LED”: service life must be more than 0 years, not 0.',
    ])
    const typed = [lights({ id: 'roof', idEdited: true }), { ...lights({ id: 'a b', idEdited: true }), key: 2 }]
    expect(buildMeasures(typed, false).problems).toEqual(["Measure “roof”: id “roof” is an element's name; pick another.", "Measure “a b”: id “a b”: use 1 to 40 letters, digits, '-' or '_'."])
  })
})

describe('labels and costs per option', () => {
  /** Windows' U-factor, a one-value list, each option priced on its own. */
  const glazing = (over: Partial<MeasureDraft> = {}) =>
    lights({ name: 'Glazing', fields: [{ class: 'WindowMaterial:SimpleGlazingSystem', name: '', field: 'U-Factor' }], list: '1.2, 0.8, 0.6', per: 'm2', investment: '3000', gwp: '', life: '30', ...over })

  it('turn a one-value list into rows; an option with figures of its own is sent as an object, the others as their values only', () => {
    let d = setPerOption(glazing(), true)
    expect(d).toMatchObject({ list: '', rows: [['1.2'], ['0.8'], ['0.6']] })
    expect(d.optionCosts).toHaveLength(3)
    d = setOptionCosts(d, 1, { label: ' double low-e ', investment: '4200', gwp: '35' })
    d = setOptionCosts(d, 2, { label: 'triple low-e', investment: '6000', gwp: '55', life: '40' })
    const { measures, problems } = buildMeasures([d], false)
    expect(problems).toEqual([])
    expect(measures[0].values).toEqual([
      { values: ['1.2'] },
      { values: ['0.8'], label: 'double low-e', investment: 4200, gwpKgCO2e: 35 },
      { values: ['0.6'], label: 'triple low-e', investment: 6000, gwpKgCO2e: 55, lifeYears: 40 },
    ])
    // The measure's own figures stay: they are what the blanks fall back to (in Go).
    expect(measures[0]).toMatchObject({ per: 'm2', investment: 3000, lifeYears: 30 })
    expect(measures[0]).not.toHaveProperty('gwpKgCO2e')
  })

  it('0 is a figure of its own, a blank is not', () => {
    const d = setOptionCosts(setPerOption(glazing({ list: '1.2' }), true), 0, { investment: '0', gwp: ' ' })
    expect(buildMeasures([d], false).measures[0].values).toEqual([{ values: ['1.2'], investment: 0 }])
  })

  it('keep each option’s figures beside it when rows are added or removed, and drop them when turned off', () => {
    let d = setOptionCosts(setPerOption(glazing({ list: '1.2, 0.8' }), true), 1, { investment: '4200' })
    d = setCell(addRow(d), 2, 0, '0.6')
    d = setOptionCosts(d, 2, { investment: '6000' })
    d = removeRow(d, 0)
    expect(buildMeasures([d], false).measures[0].values).toEqual([
      { values: ['0.8'], investment: 4200 },
      { values: ['0.6'], investment: 6000 },
    ])
    const off = setPerOption(d, false)
    expect(off).toMatchObject({ list: '0.8, 0.6', rows: [], optionCosts: [] })
    expect(buildMeasures([off], false).measures[0].values).toEqual([{ values: ['0.8'] }, { values: ['0.6'] }])
  })

  it('work with several fields: a field added or removed keeps the rows and their figures', () => {
    let d = setField(newFieldMeasure([]), 0, { class: 'Coil:Heating:DX:SingleSpeed', field: 'Gross Rated Heating COP' })
    d = setPerOption({ ...d, name: 'Heat pump', list: '3.5, 4' }, true)
    d = setOptionCosts(d, 1, { label: 'premium', investment: '90000' })
    d = setField(addField(d), 1, { class: 'Coil:Cooling:DX:SingleSpeed', field: 'Gross Rated Cooling COP' })
    d = setCell(setCell(d, 0, 1, '3'), 1, 1, '3.2')
    expect(buildMeasures([d], false).measures[0].values).toEqual([{ values: ['3.5', '3'] }, { values: ['4', '3.2'], label: 'premium', investment: 90000 }])
    const back = removeField(d, 1)
    expect(back).toMatchObject({ list: '', rows: [['3.5'], ['4']] })
    expect(buildMeasures([back], false).measures[0].values).toEqual([{ values: ['3.5'] }, { values: ['4'], label: 'premium', investment: 90000 }])
  })

  it('name the option whose figure is wrong: not a number, a negative investment, or a life of 0', () => {
    let d = setPerOption(glazing({ investment: '-1' }), true)
    d = setOptionCosts(d, 0, { investment: 'cheap' })
    d = setOptionCosts(d, 1, { gwp: '-5', life: '0' })
    d = setOptionCosts(addRow(d), 3, { label: 'quad' })
    expect(buildMeasures([d], false).problems).toEqual([
      'Measure “Glazing”: option 4 has a label or costs but no value.',
      'Measure “Glazing”: option 1 (1.2): investment: “cheap” is not a number.',
      'Measure “Glazing”: option 2 (0.8): service life must be more than 0 years, not 0.',
      'Measure “Glazing”: investment must not be negative, not -1.',
    ])
  })

  it('keep a negative GWP, as the spec format does (biogenic carbon stored in timber)', () => {
    const d = setOptionCosts(setPerOption(glazing(), true), 1, { gwp: '-12.5', life: '40' })
    const built = buildMeasures([d], false)
    expect(built.problems).toEqual([])
    expect(built.measures[0].values?.[1]).toMatchObject({ gwpKgCO2e: -12.5, lifeYears: 40 })
  })

  it('say which options lack a figure, neither their own nor the measure’s', () => {
    const d = setOptionCosts(setPerOption(glazing(), true), 2, { gwp: '55' })
    expect(figureGaps(d, 'investment')).toBeNull()
    expect(figureGaps(d, 'gwp')).toEqual([1, 2])
    expect(figureGaps(setOptionCosts(setOptionCosts(d, 0, { gwp: '0' }), 1, { gwp: '35' }), 'gwp')).toBeNull()
    expect(figureGaps(setPerOption(d, false), 'gwp')).toBe('measure')
    expect(figureGaps({ ...d, kind: 'range' }, 'gwp')).toBe('measure')
  })
})

describe('the method', () => {
  const nsga = (over: Partial<MethodDraft> = {}): MethodDraft => ({ ...initialMethod(), kind: 'nsga2', objectives: ['siteEnergyKWh', 'embodiedKgCO2e'], population: '4', generations: '2', ...over })

  it('is none for sampling', () => {
    expect(buildMethod(initialMethod(), 1)).toEqual({ problems: [] })
  })

  it('sends NSGA-II with its objectives, constraints and budget; the weather aggregation only for several weather files', () => {
    const d = nsga({ constraints: [{ figure: 'investmentCost', max: '50000' }], weather: 'worst' })
    expect(buildMethod(d, 1)).toEqual({
      method: { kind: 'nsga2', objectives: ['siteEnergyKWh', 'embodiedKgCO2e'], population: 4, generations: 2, constraints: [{ figure: 'investmentCost', max: 50000 }], seed: 1 },
      problems: [],
    })
    expect(buildMethod(d, 2).method?.weather).toBe('worst')
  })

  it('asks NSGA-II for 2 or 3 objectives and an even population', () => {
    expect(buildMethod(nsga({ objectives: ['siteEnergyKWh'] }), 1).problems).toEqual(['Optimise: tick 2 or 3 objectives (1 ticked).'])
    expect(buildMethod(nsga({ population: '5' }), 1).problems).toEqual(['Population must be an even number, not 5'])
    expect(buildMethod(nsga({ constraints: [{ figure: '', max: '' }] }), 1).problems).toEqual(['Constraint 1: choose a figure.', 'Constraint 1 max: enter a number'])
  })

  it('sends Morris with trajectories and levels; it needs an objective and even levels', () => {
    const d: MethodDraft = { ...initialMethod(), kind: 'morris', objectives: ['siteEnergyKWh'], trajectories: '6', levels: '4', seed: '' }
    expect(buildMethod(d, 1)).toEqual({ method: { kind: 'morris', objectives: ['siteEnergyKWh'], trajectories: 6, levels: 4, seed: 0 }, problems: [] })
    expect(buildMethod({ ...d, objectives: [], levels: '3' }, 1).problems).toEqual(['Screen: tick at least one objective.', 'Levels must be an even number, not 3'])
  })

  it('sends Sobol indices with N samples (32 by default); it needs an objective and 2 samples at least', () => {
    const d: MethodDraft = { ...initialMethod(), kind: 'sobol-indices', objectives: ['siteEnergyKWh', 'lifeCycleCost'] }
    expect(buildMethod(d, 1)).toEqual({ method: { kind: 'sobol-indices', objectives: ['siteEnergyKWh', 'lifeCycleCost'], samples: 32, seed: 1 }, problems: [] })
    expect(buildMethod({ ...d, objectives: [], samples: '1' }, 1).problems).toEqual(['Sobol indices: tick at least one objective.', 'Samples must be a whole number of at least 2, not 1'])
    expect(buildMethod({ ...d, samples: '' }, 1).problems).toEqual(['Samples: enter a whole number'])
    expect(buildMethod(d, 3).method?.weather).toBe('mean')
  })

  it('keeps the objectives in the order ticked', () => {
    let d = toggleObjective(initialMethod(), 'embodiedKgCO2e', true)
    d = toggleObjective(d, 'siteEnergyKWh', true)
    d = toggleObjective(d, 'embodiedKgCO2e', false)
    d = toggleObjective(d, 'embodiedKgCO2e', true)
    expect(d.objectives).toEqual(['siteEnergyKWh', 'embodiedKgCO2e'])
  })
})

describe('the spec with measures and a method', () => {
  it('carries them; a method takes the full factorial axes whatever sampling was picked', () => {
    const state = { ...initialBuilder(1, [2]), mode: 'lhs' as const, measures: [lights({ per: 'fixed', investment: '0', gwp: '0', life: '15' })], method: { ...initialMethod(), kind: 'nsga2' as const, objectives: ['siteEnergyKWh', 'embodiedKgCO2e'], population: '4', generations: '2' } }
    const { spec, problems } = buildSpec(state)
    expect(problems).toEqual([])
    expect(spec.sampling).toEqual({ mode: 'factorial', n: 0, seed: 0, packages: [] })
    expect(spec.options).toEqual({})
    expect(spec.measures?.[0]).toMatchObject({ id: 'design-level', per: 'fixed', investment: 0, gwpKgCO2e: 0, lifeYears: 15 })
    expect(spec.method).toMatchObject({ kind: 'nsga2', population: 4, generations: 2 })
  })

  it('Sobol indices sample a continuous interval over the full factorial axes', () => {
    const method: MethodDraft = { ...initialMethod(), kind: 'sobol-indices', objectives: ['siteEnergyKWh'], samples: '16' }
    const { spec, problems } = buildSpec({ ...initialBuilder(1, [2]), measures: [lights({ kind: 'continuous', min: '500', max: '3000' })], method })
    expect(problems).toEqual([])
    expect(spec.sampling.mode).toBe('factorial')
    expect(spec.measures?.[0].continuous).toEqual({ min: 500, max: 3000 })
    expect(spec.method).toEqual({ kind: 'sobol-indices', objectives: ['siteEnergyKWh'], samples: 16, seed: 1 })
  })

  it('a measure alone is something to try; without one every element kept is only the baseline', () => {
    expect(buildSpec({ ...initialBuilder(1, [2]), measures: [lights()] }).problems).toEqual([])
    expect(buildSpec(initialBuilder(1, [2])).problems).toEqual(['Tick at least one construction or add a measure to try: with every element kept there is only the baseline.'])
  })

  it('offers a hand-picked package the options typed so far', () => {
    expect(measureChoices(lights())).toEqual([
      { value: '1000', label: '1000' },
      { value: '2500', label: '2500' },
    ])
    // Rows: the values of fields that move together, under the option's own label when it has one.
    const rows = setOptionCosts(setPerOption(lights({ list: '1000, 2500' }), true), 1, { label: 'LED' })
    expect(measureChoices(rows)).toEqual([
      { value: '1000', label: '1000' },
      { value: '2500', label: 'LED' },
    ])
    expect(measureChoices(lights({ kind: 'range', from: '0.1', to: '0.3', step: '0.1' })).map((c) => c.value)).toEqual(['0.1', '0.2', '0.3'])
    // An interval has no options to pick, and neither has a range still being typed.
    expect(measureChoices(lights({ kind: 'continuous', min: '1', max: '2' }))).toEqual([])
    expect(measureChoices(lights({ kind: 'range', from: '1', to: '', step: '1' }))).toEqual([])
    expect(findMeasureChoice(lights(), '2500.0')?.value).toBe('2500')
    expect(findMeasureChoice(lights(), '3000')).toBeUndefined()
  })

  it('lets hand-picked packages set measures', () => {
    const m = lights()
    const { spec, problems } = buildSpec({ ...initialBuilder(1, [2]), mode: 'list', packages: [{ wall: 'etics', roof: 'keep', floor: 'keep', window: 'keep', measures: { [m.key]: '2500' } }], measures: [m] })
    expect(problems).toEqual([])
    expect(spec.sampling.packages).toEqual([{ wall: 'etics', roof: 'keep', floor: 'keep', window: 'keep', 'design-level': '2500' }])
  })

  it("says a method's count is its budget", () => {
    expect(estimateText({ variants: 8, runs: 9, seconds: 0, hasTime: false }, true)).toBe('budget: up to 8 variants + baseline × 1 weather file = up to 9 runs; run time not known yet (no run has finished on this machine)')
    expect(estimateText({ variants: 8, runs: 18, seconds: 600, hasTime: true }, true)).toBe('budget: up to 8 variants + baseline × 2 weather files = up to 18 runs, about 10 min at most')
  })
})

describe("Go's complaints", () => {
  it('go to the measure they name, or to the method', () => {
    expect(errorPlace('study spec: measure "lights", fields[0]: Exterior:Lights has no field "Design Levl"', ['a', 'Lights'])).toBe(1)
    expect(errorPlace('study spec: method nsga2: give 2 or 3 objectives, not 1', ['a'])).toBe('method')
    expect(errorPlace('study spec: unknown element "door"', ['a'])).toBeNull()
  })
})
