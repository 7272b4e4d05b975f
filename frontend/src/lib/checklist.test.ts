import { describe, expect, it } from 'vitest'
import type { LcaSettings, LibraryView } from '../bridge/types'
import { chosenConstructions, fuelsOf, studyChecklist, type ChecklistInput } from './checklist'
import { initialBuilder } from './study'
import { newFieldMeasure, setOptionCosts, setPerOption } from './measures'

const amount = (missing?: string[], ranged?: string[]) => (missing ? { value: 0, complete: false, missing, ranged } : { value: 10, complete: true })
const view = (id: string, gwpMissing?: string[], costMissing?: string[], costRanged?: string[]) =>
  ({ construction: { id, name: id, element: 'roof' }, figures: { gwpPerM2: amount(gwpMissing), costPerM2: amount(costMissing, costRanged) } }) as any
const library = { constructions: [view('roof_pir', undefined, ['cost of pir_32_foil (PIR)']), view('wall_etics', ['GWP of stone_wool (Stone wool)'], ['cost of stone_wool (Stone wool)'])] } as unknown as LibraryView
const lca = { fuels: { Electricity: { kgCO2ePerKWh: 0.059, pricePerKWh: 2.18 }, 'District Heating Water': {} } } as unknown as LcaSettings

function input(over: Partial<ChecklistInput> = {}): ChecklistInput {
  const state = { ...initialBuilder(1, [1]), options: { wall: ['keep', 'wall_etics'], roof: ['keep', 'roof_pir'], floor: ['keep'], window: ['keep'] } }
  return { state, library, lca, atempM2: 400, fuels: ['Electricity'], ...over }
}

const byId = (items: ReturnType<typeof studyChecklist>, id: string) => items.find((i) => i.id === id)!

