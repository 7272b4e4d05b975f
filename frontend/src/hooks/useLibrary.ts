import { useCallback, useRef, useState } from 'react'
import { getLibrary, type LibraryView } from '../bridge'
import { errorMessage } from '../lib/format'

export interface LibraryState {
  library: LibraryView | null
  error: string | null
  loading: boolean
  /** fetches the library once (first visit of the Library or Studies screen) */
  ensure: () => void
  reload: () => Promise<void>
  /** every edit answers with the new library: take it without another round trip */
  set: (v: LibraryView) => void
}

/** The renovation library, shared by the Library screen and the scenario builder. */
export function useLibrary(enabled: boolean): LibraryState {
  const [library, setLibrary] = useState<LibraryView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const asked = useRef(false)

  const reload = useCallback(async () => {
    if (!enabled) return
    setLoading(true)
    try {
      setLibrary(await getLibrary())
      setError(null)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [enabled])

  const ensure = useCallback(() => {
    if (asked.current) return
    asked.current = true
    void reload()
  }, [reload])

  const set = useCallback((v: LibraryView) => {
    setLibrary(v)
    setError(null)
  }, [])

  return { library, error, loading, ensure, reload, set }
}
