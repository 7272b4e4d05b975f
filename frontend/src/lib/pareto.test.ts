import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { paretoFront, paretoStaircase } from './pareto'

// Written by the Go test TestParetoGoldenMatchesTheUIFixture from lca.ParetoFront.
const golden = JSON.parse(readFileSync(new URL('./testdata/pareto_golden.json', import.meta.url), 'utf8')) as Array<{ name: string; points: Array<[number, number] | null>; front: number[] }>

describe('Pareto front', () => {
  it.each(golden.map((c) => [c.name, c] as const))('marks the same points as the Go side: %s', (_, c) => {
    const pts = c.points.map((p) => (p ? { x: p[0], y: p[1] } : null))
    expect(paretoFront(pts)).toEqual(c.front)
  })

  it('keeps duplicates of an optimal point, drops a tie that is worse on the other axis', () => {
    expect(paretoFront([{ x: 1, y: 2 }, { x: 1, y: 2 }, { x: 1, y: 3 }, { x: 2, y: 1 }])).toEqual([0, 1, 3])
  })

  it('leaves out points with a missing or non-finite coordinate', () => {
    expect(paretoFront([null, { x: Number.NaN, y: 0 }, { x: 5, y: 5 }, undefined])).toEqual([2])
    expect(paretoFront([])).toEqual([])
  })

  it('matches a brute-force dominance check', () => {
    let seed = 42
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const pts = Array.from({ length: 400 }, () => ({ x: Math.floor(rnd() * 30), y: Math.floor(rnd() * 30) }))
    const brute = pts.flatMap((p, i) => (pts.some((q) => q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y)) ? [] : [i]))
    expect(paretoFront(pts)).toEqual(brute)
  })
})

describe('Pareto staircase', () => {
  it('runs right to the next point, then down', () => {
    const pts = [{ x: 3, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 2 }, { x: 5, y: 5 }]
    expect(paretoStaircase(pts, paretoFront(pts))).toEqual([
      [1, 3],
      [2, 3],
      [2, 2],
      [3, 2],
      [3, 1],
    ])
  })

  it('draws a duplicate once and a single point as itself', () => {
    expect(paretoStaircase([{ x: 1, y: 1 }, { x: 1, y: 1 }], [0, 1])).toEqual([[1, 1]])
  })
})
