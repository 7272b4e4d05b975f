import { useCallback, useEffect, useRef, useState } from 'react'
import { chooseEngine, rediscoverEngines, setEnginePath, type EngineStatus } from '../bridge'
import { checkEnginePath, engineErrorMessage, engineNotice, type EngineNotice } from '../lib/engine'

export type EngineAction = 'rediscover' | 'path' | 'use' | 'choose' | 'auto'

export interface EngineSettings {
  /** the action waiting for the Go side, or null */
  busy: EngineAction | null
  /** the last failure, naming the path */
  error: string | null
  /** what the last action changed */
  notice: EngineNotice | null
  rediscover: () => Promise<void>
  /** a typed path: checked here first, then by the Go side */
  submitPath: (input: string) => Promise<boolean>
  /** "Use this" on a discovered engine */
  use: (path: string) => Promise<void>
  choose: () => Promise<void>
  automatic: () => Promise<void>
  clear: () => void
}

/**
 * The engine actions shared by the settings panel and the no-engine banner. Each one sends the
 * new EngineStatus to onStatus, which updates the header and the overview (and so the Run button).
 */
export function useEngineSettings(status: EngineStatus | null, onStatus: (s: EngineStatus, notice: EngineNotice | null) => void): EngineSettings {
  const [busy, setBusy] = useState<EngineAction | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<EngineNotice | null>(null)
  const statusRef = useRef(status)
  const busyRef = useRef(false)
  useEffect(() => {
    statusRef.current = status
  }, [status])

  const perform = useCallback(
    async (action: EngineAction, call: () => Promise<EngineStatus>, path?: string): Promise<boolean> => {
      // One change at a time: a second click while Go probes an engine would race the first.
      if (busyRef.current) return false
      busyRef.current = true
      setBusy(action)
      setError(null)
      setNotice(null)
      try {
        const before = statusRef.current
        const after = await call()
        let n: EngineNotice | null = engineNotice(before, after)
        // A cancelled file dialog returns the status unchanged: nothing to report.
        if (action === 'choose' && !n.changed) n = null
        statusRef.current = after
        setNotice(n)
        onStatus(after, n)
        return true
      } catch (e) {
        setError(engineErrorMessage(e, path))
        return false
      } finally {
        busyRef.current = false
        setBusy(null)
      }
    },
    [onStatus],
  )

  const submitPath = useCallback(
    async (input: string) => {
      const check = checkEnginePath(input)
      if (!check.ok) {
        setNotice(null)
        setError(check.error)
        return false
      }
      return perform('path', () => setEnginePath(check.path), check.path)
    },
    [perform],
  )

  return {
    busy,
    error,
    notice,
    rediscover: useCallback(async () => void (await perform('rediscover', rediscoverEngines)), [perform]),
    submitPath,
    use: useCallback(async (path: string) => void (await perform('use', () => setEnginePath(path), path)), [perform]),
    choose: useCallback(async () => void (await perform('choose', chooseEngine)), [perform]),
    automatic: useCallback(async () => void (await perform('auto', () => setEnginePath(''))), [perform]),
    clear: useCallback(() => {
      setError(null)
      setNotice(null)
    }, []),
  }
}
