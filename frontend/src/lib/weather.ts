// Weather-file header helpers: a place name and the monthly temperature mini chart.
import type { WeatherLocation } from '../bridge/types'

function clean(s: string | null | undefined): string {
  const t = (s ?? '').trim()
  return t === '-' || t === '--' ? '' : t
}

/** "Golden, CO, USA": empty or placeholder parts ("-") left out. */
export function placeName(loc: Partial<WeatherLocation> | null | undefined): string {
  if (!loc) return ''
  return [loc.city, loc.state, loc.country].map(clean).filter(Boolean).join(', ')
}

export interface MonthBar {
  month: number
  value: number
  /** the file has no data for this month: drawn as nothing */
  missing: boolean
  x: number
  y: number
  width: number
  height: number
}

export interface MonthlyBars {
  bars: MonthBar[]
  /** y of the 0 °C line */
  zeroY: number
  min: number
  max: number
}

/**
 * SVG geometry for 12 monthly means in a width x height box: bars grow up from 0 °C for warm
 * months and down for freezing ones, on a scale that always includes 0.
 */
export function monthlyBars(
  values: number[] | null | undefined,
  width: number,
  height: number,
  gap = 2,
  counts?: number[] | null,
): MonthlyBars {
  const raw = (values ?? []).slice(0, 12)
  const missing = raw.map((v, i) => !Number.isFinite(v) || (counts != null && (counts[i] ?? 0) <= 0))
  const vals = raw.map((v, i) => (missing[i] ? 0 : v))
  if (vals.length === 0 || missing.every(Boolean)) return { bars: [], zeroY: height, min: 0, max: 0 }
  const min = Math.min(0, ...vals)
  const max = Math.max(0, ...vals)
  const span = max - min || 1
  const y = (v: number) => ((max - v) / span) * height
  const zeroY = y(0)
  const slot = width / vals.length
  const bars = vals.map((v, i) => {
    const top = Math.min(y(v), zeroY)
    return {
      month: i + 1,
      value: v,
      missing: missing[i],
      x: i * slot + gap / 2,
      y: top,
      width: Math.max(1, slot - gap),
      height: missing[i] ? 0 : Math.abs(y(v) - zeroY),
    }
  })
  return { bars, zeroY, min, max }
}
