// Reading numbers people type, and the millimetre/metre conversion of layer thicknesses.
// Inputs are text (not type=number): a number input reports text it cannot read as empty,
// which would silently turn a typo into a blank.

export type Parsed = { ok: true; value: number | null } | { ok: false; error: string }

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * Reads an optional number: empty text is a blank (null, never 0); a decimal comma is read as a
 * point; anything else that is not a finite number is refused with a message quoting it.
 */
export function parseOptionalNumber(text: string | null | undefined): Parsed {
  const t = (text ?? '').trim().replace(/\s+/g, '').replace(',', '.')
  if (t === '') return { ok: true, value: null }
  if (!NUMBER.test(t)) return { ok: false, error: `“${(text ?? '').trim()}” is not a number` }
  const n = Number(t)
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: `“${(text ?? '').trim()}” is too large` }
}

/** A stored number as input text: '' for a blank. */
export function numberText(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(v)
}

/** Rounds away binary noise (0.15 * 1000 = 150.00000000000003) without touching real digits. */
function clean(n: number): number {
  return Number.parseFloat(n.toPrecision(12))
}

/** metres -> millimetres, for the layer editor: 0.15 -> 150. */
export function mToMm(m: number): number {
  return clean(m * 1000)
}

/** millimetres -> metres, what Go stores: 150 -> 0.15. */
export function mmToM(mm: number): number {
  return clean(mm / 1000)
}

/**
 * Reads a required whole number of at least min, typed in the input called `what`; on a problem
 * it adds a sentence naming the input to problems and returns 0.
 */
export function wholeNumber(text: string, what: string, problems: string[], min: number): number {
  const p = parseOptionalNumber(text)
  if (!p.ok) {
    problems.push(`${what}: ${p.error}`)
    return 0
  }
  if (p.value === null) {
    problems.push(`${what}: enter a whole number`)
    return 0
  }
  if (!Number.isInteger(p.value) || p.value < min) {
    problems.push(`${what} must be a whole number of at least ${min}, not ${p.value}`)
    return 0
  }
  return p.value
}
