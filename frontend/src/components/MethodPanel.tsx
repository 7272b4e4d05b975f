import { continueStudyMethod, type MethodView } from '../bridge'
import { useState, type ReactNode } from 'react'
import { METHOD_DONE, METHOD_FAILED, METHOD_STOPPED, MORRIS, methodName, methodPercent, methodProgressLine, methodTone, NSGA2, SOBOL_INDICES } from '../lib/method'
import { MorrisScreening } from './MorrisScreening'
import { ProgressBar } from './ProgressBar'
import { SobolIndices } from './SobolIndices'

interface Props {
  view: MethodView | null
  error: string | null
  /** the study's runs so far: a Morris or Sobol-indices design's bar fills by them */
  runs?: { finished: number; total: number }
}

/**
 * A method study's panel: its live progress (NSGA-II by generation, Morris and Sobol indices by
 * their runs), why it failed, and once done the NSGA-II note on its fronts, or per objective the
 * Morris screening or the Sobol indices.
 */
export function MethodPanel({ view, error, runs }: Props) {
  if (!view) {
    return (
      <section className="method-panel" data-testid="method-panel" data-status={error ? 'error' : 'loading'}>
        {error ? (
          <p className="engine-error" role="alert">
            Could not read the study’s method: {error}
          </p>
        ) : (
          <p className="subtle">Reading the study’s method…</p>
        )}
      </section>
    )
  }
  const failed = view.status === METHOD_FAILED
  const objectives = (view.objectives ?? []).map((o) => o.name).join(' and ') || 'its objectives'
  const weather = `${view.weather} over the weather files`
  // A design laid out whole: its results per objective once its runs are done.
  const pending = view.kind === MORRIS ? 'The screening appears here when the design’s runs are done.' : 'The indices appear here when the design’s runs are done.'
  const results = (done: ReactNode[]) => (view.status === METHOD_DONE ? done : !failed ? <p className="subtle">{pending}</p> : null)
  return (
    <section className="method-panel" data-testid="method-panel" data-status={view.status} data-kind={view.kind} aria-label={methodName(view.kind)}>
      <div className="method-progress">
        <span data-testid="method-progress">{methodProgressLine(view)}</span>
        <ProgressBar percent={methodPercent(view, view.kind !== NSGA2 ? runs : undefined)} label={methodProgressLine(view)} tone={methodTone(view)} active={view.status === 'running'} testId="method-bar" />
      </div>
      {failed ? (
        <p className="engine-error" role="alert" data-testid="method-failed">
          {view.message || 'The method stopped.'}
        </p>
      ) : null}
      {view.status === METHOD_STOPPED ? <StoppedNote view={view} /> : null}
      {error ? <p className="hint-inline hint-warning small">Could not update: {error}</p> : null}
      <p className="subtle small">
        {view.kind === NSGA2
          ? `Minimises ${objectives} (${weather}). The scatter rings the first front of the generation chosen beside it.`
          : view.kind === SOBOL_INDICES
            ? `Splits the variance of ${objectives} (${weather}): S1 is the share a factor explains alone, ST with its interactions; the whiskers are 95 % intervals.`
            : `Screens ${objectives} (${weather}): μ* is how much a factor moves a figure, σ how much its effect depends on the others.`}
      </p>
      {view.kind === MORRIS ? results((view.screening ?? []).map((sc) => <MorrisScreening key={sc.objective.id} screening={sc} />)) : null}
      {view.kind === SOBOL_INDICES ? results((view.indices ?? []).map((s) => <SobolIndices key={s.objective.id} sensitivity={s} />)) : null}
    </section>
  )
}

/** Why a method stopped (its runs were cancelled), and the button that goes on with it. */
function StoppedNote({ view }: { view: MethodView }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const go = () => {
    setBusy(true)
    setProblem(null)
    continueStudyMethod(view.studyId)
      .catch((e: unknown) => setProblem(String(e)))
      .finally(() => setBusy(false))
  }
  return (
    <div className="hint-inline hint-warning" data-testid="method-stopped">
      <span>{view.message || 'The method stopped: its runs were cancelled.'}</span>{' '}
      <button type="button" onClick={go} disabled={busy} data-testid="method-continue">
        Continue
      </button>
      {problem ? (
        <p className="engine-error" role="alert">
          Could not continue: {problem}
        </p>
      ) : null}
    </div>
  )
}
