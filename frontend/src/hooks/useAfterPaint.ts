import { useEffect, useState } from 'react'

/**
 * value, handed on only after the browser has painted the render that brought it: a slow
 * consumer (a 10,000-point chart) then cannot hold back the paint of the rest of the screen.
 * React's useDeferredValue does not wait for a paint; this waits for the next frame and then a
 * task after it.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(shown, value)) return
    let timer = 0
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown(() => value), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      window.clearTimeout(timer)
    }
  }, [value, shown])
  return shown
}
