import { describe, expect, it } from 'vitest'
import { newFieldMeasure, setField, type MeasureDraft } from './measures'
import { aboutTime, addPackage, buildSpec, copyPackage, estimateText, initialBuilder, isSampled, KEEP, keepPackage, missingElements, removePackage, setPackage, setPackageMeasure, studyImportSummary, toggleOption, type BuilderState } from './study'

function builder(over: Partial<BuilderState> = {}): BuilderState {
  return { ...initialBuilder(7, [3, 4]), ...over }
}

describe('building a Spec from the builder', () => {
  it('says what to do with a cost published only as a range only when the user chose a point', () => {
    const s = toggleOption(builder({ name: 'Loft' }), 'roof', 'loft_cellulose_300', true)
    expect('costRanges' in buildSpec(s).spec).toBe(false)
    expect(buildSpec({ ...s, costRanges: 'mid' }).spec.costRanges).toBe('mid')
  })

  it('makes a factorial spec with options only for the elements that try something', () => {
    let s = builder({ name: ' Retrofit A ' })
    s = toggleOption(s, 'wall', 'etics_150', true)
    s = toggleOption(s, 'wall', 'etics_200', true)
    s = toggleOption(s, 'window', 'win_triple', true)
    const { spec, problems } = buildSpec(s)
    expect(problems).toEqual([])
    expect(spec).toEqual({
      name: 'Retrofit A',
      model: '',
      modelId: 7,
      weather: [],
      weatherIds: [3, 4],
      options: { wall: [KEEP, 'etics_150', 'etics_200'], window: [KEEP, 'win_triple'] },
      sampling: { mode: 'factorial', n: 0, seed: 0, packages: [] },
      forceAnnual: false,
      designDaysOnly: false,
      keepAllOutputs: false,
    })
  })

  it('sends an element without keep as it is: every variant changes it', () => {
    let s = toggleOption(builder(), 'roof', KEEP, false)
    s = toggleOption(s, 'roof', 'roof_300', true)
    expect(buildSpec(s).spec.options).toEqual({ roof: ['roof_300'] })
  })

  it('keeps "keep" first however it was ticked', () => {
    let s = toggleOption(builder(), 'wall', KEEP, false)
    s = toggleOption(s, 'wall', 'a', true)
    s = toggleOption(s, 'wall', KEEP, true)
    expect(s.options.wall).toEqual([KEEP, 'a'])
    expect(toggleOption(s, 'wall', 'a', false).options.wall).toEqual([KEEP])
  })

  it('says what is missing before Go is asked', () => {
    expect(buildSpec(initialBuilder()).problems).toEqual(['Choose the base model.', 'Tick at least one weather file.'])
    expect(buildSpec(builder()).problems).toEqual(['Tick at least one construction or add a measure to try: with every element kept there is only the baseline.'])
    expect(buildSpec(toggleOption(builder(), 'floor', KEEP, false)).problems).toEqual(['Floor: tick “keep” or at least one construction.'])
  })

  it('makes a Latin-hypercube spec with N and seed, refusing what is not a whole number', () => {
    const s = toggleOption(builder({ mode: 'lhs', n: '25', seed: '42' }), 'wall', 'etics_150', true)
    expect(buildSpec(s).spec.sampling).toEqual({ mode: 'lhs', n: 25, seed: 42, packages: [] })
    expect(buildSpec({ ...s, n: '2.5' }).problems).toEqual(['Number of variants must be a whole number of at least 1, not 2.5'])
    expect(buildSpec({ ...s, n: '' }).problems).toEqual(['Number of variants: enter a whole number'])
    expect(buildSpec({ ...s, seed: 'x' }).problems).toEqual(['Seed: “x” is not a number'])
    expect(buildSpec({ ...s, seed: '' }).spec.sampling.seed).toBe(0)
  })

  it('makes a Sobol spec with N and seed like the Latin hypercube, seed 0 meaning the plain sequence', () => {
    const s = toggleOption(builder({ mode: 'sobol', n: '32', seed: '0' }), 'roof', 'roof_300', true)
    const { spec, problems } = buildSpec(s)
    expect(problems).toEqual([])
    expect(spec.sampling).toEqual({ mode: 'sobol', n: 32, seed: 0, packages: [] })
    expect(spec.options).toEqual({ roof: [KEEP, 'roof_300'] })
    expect(buildSpec({ ...s, n: '0' }).problems).toEqual(['Number of variants must be a whole number of at least 1, not 0'])
    expect(buildSpec({ ...s, seed: '-1' }).problems).toEqual(['Seed must be a whole number of at least 0, not -1'])
    expect(isSampled('sobol')).toBe(true)
    expect(isSampled('factorial')).toBe(false)
  })

  it('makes a hand-picked list of packages without options', () => {
    let s = builder({ mode: 'list' })
    s = toggleOption(s, 'wall', 'etics_150', true)
    s = { ...s, packages: addPackage(s) }
    expect(s.packages).toEqual([{ wall: 'etics_150', roof: KEEP, floor: KEEP, window: KEEP }])
    s = { ...s, packages: [...s.packages, keepPackage()] }
    s = { ...s, packages: setPackage(s.packages, 1, 'window', 'win_triple') }
    s = { ...s, packages: setPackage(s.packages, 1, 'roof', '') }
    const { spec, problems } = buildSpec(s)
    expect(problems).toEqual([])
    expect(spec.options).toEqual({})
    expect(spec.sampling).toEqual({
      mode: 'list',
      n: 0,
      seed: 0,
      packages: [
        { wall: 'etics_150', roof: KEEP, floor: KEEP, window: KEEP },
        { wall: KEEP, roof: KEEP, floor: KEEP, window: 'win_triple' },
      ],
    })
    expect(removePackage(s.packages, 0)).toHaveLength(1)
  })

  it('lets a hand-picked package set measures too, sending only the ones it changes', () => {
    const lights: MeasureDraft = { ...setField(newFieldMeasure([]), 0, { class: 'Exterior:Lights', field: 'Design Level' }), name: 'Lights', list: '1000, 2500' }
    const setpoint: MeasureDraft = { ...setField(newFieldMeasure([lights]), 0, { class: 'Schedule:Constant', field: 'Hourly Value' }), name: 'Setpoint', kind: 'range', from: '20', to: '21', step: '0.5', keep: false }
    let s = builder({ mode: 'list', measures: [lights, setpoint] })
    s = toggleOption(s, 'window', 'win_triple', true)
    s = { ...s, packages: addPackage(s) }
    // A new package keeps a measure that offers keep, and takes the first option of one that does not.
    expect(s.packages[0].measures).toEqual({ [lights.key]: KEEP, [setpoint.key]: '20' })
    s = { ...s, packages: setPackageMeasure(s.packages, 0, lights.key, '2500') }
    s = { ...s, packages: [...s.packages, { ...keepPackage(), measures: { [setpoint.key]: '20.5' } }] }
    const { spec, problems } = buildSpec(s)
    expect(problems).toEqual([])
    expect(spec.sampling.packages).toEqual([
      { wall: KEEP, roof: KEEP, floor: KEEP, window: 'win_triple', lights: '2500', setpoint: '20' },
      { wall: KEEP, roof: KEEP, floor: KEEP, window: KEEP, setpoint: '20.5' },
    ])
    // A package whose only change is a measure is not the baseline.
    expect(buildSpec({ ...s, measures: [lights], packages: [{ ...keepPackage(), measures: { [lights.key]: '1000' } }] }).problems).toEqual([])
  })

  it('copies a package just below it, its measure choices apart from the original', () => {
    const a = { ...keepPackage(), wall: 'etics_150', measures: { 1: '1000' } }
    const b = { ...keepPackage(), window: 'win_triple' }
    const copied = copyPackage([a, b], 0)
    expect(copied).toEqual([a, a, b])
    // Changing the copy leaves the original as it was.
    const changed = setPackageMeasure(copied, 1, 1, '2500')
    expect(changed[0].measures).toEqual({ 1: '1000' })
    expect(changed[1].measures).toEqual({ 1: '2500' })
    expect(copyPackage([a], 5)).toEqual([a])
  })

  it('says which package names a measure option that is gone, or keeps a measure without keep', () => {
    const lights: MeasureDraft = { ...setField(newFieldMeasure([]), 0, { class: 'Exterior:Lights', field: 'Design Level' }), name: 'Lights', list: '1000, 2500' }
    const s = builder({ mode: 'list', measures: [lights], packages: [{ ...keepPackage(), window: 'w', measures: { [lights.key]: '1000.0' } }] })
    // 1000.0 is 1000: retyping a number the same way loses nothing.
    expect(buildSpec(s).problems).toEqual([])
    const retyped = { ...s, measures: [{ ...lights, list: '1500, 2500' }] }
    expect(buildSpec(retyped).problems).toEqual(['Package 1: “1000.0” is no longer an option of the measure “Lights”: pick another.'])
    const noKeep = { ...s, measures: [{ ...lights, keep: false }], packages: [{ ...keepPackage(), window: 'w' }] }
    expect(buildSpec(noKeep).problems).toEqual(['Package 1: the measure “Lights” does not offer “keep existing” (its card): pick one of its options.'])
  })

  it('refuses an empty list and a package that changes nothing', () => {
    expect(buildSpec(builder({ mode: 'list' })).problems).toEqual(['Add at least one package.'])
    expect(buildSpec(builder({ mode: 'list', packages: [keepPackage()] })).problems).toEqual(['Package 1 changes nothing: it is the baseline, which always runs.'])
  })

  it('carries the quick check and force-annual flags', () => {
    const s = toggleOption(builder({ designDaysOnly: true, forceAnnual: true }), 'wall', 'x', true)
    expect(buildSpec(s).spec).toMatchObject({ designDaysOnly: true, forceAnnual: true })
  })
})

