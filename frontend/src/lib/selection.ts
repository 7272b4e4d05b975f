// The run form: what is chosen, how many runs that makes, and why Run may be disabled.
import type { Model, Weather } from '../bridge/types'
import { plural } from './format'

export interface RunForm {
  engineFound: boolean
  modelIds: number[]
  weatherIds: number[]
  busy?: boolean
}

/** Why Run is disabled, or null when it can run. Reasons are shown beside the button. */
export function runBlocker(f: RunForm): string | null {
  if (!f.engineFound) return 'No EnergyPlus engine found: install one first (see the banner above).'
  if (f.modelIds.length === 0) return 'Tick at least one model to run.'
  if (f.weatherIds.length === 0) return 'Tick at least one weather file (import an .epw if there is none).'
  if (f.busy) return 'Starting runs\u2026'
  return null
}

/** Keeps only ids that still exist, in list order. */
export function pruneModelIds(ids: number[], models: Pick<Model, 'id'>[]): number[] {
  const set = new Set(ids)
  return models.filter((m) => set.has(m.id)).map((m) => m.id)
}

/**
 * The ticked weather files that still exist, in list order. When none is ticked on first load,
 * or every ticked one is gone, the newest one is ticked; a selection the user emptied stays empty.
 */
export function pickWeatherIds(current: number[], weather: Pick<Weather, 'id'>[], first = false): number[] {
  const kept = pruneModelIds(current, weather)
  if (kept.length > 0) return kept.length === current.length && kept.every((id, i) => id === current[i]) ? current : kept
  if ((first || current.length > 0) && weather.length > 0) return [weather[0].id]
  return current.length === 0 ? current : []
}

export function toggleId(ids: number[], id: number, on: boolean): number[] {
  const has = ids.includes(id)
  if (on && !has) return [...ids, id]
  if (!on && has) return ids.filter((x) => x !== id)
  return ids
}

/** Every model runs with every weather file. */
export function runCount(models: number, weather: number): number {
  return Math.max(0, models) * Math.max(0, weather)
}

/** "2 models × 3 weather = 6 runs" */
export function runCountText(models: number, weather: number): string {
  return `${plural(models, 'model')} \u00d7 ${weather} weather = ${plural(runCount(models, weather), 'run')}`
}

export function runButtonLabel(runs: number): string {
  if (runs <= 1) return 'Run'
  return `Run ${runs} simulations`
}

/** The file name without its last extension (Go's strings.TrimSuffix(name, filepath.Ext(name))). */
function stem(name: string): string {
  const i = name.lastIndexOf('.')
  return i >= 0 ? name.slice(0, i) : name
}

/** The name the Go side gives a batch when none is typed (app.batchName): "office + 2 more × Chicago". */
export function defaultBatchName(models: Pick<Model, 'name'>[], weather: Pick<Weather, 'name'>[]): string {
  if (models.length === 0 || weather.length === 0) return ''
  let name = stem(models[0].name)
  if (models.length > 1) name += ` + ${models.length - 1} more`
  let w = stem(weather[0].name)
  if (weather.length > 1) w += ` + ${weather.length - 1} more`
  return `${name} \u00d7 ${w}`
}
