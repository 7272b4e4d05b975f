import { describe, expect, it } from 'vitest'
import { errFileExplains, failureReason, failureView, isCancellable, isFinal, phaseLabel, progressText, statusInfo, statusRank } from './status'
import { run } from './testdata'
import { progress } from './testdata'

describe('statusInfo', () => {
  it.each([
    ['queued', 'Queued', 'neutral', false],
    ['preparing', 'Preparing', 'active', false],
    ['running', 'Running', 'active', false],
    ['collecting', 'Collecting', 'active', false],
    ['succeeded', 'Succeeded', 'success', true],
    ['succeeded-with-severe', 'Succeeded with severe', 'warning', true],
    ['fatal', 'Fatal', 'danger', true],
    ['crashed', 'Crashed', 'danger', true],
    ['hung', 'Hung', 'alert', true],
    ['timed-out', 'Timed out', 'danger', true],
    ['cancelled', 'Cancelled', 'muted', true],
    ['input-error', 'Input error', 'danger', true],
  ])('%s', (status, label, tone, final) => {
    const s = statusInfo(status)
    expect(s.label).toBe(label)
    expect(s.tone).toBe(tone)
    expect(s.final).toBe(final)
    expect(isFinal(status)).toBe(final)
    expect(isCancellable(status)).toBe(!final)
    expect(s.description).not.toBe('')
  })

  it('shows an unknown status by its name, as final like the Go side', () => {
    expect(statusInfo('exploded').label).toBe('exploded')
    expect(isFinal('exploded')).toBe(true)
  })

  it('ranks the lifecycle', () => {
    const order = ['queued', 'preparing', 'running', 'collecting', 'succeeded']
    const ranks = order.map(statusRank)
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks)
    expect(new Set(ranks).size).toBe(order.length)
    expect(statusRank('fatal')).toBe(statusRank('cancelled'))
  })
})

describe('phaseLabel', () => {
  it.each([
    ['starting', 'Starting'],
    ['initializing', 'Initializing'],
    ['sizing', 'Sizing'],
    ['warm-up', 'Warming up'],
    ['simulating', 'Simulating'],
    ['reporting', 'Writing reports'],
    ['done', 'Done'],
    ['failed', 'Failed'],
    ['newphase', 'Newphase'],
    ['', ''],
  ])('%s -> %s', (phase, want) => expect(phaseLabel(phase)).toBe(want))
})

describe('progressText', () => {
  it.each([
    ['queued', progress(), 'Queued'],
    ['preparing', progress(), 'Preparing'],
    ['running', progress(), 'Starting'],
    ['running', progress({ phase: 'initializing' }), 'Initializing'],
    ['running', progress({ phase: 'warm-up', environment: 'WINTER DESIGN DAY' }), 'Warming up \u00b7 WINTER DESIGN DAY'],
    ['running', progress({ phase: 'sizing' }), 'Sizing'],
    ['running', progress({ phase: 'simulating', environment: 'RUN PERIOD 1', simDate: '03/14/2013' }), 'Simulating RUN PERIOD 1 \u00b7 03/14/2013'],
    ['running', progress({ phase: 'simulating', environment: 'RUN PERIOD 1' }), 'Simulating RUN PERIOD 1'],
    ['running', progress({ phase: 'reporting' }), 'Writing reports'],
    ['collecting', progress({ phase: 'reporting' }), 'Collecting results'],
    ['succeeded', progress({ phase: 'done' }), 'Done'],
    ['fatal', progress({ phase: 'failed' }), 'Failed'],
    ['cancelled', progress(), 'Cancelled'],
    ['cancelled', progress({ phase: 'simulating' }), 'Cancelled'],
    ['hung', progress({ phase: 'failed' }), 'Hung'],
    ['timed-out', progress(), 'Timed out'],
    ['input-error', progress(), 'Input error'],
    ['succeeded', progress(), 'Done'],
  ])('%s %o', (status, p, want) => expect(progressText(status, p)).toBe(want))
})

