import { useEffect, useRef, useState } from 'react'
import { useTakeoff } from '../hooks/useTakeoff'
import { takeoffFacts } from '../lib/takeoff'

/**
 * The envelope areas of a model (net exterior wall, windows with WWR, roof, ground floor), from
 * its geometry. Computed when the card scrolls into view, not for every model at start.
 */
export function ModelTakeoff({ modelId }: { modelId: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const [visible, setVisible] = useState(false)
  const { takeoff, error, retry } = useTakeoff(modelId, visible)

  useEffect(() => {
    const el = ref.current
    if (!el || typeof IntersectionObserver === 'undefined') {
      setVisible(true)
      return
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true)
        io.disconnect()
      }
    })
    io.observe(el)
    return () => io.disconnect()
  }, [])

  const warnings = takeoff?.warnings ?? []
  return (
    <div ref={ref} className="takeoff" data-testid={`model-takeoff-${modelId}`} data-state={takeoff ? 'done' : error ? 'error' : 'loading'}>
      {takeoff ? (
        <dl className="facts takeoff-facts">
          {takeoffFacts(takeoff).map((f) => (
            <div key={f.key} title={f.title}>
              <dt>{f.label}</dt>
              <dd data-testid={`model-takeoff-${f.key}-${modelId}`}>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : error ? (
        <p className="hint hint-warning">
          Envelope areas: {error}{' '}
          <button type="button" className="btn-link" onClick={retry}>
            Try again
          </button>
        </p>
      ) : (
        <p className="subtle takeoff-loading">Envelope areas…</p>
      )}
      {warnings.length ? (
        <details className="periods">
          <summary>{warnings.length === 1 ? '1 take-off note' : `${warnings.length} take-off notes`}</summary>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
