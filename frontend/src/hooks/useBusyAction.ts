import { useState } from 'react'
import { errorMessage } from '../lib/format'

/**
 * One action at a time, with its busy flag and the Go side's error message: what every editor
 * does around save and delete.
 */
export function useBusyAction<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (kind: K, action: () => Promise<void>) => {
    setBusy(kind)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return { busy, error, setError, run }
}
