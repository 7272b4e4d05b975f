import { describe, expect, it } from 'vitest'
import {
  addLayer,
  constructionToDraft,
  copyOf,
  formatU,
  freeId,
  idProblem,
  layerOfField,
  layersSummary,
  materialToForm,
  moveLayer,
  newConstructionDraft,
  newMaterial,
  problemsByLayer,
  problemsFor,
  pruneForKind,
  readDraft,
  readMaterialForm,
  readWindowForm,
  removeLayer,
  setLayerExisting,
  setLayerMaterial,
  setLayerThickness,
  totalMm,
  usableFor,
  validateMaterial,
  validateWindow,
  windowGaps,
  windowToForm,
} from './library'
import { airGap, board, brick, construction, libraryView, material, windowSystem } from './testlibrary'

const materials = [material(), brick, airGap, board]

describe('construction drafts: layers outside to inside, thickness in mm', () => {
  it('shows stored metres as millimetres and reads them back as metres', () => {
    const d = constructionToDraft(construction())
    expect(d.layers.map((l) => [l.materialId, l.thicknessMm])).toEqual([
      ['mineral_wool', '150'],
      ['brick', '108'],
    ])
    const r = readDraft(d, materials)
    expect(r.ok).toBe(true)
    expect(r.construction.layers).toEqual([
      { materialId: 'mineral_wool', thicknessM: 0.15, existing: false },
      { materialId: 'brick', thicknessM: 0.108, existing: true },
    ])
  })

  it('keeps which layers the renovation keeps (in U, not in GWP or cost)', () => {
    const d = constructionToDraft(construction())
    expect(d.layers.map((l) => l.existing)).toEqual([false, true])
    const flipped = setLayerExisting(d.layers, 0, true)
    expect(readDraft({ ...d, layers: flipped }, materials).construction.layers!.map((l) => l.existing)).toEqual([true, true])
    expect(addLayer(d.layers)[2].existing).toBe(false)
    expect(moveLayer(d.layers, 1, -1)[0].existing).toBe(true)
  })

  it('accepts a decimal comma', () => {
    const d = constructionToDraft(construction())
    d.layers = setLayerThickness(d.layers, 0, '12,5')
    expect(readDraft(d, materials).construction.layers![0].thicknessM).toBe(0.0125)
  })

  it('refuses a thickness that is not a number and a layer without material, by layer', () => {
    let d = constructionToDraft(construction())
    d.layers = setLayerThickness(d.layers, 1, '10cm')
    d.layers = addLayer(d.layers)
    const r = readDraft(d, materials)
    expect(r.ok).toBe(false)
    expect(r.layerErrors[1]).toBe('layer 2: thickness “10cm” is not a number')
    expect(r.layerErrors[2]).toBe('layer 3: choose a material')
  })

  it('asks for the thickness of a massive layer, not of an air gap', () => {
    const d = constructionToDraft(construction({ layers: [{ materialId: 'brick', thicknessM: 0.1, existing: true }, { materialId: 'air_gap', thicknessM: 0.05, existing: true }, { materialId: 'brick', thicknessM: 0.1, existing: false }] }))
    d.layers = setLayerThickness(d.layers, 1, '')
    expect(readDraft(d, materials).ok).toBe(true)
    expect(readDraft(d, materials).construction.layers![1].thicknessM).toBe(0)
    d.layers = setLayerThickness(d.layers, 0, '')
    expect(readDraft(d, materials).layerErrors[0]).toBe('layer 1: enter the thickness in mm')
  })

  it('leaves a negative thickness to Go, whose message names the layer', () => {
    const d = constructionToDraft(construction())
    d.layers = setLayerThickness(d.layers, 0, '-20')
    const r = readDraft(d, materials)
    expect(r.ok).toBe(true)
    expect(r.construction.layers![0].thicknessM).toBe(-0.02)
  })

  it('adds, removes and moves layers', () => {
    const d = constructionToDraft(construction())
    const three = addLayer(d.layers, 0)
    expect(three).toHaveLength(3)
    expect(three[0].materialId).toBe('')
    const moved = moveLayer(d.layers, 0, 1)
    expect(moved.map((l) => l.materialId)).toEqual(['brick', 'mineral_wool'])
    expect(moveLayer(d.layers, 0, -1)).toBe(d.layers)
    expect(moveLayer(d.layers, 1, 1)).toBe(d.layers)
    expect(removeLayer(d.layers, 0).map((l) => l.materialId)).toEqual(['brick'])
    // keys stay with their layer, so React keeps each input with its layer
    expect(moved[1].key).toBe(d.layers[0].key)
  })

  it('fills in a fixed-thickness product when the layer has no thickness yet', () => {
    const layers = addLayer([])
    expect(setLayerMaterial(layers, 0, board)[0].thicknessMm).toBe('12.5')
    const typed = setLayerThickness(layers, 0, '15')
    expect(setLayerMaterial(typed, 0, board)[0].thicknessMm).toBe('15')
    expect(setLayerMaterial(layers, 0, material())[0].thicknessMm).toBe('')
  })

  it('sums the thickness', () => {
    expect(totalMm(constructionToDraft(construction()).layers)).toBe(258)
  })

  it('keeps a window construction to its window system', () => {
    const d = newConstructionDraft('window', [])
    d.windowSystemId = 'triple_lowe'
    d.id = 'w1'
    const r = readDraft(d, materials)
    expect(r.construction).toMatchObject({ element: 'window', layers: [], windowSystemId: 'triple_lowe' })
    const wall = readDraft({ ...constructionToDraft(construction()), windowSystemId: 'x' }, materials)
    expect(wall.construction.windowSystemId).toBe('')
  })

  it('starts a new construction with a free id and one empty layer', () => {
    const d = newConstructionDraft('wall', ['my_wall'])
    expect(d.id).toBe('my_wall_2')
    expect(d.layers).toHaveLength(1)
    expect(d.origin).toBe('user')
  })

  it('summarises the layers outside first', () => {
    expect(layersSummary(construction(), materials)).toBe('Mineral wool 150 mm + Brick 108 mm (existing)')
    expect(layersSummary(construction({ layers: [{ materialId: 'air_gap', thicknessM: 0.05, existing: false }, { materialId: 'gone', thicknessM: 0.1, existing: false }] }), materials)).toBe('Air gap 50 mm + gone 100 mm')
    expect(layersSummary(construction({ element: 'window', windowSystemId: 'triple_lowe' }), materials, [windowSystem()])).toBe('Triple low-e')
  })
})

