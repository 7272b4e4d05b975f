import { FailureKind, type ErrorGroup } from '../bridge'
import { errorGroupTab, errorsSummary } from '../lib/batches'
import { plural } from '../lib/format'
import type { RunView } from '../lib/runs'
import { failureReason } from '../lib/status'
import type { DetailTab } from './RunDetail'
import { StatusChip } from './StatusChip'

interface Props {
  batchId: number
  errors: ErrorGroup[]
  runs: RunView[]
  onSelectRun: (id: number, tab?: DetailTab) => void
}

/** The few words before a group's headline: the kind's reason, or "Version mismatch". */
function reason(kind: string): string {
  return kind === FailureKind.VersionMismatch ? 'Version mismatch' : failureReason(kind)
}

/** How many run links a group shows before "+N more". */
const MAX_LINKS = 12

/**
 * The failures of a batch, one line per headline (the Go side groups them by it): "3 runs: ** Severe ** ...",
 * with links to the runs.
 */
export function BatchErrors({ batchId, errors, runs, onSelectRun }: Props) {
  const byId = new Map(runs.map((r) => [r.id, r]))
  return (
    <details className="batch-errors" open data-testid={`batch-errors-${batchId}`}>
      <summary>{errorsSummary(errors)}</summary>
      <ul>
        {errors.map((e, i) => {
          const ids = e.runIds ?? []
          return (
            <li key={`${e.status}:${i}`} className="batch-error" data-testid={`batch-error-${batchId}-${i}`} data-status={e.status} data-kind={e.kind}>
              <StatusChip status={e.status} />
              <span className="batch-error-message" data-testid={`batch-error-headline-${batchId}-${i}`}>
                <strong className="batch-error-count">{plural(ids.length, 'run')}:</strong>{' '}
                {reason(e.kind) ? <strong className="run-headline">{reason(e.kind)}: </strong> : null}
                {e.headline || <span className="subtle">no message</span>}
              </span>
              <span className="batch-error-runs">
                {ids.slice(0, MAX_LINKS).map((id) => {
                  const r = byId.get(id)
                  return (
                    <button
                      key={id}
                      type="button"
                      className="btn-link run-link"
                      onClick={() => onSelectRun(id, errorGroupTab(e.kind))}
                      title={r ? `${r.modelName} with ${r.weatherName}` : `Run #${id}`}
                      data-testid={`batch-error-run-${id}`}
                    >
                      #{id}
                    </button>
                  )
                })}
                {ids.length > MAX_LINKS ? <span className="subtle"> +{ids.length - MAX_LINKS} more</span> : null}
              </span>
            </li>
          )
        })}
      </ul>
    </details>
  )
}
