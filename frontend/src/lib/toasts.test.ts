import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../bridge/types'
import { importToasts, reimportToasts, startedToast, toastTimeoutMs } from './toasts'
import { model, run, weather, wire } from './testdata'

function report(r: Partial<ImportReport>): ImportReport {
  return { models: [], weather: [], duplicates: [], errors: [], ...r }
}

describe('importToasts', () => {
  it.each([
    ['nothing', report({}), []],
    ['null lists from Go', { models: null, weather: null, duplicates: null, errors: null }, []],
    ['one new model', report({ models: [model()] }), [['success', 'Imported', '1 model']]],
    [
      'new model and weather',
      report({ models: [model(), model({ id: 2 })], weather: [weather()] }),
      [['success', 'Imported', '2 models and 1 weather file']],
    ],
    [
      'one duplicate',
      report({ weather: [weather()], duplicates: ['/home/u/golden.epw'] }),
      [['info', 'golden.epw is already imported', 'The same content was imported before; nothing changed.']],
    ],
    [
      'new and duplicate',
      report({ models: [model(), model({ id: 2 })], duplicates: ['/a/b.idf', 'C:\\w\\c.epw'], weather: [weather()] }),
      [
        ['success', 'Imported', '1 model'],
        ['info', '2 files are already imported', 'b.idf, c.epw'],
      ],
    ],
    [
      'errors name the file',
      report({
        errors: [
          { path: '/home/u/broken.idf', message: '/home/u/broken.idf has no Version object: is it an EnergyPlus IDF?' },
          { path: '/home/u/notes.txt', message: 'notes.txt: not an EnergyPlus model (.idf) or weather file (.epw)' },
        ],
      }),
      [
        ['error', 'Could not import broken.idf', '/home/u/broken.idf has no Version object: is it an EnergyPlus IDF?'],
        ['error', 'Could not import notes.txt', 'notes.txt: not an EnergyPlus model (.idf) or weather file (.epw)'],
      ],
    ],
  ])('%s', (_, r, want) => {
    expect(importToasts(r as ImportReport).map((t) => [t.kind, t.title, t.message])).toEqual(want)
  })
})

describe('toastTimeoutMs', () => {
  it('keeps errors until dismissed', () => expect(toastTimeoutMs('error')).toBeNull())
  it('lets info and success go', () => {
    expect(toastTimeoutMs('info')).toBeGreaterThan(0)
    expect(toastTimeoutMs('success')).toBeGreaterThan(0)
  })
})

describe('startedToast', () => {
  it('counts queued runs', () => {
    const t = startedToast([run({ id: 1, batchId: 3 }), run({ id: 2, batchId: 3 })])!
    expect(t).toEqual({ kind: 'success', title: 'Runs started', message: '2 runs queued' })
  })

  it('names runs answered from the cache and runs taken back from an earlier batch', () => {
    const t = startedToast([
      run({ id: 7, batchId: 3 }),
      run({ id: 8, batchId: 3, cachedFrom: 2, status: 'succeeded' }),
      run({ id: 5, batchId: 2, status: 'running' }),
    ])!
    expect(t.kind).toBe('success')
    expect(t.message).toBe('1 run queued · 1 answered from the cache (identical run already succeeded) · 1 already queued or running in an earlier batch')
  })

  it('says so when everything came from the cache, and how to simulate anyway', () => {
    const t = startedToast([run({ id: 8, batchId: 3, cachedFrom: 2, status: 'succeeded' }), run({ id: 9, batchId: 3, cachedFrom: 4, status: 'succeeded' })])!
    expect(t.kind).toBe('info')
    expect(t.title).toBe('All 2 runs answered from the cache')
    expect(t.message).toMatch(/Re-run even if cached/)
  })

  it('has nothing to say about no runs', () => {
    expect(startedToast([])).toBeNull()
    expect(startedToast(null)).toBeNull()
  })
  it('names the target a batch was sent to', () => {
    const t = startedToast([run({ id: 1, batchId: 3 }), run({ id: 2, batchId: 3 })], 'tetralith')!
    expect(t.message).toBe('2 runs sent to tetralith as a Slurm job array')
  })
})

describe('reimportToasts', () => {
  const imp = (id: number, duplicates: string[] = []) => report({ models: [model({ id })], duplicates })
  it('names the new model and the runs started', () => {
    const [t] = reimportToasts('office.idf', {
      import: imp(9),
      runs: [run({ id: 20, weatherId: 1 }), run({ id: 21, weatherId: 2, cachedFrom: 4, status: 'succeeded' })],
    })
    expect(t.kind).toBe('success')
    expect(t.message).toBe('office.idf was imported again as model #9. 2 runs started with the 2 weather files it was run with. 1 answered from the cache.')
  })

  it('says when the file went back to content imported before', () => {
    const [t] = reimportToasts('office.idf', { import: imp(3, ['/home/u/office.idf']), runs: [run({ id: 20 })] })
    expect(t.message).toMatch(/same content as model #3/)
  })

  it('says when there was nothing to re-run', () => {
    const [t] = reimportToasts('office.idf', { import: imp(9), runs: wire(null) })
    expect(t.message).toMatch(/never been run/)
    expect(reimportToasts('x', null)).toEqual([])
  })
})
