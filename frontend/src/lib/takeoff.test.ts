import { describe, expect, it } from 'vitest'
import type { ElementArea, Takeoff } from '../bridge/types'
import { byOrientationText, elementAreas, formatWWR, takeoffFacts } from './takeoff'

const area = (netM2: number, byOrientation: Record<string, number> = {}, grossM2 = netM2): ElementArea => ({ grossM2, netM2, byOrientation, constructions: {} })
const none = area(0)

function takeoff(over: Partial<Takeoff> = {}): Takeoff {
  return {
    surfaces: [],
    wall: area(412.5, { S: 120, N: 130.5, E: 81, W: 81 }, 520),
    window: area(107.5, { S: 60, N: 20, E: 13.75, W: 13.75 }),
    roof: area(463.6, { H: 463.6 }),
    groundFloor: area(463.6, { H: 463.6 }),
    exposedFloor: none,
    groundWall: none,
    skylight: none,
    door: area(0),
    windowWallRatio: 0.2067,
    byFourWay: {},
    warnings: [],
    ...over,
  }
}

describe('take-off on the model card', () => {
  it('shows net wall, windows with WWR, roof and ground floor', () => {
    expect(takeoffFacts(takeoff()).map((f) => [f.label, f.value])).toEqual([
      ['Exterior wall (net)', '412.5 m²'],
      ['Windows', '107.5 m² · WWR 20.7 %'],
      ['Roof', '463.6 m²'],
      ['Ground floor', '463.6 m²'],
    ])
  })

  it('explains the net wall and gives the areas per orientation in compass order', () => {
    const wall = takeoffFacts(takeoff())[0]
    expect(wall.title).toBe('Gross 520.0 m² less windows and doors. N 130.5 m² · E 81.0 m² · S 120.0 m² · W 81.0 m²')
    expect(byOrientationText(area(10, { H: 10 }))).toBe('horizontal 10.0 m²')
  })

  it('adds the less common elements only when the model has them', () => {
    const f = takeoffFacts(takeoff({ skylight: area(12), door: area(4.2) }))
    expect(f.map((x) => x.key)).toEqual(['wall', 'window', 'roof', 'groundFloor', 'skylight', 'door'])
  })

  it('formats the window-wall ratio', () => {
    expect(formatWWR(0.5)).toBe('50.0 %')
    expect(formatWWR(undefined)).toBe('\u2013')
  })
})

describe('areas a variant changes', () => {
  it('counts ground floors as floor and skylights with windows', () => {
    expect(elementAreas(takeoff({ skylight: area(12) }))).toEqual({ wall: 412.5, roof: 463.6, floor: 463.6, window: 119.5 })
  })
})
