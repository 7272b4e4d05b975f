import { describe, expect, it } from 'vitest'
import { MISSING } from './amount'
import { constructionColumns, constructionFiguresText, constructionRows, costHeaderUnit, layerTexts, libraryCurrency, materialColumns, materialRows, optionalView, shortMaterialName, windowColumns, windowRows } from './libraryTables'
import { airGap, brick, construction, material } from './testlibrary'
import { libraryView } from './testlibrary'
import { ids, tableOf } from './testtable'

describe('construction rows', () => {
  const rows = constructionRows(libraryView())

  it('computes nothing itself: U, GWP and cost come from Go, a blank is missing with its reason', () => {
    const wall = rows.find((r) => r.id === 'etics_150')!
    expect(wall.u.text).toBe('0.22')
    expect(wall.gwp.text).toBe('5.76')
    expect(wall.cost.text).toBe(MISSING)
    expect(wall.cost.title).toBe('Missing: cost of mineral_wool (Mineral wool)')
    expect(wall.layers).toBe('150 mm Mineral wool | 108 mm Brick (existing)')
    const roof = rows.find((r) => r.id === 'roof_300')!
    expect(roof.gwp.text).toBe(MISSING)
    expect(roof.gwp.missing).toEqual(['GWP of mineral_wool'])
  })

  it('marks unusable constructions with the reason', () => {
    const w = rows.find((r) => r.id === 'win_double')!
    expect(w.unusable).toMatch(/no solar heat gain coefficient/)
    expect(rows.find((r) => r.id === 'win_triple')!.unusable).toBe('')
  })

  it('shows a construction whose figures cannot be computed as missing, with the error', () => {
    const lib = libraryView()
    lib.constructions![0] = { construction: lib.constructions![0].construction, figures: null, error: 'construction etics_150, layer 2: material "brick" does not exist' }
    const r = constructionRows(lib)[0]
    expect(r.u.text).toBe(MISSING)
    expect(r.gwp.title).toBe('Missing: construction etics_150, layer 2: material "brick" does not exist')
  })

  it('sorts by GWP with missing figures last in both directions', () => {
    const t = tableOf(rows, constructionColumns as any, { sorting: [{ id: 'gwp', desc: false }] })
    expect(ids(t.getRowModel().rows).slice(0, 2)).toEqual(['etics_150', 'win_double'])
    expect(ids(t.getRowModel().rows).slice(2).sort()).toEqual(['roof_300', 'win_triple'])
    t.setSorting([{ id: 'gwp', desc: true }])
    expect(ids(t.getRowModel().rows).slice(0, 2).sort()).toEqual(['etics_150', 'win_double'])
    expect(ids(t.getRowModel().rows).slice(2).sort()).toEqual(['roof_300', 'win_triple'])
  })

  it('sorts by U and by name', () => {
    const t = tableOf(rows, constructionColumns as any, { sorting: [{ id: 'u', desc: false }] })
    expect(ids(t.getRowModel().rows)).toEqual(['roof_300', 'etics_150', 'win_double', 'win_triple'])
    t.setSorting([{ id: 'name', desc: false }])
    expect(ids(t.getRowModel().rows)).toEqual(['win_double', 'etics_150', 'roof_300', 'win_triple'])
  })

  it('searches every word in name, element and layers', () => {
    const t = tableOf(rows, constructionColumns as any)
    t.setGlobalFilter('wool roof')
    expect(ids(t.getRowModel().rows)).toEqual(['roof_300'])
    t.setGlobalFilter('WINDOW')
    expect(ids(t.getRowModel().rows)).toEqual(['win_triple', 'win_double'])
    t.setGlobalFilter('')
    expect(t.getRowModel().rows).toHaveLength(4)
  })

  it('writes the layers thickness first, with short names and the full one in the tooltip', () => {
    const concrete = material({ id: 'concrete', name: 'Normal-weight concrete (sand & gravel aggregate), 2240 kg/m3' })
    const c = construction({ layers: [{ materialId: 'concrete', thicknessM: 0.2, existing: true }, { materialId: 'air_gap', thicknessM: 0, existing: false }, { materialId: 'gone', thicknessM: 0.013, existing: false }] })
    const parts = layerTexts(c, [concrete, airGap, brick])
    expect(parts.map((p) => p.text)).toEqual(['200 mm Normal-weight concrete (existing)', `${shortMaterialName(airGap.name)}`, '13 mm gone'])
    expect(parts[0].title).toBe('Normal-weight concrete (sand & gravel aggregate), 2240 kg/m3, 200 mm, existing layer kept')
    expect(parts[2].title).toMatch(/not in the library/)
    expect(rows.find((r) => r.id === 'win_triple')!.layers).toBe('Triple low-e')
  })

  it('shortens material names at the grade, dropping long parentheses', () => {
    expect(shortMaterialName('Plywood, 540 kg/m3')).toBe('Plywood')
    expect(shortMaterialName('Stone (basalt) wool board, 100 kg/m3')).toBe('Stone wool board')
    expect(shortMaterialName('EPS (expanded polystyrene), moulded beads, 16 kg/m3')).toBe('EPS')
    expect(shortMaterialName('Steel sheet (galvanised, profiled roofing/cladding)')).toBe('Steel sheet')
    expect(shortMaterialName('Gypsum plasterboard')).toBe('Gypsum plasterboard')
  })

  it('says what a variant gets from a construction and what is missing for the rest', () => {
    const wall = rows.find((r) => r.id === 'etics_150')!.usability
    expect([wall.level, wall.text]).toEqual(['partial', 'energy · carbon, no cost'])
    expect(wall.title).toBe('A study variant can use it. It gives energy (U-value) and embodied carbon (GWP).\nNo cost: missing cost of mineral_wool (Mineral wool)')
    const roof = rows.find((r) => r.id === 'roof_300')!.usability
    expect(roof.text).toBe('energy, no carbon or cost')
    const win = rows.find((r) => r.id === 'win_triple')!.usability
    expect(win.text).toBe('energy · cost, no carbon')
    const gap = rows.find((r) => r.id === 'win_double')!.usability
    expect([gap.level, gap.text]).toEqual(['none', 'not usable'])
    expect(gap.title).toMatch(/no solar heat gain coefficient/)
    const lib = libraryView()
    lib.constructions![0] = { ...lib.constructions![0], figures: { ...lib.constructions![0].figures!, costPerM2: { value: 900, complete: true, missing: [] } } }
    expect(constructionRows(lib)[0].usability).toMatchObject({ level: 'all', text: 'energy · carbon · cost', rank: 3 })
    // sorts by how much a variant gets
    const t = tableOf(rows, constructionColumns as any, { sorting: [{ id: 'usable', desc: true }] })
    expect(ids(t.getRowModel().rows)[3]).toBe('win_double')
  })

  it('puts the currency under the cost headers', () => {
    expect(libraryCurrency(libraryView(), 'EUR')).toBe('SEK')
    expect(libraryCurrency({ ...libraryView(), constructions: [], materials: [], windows: [] }, 'EUR')).toBe('EUR')
    expect(costHeaderUnit('SEK')).toBe('SEK/m²')
    expect(costHeaderUnit('')).toBe('per m²')
  })

  it('describes the option for the scenario builder', () => {
    expect(constructionFiguresText(libraryView().constructions![0])).toBe('U 0.22 W/m²K · GWP 5.76 kg CO2e/m²')
    expect(constructionFiguresText(libraryView().constructions![1])).toBe('U 0.11 W/m²K · GWP \u2014 (missing)')
  })
})

