import { describe, expect, it } from 'vitest'
import type { Overview } from '../bridge/types'
import { currentEngine, dataReducer, initialData } from './state'
import { model, progress, run, weather } from './testdata'

const overview: Overview = {
  dataDir: '/data',
  engine: { engine: { path: '/opt/e/energyplus', version: '25.2.0', build: 'cf7', source: 'PATH' }, engines: [], candidates: [], help: '' },
  models: [model()],
  weather: [weather()],
  runs: [run({ id: 1, status: 'running', progress: progress({ percent: 10 }) })],
}

describe('dataReducer', () => {
  it('loads the overview', () => {
    const s = dataReducer(initialData, { type: 'overview', overview })
    expect(s.loaded).toBe(true)
    expect(s.models).toHaveLength(1)
    expect(currentEngine(s)?.version).toBe('25.2.0')
  })

  it('tolerates null lists and no engine', () => {
    const s = dataReducer(initialData, {
      type: 'overview',
      overview: { dataDir: '', engine: { engine: null, engines: null, candidates: null, help: 'install it' }, models: null, weather: null, runs: null },
    })
    expect(s.models).toEqual([])
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
    let s = dataReducer(initialData, { type: 'overview', overview: { ...overview, engine: missing } })
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
    s = dataReducer(s, { type: 'loadError', message: 'EPSM is still starting' })
    expect(s.loadError).toBe('EPSM is still starting')
    expect(dataReducer(s, { type: 'overview', overview }).loadError).toBeNull()
  })
})
