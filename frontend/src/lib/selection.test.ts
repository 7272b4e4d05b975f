import { describe, expect, it } from 'vitest'
import { pickWeatherId, pruneModelIds, runBlocker, runButtonLabel, toggleId } from './selection'

describe('runBlocker', () => {
  it.each([
    [{ engineFound: false, modelIds: [1], weatherId: 1 }, /No EnergyPlus engine/],
    [{ engineFound: true, modelIds: [], weatherId: 1 }, /at least one model/],
    [{ engineFound: true, modelIds: [1], weatherId: null }, /weather file/],
    [{ engineFound: true, modelIds: [1], weatherId: 1, busy: true }, /Starting/],
    [{ engineFound: true, modelIds: [1, 2], weatherId: 3 }, null],
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
    [2, [{ id: 3 }, { id: 2 }], 2],
    [7, [{ id: 3 }, { id: 2 }], 3],
    [null, [{ id: 3 }], 3],
    [null, [], null],
  ])('pickWeatherId(%s)', (cur, list, want) => expect(pickWeatherId(cur, list)).toBe(want))
  it.each([
    [[1], 2, true, [1, 2]],
    [[1, 2], 2, true, [1, 2]],
    [[1, 2], 1, false, [2]],
    [[2], 1, false, [2]],
  ])('toggleId(%o, %s, %s)', (ids, id, on, want) => expect(toggleId(ids, id, on)).toEqual(want))
  it.each([
    [0, 'Run'],
    [1, 'Run'],
    [3, 'Run 3 models'],
  ])('runButtonLabel(%s)', (n, want) => expect(runButtonLabel(n)).toBe(want))
})
