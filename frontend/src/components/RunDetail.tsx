import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { getRunDetails, type Results, type SwedishFigures } from '../bridge'
import { errorMessage } from '../lib/format'
import type { RunView } from '../lib/runs'
import { errFileExplains, failureView, isFinal, isSucceeded, statusInfo } from '../lib/status'
import { ErrViewer } from './ErrViewer'
import { FailureInfo } from './FailureInfo'
import { ReportPanel } from './ReportPanel'
import { ResultsPanel } from './ResultsPanel'
import { StatusChip } from './StatusChip'

// The hourly charts load ECharts: only when the tab is opened.
const MeterPanel = lazy(() => import('./MeterPanel').then((m) => ({ default: m.MeterPanel })))

export type DetailTab = 'results' | 'hourly' | 'errors' | 'report'

interface Props {
  run: RunView
  tab: DetailTab
  onTab: (t: DetailTab) => void
  /** changes when the panel should scroll into view */
  reveal?: number
  /** changes when the Swedish rules or a model's settings were saved: the figures are read again */
  swedishVersion?: number
  /** open the run's model's settings (Atemp, building type, mapping) */
  onEditModel?: (modelId: number, conditionedAreaM2: number | null) => void
  /** open Settings › Swedish rules */
  onOpenSwedishSettings?: () => void
  /** close the pane (no run selected) */
  onClose?: () => void
  /** open the comparison of this run with another */
  onCompare?: (runId: number) => void
}

const TABS: Array<[DetailTab, string]> = [
  ['results', 'Results'],
  ['hourly', 'Hourly'],
  ['errors', 'eplusout.err'],
  ['report', 'HTML report'],
]

export function RunDetail({ run, tab, onTab, reveal = 0, swedishVersion = 0, onEditModel, onOpenSwedishSettings, onClose, onCompare }: Props) {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    if (reveal > 0) ref.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' })
  }, [reveal])
  return (
    <section ref={ref} className="panel run-detail" aria-labelledby="detail-heading" data-testid="run-detail" data-run-id={run.id}>
      <div className="panel-head">
        <h2 id="detail-heading">
          Run #{run.id}: <span className="file-name">{run.modelName}</span> <span className="subtle">with</span> <span className="file-name">{run.weatherName}</span>
        </h2>
        <StatusChip status={run.status} testId="detail-status-chip" />
        {onCompare && isFinal(run.status) ? (
          <button type="button" className="btn btn-small" onClick={() => onCompare(run.id)} data-testid="detail-compare" title="This run beside another: figures, end uses, months, peaks, overheating and warnings, with the difference">
            Compare with…
          </button>
        ) : null}
        {onClose ? (
          <button type="button" className="toast-close" onClick={onClose} aria-label="Close the run's details" title="Close" data-testid="detail-close">
            ×
          </button>
        ) : null}
      </div>
      {isFinal(run.status) ? <FailureInfo failure={failureView(run)} tone={statusInfo(run.status).tone} testId="detail" open /> : null}
      <div className="tabs" role="tablist">
        {TABS.map(([t, label]) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'tab on' : 'tab'} onClick={() => onTab(t)} data-testid={`tab-${t}`}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tab-panel">
        {tab === 'results' ? <RunResults run={run} version={swedishVersion} onEditModel={onEditModel} onOpenSwedishSettings={onOpenSwedishSettings} /> : null}
        {tab === 'hourly' ? (
          <Suspense fallback={<p className="subtle">Loading charts…</p>}>
            <MeterPanel key={`${run.id}-${run.status}`} runId={run.id} label={`run #${run.id}`} />
          </Suspense>
        ) : null}
        {tab === 'errors' ? <ErrViewer runId={run.id} status={run.status} /> : null}
        {tab === 'report' ? <ReportPanel runId={run.id} available={isSucceeded(run.status)} freed={run.outputs === 'none'} /> : null}
      </div>
    </section>
  )
}

interface RunResultsProps {
  run: RunView
  version: number
  onEditModel?: (modelId: number, conditionedAreaM2: number | null) => void
  onOpenSwedishSettings?: () => void
}

function RunResults({ run, version, onEditModel, onOpenSwedishSettings }: RunResultsProps) {
  const [results, setResults] = useState<Results | null>(null)
  const [swedish, setSwedish] = useState<SwedishFigures | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const final = isFinal(run.status)

  useEffect(() => {
    setResults(null)
    setError(null)
    if (!final || !run.hasResults) return
    let live = true
    setLoading(true)
    getRunDetails(run.id)
      .then((d) => {
        if (!live) return
        setResults(d.results ?? null)
        setSwedish(d.swedish ?? null)
      })
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [run.id, final, run.hasResults, version])

  if (!final) return <p className="subtle">Results appear here when the run has finished.</p>
  if (error) return <p className="err-missing">{error}</p>
  if (!run.hasResults) {
    return (
      <div className="no-results" data-testid="no-results">
        <p>This run has no results.</p>
        {errFileExplains(run.kind) ? <p className="subtle">Open eplusout.err to see what EnergyPlus reported.</p> : null}
      </div>
    )
  }
  if (loading || !results) return <p className="subtle">Loading results…</p>
  return (
    <ResultsPanel
      results={results}
      swedish={swedish}
      runId={run.id}
      onEditModel={onEditModel ? () => onEditModel(run.modelId, results.conditionedAreaM2 || null) : undefined}
      onOpenSwedishSettings={onOpenSwedishSettings}
    />
  )
}
