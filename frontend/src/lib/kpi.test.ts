import { describe, expect, it } from 'vitest'
import { kpiTiles } from './kpi'
import { buildStudyRows } from './studyTable'
import { study } from './teststudy'

const rows = buildStudyRows(
  study([
    { kwh: 10000, embodied: 0, lcc: 50000, lcCarbon: 30000, investment: 0 },
    { kwh: 8000, embodied: 2000, lcc: null, lcCarbon: 26000, investment: 4000 },
  ]),
)
const byId = (tiles: ReturnType<typeof kpiTiles>, id: string) => tiles.find((t) => t.id === id)!

describe('KPI tiles', () => {
  it('give each figure of the variant with its delta against the baseline', () => {
    const t = kpiTiles(rows[1], rows[0], 'si', 'EUR')
    expect(t.map((x) => x.id)).toEqual(['energy', 'eui', 'primaryEnergy', 'peakHeating', 'overheating', 'operational', 'embodied', 'lifeCycleCarbon', 'lifeCycleCost', 'investment', 'payback'])
    expect(byId(t, 'energy')).toMatchObject({ value: '8,000', unit: 'kWh/yr', deltaAbs: '\u22122,000 kWh', deltaPct: '\u221220.0 %', tone: 'better' })
    expect(byId(t, 'eui')).toMatchObject({ value: '40.0', unit: 'kWh/m²·yr', deltaAbs: '\u221210.0 kWh/m²·yr', deltaPct: '\u221220.0 %' })
    expect(byId(t, 'lifeCycleCarbon')).toMatchObject({ value: '26,000', unit: 'kg CO2e', deltaAbs: '\u22124,000 kg CO2e', tone: 'better' })
    expect(byId(t, 'investment')).toMatchObject({ value: '4,000', unit: 'EUR', deltaAbs: '+4,000 EUR', deltaPct: '', tone: 'worse' })
    expect(byId(t, 'payback')).toMatchObject({ value: '13 yr', deltaAbs: 'carbon payback 4.2 yr' })
  })

  it('say when a figure took a cost from a published range, and which', () => {
    const s = study([
      { kwh: 10000, embodied: 0, lcc: 50000, lcCarbon: 30000, investment: 0 },
      { kwh: 8000, embodied: 2000, lcc: 48000, lcCarbon: 26000, investment: 4000 },
    ])
    const taken = 'cost of cellulose: 300 SEK/m², the midpoint of its published range 250-350'
    s.rows[1].lca!.investmentCost = { value: 4000, complete: true, assumed: [taken] }
    const [base, loft] = buildStudyRows(s)
    const t = kpiTiles(loft, base, 'si', 'SEK')
    expect(byId(t, 'investment')).toMatchObject({ value: '4,000', assumed: [taken], title: `Taken from a published range: ${taken}` })
    expect(byId(t, 'embodied').assumed).toBeUndefined()
    expect(byId(kpiTiles(rows[1], rows[0], 'si', 'EUR'), 'investment').assumed).toBeUndefined()
  })

  it('show a missing figure as missing and say why', () => {
    const lcc = byId(kpiTiles(rows[1], rows[0], 'si', 'EUR'), 'lifeCycleCost')
    expect(lcc.value).toBe('\u2014')
    expect(lcc.deltaAbs).toBe('')
    expect(lcc.tone).toBe('none')
    expect(lcc.title).toContain('Electricity price')
    // The tile itself names the input and where to enter it.
    expect(lcc.gaps).toEqual([{ text: 'Electricity price', target: { kind: 'lca-settings' }, action: 'Carbon & cost settings…' }])
  })

  it('give EP_pet in kWh/m² Atemp with its class, or say that Atemp is missing', () => {
    const t = kpiTiles(rows[1], rows[0], 'ip', 'EUR')
    // teststudy: EP_pet = kWh × 0.7 / 200 m² Atemp
    expect(byId(t, 'primaryEnergy')).toMatchObject({ value: '28.0', unit: 'kWh/m²·yr', deltaAbs: '\u22127.0 kWh/m²·yr', badge: 'class D', gaps: [] })
    // teststudy: peak heating = kWh / 2 W, 12 h overheating
    expect(byId(t, 'peakHeating')).toMatchObject({ value: '4.0', unit: 'kW', deltaAbs: '\u22121.0 kW' })
    expect(byId(t, 'overheating')).toMatchObject({ value: '12', unit: 'h' })
    const table = study([
      { kwh: 10000, embodied: 0, lcc: 50000, lcCarbon: 30000, investment: 0 },
      { kwh: 8000, embodied: 2000, lcc: null, lcCarbon: 26000, investment: 4000 },
    ])
    table.rows[1] = { ...table.rows[1], atemp: null, primaryEnergyNumber: null }
    const [base, noAtemp] = buildStudyRows(table)
    expect(byId(kpiTiles(noAtemp, base, 'si', 'EUR'), 'primaryEnergy').gaps[0]).toMatchObject({ target: { kind: 'model-settings' } })
  })

  it('convert energy and EUI to IP', () => {
    const t = kpiTiles(rows[1], rows[0], 'ip', 'EUR')
    expect(byId(t, 'energy')).toMatchObject({ value: '27.3', unit: 'MBtu/yr', deltaAbs: '\u22126,824 kBtu', deltaPct: '\u221220.0 %' })
    expect(byId(t, 'eui')).toMatchObject({ value: '12.7', unit: 'kBtu/ft²·yr' })
    expect(byId(t, 'operational').unit).toBe('kg CO2e/yr')
  })

  it('give the baseline its figures without deltas', () => {
    const t = kpiTiles(rows[0], rows[0], 'si', 'EUR')
    expect(t.every((x) => x.deltaAbs === '' && x.tone === 'none')).toBe(true)
    expect(byId(t, 'energy')).toMatchObject({ value: '10.0', unit: 'MWh/yr' })
  })
})
