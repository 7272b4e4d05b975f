import { describe, expect, it } from 'vitest'
import { BASELINE_SUFFIX, buildEndUseCompareOption, compareTable, compareUnit } from './endUseCompare'
import { lightChartTheme } from './endUses'

const baseline = [
  { endUse: 'Heating', fuel: 'Natural Gas', kWh: 6000 },
  { endUse: 'Interior Lighting', fuel: 'Electricity', kWh: 4000 },
]
const variant = [
  { endUse: 'Heating', fuel: 'Natural Gas', kWh: 3500 },
  { endUse: 'Heating', fuel: 'Electricity', kWh: 300 },
  { endUse: 'Interior Lighting', fuel: 'Electricity', kWh: 4000 },
]

describe('end uses against the baseline', () => {
  it('puts both runs on the same end uses and fuels', () => {
    const t = compareTable(variant, baseline)
    expect(t.endUses).toEqual(['Heating', 'Interior Lighting'])
    expect(t.fuels).toEqual(['Electricity', 'Natural Gas'])
    expect(t.variant).toEqual([
      [300, 4000],
      [3500, 0],
    ])
    expect(t.baseline).toEqual([
      [0, 4000],
      [6000, 0],
    ])
  })

  it('stacks each run by fuel, the baseline faded, in one unit', () => {
    const o = buildEndUseCompareOption(variant, baseline, lightChartTheme, 'si')
    const series = o.series as Array<{ name: string; stack: string; data: number[]; itemStyle: { opacity: number } }>
    expect(series.map((s) => `${s.name}/${s.stack}`)).toEqual([`Electricity${BASELINE_SUFFIX}/baseline`, 'Electricity/variant', `Natural Gas${BASELINE_SUFFIX}/baseline`, 'Natural Gas/variant'])
    // bars run top-down from Heating: the category axis is reversed
    expect(series[3].data).toEqual([0, 3500])
    expect(series[2].itemStyle.opacity).toBeLessThan(1)
    expect((o.xAxis as { name: string }).name).toBe('kWh')
  })

  it('writes the totals of both bars, so that the saving reads off them', () => {
    const o = buildEndUseCompareOption(variant, baseline, lightChartTheme, 'si')
    const series = o.series as Array<{ label: { formatter: (p: { dataIndex: number }) => string } }>
    // Heating is the last category (drawn top-down)
    const heating = series.map((s) => s.label.formatter({ dataIndex: 1 })).filter(Boolean)
    expect(heating).toEqual(['6,000 kWh', '3,800 kWh'])
  })

  it('picks the unit from the largest bar, in IP too', () => {
    expect(compareUnit(22894, 'si')).toEqual({ unit: 'MWh', factor: 1e-3 })
    expect(compareUnit(2000, 'ip').unit).toBe('kBtu')
    expect(compareUnit(22894, 'ip').unit).toBe('MBtu')
  })
})
