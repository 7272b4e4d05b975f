import { describe, expect, it } from 'vitest'
import type { RunProgressEvent } from '../bridge/types'
import {
  activeRuns,
  applyProgress,
  applyStarted,
  applyStatus,
  fromOverview,
  isRequeue,
  mergeOverviewRuns,
  runElapsedSeconds,
  upsertRun,
  type RunView,
} from './runs'
import { progress, run } from './testdata'

function ev(e: Partial<RunProgressEvent> = {}): RunProgressEvent {
  return { runId: 1, status: 'running', progress: progress(), warnings: 0, severe: 0, lastLine: '', ...e }
}

describe('fromOverview', () => {
  it('sorts newest first and fills missing progress', () => {
    const runs = fromOverview([run({ id: 1 }), run({ id: 3 }), run({ id: 2, progress: undefined as never })])
    expect(runs.map((r) => r.id)).toEqual([3, 2, 1])
    expect(runs[1].progress.percent).toBe(0)
  })
  it('accepts null', () => expect(fromOverview(null)).toEqual([]))
})

describe('applyProgress', () => {
  const running = fromOverview([run({ id: 1, status: 'running', progress: progress({ percent: 40, phase: 'simulating' }), warnings: 2 })])

  it.each([
    ['moves forward', ev({ progress: progress({ percent: 55, phase: 'simulating', simDate: '06/01' }), warnings: 3 }), 55, 'simulating', 3],
    ['never moves the bar back', ev({ progress: progress({ percent: 20, phase: 'simulating' }) }), 40, 'simulating', 2],
    ['takes the new phase', ev({ progress: progress({ percent: 99, phase: 'reporting' }) }), 99, 'reporting', 2],
    ['keeps counts that only grow', ev({ progress: progress({ percent: 41 }), warnings: 1, severe: 1 }), 41, '', 2],
  ])('%s', (_, e, percent, phase, warnings) => {
    const [r] = applyProgress(running, e)
    expect(r.progress.percent).toBe(percent)
    expect(r.progress.phase).toBe(phase)
    expect(r.warnings).toBe(warnings)
  })

  it('ignores progress for a run that already ended', () => {
    const done = fromOverview([run({ id: 1, status: 'succeeded', progress: progress({ percent: 100, phase: 'done' }) })])
    expect(applyProgress(done, ev({ progress: progress({ percent: 60, phase: 'simulating' }) }))).toBe(done)
  })

  it('ignores progress for an unknown run', () => {
    expect(applyProgress(running, ev({ runId: 99 }))).toBe(running)
  })

  it('moves a queued run to running, and keeps the last output line', () => {
    const queued = fromOverview([run({ id: 1, status: 'queued' })])
    const [r] = applyProgress(queued, ev({ lastLine: 'Warming up' }))
    expect(r.status).toBe('running')
    expect(r.lastLine).toBe('Warming up')
  })

  it('does not take a status backwards', () => {
    const collecting = fromOverview([run({ id: 1, status: 'collecting', progress: progress({ percent: 99 }) })])
    expect(applyProgress(collecting, ev({ status: 'running' }))[0].status).toBe('collecting')
  })
})

describe('upsertRun / applyStatus', () => {
  const live: RunView[] = [
    { ...run({ id: 1, status: 'running', progress: progress({ percent: 70, phase: 'simulating', environment: 'RUN PERIOD 1' }), warnings: 4 }), lastLine: 'x' },
  ]

  it.each([
    ['final status replaces the running one', run({ id: 1, status: 'succeeded', progress: progress({ percent: 100, phase: 'done' }), warnings: 5 }), 'succeeded', 100, 'done', 5],
    ['failed run keeps the highest percent', run({ id: 1, status: 'fatal', progress: progress({ percent: 30, phase: 'failed' }), warnings: 1 }), 'fatal', 70, 'failed', 1],
    ['stale queued row is ignored', run({ id: 1, status: 'queued' }), 'running', 70, 'simulating', 4],
    ['stored running row with older progress keeps the live progress', run({ id: 1, status: 'running', progress: progress({ percent: 0, phase: 'starting' }) }), 'running', 70, 'simulating', 4],
    ['collecting moves on', run({ id: 1, status: 'collecting', progress: progress({ percent: 99, phase: 'reporting' }) }), 'collecting', 99, 'reporting', 4],
  ])('%s', (_, incoming, status, percent, phase, warnings) => {
    const [r] = applyStatus(live, { run: incoming })
    expect(r.status).toBe(status)
    expect(r.progress.percent).toBe(percent)
    expect(r.progress.phase).toBe(phase)
    expect(r.warnings).toBe(warnings)
  })

  it('drops the last output line once the run ended', () => {
    expect(applyStatus(live, { run: run({ id: 1, status: 'cancelled' }) })[0].lastLine).toBeUndefined()
  })

  it('adds new runs in order', () => {
    const out = upsertRun(live, run({ id: 2 }))
    expect(out.map((r) => r.id)).toEqual([2, 1])
  })

  it('ignores an empty event', () => {
    expect(applyStatus(live, { run: null as never })).toBe(live)
  })
})

