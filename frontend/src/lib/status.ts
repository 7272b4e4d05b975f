// What run statuses and progress phases look like to a user.
import type { Progress, Run, RunStatusName } from '../bridge/types'

/** Colour family of a status chip; styles.css maps each to a CSS variable. */
export type Tone = 'neutral' | 'active' | 'success' | 'warning' | 'alert' | 'danger' | 'muted'

export interface StatusInfo {
  label: string
  tone: Tone
  final: boolean
  /** one sentence for the chip's tooltip */
  description: string
}

const STATUS: Record<RunStatusName, StatusInfo> = {
  queued: { label: 'Queued', tone: 'neutral', final: false, description: 'Waiting for a free worker.' },
  preparing: { label: 'Preparing', tone: 'active', final: false, description: 'Copying the model and weather file into the run folder.' },
  running: { label: 'Running', tone: 'active', final: false, description: 'EnergyPlus is simulating.' },
  collecting: { label: 'Collecting', tone: 'active', final: false, description: 'Reading results from the outputs.' },
  succeeded: { label: 'Succeeded', tone: 'success', final: true, description: 'The simulation completed without severe errors.' },
  'succeeded-with-severe': {
    label: 'Succeeded with severe',
    tone: 'warning',
    final: true,
    description: 'The simulation completed, but EnergyPlus reported severe errors: check eplusout.err before trusting the results.',
  },
  fatal: { label: 'Fatal', tone: 'danger', final: true, description: 'EnergyPlus stopped with a fatal error.' },
  crashed: { label: 'Crashed', tone: 'danger', final: true, description: 'EnergyPlus ended abnormally without a fatal message.' },
  hung: {
    label: 'Hung',
    tone: 'alert',
    final: true,
    description: 'Hung: no output for a long time. EnergyPlus printed nothing for longer than the stall limit (Settings), so EPSM stopped it.',
  },
  'timed-out': {
    label: 'Timed out',
    tone: 'danger',
    final: true,
    description: 'Stopped at the time limit per run (Settings): the simulation took longer than allowed.',
  },
  cancelled: { label: 'Cancelled', tone: 'muted', final: true, description: 'Cancelled before it finished: no results.' },
  'input-error': {
    label: 'Input error',
    tone: 'danger',
    final: true,
    description: 'The run could not start: a problem with the model, weather file or engine (see the message).',
  },
}

export function statusInfo(status: string): StatusInfo {
  return (STATUS as Record<string, StatusInfo>)[status] ?? { label: status || 'Unknown', tone: 'neutral', final: false, description: '' }
}

/** Whether the status ends a run (mirrors runner.Status.Final: unknown names are final there). */
export function isFinal(status: string): boolean {
  const s = (STATUS as Record<string, StatusInfo>)[status]
  return s ? s.final : true
}

export function isSucceeded(status: string): boolean {
  return status === 'succeeded' || status === 'succeeded-with-severe'
}

/** Runs that can still be cancelled. */
export function isCancellable(status: string): boolean {
  return !isFinal(status)
}

/**
 * Lifecycle order: a run only moves forward. Used to drop out-of-order updates (e.g. the
 * "queued" runs StartRuns resolves with, arriving after the run already started).
 */
export function statusRank(status: string): number {
  switch (status) {
    case 'queued':
      return 0
    case 'preparing':
      return 1
    case 'running':
      return 2
    case 'collecting':
      return 3
    default:
      return 4
  }
}

const PHASES: Record<string, string> = {
  starting: 'Starting',
  initializing: 'Initializing',
  sizing: 'Sizing',
  'warm-up': 'Warming up',
  simulating: 'Simulating',
  reporting: 'Writing reports',
  done: 'Done',
  failed: 'Failed',
}

export function phaseLabel(phase: string): string {
  if (!phase) return ''
  return PHASES[phase] ?? phase.charAt(0).toUpperCase() + phase.slice(1)
}

/**
 * One line under the progress bar: "Simulating RUN PERIOD 1 · 03/14/2013",
 * "Warming up · WINTER DESIGN DAY", "Queued".
 */
export function progressText(status: string, p: Progress | null | undefined): string {
  if (status === 'queued') return 'Queued'
  if (status === 'preparing') return 'Preparing'
  if (status === 'collecting') return 'Collecting results'
  // Stopped from outside EnergyPlus: say why rather than "Failed".
  if (status === 'cancelled' || status === 'hung' || status === 'timed-out' || status === 'input-error') return statusInfo(status).label
  if (isFinal(status)) return phaseLabel(p?.phase || (isSucceeded(status) ? 'done' : 'failed'))
  if (!p || !p.phase) return 'Starting'
  let text = phaseLabel(p.phase)
  if ((p.phase === 'simulating' || p.phase === 'warm-up' || p.phase === 'sizing') && p.environment) {
    text += p.phase === 'simulating' ? ` ${p.environment}` : ` \u00b7 ${p.environment}`
  }
  if (p.phase === 'simulating' && p.simDate) text += ` \u00b7 ${p.simDate}`
  return text
}

/** The message shown under a failed run: the first fatal message, else the last severe one. */
export function failureMessage(run: Pick<Run, 'status' | 'message' | 'lastSevere'>): string {
  if (isSucceeded(run.status)) return ''
  return run.message || run.lastSevere || ''
}

/**
 * A few words before the message of runs that the queue stopped, so that the reason is read
 * before the detail: "Hung: no output for a long time".
 */
export function failureHeadline(status: string): string {
  switch (status) {
    case 'hung':
      return 'Hung: no output for a long time'
    case 'timed-out':
      return 'Timed out: stopped at the time limit'
    case 'input-error':
      return 'Could not start'
    default:
      return ''
  }
}