describe("Go's problems next to their layer", () => {
  const problem = (field: string, message: string) => ({ item: 'construction', id: 'c1', field, message })

  it('reads the layer from the field path, nothing else', () => {
    expect(layerOfField('layers[0].materialId')).toBe(0)
    expect(layerOfField('layers[12].thicknessM')).toBe(12)
    expect(layerOfField('layers')).toBeUndefined()
    expect(layerOfField('name')).toBeUndefined()
  })

  it('groups them by the layer their field names, whatever the message says', () => {
    const p = problemsByLayer({
      error: 'one line',
      problems: [
        problem('layers[0].materialId', 'construction c1: layer 1 (air_gap): an air gap cannot be the outside or inside layer'),
        problem('layers[2].thicknessM', 'reworded: layer 1 is mentioned but the field says the third'),
        problem('name', 'construction c1: layer 2: the name is empty'),
        problem('layers', 'a wall needs at least one layer'),
      ],
    })
    expect(p.layers[0]).toEqual(['construction c1: layer 1 (air_gap): an air gap cannot be the outside or inside layer'])
    expect(p.layers[1]).toBeUndefined()
    expect(p.layers[2]).toEqual(['reworded: layer 1 is mentioned but the field says the third'])
    expect(p.general).toEqual(['construction c1: layer 2: the name is empty', 'a wall needs at least one layer'])
  })

  it('shows an error without problems as one general problem', () => {
    expect(problemsByLayer({ error: 'construction c1: layer 2: something', problems: null })).toEqual({ layers: {}, general: ['construction c1: layer 2: something'] })
    expect(problemsByLayer(null)).toEqual({ layers: {}, general: [] })
    expect(problemsByLayer({ error: '' })).toEqual({ layers: {}, general: [] })
  })

  it('finds the stored problems of one item, by field, without the item prefix', () => {
    const lib = libraryView()
    expect(problemsFor(lib.problems, 'material', 'brick')).toEqual({ gwpPerKg: ['GWP per kg must not be negative, not -1'] })
    expect(problemsFor(lib.problems, 'material', 'mineral_wool')).toEqual({})
  })

  it("shows a stored problem's detail, and its message when it has none, never cutting the message", () => {
    const problems = [
      { item: 'material', id: 'm', field: 'name', message: 'material m (A: B): the name is odd', detail: 'reworded detail' },
      { item: 'material', id: 'm', field: 'id', message: 'material m: the id is used twice' },
    ]
    expect(problemsFor(problems, 'material', 'm')).toEqual({ name: ['reworded detail'], id: ['material m: the id is used twice'] })
  })
})

describe('ids', () => {
  it.each([
    ['etics_150', ''],
    ['', 'the id is empty'],
    ['a b', 'the id “a b” may only contain letters, digits, \'_\', \'-\' and \'.\', not “ ”'],
    ['x'.repeat(65), 'the id is 65 characters long; at most 64'],
  ])('%j: %j', (id, want) => expect(idProblem(id)).toBe(want))

  it('makes ids from names and finds free ones', () => {
    expect(freeId('wall', ['wall', 'wall_2'])).toBe('wall_3')
    expect(copyOf({ id: 'etics', name: 'ETICS' }, ['etics', 'etics_copy'])).toEqual({ id: 'etics_copy2', name: 'ETICS (copy)' })
    expect(copyOf({ id: 'etics', name: 'ETICS' }, ['etics'])).toEqual({ id: 'etics_copy', name: 'ETICS (copy)' })
  })
})

