import { beforeEach, describe, expect, it, vi } from 'vitest'

// The generated runtime and bindings call into window.runtime / window.go, which only exist in
// the Wails window: replace them with recorders.
const listeners = new Map<string, Array<(...a: unknown[]) => void>>()
const off = vi.fn()
vi.mock('../../wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, cb: (...a: unknown[]) => void) => {
    listeners.set(name, [...(listeners.get(name) ?? []), cb])
    return off
  }),
  OnFileDrop: vi.fn(),
  OnFileDropOff: vi.fn(),
}))
vi.mock('../../wailsjs/go/app/App', () => ({
  StartRuns: vi.fn(async (req: unknown) => [req]),
  Overview: vi.fn(async () => ({ dataDir: '/d' })),
  ReadErrFile: vi.fn(async (id: number) => `err of ${id}`),
  CancelRun: vi.fn(async () => undefined),
  RediscoverEngines: vi.fn(async () => ({ engine: null, engines: [], candidates: [], help: 'install it' })),
  SetEnginePath: vi.fn(async (path: string) => ({ engine: { path, version: '25.2.0', build: 'cf7', source: 'app settings' }, engines: [], candidates: [], help: '' })),
  ChooseEngine: vi.fn(async () => ({ engine: null, engines: [], candidates: [], help: '' })),
  PauseQueue: vi.fn(async () => undefined),
  ResumeQueue: vi.fn(async () => undefined),
  QueueState: vi.fn(async () => ({ workers: 4, paused: false, queued: [3, 2], running: [1] })),
  CancelBatch: vi.fn(async () => 5),
  MoveBatchToFront: vi.fn(async () => undefined),
  RerunFailed: vi.fn(async (id: number) => [{ id: 10, batchId: id, status: 'queued' }]),
  BatchSummary: vi.fn(async (id: number) => ({ batch: { id, name: 'b', createdAt: '' }, percent: 50 })),
  GetSettings: vi.fn(async () => ({ workers: 8, timeoutMinutes: 0, stallSeconds: 600 })),
  SaveSettings: vi.fn(async (s: unknown) => s),
  ReimportAndRerun: vi.fn(async () => ({ import: { models: [{ id: 9 }] }, runs: [] })),
}))

import * as runtime from '../../wailsjs/runtime/runtime'
import * as Go from '../../wailsjs/go/app/App'
import { app } from '../../wailsjs/go/models'
import {
  cancelBatch,
  cancelRun,
  chooseEngine,
  getBatchSummary,
  getOverview,
  getQueueState,
  getSettings,
  moveBatchToFront,
  pauseQueue,
  readErrFile,
  rediscoverEngines,
  reimportAndRerun,
  reportUrl,
  rerunFailed,
  resumeQueue,
  saveSettings,
  setEnginePath,
  startRuns,
} from './api'
import { enableFileDrop, onImportDone, onQueueState, onRunProgress, onRunStatus, onSourceChanged } from './events'
import type { RunProgressEvent } from './types'

beforeEach(() => {
  listeners.clear()
  vi.clearAllMocks()
})

describe('events', () => {
  it.each([
    ['onRunProgress', onRunProgress, 'run:progress'],
    ['onRunStatus', onRunStatus, 'run:status'],
    ['onImportDone', onImportDone, 'import:done'],
    ['onQueueState', onQueueState, 'queue:state'],
    ['onSourceChanged', onSourceChanged, 'source:changed'],
  ] as const)('%s listens to %s and passes the payload on', (_, subscribe, name) => {
    const got: unknown[] = []
    const unsubscribe = (subscribe as (cb: (p: unknown) => void) => () => void)((p) => got.push(p))
    expect(listeners.has(name)).toBe(true)
    listeners.get(name)![0]({ runId: 7 })
    expect(got).toEqual([{ runId: 7 }])
    unsubscribe()
    expect(off).toHaveBeenCalledTimes(1)
  })

  it('uses the names of the generated enum, which mirror the Go constants', () => {
    expect([app.EventName.RunProgress, app.EventName.RunStatus, app.EventName.ImportDone, app.EventName.QueueState, app.EventName.SourceChanged]).toEqual([
      'run:progress',
      'run:status',
      'import:done',
      'queue:state',
      'source:changed',
    ])
  })

  it('types progress payloads', () => {
    let last: RunProgressEvent | null = null
    onRunProgress((p) => (last = p))
    listeners.get('run:progress')![0]({ runId: 3, status: 'running', progress: { percent: 12 }, warnings: 1, severe: 0, lastLine: '' })
    expect(last!.progress.percent).toBe(12)
  })

  it('registers the runtime drop listener without a drop target and without importing', () => {
    const remove = enableFileDrop()
    expect(runtime.OnFileDrop).toHaveBeenCalledWith(expect.any(Function), false)
    remove()
    expect(runtime.OnFileDropOff).toHaveBeenCalled()
  })
})

