import type { AmountView } from '../lib/amount'

interface Props {
  view: AmountView
  /** shown after a complete figure: "kg CO2e/m²" */
  unit?: string
  testId?: string
  /** write "missing" beside the dash (library tables), not only in the tooltip */
  sayMissing?: boolean
}

/**
 * A figure that may be incomplete. A complete one is its number; an incomplete one is "—" with
 * what it lacks in the tooltip (and in data-missing for tests and screen readers), never 0.
 */
export function AmountText({ view, unit, testId, sayMissing }: Props) {
  if (view.complete) {
    const assumed = view.assumed ?? []
    return (
      <span className={assumed.length > 0 ? 'amount amount-assumed' : 'amount'} data-testid={testId} data-complete="true" data-assumed={assumed.length > 0 ? assumed.join('; ') : undefined} title={view.title || undefined}>
        {view.text}
        {assumed.length > 0 ? <span className="amount-assumed-mark" aria-label="from a published range">*</span> : null}
        {unit && view.text ? <span className="amount-unit"> {unit}</span> : null}
      </span>
    )
  }
  return (
    <span className="amount amount-missing" data-testid={testId} data-complete="false" data-missing={view.missing.join('; ')} title={view.title} aria-label={`${view.title}`}>
      {view.text}
      {sayMissing ? <span className="amount-missing-word"> missing</span> : null}
    </span>
  )
}
