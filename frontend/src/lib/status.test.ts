import { describe, expect, it } from 'vitest'
import { failureHeadline, failureMessage, isCancellable, isFinal, phaseLabel, progressText, statusInfo, statusRank } from './status'
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

describe('failureMessage', () => {
  it.each([
    ['succeeded-with-severe', 'x', 'severe one', ''],
    ['fatal', 'GetInput: errors found', 'last severe', 'GetInput: errors found'],
    ['fatal', '', 'last severe', 'last severe'],
    ['crashed', '', '', ''],
  ])('%s', (status, message, lastSevere, want) => {
    expect(failureMessage({ status: status as 'fatal', message, lastSevere })).toBe(want)
  })
})

describe('queue-stopped statuses', () => {
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
    ['hung', 'Hung: no output for a long time'],
    ['timed-out', 'Timed out: stopped at the time limit'],
    ['input-error', 'Could not start'],
    ['fatal', ''],
    ['cancelled', ''],
    ['succeeded', ''],
  ])('headline of %s', (status, want) => expect(failureHeadline(status)).toBe(want))

  it('shows the Go message of a hung run', () => {
    expect(failureMessage({ status: 'hung', message: 'no output and no growth of eplusout.err or eplusout.sql for 10m0s: killed; last line: x', lastSevere: '' })).toMatch(/no output/)
  })
})