describe('api', () => {
  it('sends a RunRequest built from plain data', async () => {
    await startRuns({ modelIds: [1, 2], weatherId: 3, forceAnnual: true })
    const arg = vi.mocked(Go.StartRuns).mock.calls[0][0]
    expect(arg).toBeInstanceOf(app.RunRequest)
    expect({ ...arg }).toEqual({ modelIds: [1, 2], weatherId: 3, forceAnnual: true })
  })

  it('sends several weather files, force and a batch name', async () => {
    await startRuns({ modelIds: [1, 2], weatherIds: [3, 4], forceAnnual: false, force: true, name: 'study A' })
    const arg = vi.mocked(Go.StartRuns).mock.calls[0][0]
    expect(arg).toBeInstanceOf(app.RunRequest)
    expect({ ...arg }).toMatchObject({ modelIds: [1, 2], weatherIds: [3, 4], force: true, name: 'study A' })
  })

  it('passes queue and batch calls through to Go', async () => {
    await pauseQueue()
    await resumeQueue()
    expect(Go.PauseQueue).toHaveBeenCalledTimes(1)
    expect(Go.ResumeQueue).toHaveBeenCalledTimes(1)
    expect((await getQueueState()).queued).toEqual([3, 2])
    expect(await cancelBatch(4)).toBe(5)
    expect(Go.CancelBatch).toHaveBeenCalledWith(4)
    await moveBatchToFront(4)
    expect(Go.MoveBatchToFront).toHaveBeenCalledWith(4)
    expect((await rerunFailed(4))[0].batchId).toBe(4)
    expect((await getBatchSummary(6)).batch.id).toBe(6)
    expect((await reimportAndRerun(2)).import.models?.[0].id).toBe(9)
    expect(Go.ReimportAndRerun).toHaveBeenCalledWith(2)
  })

  it('sends settings as the generated class and passes Go refusals on', async () => {
    expect((await getSettings()).stallSeconds).toBe(600)
    await saveSettings({ workers: 2, timeoutMinutes: 30, stallSeconds: 60 })
    const arg = vi.mocked(Go.SaveSettings).mock.calls[0][0]
    expect(arg).toBeInstanceOf(app.Settings)
    expect({ ...arg }).toEqual({ workers: 2, timeoutMinutes: 30, stallSeconds: 60 })
    vi.mocked(Go.SaveSettings).mockRejectedValueOnce('a stall limit of 2 s would kill healthy runs: use at least 5 s, or 0 for none')
    await expect(saveSettings({ workers: 2, timeoutMinutes: 0, stallSeconds: 2 })).rejects.toMatch(/stall limit of 2 s/)
  })

  it('passes ids and results through', async () => {
    expect(await readErrFile(5)).toBe('err of 5')
    expect(Go.ReadErrFile).toHaveBeenCalledWith(5)
    await cancelRun(9)
    expect(Go.CancelRun).toHaveBeenCalledWith(9)
    expect((await getOverview()).dataDir).toBe('/d')
  })

  it('passes engine settings calls through to Go', async () => {
    expect((await rediscoverEngines()).help).toBe('install it')
    expect(Go.RediscoverEngines).toHaveBeenCalledTimes(1)
    const s = await setEnginePath('/opt/e/energyplus')
    expect(Go.SetEnginePath).toHaveBeenCalledWith('/opt/e/energyplus')
    expect(s.engine?.source).toBe('app settings')
    await setEnginePath('')
    expect(Go.SetEnginePath).toHaveBeenLastCalledWith('')
    await chooseEngine()
    expect(Go.ChooseEngine).toHaveBeenCalledTimes(1)
  })

  it('passes the Go error of a rejected engine path on', async () => {
    vi.mocked(Go.SetEnginePath).mockRejectedValueOnce('/tmp/x is not a working EnergyPlus: exit status 1')
    await expect(setEnginePath('/tmp/x')).rejects.toBe('/tmp/x is not a working EnergyPlus: exit status 1')
  })

  it('points at the report the Go side serves', () => {
    expect(reportUrl(12)).toBe('/runfiles/12/eplustbl.htm')
  })
})
