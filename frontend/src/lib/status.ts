// What run statuses, progress phases and failures look like to a user. Statuses and failure
// kinds are the generated enums (sim.Status, sim.FailureKind): nothing here reads message text.
import { FailureKind, RunStatus, type Progress, type Run } from '../bridge/types'

/** Colour family of a status chip; styles.css maps each to a CSS variable. */
export type Tone = 'neutral' | 'active' | 'success' | 'warning' | 'alert' | 'danger' | 'muted'

export interface StatusInfo {
  label: string
  tone: Tone
  final: boolean
  /** one sentence for the chip's tooltip */
  description: string
}

const STATUS: Record<RunStatus, StatusInfo> = {
  [RunStatus.Queued]: { label: 'Queued', tone: 'neutral', final: false, description: 'Waiting for a free worker.' },
  [RunStatus.Preparing]: { label: 'Preparing', tone: 'active', final: false, description: 'Copying the model and weather file into the run folder.' },
  [RunStatus.Running]: { label: 'Running', tone: 'active', final: false, description: 'EnergyPlus is simulating.' },
  [RunStatus.Collecting]: { label: 'Collecting', tone: 'active', final: false, description: 'Reading results from the outputs.' },
  [RunStatus.Succeeded]: { label: 'Succeeded', tone: 'success', final: true, description: 'The simulation completed without severe errors.' },
  [RunStatus.SucceededSevere]: {
    label: 'Succeeded with severe',
    tone: 'warning',
    final: true,
    description: 'The simulation completed, but EnergyPlus reported severe errors: check eplusout.err before trusting the results.',
  },
  [RunStatus.Fatal]: { label: 'Fatal', tone: 'danger', final: true, description: 'EnergyPlus stopped with a fatal error.' },
  [RunStatus.Crashed]: { label: 'Crashed', tone: 'danger', final: true, description: 'EnergyPlus ended abnormally without a fatal message.' },
  [RunStatus.Hung]: {
    label: 'Hung',
    tone: 'alert',
    final: true,
    description: 'Hung: no output for a long time. EnergyPlus printed nothing for longer than the stall limit (Settings), so EPSM stopped it.',
  },
  [RunStatus.TimedOut]: {
    label: 'Timed out',
    tone: 'danger',
    final: true,
    description: 'Stopped at the time limit per run (Settings): the simulation took longer than allowed.',
  },
  [RunStatus.Cancelled]: { label: 'Cancelled', tone: 'muted', final: true, description: 'Cancelled before it finished: no results.' },
  [RunStatus.InputError]: {
    label: 'Input error',
    tone: 'danger',
    final: true,
    description: 'The run could not start: a problem with the model, weather file or engine (see the message).',
  },
}

export function statusInfo(status: string): StatusInfo {
  return (STATUS as Record<string, StatusInfo>)[status] ?? { label: status || 'Unknown', tone: 'neutral', final: false, description: '' }
}

/** Whether the status ends a run (mirrors sim.Status.Final: unknown names are final there). */
export function isFinal(status: string): boolean {
  const s = (STATUS as Record<string, StatusInfo>)[status]
  return s ? s.final : true
}