describe('material form: a blank stays blank', () => {
  it('round-trips every number, blanks as null, the fixed thickness in mm', () => {
    const f = materialToForm(board)
    expect(f.thicknessM).toBe('12.5')
    expect(f.costPerM2).toBe('')
    const r = readMaterialForm(f)
    expect(r.ok).toBe(true)
    expect(r.value).toEqual(board)
  })

  it('reports text that is not a number by field', () => {
    const f = { ...materialToForm(material()), conductivity: '0.035 W', density: '' }
    const r = readMaterialForm(f)
    expect(r.ok).toBe(false)
    expect(r.errors).toEqual({ conductivity: '“0.035 W” is not a number' })
    expect(r.value.density).toBeNull()
  })

  it('mirrors Go: conductivity > 0, specific heat >= 100, absorptances, sources', () => {
    expect(validateMaterial(material())).toEqual({})
    const bad = validateMaterial(material({ conductivity: 0, density: null, specificHeat: 50, thermalAbsorptance: 1, thermalSource: '' }))
    expect(bad).toEqual({
      conductivity: 'conductivity must be greater than 0 W/(m·K), not 0',
      density: 'density (kg/m³) is missing',
      specificHeat: "specific heat must be at least 100 J/(kg·K) (EnergyPlus's minimum), not 50",
      thermalAbsorptance: 'thermal absorptance must be greater than 0 and at most 0.99999, not 1',
      thermalSource: 'the thermal properties have no source; say where they come from',
    })
  })

  it('mirrors Go on GWP and cost', () => {
    expect(validateMaterial(material({ gwpPerM2: 3 }))).toEqual({ gwpPerKg: 'GWP is given both per kg and per m²; keep one' })
    expect(validateMaterial(material({ gwpPerKg: -1 })).gwpPerKg).toBe('GWP per kg must not be negative, not -1')
    expect(validateMaterial(material({ gwpSource: '' })).gwpSource).toBe('the GWP has no source; say where it comes from')
    expect(validateMaterial(material({ costPerM2: 100 }))).toEqual({ currency: 'the cost has no currency', costSource: 'the cost has no source; say where it comes from' })
    expect(validateMaterial(airGap)).toEqual({})
    expect(validateMaterial({ ...airGap, gwpPerKg: 1, gwpSource: 's', gwpMetric: 'CO2e' }).gwpPerKg).toMatch(/needs a mass/)
  })

  it('blanks the numbers a kind does not use', () => {
    const m = pruneForKind({ ...material(), kind: 'Material:NoMass', thermalResistance: 0.5 })
    expect(m).toMatchObject({ conductivity: null, density: null, specificHeat: null, thermalResistance: 0.5, roughness: 'MediumRough' })
    expect(pruneForKind({ ...material(), thermalResistance: 2 }).thermalResistance).toBeNull()
  })

  it('starts a new material with a free id and blank numbers', () => {
    const m = newMaterial(['my_material'], 'SEK')
    expect(m.id).toBe('my_material_2')
    expect(m.conductivity).toBeNull()
    expect(m.currency).toBe('SEK')
    expect(validateMaterial(m).name).toBe('the name is empty')
  })
})

describe('window system form', () => {
  it('round-trips with blanks', () => {
    const w = windowSystem({ shgc: null })
    const f = windowToForm(w)
    expect(f.shgc).toBe('')
    expect(readWindowForm(f).value).toEqual(w)
  })

  it('mirrors Go', () => {
    expect(validateWindow(windowSystem())).toEqual({})
    expect(validateWindow(windowSystem({ uFactor: null, shgc: 1, gwpPerM2: 20 }))).toEqual({
      uFactor: 'U-factor (W/(m²·K)) is missing',
      shgc: 'solar heat gain coefficient (SHGC) must be between 0 and 1 (exclusive), not 1',
      gwpSource: 'the GWP has no source; say where it comes from',
    })
  })

  it('says what a window system lacks before a variant can use it', () => {
    expect(windowGaps(windowSystem())).toBe('')
    expect(windowGaps(windowSystem({ shgc: null, visibleTransmittance: null }))).toBe(
      "no SHGC and no visible transmittance: fill in from the product's data sheet before using it in a variant",
    )
  })
})

describe('figures', () => {
  it('formats U', () => {
    expect(formatU(0.2155)).toBe('0.22 W/m²K')
    expect(formatU(undefined)).toBe('\u2014')
  })

  it('offers only usable constructions of an element with figures', () => {
    const lib = libraryView()
    expect(usableFor(lib.constructions!, 'window').map((v) => v.construction.id)).toEqual(['win_triple'])
    expect(usableFor(lib.constructions!, 'wall').map((v) => v.construction.id)).toEqual(['etics_150'])
  })
})
