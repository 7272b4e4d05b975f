// Like check.ts, for the shapes in files.ts: a renamed Go json tag fails `tsc` here.
import type { app } from '../../wailsjs/go/models'
import type { Assert, Check } from './check'
import type * as F from './files'

export type FilesBridgeChecks = [
  Assert<Check<F.About, app.About>>,
  Assert<Check<F.Dependency, app.Dependency>>,
  Assert<Check<F.DataFolder, app.DataFolder>>,
  Assert<Check<F.StudyImportReport, app.StudyImportReport>>,
  Assert<Check<F.LibraryImportNote, app.LibraryImportNote>>,
]
