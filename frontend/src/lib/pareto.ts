// Pareto fronts for the scatter plot, both objectives minimised. The rules are the Go side's
// (lca.ParetoFront), so the plot agrees with the table's Pareto flags: a dominates b when it is
// no worse on both and strictly better on one; identical points do not dominate each other
// (duplicates of an optimal point are all optimal); a point with a missing coordinate is left out.

export interface XY {
  x: number
  y: number
}

/** Indices of the non-dominated points, ascending, in O(n log n). null / non-finite points are skipped. */
export function paretoFront(points: ReadonlyArray<XY | null | undefined>): number[] {
  const ps: Array<{ x: number; y: number; i: number }> = []
  points.forEach((p, i) => {
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) ps.push({ x: p.x + 0, y: p.y + 0, i })
  })
  ps.sort((a, b) => a.x - b.x || a.y - b.y || a.i - b.i)
  const out: number[] = []
  let best = 0 // lowest y among points with a strictly smaller x
  for (let g = 0; g < ps.length; ) {
    let h = g
    while (h < ps.length && ps[h].x === ps[g].x) h++
    // ps[g] has the lowest y of its x: optimal unless a point further left is as low.
    if (g === 0 || ps[g].y < best) {
      for (let k = g; k < h && ps[k].y === ps[g].y; k++) out.push(ps[k].i)
      best = ps[g].y
    }
    g = h
  }
  return out.sort((a, b) => a - b)
}

/**
 * The front drawn as a staircase: the boundary of what the optimal points dominate. From each
 * optimal point the line runs right to the next one's x, then down to its y.
 */
export function paretoStaircase(points: ReadonlyArray<XY | null | undefined>, front: readonly number[]): Array<[number, number]> {
  const pts = front.map((i) => points[i]!).sort((a, b) => a.x - b.x || a.y - b.y)
  const out: Array<[number, number]> = []
  for (const p of pts) {
    const last = out[out.length - 1]
    if (last && last[0] === p.x && last[1] === p.y) continue
    if (last) out.push([p.x, last[1]])
    out.push([p.x, p.y])
  }
  return out
}
