import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const asked: Array<[number, boolean]> = []
vi.mock('../bridge', () => ({
  getStudies: vi.fn(() => Promise.resolve([])),
  getStudyColumns: vi.fn((id: number, first: boolean) => {
    asked.push([id, first])
    return Promise.resolve({ study: { id } })
  }),
}))

import { openStudies, rememberStudy, studyToOpen } from './studyOpening'
import type { Study } from '../bridge'

const studies = (...ids: number[]) => ids.map((id) => ({ id }) as Study)

describe('the study the studies screen opens on', () => {
  beforeEach(() => {
    const store = new Map<string, string>()
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) })
    asked.length = 0
  })
  afterEach(() => vi.unstubAllGlobals())

  it('is the newest when none was looked at before', () => {
    expect(studyToOpen(studies(3, 7, 9))).toBe(9)
    expect(studyToOpen(studies())).toBeNull()
    expect(studyToOpen(null)).toBeNull()
  })

  it('is the one last looked at while it still exists', () => {
    rememberStudy(7)
    expect(studyToOpen(studies(3, 7, 9))).toBe(7)
    expect(studyToOpen(studies(3, 9))).toBe(9)
    expect(studyToOpen(null)).toBe(7)
  })

  it('has its first screenful asked for at the click, before the screen renders', async () => {
    rememberStudy(7)
    const o = openStudies(studies(3, 7, 9))
    expect(asked).toEqual([[7, true]])
    expect(o.first?.id).toBe(7)
    await expect(o.first?.table).resolves.toMatchObject({ study: { id: 7 } })
  })

  it('asks only for the list when no study is known', () => {
    const o = openStudies(null)
    expect(o.first).toBeNull()
    expect(asked).toEqual([])
  })
})
