import { useEffect, useMemo, useState } from 'react'
import { readErrFile } from '../bridge'
import { classifyErrText, countErrMessages, filterErrLines, type ErrFilter } from '../lib/errfile'
import { errorMessage, formatNumber } from '../lib/format'
import { isFinal } from '../lib/status'

// How often the viewer re-reads the file while the run is still going.
const LIVE_REFRESH_MS = 2000

/** A run's eplusout.err with fatal, severe and warning messages in their own colours. */
export function ErrViewer({ runId, status }: { runId: number; status: string }) {
  const [text, setText] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [filter, setFilter] = useState<ErrFilter>('all')
  const [reload, setReload] = useState(0)

  useEffect(() => {
    let live = true
    setLoading(true)
    readErrFile(runId)
      .then((t) => {
        if (!live) return
        setText(t)
        setError(null)
      })
      .catch((e) => {
        if (!live) return
        setText(null)
        setError(errorMessage(e))
      })
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
    // The file grows while the run goes on: read it again when the status changes.
  }, [runId, status, reload])

  const live = !isFinal(status)
  useEffect(() => {
    if (!live) return
    const t = window.setInterval(() => setReload((n) => n + 1), LIVE_REFRESH_MS)
    return () => window.clearInterval(t)
  }, [live])

  const lines = useMemo(() => (text === null ? [] : classifyErrText(text)), [text])
  const counts = useMemo(() => countErrMessages(lines), [lines])
  const shown = useMemo(() => filterErrLines(lines, filter), [lines, filter])
  const LIMIT = 20000
  const visible = shown.length > LIMIT ? shown.slice(0, LIMIT) : shown

  return (
    <div className="err-viewer" data-testid="err-viewer">
      <div className="err-toolbar">
        <div className="segmented" role="group" aria-label="Show lines">
          {(
            [
              ['all', `All lines (${formatNumber(lines.length, 0)})`],
              ['problems', `Fatal & severe (${counts.fatal + counts.severe})`],
              ['warnings', `Warnings (${formatNumber(counts.warning, 0)})`],
            ] as Array<[ErrFilter, string]>
          ).map(([f, label]) => (
            <button key={f} type="button" className={filter === f ? 'on' : ''} aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`err-filter-${f}`}>
              {label}
            </button>
          ))}
        </div>
        <span className="err-status subtle">
          {live ? 'Updating while the run goes on' : ''}
          {loading && text === null ? ' Loading…' : ''}
        </span>
        <button type="button" className="btn btn-small" onClick={() => setReload((n) => n + 1)} data-testid="err-reload">
          Reload
        </button>
      </div>
      {error ? (
        <p className="err-missing" data-testid="err-error">
          {error}
        </p>
      ) : text === null ? (
        <p className="subtle">Loading eplusout.err…</p>
      ) : lines.length === 0 ? (
        <p className="subtle">eplusout.err is empty.</p>
      ) : (
        <pre className="err-text" data-testid="err-text" tabIndex={0}>
          {visible.map((l) => (
            <div key={l.n} className={`err-line err-${l.kind}${l.continuation ? ' err-cont' : ''}`} data-kind={l.kind}>
              <span className="err-n" aria-hidden="true">
                {l.n}
              </span>
              <span className="err-t">{l.text || ' '}</span>
            </div>
          ))}
          {shown.length > LIMIT ? <div className="err-line err-info">… {formatNumber(shown.length - LIMIT, 0)} more lines not shown</div> : null}
        </pre>
      )}
    </div>
  )
}
