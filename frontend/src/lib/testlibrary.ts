// Library fixtures for the tests: a few items shaped like the default library's.
import type { Construction, ConstructionView, LibraryView, Material, WindowSystem } from '../bridge/types'

export function material(over: Partial<Material> = {}): Material {
  return {
    id: 'mineral_wool',
    name: 'Mineral wool',
    category: 'insulation',
    kind: 'Material',
    thicknessM: null,
    conductivity: 0.035,
    density: 30,
    specificHeat: 1030,
    thermalResistance: null,
    roughness: 'MediumRough',
    thermalAbsorptance: 0.9,
    solarAbsorptance: 0.7,
    visibleAbsorptance: 0.7,
    thermalSource: 'ISO 10456 Table 4',
    gwpPerKg: 1.28,
    gwpPerM2: null,
    gwpMetric: 'CO2e',
    gwpSource: 'ICE v3',
    costPerM2Per100mm: null,
    costPerM2: null,
    costRange: '',
    costBasis: '',
    currency: '',
    costSource: '',
    notes: '',
    origin: 'default',
    ...over,
  }
}

export const airGap = material({ id: 'air_gap', name: 'Air gap 50 mm', kind: 'Material:AirGap', conductivity: null, density: null, specificHeat: null, thermalResistance: 0.18, roughness: '', thermalAbsorptance: null, solarAbsorptance: null, visibleAbsorptance: null, gwpPerKg: null, gwpMetric: '', gwpSource: '' })
export const brick = material({ id: 'brick', name: 'Brick', category: 'masonry', conductivity: 0.6, density: 1800, specificHeat: 840, gwpPerKg: null, gwpSource: '', costPerM2: 900, currency: 'SEK', costSource: 'supplier quote' })
export const board = material({ id: 'gypsum', name: 'Gypsum board', thicknessM: 0.0125, conductivity: 0.25, density: 900, specificHeat: 1000, gwpPerKg: 0.39 })

export function windowSystem(over: Partial<WindowSystem> = {}): WindowSystem {
  return {
    id: 'triple_lowe',
    name: 'Triple low-e',
    uFactor: 0.8,
    shgc: 0.5,
    visibleTransmittance: 0.7,
    uBasis: 'whole window',
    source: 'EN 673 data sheet',
    gwpPerM2: null,
    gwpBasis: '',
    gwpSource: '',
    costPerM2: 4500,
    currency: 'SEK',
    costSource: 'quote',
    notes: '',
    origin: 'default',
    ...over,
  }
}

export function construction(over: Partial<Construction> = {}): Construction {
  return { id: 'etics_150', name: 'ETICS 150 mm', element: 'wall', layers: [{ materialId: 'mineral_wool', thicknessM: 0.15, existing: false }, { materialId: 'brick', thicknessM: 0.108, existing: true }], windowSystemId: '', notes: '', origin: 'default', ...over }
}

export function view(c: Construction, over: Partial<ConstructionView> = {}): ConstructionView {
  return {
    construction: c,
    figures: {
      constructionId: c.id,
      element: c.element,
      layers: [],
      heatFlow: 'horizontal',
      rsi: 0.13,
      rse: 0.04,
      rLayers: 4.47,
      rTotal: 4.64,
      u: 0.2155,
      uNoFilms: 0.2237,
      shgc: null,
      visibleTransmittance: null,
      uBasis: '',
      gwpPerM2: { value: 5.76, complete: true, missing: [] },
      gwpMetric: 'CO2e',
      gwpBasis: '',
      costPerM2: { value: 900, complete: false, missing: ['cost of mineral_wool (Mineral wool)'] },
      currency: 'SEK',
    },
    ...over,
  }
}

export function libraryView(): LibraryView {
  const wall = construction()
  const roof = construction({ id: 'roof_300', name: 'Roof 300 mm wool', element: 'roof', layers: [{ materialId: 'mineral_wool', thicknessM: 0.3, existing: false }] })
  const win = construction({ id: 'win_triple', name: 'Triple window', element: 'window', layers: [], windowSystemId: 'triple_lowe' })
  const winGap = construction({ id: 'win_double', name: 'Double window', element: 'window', layers: [], windowSystemId: 'double' })
  return {
    materials: [material(), brick, airGap, board],
    windows: [windowSystem(), windowSystem({ id: 'double', name: 'Double', uFactor: 1.2, shgc: null })],
    constructions: [
      view(wall),
      view(roof, { figures: { ...view(roof).figures!, u: 0.11, gwpPerM2: { value: 0, complete: false, missing: ['GWP of mineral_wool'] } } }),
      view(win, { figures: { ...view(win).figures!, u: 0.8, gwpPerM2: { value: 0, complete: false, missing: ['GWP of window system triple_lowe (Triple low-e)'] }, costPerM2: { value: 4500, complete: true, missing: [] } } }),
      view(winGap, { unusable: 'construction win_double cannot be used in a variant: window system double has no solar heat gain coefficient (SHGC)' }),
    ],
    problems: [{ item: 'material', id: 'brick', field: 'gwpPerKg', message: 'material brick (Brick): GWP per kg must not be negative, not -1', detail: 'GWP per kg must not be negative, not -1' }],
    attribution: '# Default library',
  }
}