describe('failureView', () => {
  const FATAL = '** Fatal  ** GetInput: Errors occurred on processing input file. Preceding condition(s) cause termination.'
  const SEVERE = '** Severe  ** <root>[BuildingSurface:Detailed][Wall 1] - Missing required property \'vertex_z_coordinate\'.'
  const LAST = '** Severe  ** Process_input: 3 errors'

  it('shows nothing for a run that succeeded or has not ended', () => {
    expect(failureView(run({ status: 'succeeded-with-severe', kind: 'severe-errors', lastSevere: 'x' }))).toEqual({ reason: '', line: '', versionMismatch: false, details: [] })
    expect(failureView(run({ status: 'running', message: 'x' })).line).toBe('')
  })

  it("puts a fatal run's headline (its first severe error) first and the rest in details", () => {
    const v = failureView(run({ status: 'fatal', kind: 'model-fatal', message: FATAL, firstSevere: SEVERE, headline: SEVERE, lastSevere: LAST }))
    expect(v.line).toBe(SEVERE)
    expect(v.reason).toBe('')
    expect(v.details.map((d) => [d.key, d.text])).toEqual([
      ['message', FATAL],
      ['last-severe', LAST],
    ])
  })

  it('leads a version mismatch with its advice, the first severe error on demand', () => {
    const advice = 'The model is written for EnergyPlus 9.4 but ran on EnergyPlus 25.2.0: transition it to 25.2.'
    const v = failureView(run({ status: 'fatal', kind: 'version-mismatch', message: advice, firstSevere: SEVERE, headline: advice, lastSevere: SEVERE }))
    expect(v.versionMismatch).toBe(true)
    expect(v.reason).toBe('Version mismatch')
    expect(v.line).toBe(advice)
    expect(v.details.map((d) => [d.key, d.text])).toEqual([['first-severe', SEVERE]])
  })

  it('names the reason of a run stopped from outside, by kind', () => {
    const v = failureView(run({ status: 'hung', kind: 'stalled', message: 'no output for 10m0s: killed', headline: 'no output for 10m0s: killed' }))
    expect(v.reason).toBe('Hung: no output for a long time')
    expect(v.line).toMatch(/no output/)
    expect(v.details).toEqual([])
  })

  it('falls back to the last severe error of a crash without a message', () => {
    const v = failureView(run({ status: 'crashed', kind: 'engine-crash', lastSevere: LAST }))
    expect(v.line).toBe(LAST)
    expect(v.details).toEqual([])
  })
})

describe('failure kinds', () => {
  it('explains hung as no output for a long time', () => {
    expect(statusInfo('hung').description).toMatch(/^Hung: no output for a long time/)
    expect(statusRank('hung')).toBe(statusRank('fatal'))
  })

  it.each([
    ['timed-out', /time limit/],
    ['cancelled', /Cancelled/],
    ['input-error', /could not start/],
  ])('%s has a description that says what happened', (status, re) => expect(statusInfo(status).description).toMatch(re))

  it.each([
    ['stalled', 'Hung: no output for a long time'],
    ['time-limit', 'Timed out: stopped at the time limit'],
    ['input-error', 'Could not start'],
    ['disk-full', 'Disk full'],
    ['engine-missing', 'No EnergyPlus engine'],
    ['model-fatal', ''],
    ['version-mismatch', ''],
    ['cancelled', ''],
    ['', ''],
  ])('the reason of %s', (kind, want) => expect(failureReason(kind)).toBe(want))

  it.each([
    ['model-fatal', true],
    ['version-mismatch', true],
    ['engine-crash', true],
    ['input-error', false],
    ['engine-missing', false],
    ['cancelled', false],
  ])('eplusout.err explains %s: %s', (kind, want) => expect(errFileExplains(kind)).toBe(want))
})