describe('the pre-study checklist', () => {
  it('names the constructions whose GWP or cost is missing, with links to the library', () => {
    const items = studyChecklist(input())
    expect(byId(items, 'embodied')).toMatchObject({ state: 'incomplete' })
    expect(byId(items, 'embodied').gaps.map((g) => g.target)).toEqual([{ kind: 'library', item: 'material', id: 'stone_wool' }])
    expect(byId(items, 'investment').gaps.map((g) => g.text)).toEqual(['cost of pir_32_foil (PIR)', 'cost of stone_wool (Stone wool)'])
  })

  it('takes a cost published only as a range at the point the study chooses, and says so; other blanks stay', () => {
    const ranged = 'cost of cellulose (Cellulose loose-fill) (only a range is published: 250-350 SEK)'
    const lib = { constructions: [view('loft', undefined, [ranged], [ranged]), view('roof_pir', undefined, ['cost of pir_32_foil (PIR)'])] } as unknown as LibraryView
    const state = { ...input().state, options: { wall: ['keep'], roof: ['keep', 'loft'], floor: ['keep'], window: ['keep'] } }
    expect(byId(studyChecklist(input({ state, library: lib })), 'investment')).toMatchObject({ state: 'incomplete' })
    const mid = byId(studyChecklist(input({ state: { ...state, costRanges: 'mid' }, library: lib })), 'investment')
    expect(mid.state).toBe('note')
    expect(mid.text).toContain('one is the midpoint of a published range')
    expect(mid.gaps.map((g) => g.text)).toEqual([ranged])
    const withPir = byId(studyChecklist(input({ state: { ...state, options: { ...state.options, roof: ['keep', 'loft', 'roof_pir'] }, costRanges: 'low' }, library: lib })), 'investment')
    expect(withPir.state).toBe('incomplete')
    expect(withPir.gaps.map((g) => g.text)).toEqual(['cost of pir_32_foil (PIR)'])
  })

  it('names a measure whose GWP, investment or service life is blank, and none once they are typed', () => {
    const lights = { ...newFieldMeasure([]), name: 'Exterior lights', investment: '0', gwp: '', life: '' }
    const state = { ...input().state, options: { wall: ['keep'], roof: ['keep'], floor: ['keep'], window: ['keep'] }, measures: [lights] }
    const items = studyChecklist(input({ state }))
    expect(byId(items, 'embodied').gaps.map((g) => g.text)).toEqual([
      'GWP of the measure "Exterior lights" (its card above)',
      'service life of the measure "Exterior lights" (its card above)',
    ])
    expect(byId(items, 'investment').gaps.map((g) => g.text)).toEqual(['service life of the measure "Exterior lights" (its card above)'])
    const typed = studyChecklist(input({ state: { ...state, measures: [{ ...lights, gwp: '0', life: '15' }] } }))
    expect(byId(typed, 'embodied')).toMatchObject({ state: 'complete', text: 'Every chosen construction and measure has its GWP.' })
    expect(byId(typed, 'investment').state).toBe('complete')
  })

  it('counts an option’s own figures: complete when every option has each figure, itself or from the measure', () => {
    const noElements = { wall: ['keep'], roof: ['keep'], floor: ['keep'], window: ['keep'] }
    let glazing = setPerOption({ ...newFieldMeasure([]), name: 'Glazing', list: '1.2, 0.8', investment: '3000', gwp: '', life: '' }, true)
    glazing = setOptionCosts(glazing, 0, { gwp: '20', life: '30' })
    glazing = setOptionCosts(glazing, 1, { life: '40' })
    const items = studyChecklist(input({ state: { ...input().state, options: noElements, measures: [glazing] } }))
    expect(byId(items, 'embodied').gaps.map((g) => g.text)).toEqual(['GWP of the measure "Glazing" for option 2 (its card above)'])
    expect(byId(items, 'investment').state).toBe('complete')
    const every = setOptionCosts(glazing, 1, { gwp: '35' })
    expect(byId(studyChecklist(input({ state: { ...input().state, options: noElements, measures: [every] } })), 'embodied').state).toBe('complete')
    // No option gives it: the measure's blank is what is missing.
    const none = setOptionCosts(setOptionCosts(glazing, 0, { life: '' }), 1, { life: '' })
    expect(byId(studyChecklist(input({ state: { ...input().state, options: noElements, measures: [none] } })), 'investment').gaps.map((g) => g.text)).toEqual([
      'service life of the measure "Glazing" (its card above)',
    ])
  })

  it('checks only the fuels the model uses when its last run is known', () => {
    const items = studyChecklist(input())
    expect(byId(items, 'operational').state).toBe('complete')
    expect(byId(items, 'energyCost').state).toBe('complete')
    const unknownFuels = studyChecklist(input({ fuels: null }))
    expect(byId(unknownFuels, 'energyCost').gaps.map((g) => g.text)).toEqual(['District Heating Water price'])
    expect(byId(unknownFuels, 'energyCost').text).toMatch(/has not run yet/)
  })

  it('notes that the conditioned area stands in when Atemp is not set', () => {
    expect(byId(studyChecklist(input()), 'atemp').state).toBe('complete')
    const note = byId(studyChecklist(input({ atempM2: undefined })), 'atemp')
    expect(note.state).toBe('note')
    expect(note.gaps[0].target).toEqual({ kind: 'model-settings' })
  })

  it('says a design-day study gives no annual figures at all', () => {
    const items = studyChecklist(input({ state: { ...input().state, designDaysOnly: true } }))
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ id: 'annual', state: 'incomplete' })
  })

  it('reads the constructions of hand-picked packages', () => {
    const state = { ...input().state, mode: 'list' as const, packages: [{ wall: 'keep', roof: 'roof_pir', floor: 'keep', window: 'keep' }] }
    expect(chosenConstructions(state)).toEqual(['roof_pir'])
    expect(byId(studyChecklist(input({ state })), 'embodied').state).toBe('complete')
  })

  it('counts a measure of hand-picked packages only when a package changes it', () => {
    const lights = { ...newFieldMeasure([]), name: 'Exterior lights', list: '1000', investment: '0', gwp: '', life: '15' }
    const kept = { ...input().state, mode: 'list' as const, measures: [lights], packages: [{ wall: 'keep', roof: 'roof_pir', floor: 'keep', window: 'keep' }] }
    expect(byId(studyChecklist(input({ state: kept })), 'embodied').state).toBe('complete')
    const used = { ...kept, packages: [...kept.packages, { wall: 'keep', roof: 'keep', floor: 'keep', window: 'keep', measures: { [lights.key]: '1000' } }] }
    expect(byId(studyChecklist(input({ state: used })), 'embodied').gaps.map((g) => g.text)).toEqual(['GWP of the measure "Exterior lights" (its card above)'])
  })

  it('takes the fuels with energy from a run’s end uses', () => {
    expect(fuelsOf([{ fuel: 'Electricity', kWh: 5 }, { fuel: 'Natural Gas', kWh: 0 }, { fuel: 'Electricity', kWh: 2 }])).toEqual(['Electricity'])
  })
})
