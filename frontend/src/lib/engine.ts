// The engine settings: what to show about the engines discovery found, checking a typed path
// before it goes to the Go side, and what to tell the user after a change.
import type { Candidate, Engine, EngineStatus } from '../bridge/types'
import { errorMessage, plural } from './format'

/** The Source values of sim.Engine and runner.Candidate (runner/engine.go). */
export const SOURCE_SETTINGS = 'app settings'

const SOURCES: Record<string, string> = {
  [SOURCE_SETTINGS]: 'chosen in EPSM',
  ENERGYPLUS_EXE: 'ENERGYPLUS_EXE environment variable',
  PATH: 'found on the PATH',
  'install folder': 'standard install folder',
  'project virtualenv': 'project virtualenv',
}

/** Where an engine was found, for people: "chosen in EPSM", "found on the PATH", ... */
export function sourceLabel(source: string | null | undefined): string {
  if (!source) return 'unknown source'
  return SOURCES[source] ?? source
}

/** "EnergyPlus 25.2.0 (cf7368216c)" */
export function engineTitle(e: Pick<Engine, 'version' | 'build'>): string {
  return `EnergyPlus ${e.version || '?'}${e.build ? ` (${e.build})` : ''}`
}

/** The engine in use, or null. */
export function engineInUse(s: EngineStatus | null | undefined): Engine | null {
  return s?.engine ?? null
}

/** The working engines other than the one in use, in discovery order: the "Use this" list. */
export function otherEngines(s: EngineStatus | null | undefined): Engine[] {
  const inUse = engineInUse(s)
  return (s?.engines ?? []).filter((e) => !inUse || e.path !== inUse.path)
}

/**
 * The places discovery looked at that did not give a working engine, with the reason. Places
 * without an error either are an engine already listed or the same file found twice, so they
 * are left out.
 */
export function failedCandidates(s: EngineStatus | null | undefined): Candidate[] {
  return (s?.candidates ?? []).filter((c) => Boolean(c.error))
}

/**
 * Whether an engine path is stored in the app settings, so that "Automatic discovery" has
 * something to undo: the engine in use came from there, or the stored path no longer works
 * (the candidate from the settings failed and discovery fell back to another place).
 */
export function hasEngineSetting(s: EngineStatus | null | undefined): boolean {
  if (engineInUse(s)?.source === SOURCE_SETTINGS) return true
  return (s?.candidates ?? []).some((c) => c.source === SOURCE_SETTINGS)
}

export type PathCheck = { ok: true; path: string } | { ok: false; error: string }

/**
 * Cleans a typed or pasted path: surrounding blanks, and the quotes that Windows' "Copy as path"
 * and shells add.
 */
export function cleanPath(input: string): string {
  let p = input.trim()
  if (p.length >= 2 && (p[0] === '"' || p[0] === "'") && p[p.length - 1] === p[0]) p = p.slice(1, -1).trim()
  return p
}

/** POSIX "/...", Windows "C:\..." or "C:/...", or a Windows network path "\\server\share\...". */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || /^\\\\[^\\/]+[\\/][^\\/]+/.test(p)
}

/** Checks a typed engine path before it goes to the Go side; the error names the path. */
export function checkEnginePath(input: string): PathCheck {
  const path = cleanPath(input)
  if (path === '') return { ok: false, error: 'Type the full path of the EnergyPlus executable, or use “Choose executable…”.' }
  if (path.startsWith('~')) return { ok: false, error: `${path} starts with ~: type the full path, for example /home/you/EnergyPlus/energyplus.` }
  if (!isAbsolutePath(path)) {
    return { ok: false, error: `${path} is not an absolute path: it must start with / (macOS, Linux) or a drive such as C:\\ (Windows).` }
  }
  return { ok: true, path }
}

/** The message of a failed engine change, naming the path (the Go errors usually do already). */
export function engineErrorMessage(e: unknown, path?: string): string {
  const msg = errorMessage(e).trim() || 'Unknown error'
  return path && !msg.includes(path) ? `${path}: ${msg}` : msg
}

export interface EngineNotice {
  kind: 'success' | 'info' | 'error'
  /** whether the engine in use is another one than before */
  changed: boolean
  message: string
}

/** What changed after a search or a new setting: the engine in use before and after. */
export function engineNotice(before: EngineStatus | null | undefined, after: EngineStatus): EngineNotice {
  const was = engineInUse(before)
  const now = engineInUse(after)
  const looked = (after.candidates ?? []).length
  if (!now) {
    return {
      kind: 'error',
      changed: was !== null,
      message: `No working EnergyPlus found (${plural(looked, 'place')} looked at).`,
    }
  }
  const changed = !was || was.path !== now.path || was.version !== now.version || was.source !== now.source
  const where = `${now.path} (${sourceLabel(now.source)})`
  if (changed) return { kind: 'success', changed, message: `Now using ${engineTitle(now)}: ${where}.` }
  const others = otherEngines(after).length
  return {
    kind: 'info',
    changed,
    message: `Still using ${engineTitle(now)}: ${where}${others ? `; ${plural(others, 'other working engine')} found` : ''}.`,
  }
}
