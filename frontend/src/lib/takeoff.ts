// A model's envelope take-off as the model card shows it: the areas a renovation changes.
import type { ElementArea, Takeoff } from '../bridge/types'
import type { Element } from './library'
import { formatArea, formatNumber } from './format'

export interface TakeoffFact {
  key: string
  label: string
  value: string
  /** tooltip: the area per orientation */
  title: string
}

const ORIENTATIONS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW', 'H']

/** "N 120.0 m² · E 80.0 m² · ..." in compass order. */
export function byOrientationText(a: ElementArea | null | undefined): string {
  const by = a?.byOrientation ?? {}
  const rank = (k: string) => (ORIENTATIONS.includes(k) ? ORIENTATIONS.indexOf(k) : ORIENTATIONS.length)
  const keys = Object.keys(by).sort((x, y) => rank(x) - rank(y))
  return keys
    .filter((k) => by[k] !== 0)
    .map((k) => `${k === 'H' ? 'horizontal' : k} ${formatArea(by[k])}`)
    .join(' · ')
}

/** Window-to-wall ratio in %: "23.4 %". */
export function formatWWR(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '\u2013'
  return `${formatNumber(ratio * 100, 1)} %`
}

/**
 * Net exterior wall (gross minus windows and doors), windows with the window-wall ratio, roof
 * (outdoor-exposed only) and ground floor; the less common elements only when the model has them.
 */
export function takeoffFacts(t: Takeoff): TakeoffFact[] {
  const fact = (key: string, label: string, a: ElementArea, extra = ''): TakeoffFact => ({
    key,
    label,
    value: formatArea(a?.netM2 ?? 0) + extra,
    title: byOrientationText(a),
  })
  const out = [
    { ...fact('wall', 'Exterior wall (net)', t.wall), title: `Gross ${formatArea(t.wall?.grossM2 ?? 0)} less windows and doors. ${byOrientationText(t.wall)}`.trim() },
    fact('window', 'Windows', t.window, ` · WWR ${formatWWR(t.windowWallRatio)}`),
    fact('roof', 'Roof', t.roof),
    fact('groundFloor', 'Ground floor', t.groundFloor),
  ]
  const optional: Array<[string, string, ElementArea]> = [
    ['exposedFloor', 'Floor over outdoor air', t.exposedFloor],
    ['groundWall', 'Basement wall', t.groundWall],
    ['skylight', 'Skylights', t.skylight],
    ['door', 'Doors', t.door],
  ]
  for (const [key, label, a] of optional) if (a && a.netM2 > 0) out.push(fact(key, label, a))
  return out
}

/**
 * The area a study variant changes per element: the exterior surfaces Go reassigns (walls,
 * outdoor-exposed roofs, ground floors, windows and skylights in them).
 */
export function elementAreas(t: Takeoff): Record<Element, number> {
  return {
    wall: t.wall?.netM2 ?? 0,
    roof: t.roof?.netM2 ?? 0,
    floor: t.groundFloor?.netM2 ?? 0,
    window: (t.window?.netM2 ?? 0) + (t.skylight?.netM2 ?? 0),
  }
}
