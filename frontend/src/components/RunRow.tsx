import { RunStatus } from '../bridge'
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '../lib/format'
import { runElapsedSeconds, type RunView } from '../lib/runs'
import { failureView, isCancellable, isFinal, isSucceeded, progressText, statusInfo } from '../lib/status'
import { versionChipText } from '../lib/version'
import { FailureInfo } from './FailureInfo'
import { ProgressBar } from './ProgressBar'
import { StatusChip } from './StatusChip'

export type DetailTab = 'results' | 'hourly' | 'errors' | 'report'

interface Props {
  run: RunView
  /** the Version of the run's model, for the version chip ('' when the model is not listed) */
  selected: boolean
  now: number
  cancelling: boolean
  onSelect: (id: number, tab?: DetailTab) => void
  onCancel: (id: number) => void
}

export function RunRow({ run, selected, now, cancelling, onSelect, onCancel }: Props) {
  const id = run.id
  const final = isFinal(run.status)
  const info = statusInfo(run.status)
  const text = progressText(run.status, run.progress)
  const elapsed = runElapsedSeconds(run, now)
  const failure = failureView(run)
  const cached = run.cachedFrom > 0
  // Written for another EnergyPlus version: one chip; why it failed is in the details below.
  const versionChip = failure.versionMismatch || run.versionWarning ? versionChipText(run.modelVersion, run.engineVersion) : ''
  return (
    <li
      className={`run-row${selected ? ' run-row-selected' : ''}`}
      data-testid={`run-row-${id}`}
      data-status={run.status}
      data-batch-id={run.batchId}
      aria-current={selected ? 'true' : undefined}
    >
      <button type="button" className="run-row-main" onClick={() => onSelect(id)} aria-label={`Show run ${id}: ${run.modelName} with ${run.weatherName}`}>
        <span className="run-title">
          <span className="run-id">#{id}</span> <span className="file-name">{run.modelName}</span> <span className="subtle">with</span>{' '}
          <span className="file-name">{run.weatherName}</span>
          {run.forceAnnual ? <span className="badge">annual forced</span> : null}
          {cached ? (
            <span
              className="badge badge-cached"
              data-testid={`run-cached-${id}`}
              title={`Identical model, weather file, engine and options already succeeded in run #${run.cachedFrom}: its results are shown, nothing was simulated again.`}
            >
              cached from #{run.cachedFrom}
            </span>
          ) : null}
          {versionChip ? (
            <span
              className={`badge ${failure.versionMismatch ? 'badge-danger' : 'badge-warning'}`}
              data-testid={`run-version-${id}`}
              data-kind={failure.versionMismatch ? 'mismatch' : 'warning'}
              title={run.versionWarning || run.headline}
            >
              {versionChip}
            </span>
          ) : null}
          {run.modelChanged ? (
            <span
              className="badge badge-warning"
              data-testid={`run-stale-${id}`}
              title="The model's original file changed on disk after import: these results describe the older version. Use “Re-import and re-run” on the model."
            >
              model changed on disk
            </span>
          ) : null}
        </span>
        <span className="run-meta subtle">
          {formatDateTime(run.createdAt)}
          {run.engineVersion ? ` · EnergyPlus ${run.engineVersion}` : ''}
        </span>
      </button>
      <div className="run-status-line">
        <StatusChip status={run.status} testId={`status-chip-${id}`} />
        <div className="run-progress">
          <ProgressBar percent={run.progress.percent} label={text} tone={info.tone} active={!final} testId={`progress-${id}`} />
          <span className="run-progress-text" data-testid={`progress-text-${id}`}>
            <strong>{formatPercent(run.progress.percent)}</strong> {text}
          </span>
        </div>
        <span className="counts">
          <span className={`count-pill${run.warnings > 0 ? ' count-warning' : ''}`} data-testid={`warnings-${id}`} title="Warnings">
            {formatNumber(run.warnings, 0)} warning{run.warnings === 1 ? '' : 's'}
          </span>
          <span className={`count-pill${run.severe > 0 ? ' count-severe' : ''}`} data-testid={`severe-${id}`} title="Severe errors">
            {formatNumber(run.severe, 0)} severe
          </span>
          <span className="elapsed" data-testid={`elapsed-${id}`} title="Elapsed time">
            {cached ? 'cached' : elapsed === null ? '' : formatDuration(elapsed)}
          </span>
        </span>
      </div>
      {final ? <FailureInfo failure={failure} tone={info.tone} testId={String(id)} /> : null}
      {!final && run.lastLine ? (
        <p className="run-last-line subtle" title="Last line EnergyPlus printed">
          {run.lastLine}
        </p>
      ) : null}
      <div className="run-actions-row">
        {isCancellable(run.status) ? (
          <button type="button" className="btn btn-small btn-danger" onClick={() => onCancel(id)} disabled={cancelling} data-testid={`cancel-${id}`}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
        {run.hasResults ? (
          <button type="button" className="btn btn-small" onClick={() => onSelect(id, 'results')} data-testid={`results-button-${id}`}>
            Results
          </button>
        ) : null}
        {run.status !== RunStatus.Queued && !(run.status === RunStatus.Cancelled && !run.startedAt) ? (
          <button type="button" className="btn btn-small" onClick={() => onSelect(id, 'errors')} data-testid={`err-button-${id}`}>
            eplusout.err
          </button>
        ) : null}
        {isSucceeded(run.status) ? (
          <button type="button" className="btn btn-small" onClick={() => onSelect(id, 'report')} data-testid={`report-button-${id}`}>
            HTML report
          </button>
        ) : null}
      </div>
    </li>
  )
}
