// The run form: what is chosen and why Run may be disabled.
import type { Model, Weather } from '../bridge/types'

export interface RunForm {
  engineFound: boolean
  modelIds: number[]
  weatherId: number | null
  busy?: boolean
}

/** Why Run is disabled, or null when it can run. Reasons are shown beside the button. */
export function runBlocker(f: RunForm): string | null {
  if (!f.engineFound) return 'No EnergyPlus engine found: install one first (see the banner above).'
  if (f.modelIds.length === 0) return 'Tick at least one model to run.'
  if (f.weatherId === null) return 'Import a weather file (.epw) and choose it.'
  if (f.busy) return 'Starting runs\u2026'
  return null
}

/** Keeps only ids that still exist, in list order. */
export function pruneModelIds(ids: number[], models: Pick<Model, 'id'>[]): number[] {
  const set = new Set(ids)
  return models.filter((m) => set.has(m.id)).map((m) => m.id)
}

/** The chosen weather file if it still exists, else the newest one, else none. */
export function pickWeatherId(current: number | null, weather: Pick<Weather, 'id'>[]): number | null {
  if (current !== null && weather.some((w) => w.id === current)) return current
  return weather.length ? weather[0].id : null
}

export function toggleId(ids: number[], id: number, on: boolean): number[] {
  const has = ids.includes(id)
  if (on && !has) return [...ids, id]
  if (!on && has) return ids.filter((x) => x !== id)
  return ids
}

export function runButtonLabel(n: number): string {
  if (n <= 1) return 'Run'
  return `Run ${n} models`
}
