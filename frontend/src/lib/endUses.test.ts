import { describe, expect, it } from 'vitest'
import type { BarSeriesOption } from 'echarts/charts'
import type { EndUse } from '../bridge/types'
import { buildEndUseOption, chartUnit, darkChartTheme, endUseTable, fuelColour, lightChartTheme, stackTotalLabels } from './endUses'

const cells: EndUse[] = [
  { endUse: 'Interior Lighting', fuel: 'Electricity', kWh: 2000 },
  { endUse: 'Heating', fuel: 'Natural Gas', kWh: 9000 },
  { endUse: 'Heating', fuel: 'Electricity', kWh: 500 },
  { endUse: 'Fans', fuel: 'Electricity', kWh: 300 },
  { endUse: 'Cooling', fuel: 'District Cooling', kWh: 1200 },
  { endUse: 'Heating', fuel: 'District Heating Water', kWh: 0 },
  { endUse: 'Snow Melting', fuel: 'Electricity', kWh: 50 },
  { endUse: 'Interior Equipment', fuel: 'Biomass', kWh: 10 },
]

describe('endUseTable', () => {
  const t = endUseTable(cells)
  it('orders end uses like EnergyPlus, unknown ones last', () => {
    expect(t.endUses).toEqual(['Heating', 'Cooling', 'Interior Lighting', 'Interior Equipment', 'Fans', 'Snow Melting'])
  })
  it('orders fuels like EnergyPlus and drops fuels with only zero cells', () => {
    expect(t.fuels).toEqual(['Electricity', 'Natural Gas', 'District Cooling', 'Biomass'])
  })
  it('pivots values and sums totals', () => {
    expect(t.values[0]).toEqual([500, 0, 2000, 0, 300, 50])
    expect(t.values[1]).toEqual([9000, 0, 0, 0, 0, 0])
    expect(t.totals).toEqual([9500, 1200, 2000, 10, 300, 50])
  })
  it('handles no results', () => {
    expect(endUseTable(null)).toEqual({ endUses: [], fuels: [], values: [], totals: [] })
  })
})

describe('chartUnit', () => {
  it.each([
    [0, 'kWh', 1],
    [9999, 'kWh', 1],
    [10000, 'MWh', 1000],
    [2e7, 'GWh', 1e6],
  ])('%s kWh -> %s', (max, unit, divisor) => expect(chartUnit(max)).toEqual({ unit, divisor }))
})

describe('fuelColour', () => {
  it('is fixed per known fuel, case-insensitive', () => {
    expect(fuelColour('Electricity')).toBe(fuelColour('electricity'))
    expect(fuelColour('Electricity')).not.toBe(fuelColour('Natural Gas'))
  })
  it('cycles extra colours for unknown fuels', () => {
    expect(fuelColour('Biomass', 0)).not.toBe(fuelColour('Biomass', 1))
  })
})

describe('buildEndUseOption', () => {
  const opt = buildEndUseOption(cells)
  const series = opt.series as BarSeriesOption[]

  it('has one stacked bar series per fuel', () => {
    expect(series.map((s) => s.name)).toEqual(['Electricity', 'Natural Gas', 'District Cooling', 'Biomass'])
    expect(series.every((s) => s.type === 'bar' && s.stack === 'energy')).toBe(true)
  })

  it('lists end uses bottom-up so that Heating is at the top', () => {
    const y = opt.yAxis as { type: string; data: string[] }
    expect(y.type).toBe('category')
    expect(y.data[y.data.length - 1]).toBe('Heating')
    expect(y.data[0]).toBe('Snow Melting')
  })

  it('scales values to the chart unit', () => {
    expect((opt.xAxis as { name: string }).name).toBe('kWh')
    expect(series[1].data?.[series[1].data.length - 1]).toBe(9000)
    const big = buildEndUseOption([{ endUse: 'Heating', fuel: 'Natural Gas', kWh: 123456 }])
    expect((big.xAxis as { name: string }).name).toBe('MWh')
    expect((big.series as BarSeriesOption[])[0].data).toEqual([123.456])
  })

  it("writes each bar's total with its unit after the bar, once", () => {
    const text = (s: BarSeriesOption, i: number) => (s.label!.formatter as (p: { dataIndex: number }) => string)({ dataIndex: i })
    const y = (opt.yAxis as { data: string[] }).data
    const heating = y.indexOf('Heating')
    // Heating: 500 electricity + 9,000 gas, written by gas (the last fuel in the bar)
    expect(series.map((s) => text(s, heating))).toEqual(['', '9,500 kWh', '', ''])
    const lighting = y.indexOf('Interior Lighting')
    expect(series.map((s) => text(s, lighting))).toEqual(['2,000 kWh', '', '', ''])
    expect(series.every((s) => s.label?.show && s.label.position === 'right')).toBe(true)
    const big = buildEndUseOption([{ endUse: 'Heating', fuel: 'Natural Gas', kWh: 123456 }])
    expect(text((big.series as BarSeriesOption[])[0], 0)).toBe('123 MWh')
  })

  it('leaves a bar of zeros without a total', () => {
    const labels = stackTotalLabels([[0, 1], [0, 2]], 'kWh', '#000')
    const at = (i: number, j: number) => (labels[i].formatter as (p: { dataIndex: number }) => string)({ dataIndex: j })
    expect([at(0, 0), at(1, 0), at(0, 1), at(1, 1)]).toEqual(['', '', '', '3.00 kWh'])
  })

  it('applies the theme', () => {
    const dark = buildEndUseOption(cells, darkChartTheme)
    expect((dark.textStyle as { color: string }).color).toBe(darkChartTheme.text)
  })

  it('is empty without end uses', () => {
    const empty = buildEndUseOption([])
    expect(empty.series).toEqual([])
  })
})

describe('end-use chart in IP units', () => {
  it('picks kBtu, MBtu or GBtu from the largest bar and converts the values', () => {
    expect(chartUnit(100, 'ip').unit).toBe('kBtu')
    const u = chartUnit(20000, 'ip') // 68,243 kBtu
    expect(u.unit).toBe('MBtu')
    expect(20000 / u.divisor).toBeCloseTo(68.242, 2)
    expect(chartUnit(5e6, 'ip').unit).toBe('GBtu')
  })
  it('labels the axis and scales the bars in the chosen system', () => {
    const opt = buildEndUseOption([{ endUse: 'Heating', fuel: 'Natural Gas', kWh: 1000 }], lightChartTheme, 'ip')
    expect((opt.xAxis as { name: string }).name).toBe('kBtu')
    expect((opt.series as Array<{ data: number[] }>)[0].data[0]).toBeCloseTo(3412.14, 1)
  })
})
