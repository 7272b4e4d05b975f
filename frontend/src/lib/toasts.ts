// Turning import reports and failures into toasts.
import type { ImportReport } from '../bridge/types'
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