describe('applyStarted', () => {
  it('adds runs that StartRuns resolved with, without undoing events that came first', () => {
    let runs = fromOverview([])
    runs = applyStatus(runs, { run: run({ id: 5, status: 'queued' }) })
    runs = applyStatus(runs, { run: run({ id: 5, status: 'preparing' }) })
    runs = applyStarted(runs, [run({ id: 5, status: 'queued' }), run({ id: 6, status: 'queued' })])
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [6, 'queued'],
      [5, 'preparing'],
    ])
  })
})

describe('mergeOverviewRuns', () => {
  it('keeps live progress and drops runs that are gone', () => {
    const prev = fromOverview([run({ id: 1, status: 'running', progress: progress({ percent: 50, phase: 'simulating' }) }), run({ id: 2, status: 'succeeded' })])
    const out = mergeOverviewRuns(prev, [run({ id: 1, status: 'running', progress: progress({ percent: 10 }) }), run({ id: 3 })])
    expect(out.map((r) => r.id)).toEqual([3, 1])
    expect(out[1].progress.percent).toBe(50)
  })
})

describe('activeRuns and elapsed', () => {
  it('lists runs that have not ended', () => {
    const runs = fromOverview([run({ id: 1, status: 'running' }), run({ id: 2, status: 'fatal' }), run({ id: 3, status: 'queued' })])
    expect(activeRuns(runs).map((r) => r.id)).toEqual([3, 1])
  })

  it.each([
    ['final uses the stored figure', run({ status: 'succeeded', elapsedSeconds: 12.5, startedAt: '2025-01-01T00:00:00Z' }), 12.5],
    ['running counts from the start', run({ status: 'running', startedAt: '2025-01-01T00:00:00.000000001Z' }), 90],
    ['queued has none', run({ status: 'queued' }), null],
    ['cancelled before it started has none', run({ status: 'cancelled', elapsedSeconds: 0 }), null],
  ])('%s', (_, r, want) => {
    expect(runElapsedSeconds(r, Date.UTC(2025, 0, 1, 0, 1, 30))).toBe(want)
  })
})

describe('re-run failed (a finished run queued again)', () => {
  const failed = fromOverview([
    run({ id: 1, status: 'fatal', progress: progress({ percent: 30, phase: 'failed' }), message: 'GetInput: errors found', startedAt: '2025-01-01T00:00:00Z', endedAt: '2025-01-01T00:01:00Z', warnings: 3 }),
  ])
  const requeued = run({ id: 1, status: 'queued' })

  it('a queued event after a final status resets the run', () => {
    expect(isRequeue(failed[0], requeued)).toBe(true)
    const [r] = applyStatus(failed, { run: requeued })
    expect(r.status).toBe('queued')
    expect(r.progress.percent).toBe(0)
    expect(r.message).toBe('')
    expect(r.warnings).toBe(0)
  })

  it('then follows the new run forward', () => {
    let runs = applyStatus(failed, { run: requeued })
    runs = applyProgress(runs, ev({ progress: progress({ percent: 12, phase: 'simulating' }) }))
    expect(runs[0]).toMatchObject({ status: 'running', progress: expect.objectContaining({ percent: 12 }) })
    runs = applyStatus(runs, { run: run({ id: 1, status: 'succeeded', progress: progress({ percent: 100 }), endedAt: '2025-01-01T01:00:00Z' }) })
    expect(runs[0].status).toBe('succeeded')
  })

  it('a late snapshot of the old outcome does not bring it back', () => {
    let runs = applyStatus(failed, { run: requeued })
    runs = mergeOverviewRuns(runs, [failed[0]])
    expect(runs[0].status).toBe('queued')
    runs = applyStatus(runs, { run: run({ id: 1, status: 'running', progress: progress({ percent: 5 }) }) })
    runs = mergeOverviewRuns(runs, [failed[0]])
    expect(runs[0].status).toBe('running')
  })

  it('snapshots never move a finished run back to queued', () => {
    expect(applyStarted(failed, [requeued])[0].status).toBe('fatal')
    expect(mergeOverviewRuns(failed, [requeued])[0].status).toBe('fatal')
  })

  it('is not a re-queue between transient statuses', () => {
    expect(isRequeue(run({ status: 'running' }), run({ status: 'queued' }))).toBe(false)
    expect(isRequeue(run({ status: 'fatal' }), run({ status: 'running' }))).toBe(false)
  })
})

describe('cached runs', () => {
  it('arrive final at once and stay so', () => {
    const cached = run({ id: 9, status: 'succeeded', cachedFrom: 4, hasResults: true, progress: progress({ percent: 100, phase: 'done' }) })
    let runs = applyStarted(fromOverview([]), [cached])
    runs = applyProgress(runs, ev({ runId: 9, progress: progress({ percent: 10 }) }))
    expect(runs[0]).toMatchObject({ status: 'succeeded', cachedFrom: 4, hasResults: true })
    expect(runs[0].progress.percent).toBe(100)
  })
})
