import { describe, expect, it } from 'vitest'
import { compareGroups, energyBreakdown, messageDiff, monthlyRows, orderPair, sideCaption, suggestPartner, type CompareRow } from './compare'
import { buildCompareBarOption } from './compareCharts'
import { lightChartTheme } from './endUses'
import { comparison, results, side, swedish } from './testcompare'
import { run } from './testdata'

const find = (rows: CompareRow[], id: string) => {
  const r = rows.find((x) => x.id === id)
  if (!r) throw new Error(`no row ${id}: ${rows.map((x) => x.id).join(', ')}`)
  return r
}
const all = (c: ReturnType<typeof comparison>) => compareGroups(c).flatMap((g) => g.rows)

describe('compareGroups', () => {
  it('takes Δ as B − A with a percentage of A', () => {
    const c = comparison(side(1), side(2, { results: results({ totalSiteKWh: 80000, unmetHeatingHours: 12 }), swedish: swedish({ primaryEnergyNumber: { value: 33.6, unit: 'kWh/m2' }, energyClass: 'A' }) }))
    const rows = all(c)
    const site = find(rows, 'site-energy')
    expect([site.a.value, site.b.value]).toEqual([100000, 80000])
    expect(site.delta).toEqual({ abs: -20000, pct: -20, pctReason: '' })
    const ep = find(rows, 'ep-pet')
    expect(ep.delta!.abs).toBeCloseTo(-8.4)
    expect(ep.delta!.pct).toBeCloseTo(-20)
    // Energy per m² Atemp is Go's site energy over Go's Atemp.
    expect(find(rows, 'energy-per-atemp').b.value).toBe(80)
    const cls = find(rows, 'energy-class')
    expect([cls.a.text, cls.b.text, cls.delta, cls.deltaWhy]).toEqual(['B', 'A', null, 'changed'])
    expect(find(rows, 'unmet-heating').delta).toEqual({ abs: 0, pct: 0, pctReason: '' })
    expect(find(rows, 'peak-heating').a.value).toBe(40)
    expect(find(rows, 'peak-Electricity').a.value).toBe(20)
  })

  it('shows a failed run’s figures as missing with why, never 0, and adds how it ended', () => {
    const failed = side(2, { results: null, status: 'fatal', headline: 'Severe: node connection error', warnings: 5, severe: 2 })
    const rows = all(comparison(side(1), failed))
    const site = find(rows, 'site-energy')
    expect(site.b.value).toBeNull()
    expect(site.b.why).toBe('run #2 failed: Severe: node connection error')
    expect(site.delta).toBeNull()
    expect(site.deltaWhy).toBe('no Δ: B is missing')
    expect(find(rows, 'ep-pet').b.why).toBe('run #2 failed: Severe: node connection error')
    // The err counts are there for a failed run.
    expect(find(rows, 'severe').delta!.abs).toBe(2)
    const head = find(rows, 'headline')
    expect([head.a.text, head.b.text]).toEqual(['Succeeded', 'Severe: node connection error'])
  })

  it('names the missing input of a Swedish figure', () => {
    const noAtemp = swedish({ atemp: { value: null, unit: 'm2', missing: [{ input: 'Atemp (heated floor area)', where: 'model' }] } })
    const rows = all(comparison(side(1, { swedish: noAtemp }), side(2)))
    expect(find(rows, 'energy-per-atemp').a).toEqual({ value: null, why: 'missing Atemp (heated floor area)' })
    expect(find(rows, 'atemp').a.why).toBe('missing Atemp (heated floor area)')
  })

  it('has no headline row when both succeeded, and no err counts for a run not yet finished', () => {
    expect(all(comparison(side(1), side(2))).some((r) => r.id === 'headline')).toBe(false)
    const queued = side(2, { results: null, status: 'queued' })
    const w = find(all(comparison(side(1), queued)), 'warnings')
    expect(w.b.value).toBeNull()
    expect(w.b.why).toMatch(/run #2 has not finished/)
  })
})

describe('energyBreakdown', () => {
  it('compares delivered energy by purpose and carrier when both runs have the Swedish figures', () => {
    const b = side(2, {
      swedish: swedish({
        delivered: [
          { endUse: 'Heating', fuel: 'District Heating Water', carrier: 'districtHeating', purpose: 'heating', kWh: 45000 },
          { endUse: 'Interior Equipment', fuel: 'Electricity', carrier: 'electricity', purpose: 'householdElectricity', kWh: 40000 },
          { endUse: 'Fans', fuel: 'Electricity', carrier: 'electricity', purpose: 'propertyElectricity', kWh: 1500 },
        ],
      }),
    })
    const t = energyBreakdown(comparison(side(1), b))
    expect(t.basis).toBe('carrier')
    const heat = find(t.rows, 'heating/districtHeating')
    expect(heat.label).toBe('Space heating (uppvärmning) · District heating (fjärrvärme)')
    expect(heat.delta!.abs).toBe(-15000)
    // A's finished run delivered no fan electricity: a real 0, so Δ is B's whole figure.
    const fans = find(t.rows, 'propertyElectricity/electricity')
    expect([fans.a.value, fans.b.value, fans.delta!.abs, fans.delta!.pct]).toEqual([0, 1500, 1500, null])
  })

  it('falls back to EnergyPlus’s end uses by fuel, with a run without results missing', () => {
    const t = energyBreakdown(comparison(side(1, { swedish: null }), side(2, { results: null, status: 'fatal' })))
    expect(t.basis).toBe('fuel')
    const heat = find(t.rows, 'Heating/District Heating Water')
    expect(heat.a.value).toBe(60000)
    expect(heat.b.value).toBeNull()
    expect(heat.b.why).toMatch(/run #2 failed/)
  })
})

describe('monthlyRows', () => {
  it('pairs the months and leaves a month a run does not cover missing', () => {
    const partial = [...Array(6).fill(1000), ...Array(6).fill(null)]
    const rows = monthlyRows(comparison(side(1, { total: Array(12).fill(1200) }), side(2, { total: partial })))
    expect(rows.map((r) => r.label)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])
    expect(rows[0].delta!.abs).toBe(-200)
    expect(rows[11].b).toEqual({ value: null, why: "run #2's run period does not cover Dec" })
    expect(rows[11].delta).toBeNull()
  })

  it('says why a run has no hourly data', () => {
    const rows = monthlyRows(comparison(side(1), side(2, { results: null, status: 'fatal' })))
    expect(rows[0].b.why).toBe('This run did not succeed, so it has no hourly data.')
  })
})

describe('messageDiff', () => {
  it('lists the messages only one run has, severe first, and those both have with their counts', () => {
    const shared = { kind: 'warning', text: 'GetSurfaceData: CAUTION', count: 2 }
    const a = side(1, { messages: [shared, { kind: 'warning', text: 'There are 3 nominally unused constructions in input.', count: 1 }] })
    const b = side(2, {
      messages: [
        { ...shared, count: 4 },
        { kind: 'warning', text: 'There are 4 nominally unused constructions in input.', count: 1 },
        { kind: 'severe', text: 'Node connection error', count: 1 },
      ],
    })
    const d = messageDiff(comparison(a, b))
    expect(d.onlyA.map((m) => m.text)).toEqual(['There are 3 nominally unused constructions in input.'])
    expect(d.onlyB.map((m) => m.text)).toEqual(['Node connection error', 'There are 4 nominally unused constructions in input.'])
    expect(d.shared).toEqual([{ kind: 'warning', text: 'GetSurfaceData: CAUTION', countA: 2, countB: 4 }])
    expect([d.whyA, d.whyB]).toEqual(['', ''])
  })

  it('keeps the same text of another kind apart and says why a file could not be read', () => {
    const a = side(1, { messages: [{ kind: 'warning', text: 'X', count: 1 }] })
    const b = side(2, { messages: [{ kind: 'severe', text: 'X', count: 1 }] })
    const d = messageDiff(comparison(a, b))
    expect([d.onlyA.length, d.onlyB.length, d.shared.length]).toEqual([1, 1, 0])
    const gone = messageDiff(comparison(a, side(2, { messagesReason: 'eplusout.err could not be read: gone' })))
    expect(gone.whyB).toBe('eplusout.err could not be read: gone')
  })
})

describe('picking the pair', () => {
  const runs = [
    { ...run({ id: 1, modelId: 1, weatherId: 1, status: 'succeeded' }) },
    { ...run({ id: 2, modelId: 2, modelName: 'other.idf', weatherId: 1, status: 'succeeded' }) },
    { ...run({ id: 3, modelId: 1, weatherId: 2, status: 'succeeded' }) },
    { ...run({ id: 4, modelId: 5, weatherId: 1, status: 'succeeded' }) }, // the same file re-imported
    { ...run({ id: 5, modelId: 5, weatherId: 1, status: 'running' }) },
  ]
  it('suggests the same model’s previous run with the same weather, then other weather, then any run', () => {
    expect(suggestPartner(runs[3], runs)?.id).toBe(1)
    expect(suggestPartner({ ...run({ id: 6, modelId: 1, weatherId: 2, status: 'succeeded' }) }, runs)?.id).toBe(3)
    expect(suggestPartner({ ...run({ id: 7, modelId: 9, modelName: 'new.idf', weatherId: 3, status: 'succeeded' }) }, runs)?.id).toBe(4)
    expect(suggestPartner(runs[0], [runs[0]])).toBeNull()
  })
  it('orders a pair before → after', () => {
    expect(orderPair(9, 4)).toEqual([4, 9])
    expect(orderPair(4, 9)).toEqual([4, 9])
  })
  it('captions a side with its model, weather and engine', () => {
    expect(sideCaption(side(3))).toEqual({ title: 'Run #3', model: 'm3.idf', weather: 'Chicago.epw', engine: 'EnergyPlus 25.2.0 (model version 25.2)' })
  })
})

describe('buildCompareBarOption', () => {
  it('draws A and B as labelled bars, no bar for a missing value', () => {
    const rows = monthlyRows(comparison(side(1, { total: Array(12).fill(20000) }), side(2, { results: null, status: 'fatal' })))
    const o = buildCompareBarOption(rows, { a: 'A: run #1', b: 'B: run #2' }, lightChartTheme, false)
    const series = o.series as Array<{ name: string; data: Array<number | null>; label: { show: boolean } }>
    expect(series.map((s) => s.name)).toEqual(['A: run #1', 'B: run #2'])
    expect(series[0].data[0]).toBe(20) // MWh: the largest bar is 20,000 kWh
    expect(series[1].data.every((v) => v === null)).toBe(true)
    expect(series.every((s) => s.label.show)).toBe(true)
  })
})
