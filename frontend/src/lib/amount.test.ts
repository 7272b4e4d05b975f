import { describe, expect, it } from 'vitest'
import { ReasonCode } from '../bridge/types'
import { amountView, BASELINE_PAYBACK, deltaVsBaseline, formatPercentDelta, formatSigned, MISSING, missingTitle, paybackView } from './amount'

describe('amountView: a blank is never a number', () => {
  it('says which values a complete figure took from a published range', () => {
    const a = amountView({ value: 60000, complete: true, assumed: ['cost of cellulose: 300 SEK/m², the midpoint of its published range 250-350'] })
    expect(a).toMatchObject({ text: '60,000', complete: true, sortValue: 60000, assumed: ['cost of cellulose: 300 SEK/m², the midpoint of its published range 250-350'] })
    expect(a.title).toBe('Taken from a published range: cost of cellulose: 300 SEK/m², the midpoint of its published range 250-350')
    expect(amountView({ value: 1, complete: true, assumed: [] }).title).toBe('')
  })

  it('shows a complete amount with the formatter', () => {
    expect(amountView({ value: 1234.5, complete: true })).toMatchObject({ text: '1,235', complete: true, missing: [], title: '', sortValue: 1234.5 })
    expect(amountView({ value: 0.213, complete: true }, (n) => n.toFixed(2)).text).toBe('0.21')
  })

  it('shows an incomplete amount as missing with what it lacks, even when its known parts add up to something', () => {
    const v = amountView({ value: 42, complete: false, missing: ['GWP of xps_29 (XPS)', 'cost of mineral_wool'] })
    expect(v.text).toBe(MISSING)
    expect(v.complete).toBe(false)
    expect(v.sortValue).toBeUndefined()
    expect(v.missing).toEqual(['GWP of xps_29 (XPS)', 'cost of mineral_wool'])
    expect(v.title).toBe('Missing: GWP of xps_29 (XPS); cost of mineral_wool')
  })

  it('never shows 0 for a zero-valued incomplete amount (lca.Unknown)', () => {
    expect(amountView({ value: 0, complete: false, missing: ['District Heating Water emission factor'] }).text).toBe(MISSING)
  })

  it('treats an amount that names something missing as incomplete even if flagged complete', () => {
    expect(amountView({ value: 3, complete: true, missing: ['x'] }).text).toBe(MISSING)
  })

  it('names something when Go did not', () => {
    expect(amountView({ value: 0, complete: false, missing: null }).missing).toEqual(['an input that was not named'])
  })

  it('says what is absent when there is no amount at all', () => {
    expect(amountView(null).title).toBe('Missing: not computed yet')
    expect(amountView(undefined, undefined, 'figures of this construction').missing).toEqual(['figures of this construction'])
  })

  it('writes the tooltip', () => {
    expect(missingTitle([])).toBe('')
    expect(missingTitle(['a'])).toBe('Missing: a')
  })
})

describe('deltas against the baseline', () => {
  it('is variant minus baseline, negative when the variant uses less', () => {
    const d = deltaVsBaseline(90_000, 100_000)!
    expect(d.abs).toBe(-10_000)
    expect(d.pct).toBeCloseTo(-10)
    expect(formatSigned(d.abs)).toBe('\u221210,000')
    expect(formatPercentDelta(d.pct)).toBe('\u221210.0 %')
  })

  it('is positive when the variant uses more', () => {
    const d = deltaVsBaseline(101_000, 100_000)!
    expect(formatSigned(d.abs)).toBe('+1,000')
    expect(formatPercentDelta(d.pct)).toBe('+1.0 %')
  })

  it('has no percentage against a zero baseline, and says why', () => {
    expect(deltaVsBaseline(5, 0)).toEqual({ abs: 5, pct: null, pctReason: 'the baseline is zero' })
    expect(formatPercentDelta(null)).toBe(MISSING)
  })

  it('uses the magnitude of a negative baseline so the sign stays the sign of the change', () => {
    expect(deltaVsBaseline(-50, -100)!.pct).toBeCloseTo(50)
  })

  it('is null when either figure is missing', () => {
    expect(deltaVsBaseline(undefined, 100)).toBeNull()
    expect(deltaVsBaseline(100, null)).toBeNull()
    expect(deltaVsBaseline(NaN, 100)).toBeNull()
  })

  it('signs numbers that round to zero without a sign', () => {
    expect(formatSigned(0)).toBe('0')
    expect(formatSigned(-0.001, 1)).toBe('0.0')
    expect(formatSigned(0.04, 1)).toBe('0.0')
    expect(formatSigned(undefined)).toBe(MISSING)
  })
})

describe('paybackView', () => {
  it('shows years, and whether they pass the analysis period', () => {
    expect(paybackView({ years: 7.25, complete: true, beyondPeriod: false })).toMatchObject({ text: '7.3 yr', sortValue: 7.25, beyondPeriod: false })
    const long = paybackView({ years: 64, complete: true, beyondPeriod: true }, 50)
    expect(long.text).toBe('64 yr')
    expect(long.title).toBe('Longer than the analysis period of 50 years')
  })

  it('says never for no saving, baseline for the baseline, and sorts them last', () => {
    const never = paybackView({ reason: 'no annual energy cost saving: never pays back', reasonCode: ReasonCode.NoCostSaving, complete: true, beyondPeriod: false })
    expect(never.text).toBe('never')
    expect(never.title).toBe('No annual energy cost saving: never pays back')
    expect(never.sortValue).toBeUndefined()
    for (const code of [ReasonCode.NoCarbonSaving, ReasonCode.TooLong]) expect(paybackView({ reasonCode: code, complete: true, beyondPeriod: false }).text).toBe('never')
    expect(paybackView({ reason: 'baseline: nothing to pay back', reasonCode: ReasonCode.Baseline, complete: true, beyondPeriod: false }).text).toBe('baseline')
    expect(paybackView(BASELINE_PAYBACK)).toMatchObject({ text: 'baseline', title: 'The baseline has nothing to pay back', complete: true })
  })

  it("decides by Go's reason code, never by its sentence", () => {
    // A reworded sentence still reads "never" by its code, and shows the new words.
    const reworded = paybackView({ reason: 'this renovation saves no money', reasonCode: ReasonCode.NoCostSaving, complete: true, beyondPeriod: false })
    expect(reworded).toMatchObject({ text: 'never', title: 'This renovation saves no money', complete: true })
    // The old sentences without their code decide nothing: they read as not known.
    const noCode = paybackView({ reason: 'no annual energy cost saving: never pays back', complete: true, beyondPeriod: false })
    expect(noCode.text).toBe(MISSING)
    expect(paybackView({ reason: 'baseline: nothing to pay back', complete: true, beyondPeriod: false }).text).toBe(MISSING)
    // Incomplete is missing whatever the sentence says.
    expect(paybackView({ reason: 'never pays back', reasonCode: ReasonCode.Incomplete, complete: false, missing: ['Electricity price'], beyondPeriod: false })).toMatchObject({ text: MISSING, title: 'Missing: Electricity price' })
  })

  it('shows an incomplete payback as missing with its missing inputs', () => {
    const p = paybackView({ reason: 'incomplete', reasonCode: ReasonCode.Incomplete, complete: false, missing: ['cost of etics', 'Electricity price'], beyondPeriod: false })
    expect(p.text).toBe(MISSING)
    expect(p.title).toBe('Missing: cost of etics; Electricity price')
    expect(p.complete).toBe(false)
  })
})
