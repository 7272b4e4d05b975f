import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../bridge/types'
import { importToasts, toastTimeoutMs } from './toasts'
import { model, weather } from './testdata'

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
