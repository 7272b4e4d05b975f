// Turning import reports and failures into toasts.
import type { ImportReport, ReimportResult, Run } from '../bridge/types'
import { basename, plural } from './format'

export type ToastKind = 'error' | 'info' | 'success'

export interface ToastInput {
  kind: ToastKind
  title: string
  message: string
}

export interface Toast extends ToastInput {
  id: number
}

/** How long a toast stays before it goes by itself; errors stay until dismissed. */
export function toastTimeoutMs(kind: ToastKind): number | null {
  return kind === 'error' ? null : 6000
}

function isModelPath(p: string): boolean {
  return /\.(idf|imf)$/i.test(p)
}

/**
 * One error toast per file that failed (named by its file name, full path in the message), one
 * info toast for the files that were already imported, one success toast for what is new.
 */
export function importToasts(report: ImportReport | null | undefined): ToastInput[] {
  if (!report) return []
  const out: ToastInput[] = []
  const duplicates = report.duplicates ?? []
  const newModels = Math.max(0, (report.models ?? []).length - duplicates.filter(isModelPath).length)
  const newWeather = Math.max(0, (report.weather ?? []).length - duplicates.filter((p) => !isModelPath(p)).length)
  if (newModels + newWeather > 0) {
    const parts = []
    if (newModels) parts.push(plural(newModels, 'model'))
    if (newWeather) parts.push(plural(newWeather, 'weather file'))
    out.push({ kind: 'success', title: 'Imported', message: parts.join(' and ') })
  }
  if (duplicates.length > 0) {
    out.push({
      kind: 'info',
      title: duplicates.length === 1 ? `${basename(duplicates[0])} is already imported` : `${duplicates.length} files are already imported`,
      message: duplicates.length === 1 ? 'The same content was imported before; nothing changed.' : duplicates.map(basename).join(', '),
    })
  }
  for (const e of report.errors ?? []) {
    out.push({ kind: 'error', title: `Could not import ${basename(e.path)}`, message: e.message })
  }
  return out
}

/**
 * What StartRuns did: how many runs were queued, answered from the cache (identical inputs
 * already simulated successfully) or taken back from an earlier batch that still runs them.
 */
export function startedToast(runs: Array<Pick<Run, 'id' | 'batchId' | 'cachedFrom' | 'status'>> | null | undefined, target = ''): ToastInput | null {
  const list = runs ?? []
  if (list.length === 0) return null
  const newest = Math.max(...list.map((r) => r.batchId))
  const cached = list.filter((r) => r.cachedFrom > 0).length
  const earlier = list.filter((r) => r.cachedFrom === 0 && r.batchId < newest).length
  const queued = list.length - cached - earlier
  if (queued === 0 && earlier === 0) {
    return {
      kind: 'info',
      title: cached === 1 ? 'Answered from the cache' : `All ${cached} runs answered from the cache`,
      message: 'Identical runs already succeeded, so their results are shown again. Tick “Re-run even if cached” to simulate anyway.',
    }
  }
  const parts = [target ? `${plural(queued, 'run')} sent to ${target} as a Slurm job array` : `${plural(queued, 'run')} queued`]
  if (cached) parts.push(`${cached} answered from the cache (identical run already succeeded)`)
  if (earlier) parts.push(`${earlier} already queued or running in an earlier batch`)
  return { kind: 'success', title: 'Runs started', message: parts.join(' · ') }
}

/** What ReimportAndRerun did, or why it failed. */
export function reimportToasts(modelName: string, result: ReimportResult | null | undefined): ToastInput[] {
  if (!result) return []
  const imported = result.import?.models?.[0]
  const runs = result.runs ?? []
  const out: ToastInput[] = []
  const same = (result.import?.duplicates ?? []).length > 0
  const what = imported
    ? same
      ? `${modelName} now has the same content as model #${imported.id}, imported before.`
      : `${modelName} was imported again as model #${imported.id}.`
    : `${modelName} was imported again.`
  if (runs.length === 0) {
    out.push({ kind: 'success', title: 'Re-imported', message: `${what} It had never been run, so nothing was started.` })
    return out
  }
  const cached = runs.filter((r) => r.cachedFrom > 0).length
  const weather = new Set(runs.map((r) => r.weatherId)).size
  let msg = `${what} ${plural(runs.length, 'run')} started with the ${plural(weather, 'weather file')} it was run with.`
  if (cached) msg += ` ${cached} answered from the cache.`
  out.push({ kind: 'success', title: 'Re-imported and re-running', message: msg })
  return out
}
