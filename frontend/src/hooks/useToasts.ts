import { useCallback, useEffect, useRef, useState } from 'react'
import { toastTimeoutMs, type Toast, type ToastInput } from '../lib/toasts'

export interface Toasts {
  toasts: Toast[]
  push: (...t: ToastInput[]) => void
  dismiss: (id: number) => void
}

export function useToasts(): Toasts {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, number>())

  const dismiss = useCallback((id: number) => {
    const t = timers.current.get(id)
    if (t !== undefined) window.clearTimeout(t)
    timers.current.delete(id)
    setToasts((ts) => ts.filter((x) => x.id !== id))
  }, [])

  const push = useCallback(
    (...inputs: ToastInput[]) => {
      const created = inputs.map((t) => ({ ...t, id: nextId.current++ }))
      for (const t of created) {
        const ms = toastTimeoutMs(t.kind)
        if (ms !== null) timers.current.set(t.id, window.setTimeout(() => dismiss(t.id), ms))
      }
      if (created.length) setToasts((ts) => [...ts, ...created])
    },
    [dismiss],
  )

  useEffect(() => {
    const map = timers.current
    return () => map.forEach((t) => window.clearTimeout(t))
  }, [])

  return { toasts, push, dismiss }
}
