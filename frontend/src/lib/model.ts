// What a model will simulate, in words.
import type { ModelSummary, RunPeriod } from '../bridge/types'
import { formatMonthDay, plural } from './format'

export function describeRunPeriod(rp: RunPeriod): string {
  const range = `${formatMonthDay(rp.beginMonth, rp.beginDay, rp.beginYear || undefined)} \u2013 ${formatMonthDay(
    rp.endMonth,
    rp.endDay,
    rp.endYear || undefined,
  )}`
  const days = rp.days > 0 ? ` (${plural(rp.days, 'day')})` : ''
  return `${rp.name ? rp.name + ': ' : ''}${range}${days}`
}

export interface SimulationPlan {
  /** e.g. "Annual", "Design days only", "Nothing to simulate" */
  label: string
  annual: boolean
  runPeriods: string[]
  designDays: string[]
}

export function simulationPlan(s: ModelSummary | null | undefined): SimulationPlan {
  const runPeriods = (s?.runPeriods ?? []).map(describeRunPeriod)
  const designDays = (s?.designDays ?? []).map((d) => `${d.name} (${formatMonthDay(d.month, d.day)})`)
  const annual = Boolean(s?.annual)
  let label: string
  if (annual) label = 'Annual'
  else if (designDays.length > 0) label = 'Design days only'
  else if (runPeriods.length > 0) label = 'Run periods switched off'
  else label = 'Nothing to simulate'
  return { label, annual, runPeriods, designDays }
}

/** Models that will not produce an annual simulation unless "force annual" is ticked. */
export function notAnnual<T extends { summary: ModelSummary }>(models: T[]): T[] {
  return models.filter((m) => !m.summary?.annual)
}

export function modelTitle(m: { name: string; summary?: ModelSummary | null }): string {
  return m.summary?.buildingName ? `${m.summary.buildingName}` : m.name
}

export function zonesText(s: ModelSummary | null | undefined): string {
  return plural(s?.zones ?? 0, 'zone')
}

export function designDaysText(n: number): string {
  return plural(n, 'design day')
}

/**
 * The newest later import of the same original file (after it changed on disk), or null: the
 * model a changed one was re-imported as.
 */
export function successorOf<T extends { id: number; originalPath: string }>(m: T, models: T[]): T | null {
  let best: T | null = null
  for (const x of models) {
    if (x.id > m.id && x.originalPath === m.originalPath && (!best || x.id > best.id)) best = x
  }
  return best
}
