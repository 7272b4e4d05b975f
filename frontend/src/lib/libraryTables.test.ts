import { describe, expect, it } from 'vitest'
import { MISSING } from './amount'
import { constructionColumns, constructionFiguresText, constructionRows, materialColumns, materialRows, optionalView, windowColumns, windowRows } from './libraryTables'
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
    expect(wall.layers).toBe('Mineral wool 150 mm + Brick 108 mm (existing)')
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