describe('the estimate line', () => {
  it('counts variants, baseline, weather files and runs, with the time', () => {
    expect(estimateText({ variants: 53, runs: 108, seconds: 2400, hasTime: true })).toBe('53 variants + baseline × 2 weather files = 108 runs, about 40 min')
    expect(estimateText({ variants: 1, runs: 2, seconds: 30, hasTime: true })).toBe('1 variant + baseline × 1 weather file = 2 runs, under a minute')
  })

  it('does not guess a time before a run has finished on this machine', () => {
    expect(estimateText({ variants: 4, runs: 5, seconds: 0, hasTime: false })).toBe('4 variants + baseline × 1 weather file = 5 runs; run time not known yet (no run has finished on this machine)')
  })

  it('writes long times in hours', () => {
    expect(aboutTime(7500)).toBe('about 2 h 05 min')
    expect(aboutTime(59)).toBe('under a minute')
    expect(aboutTime(90)).toBe('about 2 min')
  })
})

describe('elements the base model lacks', () => {
  const areas = { wall: 278.7, roof: 232.3, floor: 0, window: 0 }

  it('flags a tried element the model has no exterior surface of', () => {
    let s = toggleOption(builder(), 'window', 'win_triple', true)
    s = toggleOption(s, 'wall', 'etics', true)
    expect(missingElements(s, areas)).toEqual(['The base model has no exterior window surfaces: untick the window constructions (keep only).'])
    expect(missingElements(toggleOption(builder(), 'floor', 'slab', true), areas)).toEqual(['The base model has no exterior ground floor surfaces: untick the floor constructions (keep only).'])
    expect(missingElements(s, null)).toEqual([])
  })

  it('looks at the packages in list mode', () => {
    const s = builder({ mode: 'list', packages: [{ ...keepPackage(), window: 'win_triple' }] })
    expect(missingElements(s, areas)).toHaveLength(1)
    expect(missingElements({ ...s, packages: [{ ...keepPackage(), wall: 'etics' }] }, areas)).toEqual([])
  })
})

describe('studyImportSummary', () => {
  it('says when every run came with its results', () => {
    expect(studyImportSummary(3, 4, 4)).toBe('3 variants and the baseline. All 4 runs came with their results (same EnergyPlus build): nothing to simulate.')
  })
  it('says how many were carried over and how many queued', () => {
    expect(studyImportSummary(3, 4, 1)).toBe('3 variants and the baseline. 1 of 4 runs came with their results; 3 queued on this machine.')
  })
  it('says the runs were queued when none could be reused (another engine build)', () => {
    expect(studyImportSummary(1, 2, 0)).toBe('1 variant and the baseline. 2 runs queued on this machine.')
  })
})
