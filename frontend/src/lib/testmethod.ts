// A method study's view for the tests of the method panel and its logic: an NSGA-II study two
// generations into ten, minimising site energy and embodied carbon.
import type { MethodView } from '../bridge/types'

export function nsgaView(over: Partial<MethodView> = {}): MethodView {
  return {
    studyId: 7,
    kind: 'nsga2',
    status: 'running',
    generation: 2,
    generations: 10,
    variants: 57,
    objectives: [
      { id: 'siteEnergyKWh', name: 'Annual site energy', unit: 'kWh' },
      { id: 'embodiedKgCO2e', name: 'Embodied carbon', unit: 'kg CO2e' },
    ],
    weather: 'mean',
    axes: [],
    fronts: [
      ['V1', 'V3'],
      ['V3', 'V9'],
    ],
    generationOf: { B: 0, V1: 1, V3: 1, V9: 2 },
    ...over,
  }
}
