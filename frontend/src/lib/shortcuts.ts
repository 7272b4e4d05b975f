// Keyboard shortcuts. In the desktop window the native menu's accelerators (Ctrl/Cmd+O, +E,
// +Q, F1) fire first and send a menu:action event; the page also sees some keys, and in a
// plain browser only the page does. Both paths call the same action, and the deduper drops
// the second of a pair that arrives within a moment.
import type { MenuActionName } from '../bridge/api'

export type ShortcutAction = MenuActionName | 'screen-runs' | 'screen-library' | 'screen-studies' | 'settings'

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** The shortcuts, for the README and the About box. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'Ctrl/Cmd+O', action: 'Import models and weather files' },
  { keys: 'Ctrl/Cmd+Shift+O', action: 'Import a study (.epsmstudy)' },
  { keys: 'Ctrl/Cmd+E', action: 'Export the selected study’s results (CSV)' },
  { keys: 'Ctrl/Cmd+Shift+E', action: 'Export the selected study as one file' },
  { keys: 'Ctrl/Cmd+1, 2, 3', action: 'Runs, Library, Studies' },
  { keys: 'Ctrl/Cmd+,', action: 'Settings' },
  { keys: 'F1', action: 'About' },
  { keys: 'Ctrl/Cmd+Q', action: 'Quit (desktop window)' },
]

/** The action of a key press, or null. mac: Cmd is the modifier, else Ctrl. */
export function shortcutFor(e: KeyLike, mac: boolean): ShortcutAction | null {
  if (e.altKey) return null
  if (e.key === 'F1' && !e.ctrlKey && !e.metaKey) return 'about'
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey
  if (!mod) return null
  const k = e.key.toLowerCase()
  if (e.shiftKey) {
    if (k === 'o') return 'import-study'
    if (k === 'e') return 'export-study'
    return null
  }
  switch (k) {
    case 'o':
      return 'import-files'
    case 'e':
      return 'export-results'
    case '1':
      return 'screen-runs'
    case '2':
      return 'screen-library'
    case '3':
      return 'screen-studies'
    case ',':
      return 'settings'
  }
  return null
}

/** A function that says whether an action should run: false for a repeat within windowMs. */
export function deduper(windowMs = 400): (action: string, now: number) => boolean {
  let last = ''
  let at = -Infinity
  return (action, now) => {
    if (action === last && now - at < windowMs) return false
    last = action
    at = now
    return true
  }
}
