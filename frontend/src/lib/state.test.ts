import { describe, expect, it } from 'vitest'
import type { Overview } from '../bridge/types'
import { currentEngine, dataReducer, initialData, modelChanged } from './state'
import { model, progress, queue, run, summary, weather, wire } from './testdata'

const engine = { engine: { path: '/opt/e/energyplus', version: '25.2.0', build: 'cf7', source: 'PATH' }, engines: [], candidates: [], help: '' }
const overview: Overview = {
  runs: {
    runs: [run({ id: 1, status: 'running', progress: progress({ percent: 10 }), batchId: 1 })],
    batches: [summary({ id: 1, total: 1, running: 1, percent: 10 })],
    queue: queue({ workers: 8, running: [1] }),
  },
  files: { models: [model()], weather: [weather()] },
  settings: { dataDir: '/data', engine, queue: { workers: 8, timeoutMinutes: 0, stallSeconds: 600 } },
}

describe('dataReducer', () => {
  it('loads the overview', () => {
    const s = dataReducer(initialData, { type: 'overview', overview })
    expect(s.loaded).toBe(true)
    expect(s.models).toHaveLength(1)
    expect(currentEngine(s)?.version).toBe('25.2.0')
  })

  it('tolerates null lists (Go nil slices) and no engine', () => {
    const s = dataReducer(initialData, {
      type: 'overview',
      overview: wire<Overview>({
        runs: { runs: null, batches: null, queue: { workers: 4, paused: false, pauseReason: '', queued: null, running: null } },
        files: { models: null, weather: null },
        settings: { dataDir: '', engine: { engine: null, engines: null, candidates: null, help: 'install it' }, queue: { workers: 4, timeoutMinutes: 0, stallSeconds: 600 } },
      }),
    })
    expect(s.models).toEqual([])
    expect(s.runs).toEqual([])
    expect(s.batches).toEqual([])
    expect(s.queue).toEqual({ workers: 4, paused: false, pauseReason: '', queued: [], running: [] })
    expect(currentEngine(s)).toBeNull()
  })

  it('runs a whole lifecycle in event order', () => {
    let s = dataReducer(initialData, { type: 'overview', overview })
    s = dataReducer(s, { type: 'progress', event: { runId: 1, status: 'running', progress: progress({ percent: 50, phase: 'simulating' }), warnings: 1, severe: 0, lastLine: '' } })
    expect(s.runs[0].progress.percent).toBe(50)
    s = dataReducer(s, { type: 'status', event: { run: run({ id: 1, status: 'succeeded', progress: progress({ percent: 100, phase: 'done' }), hasResults: true }) } })
    const after = dataReducer(s, { type: 'progress', event: { runId: 1, status: 'running', progress: progress({ percent: 60 }), warnings: 0, severe: 0, lastLine: '' } })
    expect(after).toBe(s)
    expect(after.runs[0].status).toBe('succeeded')
    expect(after.runs[0].progress.percent).toBe(100)
  })

  it('takes a new engine status without touching the rest, so Run enables at once', () => {
    const missing = { engine: null, engines: [], candidates: [{ path: '/nope', source: 'PATH', error: 'no such file' }], help: 'install it' }
    let s = dataReducer(initialData, { type: 'overview', overview: { ...overview, settings: { ...overview.settings, engine: missing } } })
    expect(currentEngine(s)).toBeNull()
    const chosen = { path: '/opt/e/energyplus', version: '25.2.0', build: 'cf7', source: 'app settings' }
    const next = dataReducer(s, { type: 'engine', engine: { engine: chosen, engines: [chosen], candidates: [], help: '' } })
    expect(currentEngine(next)).toEqual(chosen)
    expect(next.runs).toBe(s.runs)
    expect(next.models).toBe(s.models)
    s = dataReducer(next, { type: 'engine', engine: missing })
    expect(currentEngine(s)).toBeNull()
    expect(s.engine?.help).toBe('install it')
  })

  it('adds started runs and records load errors', () => {
    let s = dataReducer(initialData, { type: 'started', runs: [run({ id: 4 })] })
    expect(s.runs.map((r) => r.id)).toEqual([4])
    s = dataReducer(s, { type: 'loadError', message: 'EPSM could not open its data folder: permission denied' })
    expect(s.loadError).toMatch(/could not open its data folder/)
    expect(dataReducer(s, { type: 'overview', overview }).loadError).toBeNull()
  })

  it('loads batches, the queue and the settings', () => {
    const s = dataReducer(initialData, { type: 'overview', overview })
    expect(s.batches.map((b) => b.batch.id)).toEqual([1])
    expect(s.queue?.running).toEqual([1])
    expect(s.settings?.stallSeconds).toBe(600)
  })

  it('takes queue states and newer batch summaries', () => {
    let s = dataReducer(initialData, { type: 'overview', overview })
    s = dataReducer(s, { type: 'queue', queue: wire({ workers: 2, paused: true, pauseReason: 'Disk full: free space', queued: null, running: null }) })
    expect(s.queue).toEqual({ workers: 2, paused: true, pauseReason: 'Disk full: free space', queued: [], running: [] })
    s = dataReducer(s, { type: 'batch', summary: summary({ id: 1, percent: 60, updatedAt: '2025-11-25T22:00:05Z' }) })
    expect(s.batches[0].percent).toBe(60)
    const older = dataReducer(s, { type: 'batch', summary: summary({ id: 1, percent: 20, updatedAt: '2025-11-25T22:00:01Z' }) })
    expect(older).toBe(s)
    s = dataReducer(s, { type: 'settings', settings: { workers: 3, timeoutMinutes: 60, stallSeconds: 0 } })
    expect(s.settings?.workers).toBe(3)
  })

  it('marks a changed model at once and hands over to the stored flag', () => {
    let s = dataReducer(initialData, { type: 'overview', overview })
    const m = s.models[0]
    expect(modelChanged(s, m)).toBe(false)
    s = dataReducer(s, { type: 'modelChanged', id: m.id })
    expect(modelChanged(s, m)).toBe(true)
    expect(dataReducer(s, { type: 'modelChanged', id: m.id })).toBe(s)
    s = dataReducer(s, { type: 'files', files: { models: [model({ sourceChangedAt: '2025-11-26T10:00:00Z' })], weather: [weather()] } })
    expect(s.changedModels).toEqual([])
    expect(modelChanged(s, s.models[0])).toBe(true)
  })

  it("marks the runs of a model whose file changed: their results describe the older version", () => {
    let s = dataReducer(initialData, { type: 'overview', overview })
    s = dataReducer(s, { type: 'started', runs: [run({ id: 2, modelId: 2, batchId: 2 })] })
    s = dataReducer(s, { type: 'modelChanged', id: 1 })
    expect(s.runs.map((r) => [r.id, r.modelChanged])).toEqual([
      [2, false],
      [1, true],
    ])
    const again = dataReducer(s, { type: 'files', files: { models: [model({ sourceChangedAt: '2025-11-26T10:00:00Z' })], weather: [] } })
    expect(again.runs).toBe(s.runs)
  })

  it('reloads the files without touching runs, batches or the queue', () => {
    const s = dataReducer(initialData, { type: 'overview', overview })
    const next = dataReducer(s, { type: 'files', files: { models: [model(), model({ id: 2, name: 'b.idf' })], weather: [weather()] } })
    expect(next.models.map((m) => m.id)).toEqual([1, 2])
    expect(next.runs).toBe(s.runs)
    expect(next.batches).toBe(s.batches)
    expect(next.queue).toBe(s.queue)
  })
})