describe('material rows', () => {
  const rows = materialRows(libraryView())

  it('shows what a kind has and leaves the rest empty, not missing', () => {
    const gap = rows.find((r) => r.id === 'air_gap')!
    expect(gap.conductivity.text).toBe('')
    expect(gap.resistance.text).toBe('0.180')
    const wool = rows.find((r) => r.id === 'mineral_wool')!
    expect(wool.conductivity.text).toBe('0.035')
    expect(wool.density.text).toBe('30')
    expect(wool.resistance.text).toBe('')
  })

  it('says per what the GWP and cost are, and which constructions use a material', () => {
    const wool = rows.find((r) => r.id === 'mineral_wool')!
    expect([wool.gwp.text, wool.gwpUnit]).toEqual(['1.280', 'kg CO2e/kg'])
    expect(wool.cost.text).toBe(MISSING)
    expect(wool.usedBy).toEqual(['etics_150', 'roof_300'])
    const brick = rows.find((r) => r.id === 'brick')!
    expect([brick.cost.text, brick.costUnit]).toEqual(['900', 'SEK/m²'])
    expect(brick.gwp.title).toBe('Missing: GWP of brick')
    expect(brick.problems).toEqual(['material brick (Brick): GWP per kg must not be negative, not -1'])
  })

  it('sorts by conductivity with kinds that have none last', () => {
    const t = tableOf(rows, materialColumns as any, { sorting: [{ id: 'conductivity', desc: false }] })
    expect(ids(t.getRowModel().rows)).toEqual(['mineral_wool', 'gypsum', 'brick', 'air_gap'])
  })
})

describe('window rows', () => {
  it('flags a window system that a variant cannot use yet', () => {
    const rows = windowRows(libraryView())
    expect(rows.find((r) => r.id === 'double')!.gaps).toMatch(/^no SHGC:/)
    expect(rows.find((r) => r.id === 'double')!.shgc.text).toBe(MISSING)
    expect(rows.find((r) => r.id === 'triple_lowe')!.usedBy).toEqual(['win_triple'])
    const t = tableOf(rows, windowColumns as any, { sorting: [{ id: 'u', desc: true }] })
    expect(ids(t.getRowModel().rows)).toEqual(['double', 'triple_lowe'])
  })

  it('makes an optional number a view', () => {
    expect(optionalView(null, 'SHGC of x').title).toBe('Missing: SHGC of x')
    expect(optionalView(0, 'x').text).toBe('0')
  })
})
