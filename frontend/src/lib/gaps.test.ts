import { describe, expect, it } from 'vitest'
import { gapOf, gapsOf } from './gaps'

describe('where a missing input is entered', () => {
  it.each([
    ['Electricity price', { kind: 'lca-settings' }],
    ['District Heating Water emission factor', { kind: 'lca-settings' }],
    ['GWP of xps_29 (XPS (extruded polystyrene), 29 kg/m3)', { kind: 'library', item: 'material', id: 'xps_29' }],
    ['cost of mineral_wool (Mineral wool) (only a range is published: 40-60 SEK)', { kind: 'library', item: 'material', id: 'mineral_wool' }],
    ['density of gypsum (its GWP is per kg)', { kind: 'library', item: 'material', id: 'gypsum' }],
    ['cost of window system triple_lowe (Triple low-e)', { kind: 'library', item: 'window', id: 'triple_lowe' }],
    ['Atemp of the model (its settings)', { kind: 'model-settings' }],
    ['results: the run has not finished', null],
  ])('%s', (text, target) => {
    expect(gapOf(text).target).toEqual(target)
    expect(gapOf(text).action === '').toBe(target === null)
  })

  it('reads a tooltip once per input', () => {
    expect(gapsOf(['Missing: Electricity price', 'Electricity price', 'GWP of eps']).map((g) => g.text)).toEqual(['Electricity price', 'GWP of eps'])
  })
})
