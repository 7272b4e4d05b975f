import type { MethodView } from '../bridge'
import { METHOD_DONE, METHOD_FAILED, MORRIS, methodName, methodPercent, methodProgressLine, methodTone, NSGA2 } from '../lib/method'
import { MorrisScreening } from './MorrisScreening'
import { ProgressBar } from './ProgressBar'

interface Props {
  view: MethodView | null
  error: string | null
  /** the study's runs so far: a Morris design's bar fills by them */
  runs?: { finished: number; total: number }
}

/**
 * A method study's panel: its live progress (NSGA-II by generation, Morris by its runs), why
 * it failed, and once done the NSGA-II note on its fronts or the Morris screening per objective.
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
  const objectives = (view.objectives ?? []).map((o) => o.name).join(' and ')
  return (
    <section className="method-panel" data-testid="method-panel" data-status={view.status} data-kind={view.kind} aria-label={methodName(view.kind)}>
      <div className="method-progress">
        <span data-testid="method-progress">{methodProgressLine(view)}</span>
        <ProgressBar percent={methodPercent(view, view.kind === MORRIS ? runs : undefined)} label={methodProgressLine(view)} tone={methodTone(view)} active={view.status === 'running'} testId="method-bar" />
      </div>
      {failed ? (
        <p className="engine-error" role="alert" data-testid="method-failed">
          {view.message || 'The method stopped.'}
        </p>
      ) : null}
      {error ? <p className="hint-inline hint-warning small">Could not update: {error}</p> : null}
      <p className="subtle small">
        {view.kind === NSGA2
          ? `Minimises ${objectives || 'its objectives'} (${view.weather} over the weather files). The scatter rings the first front of the generation chosen beside it.`
          : `Screens ${objectives || 'its objectives'} (${view.weather} over the weather files): μ* is how much a factor moves a figure, σ how much its effect depends on the others.`}
      </p>
      {view.kind === MORRIS ? (
        view.status === METHOD_DONE ? (
          (view.screening ?? []).map((sc) => <MorrisScreening key={sc.objective.id} screening={sc} />)
        ) : !failed ? (
          <p className="subtle">The screening appears here when the design’s runs are done.</p>
        ) : null
      ) : null}
    </section>
  )
}