export function isSucceeded(status: string): boolean {
  return status === RunStatus.Succeeded || status === RunStatus.SucceededSevere
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
    case RunStatus.Queued:
      return 0
    case RunStatus.Preparing:
      return 1
    case RunStatus.Running:
      return 2
    case RunStatus.Collecting:
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

const STOPPED_FROM_OUTSIDE = new Set<string>([RunStatus.Cancelled, RunStatus.Hung, RunStatus.TimedOut, RunStatus.InputError])

/**
 * One line under the progress bar: "Simulating RUN PERIOD 1 · 03/14/2013",
 * "Warming up · WINTER DESIGN DAY", "Queued".
 */
export function progressText(status: string, p: Progress | null | undefined): string {
  if (status === RunStatus.Queued) return 'Queued'
  if (status === RunStatus.Preparing) return 'Preparing'
  if (status === RunStatus.Collecting) return 'Collecting results'
  // Stopped from outside EnergyPlus: say why rather than "Failed".
  if (STOPPED_FROM_OUTSIDE.has(status)) return statusInfo(status).label
  if (isFinal(status)) return phaseLabel(p?.phase || (isSucceeded(status) ? 'done' : 'failed'))
  if (!p || !p.phase) return 'Starting'
  let text = phaseLabel(p.phase)
  if ((p.phase === 'simulating' || p.phase === 'warm-up' || p.phase === 'sizing') && p.environment) {
    text += p.phase === 'simulating' ? ` ${p.environment}` : ` \u00b7 ${p.environment}`
  }
  if (p.phase === 'simulating' && p.simDate) text += ` \u00b7 ${p.simDate}`
  return text
}

/**
 * A few words before the headline of a run that failed for a reason outside the model, so that
 * the reason is read before the detail: "Hung: no output for a long time". By kind, never by text.
 */
const FAILURE_REASONS: Partial<Record<FailureKind, string>> = {
  [FailureKind.Stalled]: 'Hung: no output for a long time',
  [FailureKind.TimeLimit]: 'Timed out: stopped at the time limit',
  [FailureKind.InputError]: 'Could not start',
  [FailureKind.DiskFull]: 'Disk full',
  [FailureKind.EngineMissing]: 'No EnergyPlus engine',
  [FailureKind.ResultsUnreadable]: 'Results unreadable',
  [FailureKind.TargetFailed]: 'Cluster',
}

export function failureReason(kind: string): string {
  return (FAILURE_REASONS as Record<string, string | undefined>)[kind] ?? ''
}

/** Failures after which eplusout.err explains nothing: EnergyPlus never ran, or the user stopped it. */
const NO_ERR_FILE = new Set<string>([FailureKind.Cancelled, FailureKind.InputError, FailureKind.EngineMissing, FailureKind.TargetFailed])

/** Whether eplusout.err explains a failure of this kind (the err viewer is worth opening). */
export function errFileExplains(kind: string): boolean {
  return !NO_ERR_FILE.has(kind)
}

/** One more line about a failure, shown on demand ("Details"). */
export interface FailureDetail {
  key: 'message' | 'first-severe' | 'last-severe'
  label: string
  text: string
}

/** How a run's failure is shown: one line, and the rest on demand. */
export interface FailureView {
  /** the few words of failureReason, or '' */
  reason: string
  /**
   * Go's headline, the one line a failed run leads with: the version mismatch advice (model
   * version, engine version, what to do), else the first severe error of a fatal run (never
   * EnergyPlus's generic "Errors occurred on processing input file"), else the message. Empty
   * for a run that succeeded or has not ended.
   */
  line: string
  /** the model was written for another EnergyPlus version (the run also shows the version chip) */
  versionMismatch: boolean
  /** what the line does not say already: EnergyPlus's own message, the severe errors */
  details: FailureDetail[]
}

type FailureFields = Pick<Run, 'status' | 'kind' | 'headline' | 'message' | 'firstSevere' | 'lastSevere'>

export function failureView(run: FailureFields): FailureView {
  const none: FailureView = { reason: '', line: '', versionMismatch: false, details: [] }
  if (!isFinal(run.status) || isSucceeded(run.status)) return none
  const versionMismatch = run.kind === FailureKind.VersionMismatch
  const headline = run.headline || run.message || ''
  const details: FailureDetail[] = []
  const shown = new Set<string>()
  const add = (key: FailureDetail['key'], label: string, text: string) => {
    const t = (text ?? '').trim()
    if (!t || shown.has(t)) return
    shown.add(t)
    details.push({ key, label, text: t })
  }
  shown.add(headline.trim())
  add('message', 'EnergyPlus said', run.message)
  add('first-severe', 'First severe error', run.firstSevere)
  add('last-severe', 'Last severe error', run.lastSevere)
  // A run that failed without a headline (a crash): its last severe error is the line.
  const line = headline || (details.length ? details.shift()!.text : '')
  return { reason: versionMismatch ? 'Version mismatch' : failureReason(run.kind), line, versionMismatch, details }
}
