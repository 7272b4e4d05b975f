import { describe, expect, it } from 'vitest'
import { describeRunPeriod, modelTitle, notAnnual, simulationPlan, successorOf, zonesText } from './model'
import { model, wire } from './testdata'

describe('describeRunPeriod', () => {
  it.each([
    [{ name: 'Run Period 1', beginMonth: 1, beginDay: 1, endMonth: 12, endDay: 31, beginYear: 0, endYear: 0, days: 365 }, 'Run Period 1: Jan 1 \u2013 Dec 31 (365 days)'],
    [{ name: '', beginMonth: 7, beginDay: 1, endMonth: 7, endDay: 1, beginYear: 2006, endYear: 2006, days: 1 }, 'Jul 1, 2006 \u2013 Jul 1, 2006 (1 day)'],
    [{ name: 'Bad', beginMonth: 2, beginDay: 30, endMonth: 3, endDay: 1, beginYear: 0, endYear: 0, days: 0 }, 'Bad: Feb 30 \u2013 Mar 1'],
  ])('%o', (rp, want) => expect(describeRunPeriod(rp)).toBe(want))
})

describe('simulationPlan', () => {
  const base = model().summary
  it.each([
    ['annual', base, 'Annual', true, 1, 2],
    ['design days only', { ...base, annual: false, runPeriods: [] }, 'Design days only', false, 0, 2],
    ['run periods switched off', { ...base, annual: false, designDays: [] }, 'Run periods switched off', false, 1, 0],
    ['empty (Go nil lists)', wire<typeof base>({ ...base, annual: false, runPeriods: null, designDays: null }), 'Nothing to simulate', false, 0, 0],
    ['missing summary', undefined, 'Nothing to simulate', false, 0, 0],
  ])('%s', (_, s, label, annual, rps, dds) => {
    const p = simulationPlan(s)
    expect(p.label).toBe(label)
    expect(p.annual).toBe(annual)
    expect(p.runPeriods).toHaveLength(rps)
    expect(p.designDays).toHaveLength(dds)
  })

  it('names design days with their date', () => {
    expect(simulationPlan(base).designDays[0]).toBe('Denver Centennial Ann Htg 99% Condns DB (Dec 21)')
  })
})

describe('model helpers', () => {
  it('finds models that need force annual', () => {
    const dd = model({ id: 2, summary: { ...model().summary, annual: false } })
    expect(notAnnual([model(), dd]).map((m) => m.id)).toEqual([2])
  })
  it('titles a model by its building name, else its file name', () => {
    expect(modelTitle(model())).toBe('Bldg')
    expect(modelTitle(model({ summary: { ...model().summary, buildingName: '' } }))).toBe('1ZoneUncontrolled.idf')
  })
  it('counts zones', () => expect(zonesText(model().summary)).toBe('1 zone'))
})

describe('successorOf', () => {
  const a = { id: 1, originalPath: '/u/office.idf' }
  const b = { id: 4, originalPath: '/u/office.idf' }
  const c = { id: 6, originalPath: '/u/office.idf' }
  const other = { id: 7, originalPath: '/u/school.idf' }
  it('finds the newest later import of the same file', () => {
    expect(successorOf(a, [a, b, c, other])).toBe(c)
    expect(successorOf(c, [a, b, c, other])).toBeNull()
    expect(successorOf(other, [a, other])).toBeNull()
  })
})
