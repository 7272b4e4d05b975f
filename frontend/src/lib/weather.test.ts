import { describe, expect, it } from 'vitest'
import { monthlyBars, placeName } from './weather'

describe('placeName', () => {
  it.each([
    [{ city: 'Golden', state: 'CO', country: 'USA' }, 'Golden, CO, USA'],
    [{ city: 'Gothenburg', state: '-', country: 'SWE' }, 'Gothenburg, SWE'],
    [{ city: ' Chicago-OHare Intl AP ', state: 'IL', country: '' }, 'Chicago-OHare Intl AP, IL'],
    [{}, ''],
    [null, ''],
  ])('%o -> %s', (loc, want) => expect(placeName(loc)).toBe(want))
})

describe('monthlyBars', () => {
  it('draws warm months up from 0 and freezing months down', () => {
    const g = monthlyBars([-10, 0, 10, 20, 30, 20, 10, 0, -10, 5, 5, 5], 120, 40, 0)
    expect(g.bars).toHaveLength(12)
    expect(g.min).toBe(-10)
    expect(g.max).toBe(30)
    expect(g.zeroY).toBe(30)
    const jan = g.bars[0]
    expect(jan).toMatchObject({ month: 1, x: 0, width: 10, y: 30, height: 10 })
    const may = g.bars[4]
    expect(may).toMatchObject({ month: 5, x: 40, y: 0, height: 30 })
    expect(g.bars[1].height).toBe(0)
  })

  it('keeps 0 on the scale when every month is warm', () => {
    const g = monthlyBars([10, 20], 20, 20, 0)
    expect(g.zeroY).toBe(20)
    expect(g.bars[1]).toMatchObject({ y: 0, height: 20 })
  })

  it('copes with missing data', () => {
    expect(monthlyBars(null, 100, 40).bars).toEqual([])
    expect(monthlyBars([0, 0], 100, 40).bars.every((b) => b.height === 0)).toBe(true)
    const nan = monthlyBars([NaN, 5], 100, 40).bars[0]
    expect(nan).toMatchObject({ value: 0, missing: true, height: 0 })
  })

  it('marks months without rows as missing (partial-year files)', () => {
    const g = monthlyBars([-5, 0, 0], 30, 30, 0, [744, 0, 0])
    expect(g.bars.map((b) => b.missing)).toEqual([false, true, true])
    expect(g.max).toBe(0)
    expect(g.min).toBe(-5)
    expect(monthlyBars([0, 0], 30, 30, 0, [0, 0]).bars).toEqual([])
  })
})
