import { useEffect, useState } from 'react'
import { getTargets, onComputeTargets, type ComputeTarget } from '../bridge'

/**
 * The saved compute targets: read once, then as Go pushes them (compute:targets). Nothing is
 * asked while active is false (the window has no data folder open).
 */
export function useTargets(active = true): ComputeTarget[] {
  const [targets, setTargets] = useState<ComputeTarget[]>([])
  useEffect(() => {
    if (!active) return
    let live = true
    const off = onComputeTargets((t) => live && setTargets(t))
    getTargets()
      .then((t) => live && setTargets(t ?? []))
      .catch(() => {})
    return () => {
      live = false
      off()
    }
  }, [active])
  return targets
}
