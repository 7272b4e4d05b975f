import { getStudies, getStudyColumns, type Study, type WindowStudyTable } from '../bridge'
import { mark } from './perf'

/**
 * The studies screen's first data, asked for at the click that opens the screen instead of after
 * its first render. Rendering the screen takes a few hundred ms of the window's only thread, and
 * the Go side needs about as long to compute a large study's table: asked at the click, the two
 * overlap. The screen stays mounted once shown, so this matters for its first showing only.
 */
export interface StudyOpening {
  list: Promise<Study[]>
  /** the first screenful of the study the screen will select, when it is known at the click */
  first: { id: number; table: Promise<WindowStudyTable> } | null
}

/** Where the screen keeps the study last looked at, to show it again next time. */
export const SELECTED_STUDY_KEY = 'epsm.studies.selected'

function savedStudy(): number | null {
  try {
    const id = Number(localStorage.getItem(SELECTED_STUDY_KEY))
    return Number.isInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}

/** Keeps the study being looked at; one since deleted is passed over by studyToOpen. */
export function rememberStudy(id: number): void {
  try {
    localStorage.setItem(SELECTED_STUDY_KEY, String(id))
  } catch {
    // a window without storage opens on the newest study
  }
}

/**
 * The study the screen selects first: the one last looked at if it still exists, else the
 * newest. `list` null means the list is not known yet: the saved one is taken on trust, and a
 * wrong guess only costs the request.
 */
export function studyToOpen(list: Study[] | null): number | null {
  const saved = savedStudy()
  if (list === null) return saved
  if (saved !== null && list.some((s) => s.id === saved)) return saved
  return list.length ? list[list.length - 1].id : null
}

/** Asks for the list and, when it can tell which study will show, that study's first screenful. */
export function openStudies(known: Study[] | null): StudyOpening {
  mark('studies:asked')
  const list = getStudies()
  const id = studyToOpen(known)
  const first = id === null ? null : { id, table: getStudyColumns(id, true) }
  // Taken by the screen once it mounts; until then a failure must not count as unhandled.
  list.catch(() => undefined)
  first?.table.catch(() => undefined)
  return { list, first }
}
