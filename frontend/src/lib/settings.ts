// The queue settings form: parsing what was typed, and the Go side's rules (settingsvc.SaveQueueLimits)
// mirrored so that a bad value is marked while typing. Go stays the judge: Save sends what
// parses and shows Go's message when it refuses.
import type { QueueLimits } from '../bridge/types'

export type SettingsField = 'workers' | 'timeoutMinutes' | 'stallSeconds'

export interface SettingsForm {
  workers: string
  timeoutMinutes: string
  stallSeconds: string
}

export type SettingsCheck = { ok: true; settings: QueueLimits } | { ok: false; field: SettingsField; error: string }

export const MAX_WORKERS = 256
export const MIN_STALL_SECONDS = 5

export function settingsToForm(s: QueueLimits | null | undefined): SettingsForm {
  const n = (v: number | undefined) => (v === undefined || v === null || !Number.isFinite(v) ? '' : String(v))
  return { workers: n(s?.workers), timeoutMinutes: n(s?.timeoutMinutes), stallSeconds: n(s?.stallSeconds) }
}

/** Go's %g for the numbers people type: 2 -> "2", 2.5 -> "2.5". */
function g(n: number): string {
  return String(n)
}

/** The rules of settingsvc.SaveQueueLimits (via QueueLimits.Validate), with its messages; null when Go will accept the settings. */
export function validateSettings(s: QueueLimits): { field: SettingsField; error: string } | null {
  if (s.workers < 0 || s.workers > MAX_WORKERS) {
    return { field: 'workers', error: `workers must be between 1 and ${MAX_WORKERS} (0 = one per core), not ${g(s.workers)}` }
  }
  if (s.timeoutMinutes < 0) return { field: 'timeoutMinutes', error: 'time limits cannot be negative (0 means no limit)' }
  if (s.stallSeconds < 0) return { field: 'stallSeconds', error: 'time limits cannot be negative (0 means no limit)' }
  if (s.stallSeconds > 0 && s.stallSeconds < MIN_STALL_SECONDS) {
    return {
      field: 'stallSeconds',
      error: `a stall limit of ${g(s.stallSeconds)} s would kill healthy runs: use at least ${MIN_STALL_SECONDS} s, or 0 for none`,
    }
  }
  return null
}

const LABELS: Record<SettingsField, string> = {
  workers: 'Workers',
  timeoutMinutes: 'Time limit per run',
  stallSeconds: 'Stall limit',
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.')
  if (t === '') return 0
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null
  const n = Number(t)
  return Number.isFinite(n) ? n : null
}

/**
 * Reads the form into the queue limits Go receives. Empty means 0 (one worker per core, no time
 * limit, no stall limit). Text that is not a number and workers that are not whole never reach
 * Go (its JSON cannot carry them); the range rules are Go's to apply (see checkSettingsForm).
 */
export function readSettingsForm(f: SettingsForm): SettingsCheck {
  const values: Partial<Record<SettingsField, number>> = {}
  for (const field of ['workers', 'timeoutMinutes', 'stallSeconds'] as const) {
    const n = parseNumber(f[field])
    if (n === null) return { ok: false, field, error: `${LABELS[field]}: “${f[field].trim()}” is not a number` }
    values[field] = n
  }
  const settings: QueueLimits = { workers: values.workers!, timeoutMinutes: values.timeoutMinutes!, stallSeconds: values.stallSeconds! }
  if (!Number.isInteger(settings.workers)) return { ok: false, field: 'workers', error: `workers must be a whole number, not ${g(settings.workers)}` }
  return { ok: true, settings }
}

/** readSettingsForm plus Go's range rules: what the form marks while typing. */
export function checkSettingsForm(f: SettingsForm): SettingsCheck {
  const read = readSettingsForm(f)
  if (!read.ok) return read
  const bad = validateSettings(read.settings)
  return bad ? { ok: false, ...bad } : read
}

/** What a stored setting means, in words, for the line under each field. */
export function describeSettings(s: QueueLimits): Record<SettingsField, string> {
  return {
    workers: s.workers === 0 ? 'one per core' : `${s.workers} at a time`,
    timeoutMinutes: s.timeoutMinutes === 0 ? 'no time limit' : `runs stop after ${g(s.timeoutMinutes)} min`,
    stallSeconds: s.stallSeconds === 0 ? 'silent runs are never stopped' : `runs silent for ${g(s.stallSeconds)} s are stopped as hung`,
  }
}
