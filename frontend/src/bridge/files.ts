// Export, study files, About, the data folder, desktop notifications and the native menu:
// typed wrappers around the generated bindings, like api.ts (kept apart so two people can
// extend the bridge at once without editing the same lines).
import * as Go from '../../wailsjs/go/app/App'
import { app } from '../../wailsjs/go/models'
import { EventsOn } from '../../wailsjs/runtime/runtime'
import type { ImportReport, StudyInfo } from './types'
import type { Unsubscribe } from './events'

export type ExportFormat = 'csv' | 'xlsx'

/** app.LibraryImportNote: what happened to one library item of an imported study. */
export interface LibraryImportNote {
  kind: string
  id: string
  newId?: string
  /** added, same (already in the library) or renamed (a different item had the id: the user's was kept) */
  outcome: 'added' | 'same' | 'renamed' | string
  message: string
}

/** app.StudyImportReport */
export interface StudyImportReport {
  path: string
  info: StudyInfo
  files: ImportReport
  library: LibraryImportNote[] | null
  /** runs answered with the file's results (same EnergyPlus build); the others were queued */
  resultsReused: number
}

/** app.Dependency */
export interface Dependency {
  path: string
  version: string
}

/** app.About: Help → About. */
export interface About {
  app: string
  version: string
  engineVersion: string
  enginePath: string
  libraryVersion: string
  libraryItems: number
  dataDir: string
  go: string
  os: string
  dependencies: Dependency[] | null
}

/** app.DataFolder */
export interface DataFolder {
  path: string
  sizeBytes: number
  files: number
  runs: number
  error?: string
}

/** The native menu's items that the UI carries out (app.MenuAction). */
export type MenuActionName = 'import-files' | 'export-results' | 'export-study' | 'import-study' | 'about'

/** Asks where to save a study's variant table and writes it; resolves with the path, "" if cancelled. */
export function exportStudyResults(studyId: number, format: ExportFormat): Promise<string> {
  return Go.ExportStudyResults(studyId, format)
}

/** Asks where to save a study as one .epsmstudy file for another user; "" if cancelled. */
export function exportStudyBundle(studyId: number): Promise<string> {
  return Go.ExportStudyBundle(studyId)
}

/** Asks for a .epsmstudy file and imports it: files, library items, the study (its runs are queued). Empty report if cancelled. */
export function chooseAndImportStudy(): Promise<StudyImportReport> {
  return Go.ChooseAndImportStudy() as Promise<unknown> as Promise<StudyImportReport>
}

/** Imports a .epsmstudy file by absolute path. */
export function importStudyFile(path: string): Promise<StudyImportReport> {
  return Go.ImportStudyFile(path) as Promise<unknown> as Promise<StudyImportReport>
}

export function getAbout(): Promise<About> {
  return Go.About() as Promise<unknown> as Promise<About>
}

/** Where the data folder is and how much room it takes (walks the folder: may take a moment). */
export function getDataFolder(): Promise<DataFolder> {
  return Go.DataFolder() as Promise<unknown> as Promise<DataFolder>
}

/** A desktop notification from the Go side (D-Bus on Linux); rejects where it is not available. */
export function notifyDesktop(title: string, body: string): Promise<void> {
  return Go.Notify(title, body)
}

/** The user picked a native menu item (or pressed its accelerator). */
export function onMenuAction(cb: (action: MenuActionName) => void): Unsubscribe {
  return EventsOn(app.EventName.MenuAction, (m: { action: MenuActionName }) => cb(m?.action))
}
