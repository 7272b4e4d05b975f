import type { FailureView, Tone } from '../lib/status'

interface Props {
  failure: FailureView
  tone: Tone
  /** prefix of the test ids: run-message-{id}, run-details-{id}, run-detail-{id}-{key} */
  testId: string
  /** open the details at once */
  open?: boolean
}

/**
 * How a run failed: the reason and Go's headline on one line (the version mismatch advice, or
 * the first severe error), and the rest (EnergyPlus's own message, the severe errors) on demand.
 */
export function FailureInfo({ failure: f, tone, testId, open = false }: Props) {
  return (
    <>
      {f.reason || f.line ? (
        <p className={`run-message run-message-${tone}`} data-testid={`run-message-${testId}`}>
          {f.reason ? (
            <strong className="run-headline">
              {f.reason}
              {f.line ? ': ' : ''}
            </strong>
          ) : null}
          {f.line}
        </p>
      ) : null}
      {f.details.length > 0 ? (
        <details className="run-failure-details" open={open || undefined} data-testid={`run-details-${testId}`}>
          <summary>Details</summary>
          <dl>
            {f.details.map((d) => (
              <div key={d.key} data-testid={`run-detail-${testId}-${d.key}`}>
                <dt>{d.label}</dt>
                <dd>{d.text}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </>
  )
}
