import { describe, expect, it } from 'vitest'
import { defaultBatchName, pickWeatherIds, pruneModelIds, runBlocker, runButtonLabel, runCount, runCountText, toggleId } from './selection'

describe('runBlocker', () => {
  it.each([
    [{ engineFound: false, modelIds: [1], weatherIds: [1] }, /No EnergyPlus engine/],
    [{ engineFound: true, modelIds: [], weatherIds: [1] }, /at least one model/],
    [{ engineFound: true, modelIds: [1], weatherIds: [] }, /at least one weather file/],
    [{ engineFound: true, modelIds: [1], weatherIds: [1], busy: true }, /Starting/],
    [{ engineFound: true, modelIds: [1, 2], weatherIds: [3] }, null],
    [{ engineFound: true, modelIds: [1, 2], weatherIds: [3, 4, 5] }, null],
  ])('%o', (form, want) => {
    const got = runBlocker(form)
    if (want === null) expect(got).toBeNull()
    else expect(got).toMatch(want)
  })
})

describe('selection helpers', () => {
  it('prunes ids of models that are gone, in list order', () => {
    expect(pruneModelIds([3, 1, 9], [{ id: 1 }, { id: 2 }, { id: 3 }])).toEqual([1, 3])
  })
  it.each([
    ['keeps what is ticked', [2], [{ id: 3 }, { id: 2 }], false, [2]],
    ['keeps several, in list order', [2, 3], [{ id: 3 }, { id: 2 }], false, [3, 2]],
    ['drops files that are gone', [2, 7], [{ id: 3 }, { id: 2 }], false, [2]],
    ['ticks the newest when every ticked file is gone', [7], [{ id: 3 }, { id: 2 }], false, [3]],
    ['ticks the newest on first load', [], [{ id: 3 }], true, [3]],
    ['leaves a selection the user emptied empty', [], [{ id: 3 }], false, []],
    ['nothing to tick', [], [], true, []],
    ['everything gone and nothing left', [4], [], false, []],
  ])('pickWeatherIds: %s', (_, cur, list, first, want) => expect(pickWeatherIds(cur, list, first)).toEqual(want))

  it('pickWeatherIds returns the same array when nothing changed (no re-render)', () => {
    const ids = [3, 2]
    expect(pickWeatherIds(ids, [{ id: 3 }, { id: 2 }])).toBe(ids)
    const none: number[] = []
    expect(pickWeatherIds(none, [{ id: 3 }])).toBe(none)
  })

  it.each([
    [[1], 2, true, [1, 2]],
    [[1, 2], 2, true, [1, 2]],
    [[1, 2], 1, false, [2]],
    [[2], 1, false, [2]],
  ])('toggleId(%o, %s, %s)', (ids, id, on, want) => expect(toggleId(ids, id, on)).toEqual(want))
  it.each([
    [0, 'Run'],
    [1, 'Run'],
    [6, 'Run 6 simulations'],
  ])('runButtonLabel(%s)', (n, want) => expect(runButtonLabel(n)).toBe(want))
})

describe('run count', () => {
  it.each([
    [1, 1, 1, '1 model \u00d7 1 weather = 1 run'],
    [2, 1, 2, '2 models \u00d7 1 weather = 2 runs'],
    [2, 3, 6, '2 models \u00d7 3 weather = 6 runs'],
    [0, 3, 0, '0 models \u00d7 3 weather = 0 runs'],
    [4, 0, 0, '4 models \u00d7 0 weather = 0 runs'],
  ])('%s models x %s weather', (m, w, n, text) => {
    expect(runCount(m, w)).toBe(n)
    expect(runCountText(m, w)).toBe(text)
  })
})

describe('defaultBatchName (app.batchName)', () => {
  it.each([
    [['office.idf'], ['Chicago.epw'], 'office \u00d7 Chicago'],
    [['office.idf', 'school.idf', 'shop.idf'], ['Chicago.epw'], 'office + 2 more \u00d7 Chicago'],
    [['office.v2.idf'], ['a.epw', 'b.epw'], 'office.v2 \u00d7 a + 1 more'],
    [['noext'], ['w.epw'], 'noext \u00d7 w'],
    [[], ['w.epw'], ''],
  ])('%o x %o', (models, weather, want) => {
    expect(defaultBatchName(models.map((name) => ({ name })), weather.map((name) => ({ name })))).toBe(want)
  })
})
