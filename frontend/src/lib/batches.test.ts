import { describe, expect, it } from 'vitest'
import {
  batchElapsedSeconds,
  batchView,
  recentBatches,
  errorGroupTab,
  errorsSummary,
  formatEta,
  groupRunsByBatch,
  localPercent,
  mergeSummaries,
  NO_BATCH_NAME,
  statusCounts,
  studyProgress,
  upsertSummary,
  type BatchGroup,
} from './batches'
import { FailureKind, RunStatus } from '../bridge/types'
import { fromOverview } from './runs'
import { errorGroup, progress, queue, run, summary, wire } from './testdata'

const NOW = Date.UTC(2025, 10, 25, 22, 10, 0)

describe('groupRunsByBatch', () => {
  const runs = fromOverview([
    run({ id: 1 }),
    run({ id: 2, batchId: 1 }),
    run({ id: 3, batchId: 1 }),
    run({ id: 4, batchId: 2 }),
    run({ id: 6, batchId: 3 }),
    run({ id: 5, batchId: 3 }),
  ])
  const summaries = [summary({ id: 2, name: 'office × Chicago' }), summary({ id: 1, name: 'first' })]

  it('puts the newest batch first and the runs of each in start order', () => {
    const groups = groupRunsByBatch(runs, summaries)
    expect(groups.map((g) => g.id)).toEqual([3, 2, 1, 0])
    expect(groups.map((g) => g.runs.map((r) => r.id))).toEqual([[5, 6], [4], [2, 3], [1]])
  })

  it('names batches from their summaries, and batches without one by id', () => {
    const groups = groupRunsByBatch(runs, summaries)
    expect(groups.map((g) => g.name)).toEqual(['Batch #3', 'office × Chicago', 'first', NO_BATCH_NAME])
    expect(groups[0].summary).toBeNull()
    expect(groups[1].summary?.batch.id).toBe(2)
  })

  it('leaves out batches with no runs and no total, keeps every run exactly once', () => {
    const groups = groupRunsByBatch(runs, [...summaries, summary({ id: 9, total: 0 })])
    expect(groups.some((g) => g.id === 9)).toBe(false)
    expect(groups.flatMap((g) => g.runs.map((r) => r.id)).sort()).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('accepts no summaries and no runs', () => {
    expect(groupRunsByBatch([], null)).toEqual([])
    expect(groupRunsByBatch(fromOverview([run({ id: 1, batchId: 4 })]), undefined)[0].name).toBe('Batch #4')
  })
})

describe('summaries', () => {
  it('replaces a summary with a newer one and ignores an older one', () => {
    const a = summary({ id: 1, percent: 10, updatedAt: '2025-11-25T22:00:10Z' })
    let list = upsertSummary([], a)
    list = upsertSummary(list, summary({ id: 1, percent: 5, updatedAt: '2025-11-25T22:00:05Z' }))
    expect(list[0].percent).toBe(10)
    list = upsertSummary(list, summary({ id: 1, percent: 40, updatedAt: '2025-11-25T22:00:10Z' }))
    expect(list[0].percent).toBe(40)
  })

  it('keeps the list newest first', () => {
    const list = [summary({ id: 1 }), summary({ id: 3 }), summary({ id: 2 })].reduce(upsertSummary, [])
    expect(list.map((s) => s.batch.id)).toEqual([3, 2, 1])
  })

  it('merges an Overview: keeps newer held summaries, drops batches that are gone', () => {
    const held = [summary({ id: 2, percent: 80, updatedAt: '2025-11-25T22:00:09Z' }), summary({ id: 1 })]
    const out = mergeSummaries(held, [summary({ id: 3 }), summary({ id: 2, percent: 50, updatedAt: '2025-11-25T22:00:01Z' })])
    expect(out.map((s) => [s.batch.id, s.percent])).toEqual([
      [3, 0],
      [2, 80],
    ])
    expect(mergeSummaries(held, null)).toEqual([])
  })
})

describe('statusCounts and percent', () => {
  it('counts by status in lifecycle order', () => {
    const runs = [run({ status: 'fatal' }), run({ status: 'succeeded' }), run({ status: 'queued' }), run({ status: 'succeeded' }), run({ status: 'hung' }), run({ status: 'running' })]
    expect(statusCounts(runs)).toEqual([
      { status: 'queued', count: 1 },
      { status: 'running', count: 1 },
      { status: 'succeeded', count: 2 },
      { status: 'fatal', count: 1 },
      { status: 'hung', count: 1 },
    ])
  })

  it('computes the percent like BatchSummary: succeeded 100, others their progress', () => {
    const runs = [
      run({ status: 'succeeded', progress: progress({ percent: 100 }) }),
      run({ status: 'running', progress: progress({ percent: 50 }) }),
      run({ status: 'fatal', progress: progress({ percent: 30 }) }),
      run({ status: 'queued' }),
    ]
    expect(localPercent(runs)).toBe(45)
    expect(localPercent([])).toBe(0)
  })
})

describe('batchElapsedSeconds', () => {
  it.each([
    ['none started', [run({ status: 'queued' })], null],
    ['running: from the first start to now', [run({ status: 'running', startedAt: '2025-11-25T22:08:00Z' }), run({ status: 'queued' })], 120],
    [
      'finished: from the first start to the last end',
      [
        run({ status: 'succeeded', startedAt: '2025-11-25T22:00:00Z', endedAt: '2025-11-25T22:01:00Z' }),
        run({ status: 'fatal', startedAt: '2025-11-25T22:00:30Z', endedAt: '2025-11-25T22:03:00Z' }),
      ],
      180,
    ],
  ])('%s', (_, runs, want) => expect(batchElapsedSeconds(runs, NOW)).toBe(want))
})

describe('formatEta', () => {
  it.each([
    [10, 'less than a minute left'],
    [44, 'less than a minute left'],
    [45, 'about 1 min left'],
    [180, 'about 3 min left'],
    [200, 'about 3 min left'],
    [89 * 60, 'about 89 min left'],
    [95 * 60, 'about 1 h 35 min left'],
    [120 * 60, 'about 2 h left'],
    [121 * 60, 'about 2 h left'],
    [47 * 3600, 'about 47 h left'],
    [3 * 86400, 'about 3 days left'],
    [-1, ''],
    [NaN, ''],
    [null, ''],
  ])('%s s', (s, want) => expect(formatEta(s)).toBe(want))
})

function group(g: Partial<BatchGroup>): BatchGroup {
  return { id: 7, name: 'b', createdAt: '2025-11-25T22:00:00Z', summary: null, runs: [], ...g }
}

describe('batchView', () => {
  it('shows cancel and move to front while runs wait, and the ETA from the summary', () => {
    const v = batchView(
      group({
        runs: fromOverview([run({ id: 1, batchId: 7, status: 'running', startedAt: '2025-11-25T22:09:00Z' }), run({ id: 2, batchId: 7, status: 'queued' })]),
        summary: summary({ id: 7, percent: 25, hasEta: true, etaSeconds: 180 }),
      }),
      NOW,
    )
    expect(v).toMatchObject({ percent: 25, tone: 'active', active: true, queued: 1, running: 1, failed: 0, canCancel: true, canMoveToFront: true, canRerunFailed: false, eta: 'about 3 min left', elapsedSeconds: 60 })
  })

  it('has no ETA before a run finished on this machine, nor once the batch is done', () => {
    const running = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'running' })]), summary: summary({ id: 7, hasEta: false, etaSeconds: 0 }) })
    expect(batchView(running, NOW).eta).toBeNull()
    const done = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'succeeded' })]), summary: summary({ id: 7, hasEta: true, etaSeconds: 0 }) })
    expect(batchView(done, NOW).eta).toBeNull()
  })

  it('says the ETA waits while the queue is paused', () => {
    const g = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'queued' })]), summary: summary({ id: 7, hasEta: true, etaSeconds: 60, paused: true }) })
    expect(batchView(g, NOW).eta).toBe('paused: queued runs wait')
  })

  it('takes the pause and its reason from the queue, which is newer than the summary', () => {
    const g = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'queued' })]), summary: summary({ id: 7, hasEta: true, etaSeconds: 60, paused: false }) })
    const v = batchView(g, NOW, queue({ paused: true, pauseReason: 'Disk full: free space and press Resume.' }))
    expect([v.paused, v.eta, v.pauseReason]).toEqual([true, 'paused: queued runs wait', 'Disk full: free space and press Resume.'])
    const resumed = batchView(group({ ...g, summary: summary({ id: 7, hasEta: true, etaSeconds: 60, paused: true }) }), NOW, queue())
    expect([resumed.paused, resumed.eta, resumed.pauseReason]).toEqual([false, 'about 1 min left', ''])
  })

  it('is not paused when none of its runs waits', () => {
    const g = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'running' })]), summary: summary({ id: 7 }) })
    expect(batchView(g, NOW, queue({ paused: true, pauseReason: 'Disk full' })).paused).toBe(false)
  })

  it('offers re-run failed for failed and cancelled runs, never for cached ones', () => {
    const g = group({
      runs: fromOverview([
        run({ id: 1, batchId: 7, status: 'fatal' }),
        run({ id: 2, batchId: 7, status: 'cancelled' }),
        run({ id: 3, batchId: 7, status: 'succeeded', cachedFrom: 1 }),
      ]),
    })
    const v = batchView(g, NOW)
    expect(v).toMatchObject({ failed: 2, cached: 1, canRerunFailed: true, canCancel: false, canMoveToFront: false, tone: 'warning', active: false })
    expect(v.rerunLabel).toBe('Re-run 2 failed')
  })

  it('says cancelled when only cancelled runs would run again', () => {
    const g = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'cancelled' }), run({ id: 2, batchId: 7, status: 'cancelled' })]) })
    expect(batchView(g, NOW).rerunLabel).toBe('Re-run 2 cancelled')
  })

  it('shows no elapsed time for a batch answered from the cache', () => {
    const t = '2025-11-25T22:00:00Z'
    const g = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'succeeded', cachedFrom: 3, startedAt: t, endedAt: t })]) })
    expect(batchView(g, NOW).elapsedSeconds).toBeNull()
  })

  it('uses the local percent until a summary arrived', () => {
    const g = group({ runs: fromOverview([run({ id: 1, batchId: 7, status: 'succeeded' }), run({ id: 2, batchId: 7, status: 'running', progress: progress({ percent: 50 }) })]) })
    expect(batchView(g, NOW).percent).toBe(75)
  })

  it.each([
    ['all succeeded', ['succeeded', 'succeeded-with-severe'], 'success'],
    ['all failed', ['fatal', 'hung'], 'danger'],
    ['all cancelled', ['cancelled'], 'muted'],
    ['some failed', ['succeeded', 'timed-out'], 'warning'],
  ] as const)('tone when %s', (_, statuses, tone) => {
    const g = group({ runs: fromOverview(statuses.map((status, i) => run({ id: i + 1, batchId: 7, status }))) })
    expect(batchView(g, NOW).tone).toBe(tone)
  })

  it('has no batch actions for runs made before batches', () => {
    const v = batchView(group({ id: 0, runs: fromOverview([run({ id: 1, status: 'queued' }), run({ id: 2, status: 'fatal' })]) }), NOW)
    expect([v.canCancel, v.canMoveToFront, v.canRerunFailed]).toEqual([false, false, false])
  })

  it('passes on error groups that have runs', () => {
    const g = group({
      summary: summary({
        id: 7,
        errors: [
          { status: 'fatal', kind: 'model-fatal', headline: '** Severe  ** Wall: no vertices', runIds: [1, 2] },
          wire({ status: 'hung', kind: 'stalled', headline: 'no output', runIds: null }),
        ],
      }),
    })
    expect(batchView(g, NOW).errors.map((e) => e.headline)).toEqual(['** Severe  ** Wall: no vertices'])
  })
})

