import { useEffect, useState } from 'react'
import { getModelTakeoff, type Takeoff } from '../bridge'
import { errorMessage } from '../lib/format'

// Models never change after import (a changed file is imported as a new model): one answer each.
const cache = new Map<number, Promise<Takeoff>>()

/** A model's take-off, computed once per model by Go and shared by the model card and the study builder. */
export function loadTakeoff(modelId: number): Promise<Takeoff> {
  let p = cache.get(modelId)
  if (!p) {
    p = getModelTakeoff(modelId)
    cache.set(modelId, p)
    p.catch(() => cache.delete(modelId)) // a failure may be retried
  }
  return p
}

/** The take-off of a model once `enabled`; `retry` asks again after a failure. */
export function useTakeoff(modelId: number | null, enabled = true): { takeoff: Takeoff | null; error: string | null; retry: () => void } {
  const [state, setState] = useState<{ id: number | null; takeoff: Takeoff | null; error: string | null }>({ id: null, takeoff: null, error: null })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!enabled || modelId === null) return
    let live = true
    loadTakeoff(modelId)
      .then((t) => live && setState({ id: modelId, takeoff: t, error: null }))
      .catch((e) => live && setState({ id: modelId, takeoff: null, error: errorMessage(e) }))
    return () => {
      live = false
    }
  }, [modelId, enabled, attempt])
  const mine = state.id === modelId
  return { takeoff: mine ? state.takeoff : null, error: mine ? state.error : null, retry: () => setAttempt((n) => n + 1) }
}
