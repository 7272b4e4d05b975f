// Compute targets as the window shows them: the form's text fields, the state of a target's
// last connection check, and the steps of a check that is running (pushed one by one).
import type { CheckStep, ComputeTarget, TargetForm } from '../bridge'

/** The form as typed: every field text, so a half-typed number is not silently 0. */
export type TargetFields = { [K in keyof TargetForm]: string }

export const blankTargetFields: TargetFields = {
  kind: 'ssh',
  user: '',
  host: '',
  port: '',
  workDir: '',
  partition: '',
  account: '',
  qos: '',
  time: '',
  mem: '',
  cpus: '',
  maxParallel: '',
  engine: '',
  prelude: '',
  keep: 'results',
}

export function fieldsOf(f: TargetForm): TargetFields {
  const num = (n: number, unset: number) => (n && n !== unset ? String(n) : '')
  return {
    ...blankTargetFields,
    ...f,
    port: num(f.port, 0),
    cpus: num(f.cpus, 1),
    maxParallel: num(f.maxParallel, 0),
    keep: f.keep || 'results',
  }
}

/** The form's fields as the Go side takes them, or which field is not a whole number. */
export function readTargetFields(t: TargetFields): { ok: true; form: TargetForm } | { ok: false; field: keyof TargetForm; error: string } {
  const whole = (field: 'port' | 'cpus' | 'maxParallel', label: string, min: number, max: number) => {
    const s = t[field].trim()
    if (s === '') return 0
    const n = Number(s)
    if (!Number.isInteger(n) || n < min || n > max) return { field, error: `${label} must be a whole number from ${min} to ${max}, or empty` }
    return n
  }
  const port = whole('port', 'Port', 1, 65535)
  if (typeof port === 'object') return { ok: false, ...port }
  const cpus = whole('cpus', 'CPUs per run', 1, 1024)
  if (typeof cpus === 'object') return { ok: false, ...cpus }
  const maxParallel = whole('maxParallel', 'Runs at a time', 1, 1000000)
  if (typeof maxParallel === 'object') return { ok: false, ...maxParallel }
  return { ok: true, form: { ...t, port, cpus: cpus || 1, maxParallel } }
}

export type CheckTone = 'ok' | 'failed' | 'never' | 'running'

/** What a target's last check says, in a few words. */
export function checkSummary(t: ComputeTarget, now = Date.now()): { tone: CheckTone; text: string } {
  if (t.checking) return { tone: 'running', text: 'checking…' }
  if (!t.checkedAt) return { tone: 'never', text: 'not checked yet' }
  const when = ago(Date.parse(t.checkedAt), now)
  if (t.checkOk) return { tone: 'ok', text: `checked ${when}` }
  const failed = (t.check ?? []).find((s) => s.state === 'failed')
  return { tone: 'failed', text: failed ? `${failed.title}: failed ${when}` : `check failed ${when}` }
}

function ago(t: number, now: number): string {
  const s = Math.max(0, Math.round((now - t) / 1000))
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.round(s / 60)} min ago`
  if (s < 86400) return `${Math.round(s / 3600)} h ago`
  return new Date(t).toISOString().slice(0, 10)
}

/** The check's steps with one that started or ended put in its place. */
export function withStep(steps: CheckStep[], step: CheckStep): CheckStep[] {
  const i = steps.findIndex((s) => s.step === step.step)
  if (i < 0) return [...steps, step]
  const next = steps.slice()
  next[i] = step
  return next
}

/** The steps a check shows before its first event: all waiting. */
export const pendingSteps: CheckStep[] = [
  { step: 'connect', title: 'Login node reachable', state: 'skipped', detail: '', millis: 0 },
  { step: 'slurm', title: 'Slurm answers (sbatch --version, the partition)', state: 'skipped', detail: '', millis: 0 },
  { step: 'workdir', title: 'Work folder writable', state: 'skipped', detail: '', millis: 0 },
  { step: 'engine', title: 'EnergyPlus runs on a compute node (1-task test job)', state: 'skipped', detail: '', millis: 0 },
]

/** The label of a target in the Run and Study pickers. */
export function targetLabel(t: ComputeTarget): string {
  const mark = t.checking ? '' : t.checkOk ? ' ✓' : t.checkedAt ? ' ⚠' : ''
  return `${t.name}${mark}`
}
