// Figures that may be missing: library and LCA Amounts, paybacks and deltas against the
// baseline. A blank input is never shown as 0: an incomplete figure reads "—" and says what is
// missing, so the user knows what to fill in.
import { ReasonCode, type Amount, type Payback } from '../bridge/types'
import { formatNumber, plural } from './format'

/** What a missing or incomplete figure shows instead of a number. */
export const MISSING = '\u2014'
const MINUS = '\u2212'

export interface AmountView {
  /** the formatted number, or MISSING */
  text: string
  complete: boolean
  /** what the figure lacks (empty when complete) */
  missing: string[]
  /** tooltip: the missing inputs, one per line; '' when complete */
  title: string
  /** the number to sort by: undefined when incomplete, so it sorts last */
  sortValue: number | undefined
  /** values a complete figure took from a published range (the study's cost-range choice) */
  assumed?: string[]
}

/** "Missing: GWP of xps_29; cost of mineral wool" — the tooltip of an incomplete figure. */
export function missingTitle(missing: readonly string[]): string {
  if (missing.length === 0) return ''
  return `Missing: ${missing.join('; ')}`
}

/** "Taken from a published range: cost of …" — the tooltip of a figure built on a range. */
export function assumedTitle(assumed: readonly string[]): string {
  if (assumed.length === 0) return ''
  return `Taken from a published range: ${assumed.join('; ')}`
}

/**
 * An incomplete figure. Its tooltip is written when something reads it: a 10,000-row table has
 * tens of thousands of incomplete figures and draws the tooltips of only the rows on screen.
 */
function incompleteView(named: string[]): AmountView {
  return {
    text: MISSING,
    complete: false,
    missing: named,
    get title() {
      return missingTitle(named)
    },
    sortValue: undefined,
  }
}

/**
 * How an Amount reads. `format` turns a complete value into text (default: formatNumber);
 * `what` names the figure when the Amount itself is absent (not computed at all).
 */
export function amountView(a: Amount | null | undefined, format: (n: number) => string = (n) => formatNumber(n), what = 'not computed yet'): AmountView {
  if (!a) return incompleteView([what])
  const missing = (a.missing ?? []).filter(Boolean)
  if (!a.complete || missing.length > 0 || !Number.isFinite(a.value)) return incompleteView(missing.length > 0 ? missing : ['an input that was not named'])
  const assumed = (a.assumed ?? []).filter(Boolean)
  if (assumed.length > 0) return { text: format(a.value), complete: true, missing: [], title: assumedTitle(assumed), sortValue: a.value, assumed }
  return { text: format(a.value), complete: true, missing: [], title: '', sortValue: a.value }
}

/** A number with an explicit sign: "+1,234", "−12.5", "0". */
export function formatSigned(n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return MISSING
  const text = formatNumber(n, digits)
  if (text.startsWith(MINUS) || /^0(\.0*)?$/.test(text)) return text
  return '+' + text
}

export interface Delta {
  /** variant − baseline: negative means less than the baseline */
  abs: number
  /** abs as a percentage of |baseline|; null when it means nothing */
  pct: number | null
  /** why pct is null */
  pctReason: string
}

/**
 * A variant's change against the baseline of the same weather file: variant − baseline, so a
 * renovation that saves energy shows a negative delta. Null when either figure is missing.
 */
export function deltaVsBaseline(value: number | null | undefined, baseline: number | null | undefined): Delta | null {
  if (value === null || value === undefined || baseline === null || baseline === undefined) return null
  if (!Number.isFinite(value) || !Number.isFinite(baseline)) return null
  const abs = value - baseline
  if (baseline === 0) return { abs, pct: null, pctReason: 'the baseline is zero' }
  const pct = (abs / Math.abs(baseline)) * 100
  return Number.isFinite(pct) ? { abs, pct, pctReason: '' } : { abs, pct: null, pctReason: 'too large to show' }
}

/** "−8.1 %", "+0.4 %" */
export function formatPercentDelta(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return MISSING
  return `${formatSigned(pct, 1)} %`
}

export interface PaybackView {
  text: string
  /** tooltip */
  title: string
  /** years, for sorting; undefined for never / unknown / baseline (sorts last) */
  sortValue: number | undefined
  /** the payback takes longer than the analysis period */
  beyondPeriod: boolean
  complete: boolean
}

/** The reasons a payback is a definite "never": no saving, or one too small to ever pay back. */
const NEVER: ReadonlySet<string> = new Set<ReasonCode>([ReasonCode.NoCostSaving, ReasonCode.NoCarbonSaving, ReasonCode.TooLong])

/** The baseline's own payback: there is nothing to pay back. */
export const BASELINE_PAYBACK: Payback = { reasonCode: ReasonCode.Baseline, complete: true, beyondPeriod: false }

/**
 * A payback in years, or why there is none: "12.3 yr", "never", "baseline", or "—" with what is
 * missing. Decided by Go's reason code; its sentence is only shown.
 */
export function paybackView(p: Payback | null | undefined, periodYears?: number): PaybackView {
  if (!p) return { text: MISSING, title: missingTitle(['not computed yet']), sortValue: undefined, beyondPeriod: false, complete: false }
  if (p.years !== null && p.years !== undefined && Number.isFinite(p.years)) {
    const beyond = Boolean(p.beyondPeriod)
    const title = beyond ? `Longer than the analysis period${periodYears ? ` of ${plural(periodYears, 'year')}` : ''}` : ''
    return { text: `${formatNumber(p.years, p.years < 10 ? 1 : 0)} yr`, title, sortValue: p.years, beyondPeriod: beyond, complete: true }
  }
  const reason = p.reason ?? ''
  if (p.reasonCode === ReasonCode.Baseline) return { text: 'baseline', title: 'The baseline has nothing to pay back', sortValue: undefined, beyondPeriod: false, complete: true }
  if (p.reasonCode && NEVER.has(p.reasonCode)) return { text: 'never', title: reason.charAt(0).toUpperCase() + reason.slice(1), sortValue: undefined, beyondPeriod: false, complete: true }
  const missing = (p.missing ?? []).filter(Boolean)
  return { text: MISSING, title: missingTitle(missing.length ? missing : [reason || 'an input that was not named']), sortValue: undefined, beyondPeriod: false, complete: false }
}