describe('error panel', () => {
  it.each([
    [[errorGroup({ runIds: [1] })], '1 run did not succeed'],
    [[errorGroup({ runIds: [1, 2, 3] })], '3 runs did not succeed, all for the same reason'],
    [
      [errorGroup({ runIds: [1, 2] }), errorGroup({ status: 'hung', kind: 'stalled', headline: 'y', runIds: [3] })],
      '3 runs did not succeed \u00b7 2 different reasons',
    ],
  ])('%#', (errors, want) => expect(errorsSummary(errors)).toBe(want))

  it.each([
    [FailureKind.ModelFatal, 'errors'],
    [FailureKind.VersionMismatch, 'errors'],
    [FailureKind.Stalled, 'errors'],
    [FailureKind.TimeLimit, 'errors'],
    [FailureKind.EngineCrash, 'errors'],
    [FailureKind.DiskFull, 'errors'],
    [FailureKind.InputError, 'results'],
    [FailureKind.EngineMissing, 'results'],
    [FailureKind.Cancelled, 'results'],
  ])('a %s failure opens on %s', (kind, tab) => expect(errorGroupTab(kind)).toBe(tab))
})

describe('recentBatches', () => {
  const finished = (id: number) => ({ id, runs: [{ status: RunStatus.Succeeded }] })
  const groups = [finished(9), finished(8), finished(7), finished(6), { id: 5, runs: [{ status: RunStatus.Running }] }, finished(4)]
  it('shows the newest two, and every batch still running', () => {
    expect(recentBatches(groups, false, null).map((g) => g.id)).toEqual([9, 8, 5])
  })
  it('keeps the batch the table is limited to', () => {
    expect(recentBatches(groups, false, 4).map((g) => g.id)).toEqual([9, 8, 5, 4])
  })
  it('shows all on request', () => {
    expect(recentBatches(groups, true, null)).toHaveLength(6)
  })
})

describe('studyProgress', () => {
  // An NSGA-II study: generation 0 done (10 runs, 1 failed), generation 1 half way (10 runs, 2
  // running), generation 2 just queued; another study's batch is not counted.
  const summaries = [
    summary({ id: 7, total: 10, finished: 10, failed: 1, percent: 100 }),
    summary({ id: 8, total: 10, finished: 5, running: 2, percent: 60 }),
    summary({ id: 9, total: 10, percent: 0 }),
    summary({ id: 3, total: 500, finished: 1, percent: 0.2 }),
  ]
  it('sums every generation, weighting each batch by its runs', () => {
    expect(studyProgress({ batchId: 7, batchIds: [7, 8, 9] }, summaries)).toEqual({ total: 30, finished: 15, failed: 1, running: 2, percent: 160 / 3 })
  })
  it('a sampled study is its one batch', () => {
    expect(studyProgress({ batchId: 3 }, summaries)).toEqual({ total: 500, finished: 1, failed: 0, running: 0, percent: 0.2 })
  })
  it('is null until a summary of one of its batches arrived', () => {
    expect(studyProgress({ batchId: 42, batchIds: [42] }, summaries)).toBeNull()
    expect(studyProgress({ batchId: 0 }, null)).toBeNull()
  })
})
